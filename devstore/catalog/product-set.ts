// `productSet`, synchronous: creates or updates a product with its options, variants, files, SEO,
// metafields, tags, status and collections from one input; list fields replace what was there.
import { CustomIdError, type CustomId, ownerByCustomId } from './custom-ids.ts';
import type { Args, RequestContext, ResolverModule } from '../graphql/context.ts';
import { NotImplementedError, ResourceThrottledError } from '../graphql/errors.ts';
import { handleTaken, handleize, toHandle, uniqueHandle } from './handles.ts';
import { gid, parseGid } from './ids.ts';
import { metafieldInputErrors, writeMetafields } from './metafields.ts';
import { resolveNamespace } from './namespaces.ts';
import { productObject } from './product-objects.ts';
import {
  defaultVendor,
  planMedia,
  planOptions,
  placeVariants,
  planVariants,
  sortedTags,
  unknownLocationErrors,
  type OptionInput,
  type UserError,
  type VariantCodes,
  type VariantInput,
} from './product-input.ts';
import { productTextErrors } from './text-limits.ts';
import { productByHandle, productById, variantsByProducts, type ProductRow } from './product-rows.ts';
import {
  inTransaction,
  insertProduct,
  setCollections,
  updateProduct,
  writeMedia,
  writeVariants,
  type VariantPlan,
} from './product-writer.ts';
import { productWebhookPayload } from './product-webhooks.ts';
import { admitNewVariants } from './variant-throttle.ts';

interface ProductSetInput {
  id?: string | null;
  title?: string | null;
  handle?: string | null;
  descriptionHtml?: string | null;
  vendor?: string | null;
  productType?: string | null;
  status?: string | null;
  tags?: string[] | null;
  seo?: { title?: string | null; description?: string | null } | null;
  productOptions?: OptionInput[] | null;
  variants?: VariantInput[] | null;
  files?:
    { id?: string | null; originalSource?: string | null; alt?: string | null; contentType?: string | null }[] | null;
  metafields?: { namespace?: string | null; key?: string | null; type?: string | null; value?: string | null }[] | null;
  collections?: string[] | null;
}

/** ProductSetUserErrorCode: "Option does not exist", "Option value does not exist", else "Product variant is not valid". */
const VARIANT_CODES: VariantCodes = {
  unknownOption: 'OPTION_DOES_NOT_EXIST',
  unknownValue: 'OPTION_VALUE_DOES_NOT_EXIST',
  notFound: 'PRODUCT_VARIANT_DOES_NOT_EXIST',
  duplicatedOption: 'INVALID_VARIANT',
  missingOption: 'INVALID_VARIANT',
  duplicateVariant: 'INVALID_VARIANT',
  invalid: 'INVALID_VARIANT',
};

function failed(userErrors: UserError[]) {
  return {
    __typename: 'ProductSetPayload',
    product: null,
    productSetOperation: null,
    userErrors: userErrors.map((error) => ({ __typename: 'ProductSetUserError', ...error })),
  };
}

function isHandleConflict(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: string }).code === '23505' &&
    (error as { constraint?: string }).constraint === 'products_shop_handle'
  );
}

/**
 * With synchronous: false the work runs after the answer, which carries a ProductSetOperation to
 * poll with productOperation (CREATED → ACTIVE → COMPLETE, with the product or the userErrors).
 */
async function productSet(args: Args, context: RequestContext) {
  if (args.synchronous !== false) return setProduct(args, context);
  const { rows } = await context.pool.query<{ id: string }>(
    'INSERT INTO devstore.product_operations (shop) VALUES ($1) RETURNING id',
    [context.shop.domain],
  );
  const id = (rows[0] as { id: string }).id;
  context.defer(async (live) => {
    await live.pool.query("UPDATE devstore.product_operations SET status = 'ACTIVE' WHERE id = $1", [id]);
    // The throttle ends a background run like any other failure there: JOB_ERROR, "Error processing request in the background job".
    const result = await setProduct(args, live).catch((error: unknown) => {
      if (error instanceof ResourceThrottledError)
        return failed([{ field: null, message: error.message, code: 'JOB_ERROR' }]);
      throw error;
    });
    const productId = result.product ? parseGid(result.product.id, 'Product') : undefined;
    const userErrors = result.userErrors.map(({ field, message, code }) => ({ field, message, code }));
    await live.pool.query(
      "UPDATE devstore.product_operations SET status = 'COMPLETE', product_id = $2, user_errors = $3 WHERE id = $1",
      [id, productId ?? null, JSON.stringify(userErrors)],
    );
  });
  return {
    __typename: 'ProductSetPayload',
    product: null,
    productSetOperation: operationObject({ id, status: 'CREATED', product_id: null, user_errors: [] }),
    userErrors: [],
  };
}

interface OperationRow {
  id: string;
  status: string;
  product_id: string | null;
  user_errors: UserError[];
}

