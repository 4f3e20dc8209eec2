// Checks product input the way Shopify does before writing anything, and turns it into a plan for
// the writer: options with ids, variants matched to existing ones, media, tags.
import type { PoolClient } from 'pg';
import type { RequestContext } from '../graphql/context.ts';
import { NotImplementedError } from '../graphql/errors.ts';
import { allocateIds, type MediaInput, type VariantPlan } from './product-writer.ts';
import { gid, parseGid } from './ids.ts';
import type { ProductOption, VariantRow } from './product-rows.ts';

export const MAX_OPTIONS = 3;

/** Prices, like every amount devstore keeps, are below 10^18. */
export const MAX_PRICE = 1e18;

export interface UserError {
  field: string[] | null;
  message: string;
  code: string | null;
}

export interface OptionInput {
  id?: string | null;
  name?: string | null;
  position?: number | null;
  values?: { id?: string | null; name?: string | null }[] | null;
}

export interface VariantInput {
  id?: string | null;
  /** ProductVariantSetInput.position: "The order of the product variant in the list of product variants. The first position in the list is 1." */
  position?: number | null;
  optionValues?:
    { optionName?: string | null; name?: string | null; optionId?: string | null; id?: string | null }[] | null;
  price?: unknown;
  compareAtPrice?: unknown;
  sku?: string | null;
  barcode?: string | null;
  taxable?: boolean | null;
  inventoryPolicy?: string | null;
  inventoryItem?: { sku?: string | null; tracked?: boolean | null; requiresShipping?: boolean | null } | null;
  /** productSet's ProductSetInventoryInput {locationId, name, quantity}, or the bulk mutations' InventoryLevelInput {locationId, availableQuantity}. */
  inventoryQuantities?: { locationId: string; name?: string; quantity?: number; availableQuantity?: number }[] | null;
  metafields?: { namespace?: string | null; key?: string | null; type?: string | null; value?: string | null }[] | null;
  /**
   * productSet's `file` for the variant: priced (mutation-costs.ts) but not kept, and reading a
   * variant's media or image answers not implemented (Shipyard sends it; devstore/README.md says so).
   */
  file?: unknown;
  /** The bulk mutations' variant media: not implemented, refused rather than dropped. */
  mediaId?: unknown;
  mediaSrc?: unknown;
}

/** The bulk mutations' variant media (`mediaId`, `mediaSrc`) is not kept by devstore: refused loudly rather than dropped. */
export function refuseVariantMedia(input: VariantInput): void {
  if (input.mediaId || (Array.isArray(input.mediaSrc) ? input.mediaSrc.length : input.mediaSrc))
    throw new NotImplementedError('variant media (mediaId, mediaSrc)');
}

export function normalizeTags(tags: unknown): string[] | undefined {
  if (tags === undefined || tags === null) return undefined;
  const list = Array.isArray(tags) ? tags.map(String) : String(tags).split(',');
  const seen = new Map<string, string>();
  for (const tag of list.map((item) => item.trim().replace(/\s+/g, ' ')).filter(Boolean))
    if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  return [...seen.values()];
}

/**
 * A new product given no vendor gets the store's name, as Shopify's admin and API do (the docs only
 * call it "the name of the product's vendor"; issue 10 records the answer Shopify gives).
 */
export function defaultVendor(context: RequestContext): string {
  return context.shop.name;
}

/**
 * Product tags as Shopify answers them: sorted (devstore sorts ignoring case; Shopify documents the
 * order only by showing it, e.g. the `tags` of https://shopify.dev/docs/api/admin-graphql/latest/queries/product).
 */
export function sortedTags(tags: unknown): string[] | undefined {
  return normalizeTags(tags)?.sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()) || a.localeCompare(b));
}

/**
 * The variants' inventory quantities at locations the shop does not have, as userErrors with `code`
 * (one query for the whole input; a location id that is not a Location GID is one too).
 */
export async function unknownLocationErrors(
  db: PoolClient,
  shop: string,
  plans: VariantPlan[],
  path: string[],
  code: string,
  message: string,
): Promise<UserError[]> {
  // An id too long for a bigint cannot be one of the shop's.
  const wanted = [
    ...new Set(
      plans.flatMap((plan) =>
        (plan.inventoryQuantities ?? []).map((level) => level.locationId).filter((id) => /^\d{1,18}$/.test(id)),
      ),
    ),
  ];
  const { rows } = wanted.length
    ? await db.query<{ id: string }>('SELECT id FROM devstore.locations WHERE shop = $1 AND id = ANY($2::bigint[])', [
        shop,
        wanted,
      ])
    : { rows: [] };
  const known = new Set(rows.map((row) => String(row.id)));
  return plans.flatMap((plan, index) =>
    (plan.inventoryQuantities ?? []).flatMap((level, levelIndex) =>
      known.has(level.locationId)
        ? []
        : [{ field: [...path, String(index), 'inventoryQuantities', String(levelIndex), 'locationId'], message, code }],
    ),
  );
}

