// `productVariantsBulkCreate` and `productVariantsBulkUpdate`, with their documented codes.
import type { Args, RequestContext, ResolverModule } from '../graphql/context.ts';
import { NotImplementedError } from '../graphql/errors.ts';
import { MAX_VARIANTS } from '../graphql/input-limits.ts';
import { parseGid } from './ids.ts';
import { productObject, variantObject } from './product-objects.ts';
import {
  moneyOrError,
  planOptions,
  planVariants,
  refuseVariantMedia,
  unknownLocationErrors,
  type OptionInput,
  type UserError,
  type VariantCodes,
  type VariantInput,
} from './product-input.ts';
import { productById, variantsByProducts, type ProductRow, type VariantRow } from './product-rows.ts';
import { productWebhookPayload } from './product-webhooks.ts';
import { admitNewVariants } from './variant-throttle.ts';
import { inTransaction, updateProduct, writeVariants, type VariantPlan } from './product-writer.ts';

/** Beside userErrors the variant list is empty, not null, as Shopify answers it. */
function payload(typename: string, errorTypename: string, product: unknown, variants: unknown[], errors: UserError[]) {
  return {
    __typename: typename,
    product,
    productVariants: variants,
    userErrors: errors.map((error) => ({ __typename: errorTypename, ...error })),
  };
}

/**
 * ProductVariantsBulkCreateUserErrorCode: a value for an option the product lacks, or two for one
 * option, is INVALID_INPUT ("Input is invalid"); too few is NEED_TO_ADD_OPTION_VALUES ("Variant
 * options are not enough"); a combination already there is VARIANT_ALREADY_EXISTS.
 */
const CREATE_CODES: VariantCodes = {
  unknownOption: 'INVALID_INPUT',
  duplicatedOption: 'INVALID_INPUT',
  missingOption: 'NEED_TO_ADD_OPTION_VALUES',
  unknownValue: 'NEED_TO_ADD_OPTION_VALUES',
  duplicateVariant: 'VARIANT_ALREADY_EXISTS',
  notFound: 'INVALID',
  invalid: 'INVALID',
};

async function load(
  context: RequestContext,
  productId: unknown,
): Promise<{ product: ProductRow; variants: VariantRow[] } | undefined> {
  const id = parseGid(productId, 'Product');
  const product = id ? await productById(context.pool, context.shop.domain, id) : undefined;
  if (!product) return undefined;
  const variants =
    (await variantsByProducts(context.pool, context.shop.domain, [product.id])).get(String(product.id)) ?? [];
  return { product, variants };
}

const isStandalone = (variants: VariantRow[]) => variants.length === 1;
const isDefault = (variants: VariantRow[]) => variants.length === 1 && variants[0]?.title === 'Default Title';

async function productVariantsBulkCreate(args: Args, context: RequestContext) {
  const result = (product: unknown, variants: unknown[], errors: UserError[]) =>
    payload('ProductVariantsBulkCreatePayload', 'ProductVariantsBulkCreateUserError', product, variants, errors);
  if (Array.isArray(args.media) && args.media.length)
    throw new NotImplementedError('productVariantsBulkCreate with media');
  const inputs = args.variants as VariantInput[];
  inputs.forEach(refuseVariantMedia);
  const strategy = typeof args.strategy === 'string' ? args.strategy : 'DEFAULT';
  const found = await load(context, args.productId);
  if (!found)
    return result(
      null,
      [],
      [{ field: ['productId'], message: 'Product does not exist', code: 'PRODUCT_DOES_NOT_EXIST' }],
    );
  const { product, variants } = found;
  const removeStandalone =
    strategy === 'REMOVE_STANDALONE_VARIANT' ? isStandalone(variants) : strategy === 'DEFAULT' && isDefault(variants);
  const kept = removeStandalone ? [] : variants;
  const errors: UserError[] = [];
  if (kept.length + inputs.length > MAX_VARIANTS)
    errors.push({
      field: ['variants'],
      message: `A product can have at most ${MAX_VARIANTS} variants.`,
      code: 'SUBSCRIPTION_VIOLATION',
    });

  const client = await context.pool.connect();
  try {
    const outcome = await inTransaction(client, async () => {
      // New option values named by the variants are added to their options, as Shopify does; a
      // product still on its default "Title" option takes the options the variants name.
      const onDefaultOption = removeStandalone && product.options.length === 1 && product.options[0]?.name === 'Title';
      const optionInputs: OptionInput[] = onDefaultOption
        ? []
        : product.options.map((option) => ({
            name: option.name,
            values: option.values.map((value) => ({ name: value.name })),
          }));
      for (const input of inputs) {
        for (const value of input.optionValues ?? []) {
          let option = optionInputs.find((item) => item.name?.toLowerCase() === (value.optionName ?? '').toLowerCase());
          if (!option && onDefaultOption && value.optionName)
            optionInputs.push((option = { name: value.optionName, values: [] }));
          if (option && value.name && !option.values?.some((item) => item.name === value.name))
            option.values?.push({ name: value.name });
        }
      }
      const options = await planOptions(client, optionInputs, product.options, ['variants'], errors);
      const plans = planVariants(inputs, options, [], ['variants'], errors, CREATE_CODES);
      errors.push(
        ...(await unknownLocationErrors(
          client,
          context.shop.domain,
          plans,
          ['variants'],
          'TRACKED_VARIANT_LOCATION_NOT_FOUND',
          'Quantity could not be set. The location was not found.',
        )),
      );
      const existingCombos = new Set(kept.map((variant) => variant.title));
      plans.forEach((plan, index) => {
        const title = plan.selectedOptions.map((option) => option.value).join(' / ');
        if (existingCombos.has(title))
          errors.push({
            field: ['variants', String(index)],
            message: `The variant '${title}' already exists.`,
            code: 'VARIANT_ALREADY_EXISTS',
          });
      });
      if (errors.length) return undefined;
      await admitNewVariants(client, context.shop, plans.length);
      if (removeStandalone) await client.query('DELETE FROM devstore.variants WHERE product_id = $1', [product.id]);
      const row = await updateProduct(client, product.id, { options });
      const created = await writeVariants(client, context.shop.domain, String(product.id), plans, false, kept.length);
      return { row, created };
    });
    if (!outcome) return result(null, [], errors);
    context.emit('products/update', productWebhookPayload(outcome.row));
    return result(productObject(outcome.row), outcome.created.map(variantObject), []);
  } finally {
    client.release();
  }
}