function operationObject(row: OperationRow) {
  return {
    __typename: 'ProductSetOperation',
    id: gid('ProductSetOperation', row.id),
    status: row.status,
    userErrors: row.user_errors.map((error) => ({ __typename: 'ProductSetUserError', ...error })),
    product: async (_args: Args, context: RequestContext) => {
      const product = row.product_id
        ? await productById(context.pool, context.shop.domain, String(row.product_id))
        : undefined;
      return product ? productObject(product) : null;
    },
  };
}

async function productOperation(args: Args, context: RequestContext) {
  const type = /^gid:\/\/shopify\/([A-Za-z]+)\//.exec(String(args.id))?.[1];
  // Delete and duplicate operations are not implemented; an id that is no operation of any kind is none of the shop's.
  if (type && type !== 'ProductSetOperation') throw new NotImplementedError(`productOperation for ${type}`);
  const id = parseGid(args.id, 'ProductSetOperation');
  if (!id) return null;
  const { rows } = await context.pool.query<OperationRow>(
    'SELECT * FROM devstore.product_operations WHERE shop = $1 AND id = $2',
    [context.shop.domain, id],
  );
  return rows[0] ? operationObject(rows[0]) : null;
}

async function setProduct(args: Args, context: RequestContext) {
  const input = args.input as ProductSetInput;
  const identifier = args.identifier as
    { id?: string | null; handle?: string | null; customId?: unknown } | null | undefined;
  const shop = context.shop.domain;
  const errors: UserError[] = [];

  let existing: ProductRow | undefined;
  // A handle given is made a handle the way Shopify makes one ("Linen Shirt" → "linen-shirt", "東京" stays).
  let handle = input.handle ? toHandle(input.handle) || undefined : undefined;
  if (identifier) {
    if (identifier.customId) {
      // Upsert by custom ID: find the product whose `id` metafield holds the value; a new product
      // gets the metafield, so the next call with the same identifier finds it.
      const customId = identifier.customId as CustomId;
      const namespace = resolveNamespace(customId.namespace);
      const given = (input.metafields ?? []).find(
        (metafield) => resolveNamespace(metafield.namespace) === namespace && metafield.key === customId.key,
      );
      if (given && given.value !== customId.value) {
        errors.push({
          field: ['input', 'metafields'],
          message: 'The identifier value does not match the value of the corresponding field in the input.',
          code: 'INPUT_MISMATCH',
        });
      } else if (!given) {
        input.metafields = [
          ...(input.metafields ?? []),
          { namespace, key: customId.key, type: 'id', value: customId.value },
        ];
      }
      try {
        const ownerId = await ownerByCustomId(context.pool, shop, 'PRODUCT', customId);
        existing = ownerId ? await productById(context.pool, shop, ownerId) : undefined;
      } catch (error) {
        if (!(error instanceof CustomIdError)) throw error;
        errors.push({ field: ['identifier', 'customId'], message: error.message, code: 'INVALID_INPUT' });
      }
    }
    if (input.id)
      errors.push({
        field: ['input', 'id'],
        message: 'The id field is not allowed if identifier is provided.',
        code: 'ID_NOT_ALLOWED',
      });
    if (identifier.customId) {
      // found above
    } else if (identifier.id) {
      const id = parseGid(identifier.id, 'Product');
      existing = id ? await productById(context.pool, shop, id) : undefined;
      if (!existing)
        errors.push({
          field: ['identifier', 'id'],
          message: 'Resource matching the identifier was not found.',
          code: 'NOT_FOUND',
        });
    } else if (identifier.handle) {
      if (input.handle && input.handle !== identifier.handle)
        errors.push({
          field: ['input', 'handle'],
          message: 'The identifier value does not match the value of the corresponding field in the input.',
          code: 'INPUT_MISMATCH',
        });
      existing = await productByHandle(context.pool, shop, identifier.handle);
      handle ??= toHandle(identifier.handle) || undefined;
    }
  } else if (input.id) {
    const id = parseGid(input.id, 'Product');
    existing = id ? await productById(context.pool, shop, id) : undefined;
    if (!existing)
      errors.push({ field: ['input', 'id'], message: 'Product does not exist', code: 'PRODUCT_DOES_NOT_EXIST' });
  }
  if (errors.length) return failed(errors);
  if (!existing && !input.title?.trim())
    errors.push({ field: ['input', 'title'], message: "Title can't be blank", code: 'INVALID_PRODUCT' });
  // ProductSetUserErrorCode has no TOO_LONG: a product Shopify's validations refuse is INVALID_PRODUCT, as a blank title is.
  errors.push(
    ...productTextErrors({ ...input, handle }, ['input']).map((error) => ({ ...error, code: 'INVALID_PRODUCT' })),
  );
  if (input.variants && !input.productOptions && !existing)
    errors.push({
      field: ['input', 'productOptions'],
      message: 'Must specify product options when updating variants.',
      code: 'PRODUCT_OPTIONS_INPUT_MISSING',
    });
  if (input.productOptions && !input.variants)
    errors.push({
      field: ['input', 'variants'],
      message: 'Must specify variants when updating options.',
      code: 'VARIANTS_INPUT_MISSING',
    });
  if (input.files?.some((file) => file.id)) throw new NotImplementedError('productSet files referenced by id');
  errors.push(
    ...metafieldInputErrors(input.metafields ?? [], ['input', 'metafields'], context.shop.currencyCode).map(
      (error) => ({ ...error, code: 'INVALID_METAFIELD' }),
    ),
  );
  if (handle && (await handleTaken(context.pool, 'products', shop, handle, existing?.id))) {
    errors.push({
      field: ['input', 'handle'],
      message: `Handle '${handle}' already in use. Please provide a new handle.`,
      code: 'HANDLE_NOT_UNIQUE',
    });
  }
  const collectionIds = input.collections?.map((id) => parseGid(id, 'Collection') ?? '');
  if (collectionIds?.length) {
    const { rows } = await context.pool.query<{ id: string }>(
      'SELECT id FROM devstore.collections WHERE shop = $1 AND id = ANY($2::bigint[])',
      [shop, collectionIds.filter(Boolean)],
    );
    collectionIds.forEach((id, index) => {
      if (!rows.some((row) => String(row.id) === id))
        errors.push({
          field: ['input', 'collections', String(index)],
          message: 'Collection does not exist',
          code: 'INVALID_INPUT',
        });
    });
  }
  if (errors.length) return failed(errors);

  const existingVariants = existing
    ? ((await variantsByProducts(context.pool, shop, [existing.id])).get(String(existing.id)) ?? [])
    : [];
  const client = await context.pool.connect();
  try {
    const outcome = await inTransaction(client, async () => {
      const optionInputs: OptionInput[] | undefined =
        input.productOptions ?? (existing ? undefined : [{ name: 'Title', values: [{ name: 'Default Title' }] }]);
      const options = optionInputs
        ? await planOptions(client, optionInputs, existing?.options ?? [], ['input', 'productOptions'], errors)
        : (existing?.options ?? []);
      const variantInputs: VariantInput[] | undefined =
        input.variants ?? (existing ? undefined : [{ optionValues: [{ optionName: 'Title', name: 'Default Title' }] }]);
      let plans: VariantPlan[] | undefined;
      if (variantInputs && !errors.length)
        plans = placeVariants(
          planVariants(variantInputs, options, existingVariants, ['input', 'variants'], errors, VARIANT_CODES),
          variantInputs,
        );
      const media = input.files ? planMedia(input.files, ['input', 'files'], errors, 'INVALID_INPUT') : undefined;
      // ProductSetUserErrorCode has no location code of its own; INVALID_INPUT is "Input is not valid".
      errors.push(
        ...(await unknownLocationErrors(
          client,
          shop,
          plans ?? [],
          ['input', 'variants'],
          'INVALID_INPUT',
          'Location does not exist',
        )),
      );
      if (errors.length) return undefined;
      await admitNewVariants(client, context.shop, (plans ?? []).filter((plan) => !plan.id).length);

      const fields = {
        ...(input.title !== undefined && input.title !== null ? { title: input.title } : {}),
        ...(input.descriptionHtml !== undefined && input.descriptionHtml !== null
          ? { descriptionHtml: input.descriptionHtml }
          : {}),
        ...(input.vendor !== undefined && input.vendor !== null ? { vendor: input.vendor } : {}),
        ...(input.productType !== undefined && input.productType !== null ? { productType: input.productType } : {}),
        ...(input.status ? { status: input.status } : {}),
        ...(input.tags !== undefined && input.tags !== null ? { tags: sortedTags(input.tags) as string[] } : {}),
        ...(input.seo ? { seoTitle: input.seo.title ?? null, seoDescription: input.seo.description ?? null } : {}),
        ...(optionInputs ? { options } : {}),
      };
      const row = existing
        ? await updateProduct(client, existing.id, { ...fields, ...(handle ? { handle } : {}) })
        : await insertProduct(client, shop, {
            ...fields,
            vendor: fields.vendor?.trim() ? fields.vendor : defaultVendor(context),
            title: input.title as string,
            handle: handle ?? (await uniqueHandle(client, 'products', shop, handleize(input.title as string))),
          });
      if (plans) await writeVariants(client, shop, String(row.id), plans, true);
      if (input.metafields) await writeMetafields(client, shop, String(row.id), 'PRODUCT', input.metafields, true);
      if (collectionIds) await setCollections(client, String(row.id), collectionIds);
      const toFetch = media ? await writeMedia(client, shop, String(row.id), media, true) : [];
      return { row, toFetch };
    });
    if (!outcome) return failed(errors);
    context.fetchFiles(outcome.toFetch);
    context.emit(existing ? 'products/update' : 'products/create', productWebhookPayload(outcome.row));
    return {
      __typename: 'ProductSetPayload',
      product: productObject(outcome.row),
      productSetOperation: null,
      userErrors: [],
    };
  } catch (error) {
    if (isHandleConflict(error))
      return failed([
        {
          field: ['input', 'handle'],
          message: `Handle '${handle ?? ''}' already in use. Please provide a new handle.`,
          code: 'HANDLE_NOT_UNIQUE',
        },
      ]);
    throw error;
  } finally {
    client.release();
  }
}

export const productSetModule: ResolverModule = { queries: { productOperation }, mutations: { productSet } };