export function moneyOrError(
  value: unknown,
  field: string[],
  errors: UserError[],
  code: string,
): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  const text = String(value).trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) {
    errors.push({ field, message: 'Price is invalid', code });
    return undefined;
  }
  if (Number(text) < 0) errors.push({ field, message: 'Price must be greater than or equal to 0', code });
  // devstore keeps prices below 10^18 (two decimals); Shopify documents no ceiling, so the wording is devstore's.
  else if (Number(text) >= MAX_PRICE)
    errors.push({ field, message: 'Price must be less than 1000000000000000000', code });
  return text;
}

/** Validates productOptions; returns the options with ids kept from the existing product. */
export async function planOptions(
  client: PoolClient,
  inputs: OptionInput[],
  existing: ProductOption[],
  path: string[],
  errors: UserError[],
): Promise<ProductOption[]> {
  if (inputs.length > MAX_OPTIONS)
    errors.push({
      field: path,
      message: `Options over limit: a product can have at most ${MAX_OPTIONS} options.`,
      code: 'OPTIONS_OVER_LIMIT',
    });
  const names = new Set<string>();
  inputs.forEach((option, index) => {
    const at = [...path, String(index)];
    const name = option.name?.trim() ?? '';
    if (!name) errors.push({ field: [...at, 'name'], message: "Option name can't be blank.", code: 'INVALID_INPUT' });
    if (names.has(name.toLowerCase()))
      errors.push({
        field: [...at, 'name'],
        message: `Duplicated option name '${name}'.`,
        code: 'DUPLICATED_OPTION_NAME',
      });
    names.add(name.toLowerCase());
    const values = (option.values ?? []).map((value) => value.name?.trim() ?? '');
    if (!values.length)
      errors.push({
        field: [...at, 'values'],
        message: 'Each option must have at least one option value specified.',
        code: 'OPTION_VALUES_MISSING',
      });
    const seen = new Set<string>();
    values.forEach((value, valueIndex) => {
      if (seen.has(value.toLowerCase()))
        errors.push({
          field: [...at, 'values', String(valueIndex)],
          message: `Duplicated option value '${value}'.`,
          code: 'DUPLICATED_OPTION_VALUE',
        });
      seen.add(value.toLowerCase());
    });
  });
  if (errors.length) return [];
  const needed = inputs.reduce((sum, option) => sum + 1 + (option.values?.length ?? 0), 0);
  const fresh = await allocateIds(client, needed);
  let next = 0;
  const take = () => fresh[next++] as string;
  return inputs.map((option, index) => {
    const name = option.name?.trim() ?? '';
    const before = existing.find((item) => item.name.toLowerCase() === name.toLowerCase());
    return {
      id: before?.id ?? gid('ProductOption', take()),
      name,
      position: option.position ?? index + 1,
      values: (option.values ?? []).map((value) => {
        const valueName = value.name?.trim() ?? '';
        return {
          id: before?.values.find((item) => item.name === valueName)?.id ?? gid('ProductOptionValue', take()),
          name: valueName,
        };
      }),
    };
  });
}

/** The userError code each mutation answers for each way a variant's option values can be wrong. */
export interface VariantCodes {
  /** A value for an option the product does not have. */
  unknownOption: string;
  /** Two values for the same option. */
  duplicatedOption: string;
  /** No value for one of the product's options. */
  missingOption: string;
  /** A value the option does not have. */
  unknownValue: string;
  /** The same combination of values as another variant. */
  duplicateVariant: string;
  /** A variant id the product does not have. */
  notFound: string;
  /** A price that is not an amount. */
  invalid: string;
}

/**
 * productSet's variants in the order they take: by the `position` each was given, those without one
 * where they stand in the list, then numbered from 1 as Shopify numbers them. `Product.variants`
 * lists them in this order, its default sort key being POSITION (ProductVariantSortKeys), so a client
 * that gave every variant its position can pair the answer's variants with its input by place.
 */
export function placeVariants(plans: VariantPlan[], inputs: VariantInput[]): VariantPlan[] {
  const wanted = (index: number) => inputs[index]?.position ?? index + 1;
  return plans
    .map((plan, index) => ({ plan, index }))
    .sort((a, b) => wanted(a.index) - wanted(b.index) || a.index - b.index)
    .map(({ plan }, place) => ({ ...plan, position: place + 1 }));
}

