// `productCreate`, `productUpdate` and `productDelete` (synchronous), with their documented userErrors.
import type { Args, RequestContext, ResolverModule } from '../graphql/context.ts';
import { ArgumentError, NotImplementedError } from '../graphql/errors.ts';
import { CustomIdError, type CustomId, ownerByCustomId } from './custom-ids.ts';
import { shopObject } from './shop.ts';
import { handleTaken, handleize, toHandle, uniqueHandle } from './handles.ts';
import { gid, parseGid } from './ids.ts';
import { metafieldInputErrors, writeMetafields } from './metafields.ts';
import { productObject } from './product-objects.ts';
import {
  defaultVendor,
  planMedia,
  planOptions,
  sortedTags,
  type OptionInput,
  type UserError,
} from './product-input.ts';
import { productTextErrors } from './text-limits.ts';
import { productByHandle, productById, type ProductRow } from './product-rows.ts';
import { productWebhookPayload } from './product-webhooks.ts';
import { admitNewVariants } from './variant-throttle.ts';
import {
  inTransaction,
  insertProduct,
  joinCollections,
  updateProduct,
  writeMedia,
  writeVariants,
} from './product-writer.ts';

interface ProductFieldsInput {
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
  metafields?: { namespace?: string | null; key?: string | null; type?: string | null; value?: string | null }[] | null;
  collectionsToJoin?: string[] | null;
  collectionsToLeave?: string[] | null;
}

type MediaArgument = { originalSource: string; alt?: string | null; mediaContentType: string };

function userErrors(errors: UserError[]) {
  return errors.map((error) => ({ __typename: 'UserError', field: error.field, message: error.message }));
}