async function productVariantsBulkUpdate(args: Args, context: RequestContext) {
  const result = (product: unknown, variants: unknown[], errors: UserError[]) =>
    payload('ProductVariantsBulkUpdatePayload', 'ProductVariantsBulkUpdateUserError', product, variants, errors);
  if (Array.isArray(args.media) && args.media.length)
    throw new NotImplementedError('productVariantsBulkUpdate with media');
  const inputs = args.variants as VariantInput[];
  const found = await load(context, args.productId);
  if (!found)
    return result(
      null,
      [],
      [{ field: ['productId'], message: 'Product does not exist', code: 'PRODUCT_DOES_NOT_EXIST' }],
    );
  // An empty batch changes nothing; Shopify answers it as bad input (the docs name no code; INVALID_INPUT is "Input is invalid").
  if (!inputs.length)
    return result(
      null,
      [],
      [{ field: ['variants'], message: 'At least one variant must be given.', code: 'INVALID_INPUT' }],
    );
  const errors: UserError[] = [];
  const plans: VariantPlan[] = [];
  inputs.forEach((input, index) => {
    const at = ['variants', String(index)];
    refuseVariantMedia(input);
    if (input.optionValues?.length) throw new NotImplementedError('productVariantsBulkUpdate changing optionValues');
    if (input.inventoryQuantities?.length)
      errors.push({
        field: [...at, 'inventoryQuantities'],
        message:
          'Inventory quantities can only be provided during create. To update inventory for existing variants, use inventoryAdjustQuantities.',
        code: 'NO_INVENTORY_QUANTITIES_ON_VARIANTS_UPDATE',
      });
    if (!input.id) {
      errors.push({
        field: [...at, 'id'],
        message: 'Product variant is missing ID attribute',
        code: 'PRODUCT_VARIANT_ID_MISSING',
      });
      return;
    }
    const id = parseGid(input.id, 'ProductVariant');
    const variant = found.variants.find((row) => String(row.id) === id);
    if (!variant) {
      errors.push({
        field: [...at, 'id'],
        message: 'Product variant does not exist',
        code: 'PRODUCT_VARIANT_DOES_NOT_EXIST',
      });
      return;
    }
    const price = moneyOrError(input.price, [...at, 'price'], errors, 'GREATER_THAN_OR_EQUAL_TO');
    const compareAtPrice = moneyOrError(
      input.compareAtPrice,
      [...at, 'compareAtPrice'],
      errors,
      'GREATER_THAN_OR_EQUAL_TO',
    );
    plans.push({
      id: String(variant.id),
      position: variant.position,
      selectedOptions: variant.selected_options,
      price: price ?? null,
      compareAtPrice: compareAtPrice ?? null,
      sku: input.inventoryItem?.sku ?? input.sku ?? null,
      barcode: input.barcode ?? null,
      taxable: input.taxable ?? null,
      inventoryPolicy: input.inventoryPolicy ?? null,
      tracked: input.inventoryItem?.tracked ?? null,
      requiresShipping: input.inventoryItem?.requiresShipping ?? null,
      metafields: input.metafields ?? [],
    });
  });
  if (errors.length && args.allowPartialUpdates !== true) return result(null, [], errors);
  const client = await context.pool.connect();
  try {
    const updated = await inTransaction(client, async () => {
      const saved = await writeVariants(client, context.shop.domain, String(found.product.id), plans, false);
      await client.query('UPDATE devstore.products SET updated_at = now() WHERE id = $1', [found.product.id]);
      return saved;
    });
    const product = (await productById(context.pool, context.shop.domain, String(found.product.id))) as ProductRow;
    context.emit('products/update', productWebhookPayload(product));
    return result(productObject(product), updated.map(variantObject), errors);
  } finally {
    client.release();
  }
}

export const variantMutationsModule: ResolverModule = {
  mutations: { productVariantsBulkCreate, productVariantsBulkUpdate },
};