/** Validates variants against the options and matches them to existing variants (by id, else by options). */
export function planVariants(
  inputs: VariantInput[],
  options: ProductOption[],
  existing: VariantRow[],
  path: string[],
  errors: UserError[],
  codes: VariantCodes,
): VariantPlan[] {
  const combos = new Set<string>();
  const plans: VariantPlan[] = [];
  inputs.forEach((input, index) => {
    const at = [...path, String(index)];
    const selected: { name: string; value: string }[] = [];
    for (const [valueIndex, value] of (input.optionValues ?? []).entries()) {
      const option = options.find(
        (item) =>
          (value.optionId && item.id === value.optionId) ||
          item.name.toLowerCase() === (value.optionName ?? '').trim().toLowerCase(),
      );
      if (!option) {
        errors.push({
          field: [...at, 'optionValues', String(valueIndex), 'optionName'],
          message: `Option '${value.optionName ?? value.optionId ?? ''}' does not exist.`,
          code: codes.unknownOption,
        });
        continue;
      }
      if (selected.some((item) => item.name === option.name)) {
        errors.push({
          field: [...at, 'optionValues', String(valueIndex), 'optionName'],
          message: `Option '${option.name}' is given more than once.`,
          code: codes.duplicatedOption,
        });
        continue;
      }
      const found = option.values.find(
        (item) => (value.id && item.id === value.id) || item.name === (value.name ?? '').trim(),
      );
      if (!found) {
        errors.push({
          field: [...at, 'optionValues', String(valueIndex), 'name'],
          message: `Option value '${value.name ?? ''}' does not exist for option '${option.name}'.`,
          code: codes.unknownValue,
        });
        continue;
      }
      selected.push({ name: option.name, value: found.name });
    }
    const missing = options.filter((option) => !selected.some((item) => item.name === option.name));
    if (missing.length && selected.length === (input.optionValues ?? []).length) {
      errors.push({
        field: [...at, 'optionValues'],
        message: `The variant is missing a value for ${missing.map((option) => `'${option.name}'`).join(', ')}.`,
        code: codes.missingOption,
      });
    }
    const ordered = options.flatMap((option) => selected.filter((item) => item.name === option.name));
    const combo = ordered.map((item) => item.value).join(' / ');
    if (combos.has(combo))
      errors.push({ field: at, message: `The variant '${combo}' already exists.`, code: codes.duplicateVariant });
    combos.add(combo);

    let id: string | undefined;
    if (input.id) {
      id = parseGid(input.id, 'ProductVariant');
      if (!id || !existing.some((row) => String(row.id) === id))
        errors.push({ field: [...at, 'id'], message: 'Product variant does not exist', code: codes.notFound });
    } else {
      id = existing.find(
        (row) =>
          row.selected_options.map((item) => item.value).join(' / ') === combo &&
          row.selected_options.length === ordered.length,
      )?.id;
      if (id && plans.some((plan) => plan.id === String(id))) id = undefined;
    }
    const price = moneyOrError(input.price, [...at, 'price'], errors, codes.invalid);
    const compareAtPrice = moneyOrError(input.compareAtPrice, [...at, 'compareAtPrice'], errors, codes.invalid);
    plans.push({
      ...(id ? { id: String(id) } : {}),
      selectedOptions: ordered,
      price: price ?? null,
      compareAtPrice: compareAtPrice ?? null,
      sku: input.inventoryItem?.sku ?? input.sku ?? null,
      barcode: input.barcode ?? null,
      taxable: input.taxable ?? null,
      inventoryPolicy: input.inventoryPolicy ?? null,
      tracked: input.inventoryItem?.tracked ?? null,
      requiresShipping: input.inventoryItem?.requiresShipping ?? null,
      inventoryQuantities: (input.inventoryQuantities ?? []).map((level) => ({
        locationId: parseGid(level.locationId, 'Location') ?? '',
        name: level.name ?? 'available',
        quantity: level.quantity ?? level.availableQuantity ?? 0,
      })),
      metafields: input.metafields ?? [],
    });
  });
  return plans;
}

/** Checks `files`/`media` input: every item needs a source URL devstore can fetch (http or https). */
export function planMedia(
  inputs: {
    originalSource?: string | null;
    alt?: string | null;
    contentType?: string | null;
    mediaContentType?: string | null;
  }[],
  path: string[],
  errors: UserError[],
  code: string,
): MediaInput[] {
  inputs.forEach((input, index) => {
    const source = input.originalSource ?? '';
    if (!URL.canParse(source) || !/^https?:$/.test(new URL(source).protocol))
      errors.push({ field: [...path, String(index), 'originalSource'], message: 'Image URL is invalid', code });
    const type = input.contentType ?? input.mediaContentType ?? 'IMAGE';
    if (type !== 'IMAGE' && type !== 'FILE') throw new NotImplementedError(`product media of type ${type}`);
  });
  return inputs.map((input) => ({
    originalSource: input.originalSource ?? '',
    alt: input.alt ?? null,
    contentType: 'IMAGE',
  }));
}