function scalarFields(input: ProductFieldsInput) {
  return {
    ...(input.title ? { title: input.title } : {}),
    ...(typeof input.descriptionHtml === 'string' ? { descriptionHtml: input.descriptionHtml } : {}),
    ...(typeof input.vendor === 'string' ? { vendor: input.vendor } : {}),
    ...(typeof input.productType === 'string' ? { productType: input.productType } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(input.tags ? { tags: sortedTags(input.tags) as string[] } : {}),
    ...(input.seo ? { seoTitle: input.seo.title ?? null, seoDescription: input.seo.description ?? null } : {}),
  };
}

function collectionIds(ids: string[] | null | undefined): string[] {
  return (ids ?? []).map((id) => parseGid(id, 'Collection')).filter((id): id is string => Boolean(id));
}

async function productCreate(args: Args, context: RequestContext) {
  const input = (args.product ?? args.input ?? {}) as ProductFieldsInput;
  const media = (args.media ?? []) as MediaArgument[];
  const shop = context.shop.domain;
  const errors: UserError[] = [];
  const payload = (product: unknown) => ({
    __typename: 'ProductCreatePayload',
    product,
    shop: shopObject(context),
    userErrors: userErrors(errors),
  });
  const given = input.handle ? toHandle(input.handle) || undefined : undefined;
  if (!input.title?.trim()) errors.push({ field: ['title'], message: "Title can't be blank", code: null });
  errors.push(...productTextErrors(input, []).map((error) => ({ ...error, code: null })));
  if (given && (await handleTaken(context.pool, 'products', shop, given)))
    errors.push({
      field: ['handle'],
      message: `Handle '${given}' already in use. Please provide a new handle.`,
      code: null,
    });
  errors.push(...metafieldInputErrors(input.metafields ?? [], ['metafields'], context.shop.currencyCode));
  if (errors.length) return payload(null);
  const client = await context.pool.connect();
  try {
    const row = await inTransaction(client, async () => {
      const optionInputs = input.productOptions?.length
        ? input.productOptions
        : [{ name: 'Title', values: [{ name: 'Default Title' }] }];
      const options = await planOptions(client, optionInputs, [], ['productOptions'], errors);
      const items = planMedia(media, ['media'], errors, 'INVALID');
      if (errors.length) return undefined;
      await admitNewVariants(client, context.shop, 1);
      const handle = given ?? (await uniqueHandle(client, 'products', shop, handleize(input.title as string)));
      const fields = scalarFields(input);
      const created = await insertProduct(client, shop, {
        ...fields,
        vendor: fields.vendor?.trim() ? fields.vendor : defaultVendor(context),
        title: input.title as string,
        handle,
        options,
      });
      // Shopify creates the product with one variant, made of each option's first value.
      const first = options.map((option) => ({ name: option.name, value: option.values[0]?.name ?? '' }));
      await writeVariants(client, shop, String(created.id), [{ selectedOptions: first }], true);
      if (input.metafields) await writeMetafields(client, shop, String(created.id), 'PRODUCT', input.metafields, false);
      await joinCollections(client, String(created.id), collectionIds(input.collectionsToJoin));
      return { created, toFetch: await writeMedia(client, shop, String(created.id), items, false) };
    });
    if (!row) return payload(null);
    context.fetchFiles(row.toFetch);
    context.emit('products/create', productWebhookPayload(row.created));
    return payload(productObject(row.created));
  } finally {
    client.release();
  }
}

async function productUpdate(args: Args, context: RequestContext) {
  const input = (args.product ?? args.input ?? {}) as ProductFieldsInput;
  const identifier = args.identifier as
    { id?: string | null; handle?: string | null; customId?: CustomId | null } | null | undefined;
  if (input.productOptions)
    throw new NotImplementedError('productUpdate with productOptions (use productSet or productOptionsCreate)');
  const media = (args.media ?? []) as MediaArgument[];
  const shop = context.shop.domain;
  const errors: UserError[] = [];
  const payload = (product: unknown) => ({
    __typename: 'ProductUpdatePayload',
    product,
    userErrors: userErrors(errors),
  });
  // The product by `identifier` (ProductUpdateIdentifiers: id, handle or custom ID), else by `product.id`.
  const byCustomId = identifier?.customId
    ? await ownerByCustomId(context.pool, shop, 'PRODUCT', identifier.customId).catch((error: unknown) => {
        throw error instanceof CustomIdError ? new ArgumentError(error.message) : error;
      })
    : undefined;
  const id = byCustomId ?? parseGid(identifier?.id ?? input.id, 'Product');
  const existing: ProductRow | undefined = identifier?.handle
    ? await productByHandle(context.pool, shop, identifier.handle)
    : id
      ? await productById(context.pool, shop, id)
      : undefined;
  if (!existing) {
    errors.push({ field: ['id'], message: 'Product does not exist', code: null });
    return payload(null);
  }
  if (input.title !== undefined && input.title !== null && !input.title.trim())
    errors.push({ field: ['title'], message: "Title can't be blank", code: null });
  errors.push(...productTextErrors(input, []).map((error) => ({ ...error, code: null })));
  const given = input.handle ? toHandle(input.handle) || undefined : undefined;
  if (given && (await handleTaken(context.pool, 'products', shop, given, existing.id)))
    errors.push({
      field: ['handle'],
      message: `Handle '${given}' already in use. Please provide a new handle.`,
      code: null,
    });
  errors.push(...metafieldInputErrors(input.metafields ?? [], ['metafields'], context.shop.currencyCode));
  if (errors.length) return payload(null);
  const client = await context.pool.connect();
  try {
    const row = await inTransaction(client, async () => {
      const added = planMedia(media, ['media'], errors, 'INVALID');
      if (errors.length) return undefined;
      const updated = await updateProduct(client, existing.id, {
        ...scalarFields(input),
        ...(given ? { handle: given } : {}),
      });
      if (input.metafields)
        await writeMetafields(client, shop, String(existing.id), 'PRODUCT', input.metafields, false);
      await joinCollections(client, String(existing.id), collectionIds(input.collectionsToJoin));
      const leave = collectionIds(input.collectionsToLeave);
      if (leave.length)
        await client.query(
          'DELETE FROM devstore.collection_products WHERE product_id = $1 AND collection_id = ANY($2::bigint[])',
          [existing.id, leave],
        );
      return { updated, toFetch: await writeMedia(client, shop, String(existing.id), added, false) };
    });
    if (!row) return payload(null);
    context.fetchFiles(row.toFetch);
    context.emit('products/update', productWebhookPayload(row.updated));
    return payload(productObject(row.updated));
  } finally {
    client.release();
  }
}

async function productDelete(args: Args, context: RequestContext) {
  if (args.synchronous === false) throw new NotImplementedError('productDelete with synchronous: false');
  const input = args.input as { id: string };
  const id = parseGid(input.id, 'Product');
  const { rows } = id
    ? await context.pool.query<{ id: string }>(
        'DELETE FROM devstore.products WHERE shop = $1 AND id = $2 RETURNING id',
        [context.shop.domain, id],
      )
    : { rows: [] };
  const deleted = rows[0];
  if (!deleted)
    return {
      __typename: 'ProductDeletePayload',
      deletedProductId: null,
      productDeleteOperation: null,
      shop: shopObject(context),
      userErrors: [{ __typename: 'UserError', field: ['id'], message: 'Product does not exist' }],
    };
  // Variants go with the product (cascade); their metafields and the product's are separate rows.
  await context.pool.query('DELETE FROM devstore.metafields WHERE shop = $1 AND owner_id = $2', [
    context.shop.domain,
    deleted.id,
  ]);
  context.emit('products/delete', { id: Number(deleted.id) });
  return {
    __typename: 'ProductDeletePayload',
    deletedProductId: gid('Product', deleted.id),
    productDeleteOperation: null,
    shop: shopObject(context),
    userErrors: [],
  };
}

export const productMutationsModule: ResolverModule = { mutations: { productCreate, productUpdate, productDelete } };
