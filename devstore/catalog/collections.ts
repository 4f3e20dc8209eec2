// Custom collections: `collection`, `collectionByHandle`, `collections`, `collectionCreate`,
// `collectionUpdate`, `collectionDelete`, `collectionAddProducts`, `collectionRemoveProducts`.
import { CustomIdError, type CustomId, ownerByCustomId } from './custom-ids.ts';
import type { Args, RequestContext, ResolverModule } from '../graphql/context.ts';
import { ArgumentError, NotImplementedError } from '../graphql/errors.ts';
import { collectionObject, type CollectionRow } from './collection-objects.ts';
import { listRows, textFilter, type ListSpec } from './listing.ts';
import { handleTaken, handleize, toHandle, uniqueHandle } from './handles.ts';
import { gid, parseGid } from './ids.ts';
import { metafieldInputErrors, writeMetafields } from './metafields.ts';
import { startJob } from './jobs.ts';
import { inTransaction } from './product-writer.ts';
import { shopObject } from './shop.ts';

interface CollectionInput {
  id?: string | null;
  title?: string | null;
  handle?: string | null;
  descriptionHtml?: string | null;
  sortOrder?: string | null;
  seo?: { title?: string | null; description?: string | null } | null;
  products?: string[] | null;
  metafields?: { namespace?: string | null; key?: string | null; type?: string | null; value?: string | null }[] | null;
  ruleSet?: unknown;
  sources?: unknown;
  image?: unknown;
}

type Problem = { __typename: 'UserError'; field: string[]; message: string };
const problem = (field: string[], message: string): Problem => ({ __typename: 'UserError', field, message });

async function findCollection(context: RequestContext, id: unknown): Promise<CollectionRow | undefined> {
  const numeric = parseGid(id, 'Collection');
  if (!numeric) return undefined;
  const { rows } = await context.pool.query<CollectionRow>(
    'SELECT * FROM devstore.collections WHERE shop = $1 AND id = $2',
    [context.shop.domain, numeric],
  );
  return rows[0];
}

async function productIdsOrErrors(
  context: RequestContext,
  ids: string[],
  field: string[],
): Promise<{ ids: string[]; errors: Problem[] }> {
  const numeric = ids.map((id) => parseGid(id, 'Product') ?? '');
  const { rows } = await context.pool.query<{ id: string }>(
    'SELECT id FROM devstore.products WHERE shop = $1 AND id = ANY($2::bigint[])',
    [context.shop.domain, numeric.filter((id) => /^\d{1,18}$/.test(id))],
  );
  const known = new Set(rows.map((row) => String(row.id)));
  const missing = numeric.filter((id) => !known.has(id));
  return { ids: numeric, errors: missing.length ? [problem(field, 'Product does not exist')] : [] };
}

const COLLECTIONS: ListSpec = {
  name: 'collections',
  table: 'devstore.collections',
  // devstore's collections are all custom ones (smart collections are not implemented).
  filters: {
    handle: textFilter('handle'),
    title: textFilter('title'),
    collection_type: (value) => (value === 'custom' ? 'true' : 'false'),
  },
};

interface ImageInput {
  src?: string | null;
  altText?: string | null;
  id?: string | null;
}

function image(input: CollectionInput): ImageInput {
  return (input.image ?? {}) as ImageInput;
}

/** Shopify takes the image from its src URL; an image by file id is not something devstore keeps. */
function imageErrors(value: unknown): Problem[] {
  if (!value) return [];
  const input = value as ImageInput;
  if (input.id) throw new NotImplementedError('collection image by id');
  if (!input.src || !URL.canParse(input.src)) return [problem(['image', 'src'], 'Image src must be a valid URL')];
  return [];
}

async function collectionCreate(args: Args, context: RequestContext) {
  const input = (args.collection ?? args.input ?? {}) as CollectionInput;
  const result = (collection: unknown, userErrors: Problem[]) => ({
    __typename: 'CollectionCreatePayload',
    collection,
    userErrors,
  });
  if (input.ruleSet || input.sources) throw new NotImplementedError('smart collections (ruleSet / sources)');
  const errors: Problem[] = [];
  errors.push(...imageErrors(input.image));
  const given = input.handle ? toHandle(input.handle) || undefined : undefined;
  if (!input.title?.trim()) errors.push(problem(['title'], "Title can't be blank"));
  if (given && (await handleTaken(context.pool, 'collections', context.shop.domain, given)))
    errors.push(problem(['handle'], `Handle '${given}' already in use. Please provide a new handle.`));
  errors.push(
    ...metafieldInputErrors(input.metafields ?? [], ['metafields'], context.shop.currencyCode).map((error) =>
      problem(error.field, error.message),
    ),
  );
  const products = await productIdsOrErrors(context, input.products ?? [], ['products']);
  errors.push(...products.errors);
  if (errors.length) return result(null, errors);
  const client = await context.pool.connect();
  try {
    const row = await inTransaction(client, async () => {
      const handle =
        given ?? (await uniqueHandle(client, 'collections', context.shop.domain, handleize(input.title as string)));
      const { rows } = await client.query<CollectionRow>(
        `INSERT INTO devstore.collections (shop, handle, title, description_html, sort_order, seo_title, seo_description, image_url, image_alt)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
        [
          context.shop.domain,
          handle,
          input.title,
          input.descriptionHtml ?? '',
          input.sortOrder ?? 'BEST_SELLING',
          input.seo?.title ?? null,
          input.seo?.description ?? null,
          image(input).src ?? null,
          image(input).altText ?? null,
        ],
      );
      const created = rows[0] as CollectionRow;
      if (input.metafields)
        await writeMetafields(client, context.shop.domain, String(created.id), 'COLLECTION', input.metafields, false);
      return created;
    });
    // The initial products join after the answer, as on Shopify, where the new collection's
    // productsCount starts at 0 and the products appear once the background work has run.
    if (products.ids.length) {
      context.defer(async (live) => {
        await live.pool.query(
          'INSERT INTO devstore.collection_products (collection_id, product_id) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING',
          [row.id, products.ids],
        );
      });
    }
    context.emit('collections/create', {
      id: Number(row.id),
      handle: row.handle,
      title: row.title,
      admin_graphql_api_id: gid('Collection', row.id),
    });
    return result(collectionObject(row), []);
  } finally {
    client.release();
  }
}

async function collectionUpdate(args: Args, context: RequestContext) {
  const input = (args.collection ?? args.input ?? {}) as CollectionInput;
  const result = (collection: unknown, userErrors: Problem[]) => ({
    __typename: 'CollectionUpdatePayload',
    collection,
    job: null,
    userErrors,
  });
  if (input.ruleSet) throw new NotImplementedError('smart collections (ruleSet)');
  const existing = await findCollection(context, input.id);
  if (!existing) return result(null, [problem(['id'], 'Collection does not exist')]);
  const errors: Problem[] = [...imageErrors(input.image)];
  if (input.title !== undefined && input.title !== null && !input.title.trim())
    errors.push(problem(['title'], "Title can't be blank"));
  const given = input.handle ? toHandle(input.handle) || undefined : undefined;
  if (given && (await handleTaken(context.pool, 'collections', context.shop.domain, given, existing.id)))
    errors.push(problem(['handle'], `Handle '${given}' already in use. Please provide a new handle.`));
  // CollectionInput.products: "Initial list of collection products. Only valid with `collectionCreate`."
  if (input.products?.length)
    errors.push(
      problem(['products'], 'Products can only be given when the collection is created; use collectionAddProducts.'),
    );
  if (errors.length) return result(null, errors);
  const client = await context.pool.connect();
  try {
    const row = await inTransaction(client, async () => {
      const { rows } = await client.query<CollectionRow>(
        `UPDATE devstore.collections SET title = coalesce($2, title), handle = coalesce($3, handle), description_html = coalesce($4, description_html),
           sort_order = coalesce($5, sort_order), seo_title = CASE WHEN $6::boolean THEN $7 ELSE seo_title END,
           seo_description = CASE WHEN $6::boolean THEN $8 ELSE seo_description END,
           image_url = CASE WHEN $9::boolean THEN $10 ELSE image_url END, image_alt = CASE WHEN $9::boolean THEN $11 ELSE image_alt END, updated_at = now()
         WHERE id = $1 RETURNING *`,
        [
          existing.id,
          input.title ?? null,
          given ?? null,
          input.descriptionHtml ?? null,
          input.sortOrder ?? null,
          Boolean(input.seo),
          input.seo?.title ?? null,
          input.seo?.description ?? null,
          input.image !== undefined,
          image(input).src ?? null,
          image(input).altText ?? null,
        ],
      );
      if (input.metafields)
        await writeMetafields(client, context.shop.domain, String(existing.id), 'COLLECTION', input.metafields, false);
      return rows[0] as CollectionRow;
    });
    return result(collectionObject(row), []);
  } finally {
    client.release();
  }
}

async function collectionDelete(args: Args, context: RequestContext) {
  const existing = await findCollection(context, (args.input as { id: string }).id);
  const result = (id: string | null, userErrors: Problem[]) => ({
    __typename: 'CollectionDeletePayload',
    deletedCollectionId: id,
    shop: shopObject(context),
    userErrors,
  });
  if (!existing) return result(null, [problem(['id'], 'Collection does not exist')]);
  await context.pool.query('DELETE FROM devstore.collections WHERE id = $1', [existing.id]);
  return result(gid('Collection', existing.id), []);
}

async function collectionAddProducts(args: Args, context: RequestContext) {
  const existing = await findCollection(context, args.id);
  const result = (collection: unknown, userErrors: Problem[]) => ({
    __typename: 'CollectionAddProductsPayload',
    collection,
    userErrors,
  });
  if (!existing) return result(null, [problem(['id'], 'Collection does not exist')]);
  const products = await productIdsOrErrors(context, args.productIds as string[], ['productIds']);
  if (products.errors.length) return result(null, products.errors);
  // productIds: "If any of the products is already present in the input collection, then an error is raised and no products are added."
  const { rowCount } = await context.pool.query(
    'SELECT 1 FROM devstore.collection_products WHERE collection_id = $1 AND product_id = ANY($2::bigint[])',
    [existing.id, products.ids],
  );
  if (rowCount)
    return result(null, [problem(['productIds'], 'A product is already in the collection; no products were added.')]);
  await context.pool.query(
    'INSERT INTO devstore.collection_products (collection_id, product_id) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING',
    [existing.id, products.ids],
  );
  return result(collectionObject(existing), []);
}

/**
 * "The operation processes asynchronously": the answer's Job is not done, the products leave once
 * it has run (poll `job`). Shopify checks neither that the products exist nor that they are in the collection.
 */
async function collectionRemoveProducts(args: Args, context: RequestContext) {
  const existing = await findCollection(context, args.id);
  const result = (job: unknown, userErrors: Problem[]) => ({
    __typename: 'CollectionRemoveProductsPayload',
    job,
    userErrors,
  });
  if (!existing) return result(null, [problem(['id'], 'Collection does not exist')]);
  const ids = (args.productIds as string[])
    .flatMap((id) => parseGid(id, 'Product') ?? [])
    .filter((id) => /^\d{1,18}$/.test(id));
  const job = await startJob(context, async (live) => {
    await live.pool.query(
      'DELETE FROM devstore.collection_products WHERE collection_id = $1 AND product_id = ANY($2::bigint[])',
      [existing.id, ids],
    );
  });
  return result(job, []);
}

export const collectionsModule: ResolverModule = {
  queries: {
    collections: (args, context) => listRows<CollectionRow>(context, args, COLLECTIONS, collectionObject),
    collection: async (args, context) => {
      const row = await findCollection(context, args.id);
      return row ? collectionObject(row) : null;
    },
    collectionByIdentifier: async (args, context) => {
      const identifier = args.identifier as { id?: string | null; handle?: string | null; customId?: CustomId | null };
      let row: CollectionRow | undefined;
      if (identifier.id) row = await findCollection(context, identifier.id);
      else if (identifier.handle) {
        row = (
          await context.pool.query<CollectionRow>(
            'SELECT * FROM devstore.collections WHERE shop = $1 AND handle = $2',
            [context.shop.domain, identifier.handle],
          )
        ).rows[0];
      } else if (identifier.customId) {
        const ownerId = await ownerByCustomId(
          context.pool,
          context.shop.domain,
          'COLLECTION',
          identifier.customId,
        ).catch((error: unknown) => {
          throw error instanceof CustomIdError ? new ArgumentError(error.message) : error;
        });
        row = ownerId
          ? (
              await context.pool.query<CollectionRow>(
                'SELECT * FROM devstore.collections WHERE shop = $1 AND id = $2',
                [context.shop.domain, ownerId],
              )
            ).rows[0]
          : undefined;
      } else throw new ArgumentError('One of id, handle or customId must be provided');
      return row ? collectionObject(row) : null;
    },
    collectionByHandle: async (args, context) => {
      const { rows } = await context.pool.query<CollectionRow>(
        'SELECT * FROM devstore.collections WHERE shop = $1 AND handle = $2',
        [context.shop.domain, args.handle],
      );
      return rows[0] ? collectionObject(rows[0]) : null;
    },
  },
  mutations: { collectionCreate, collectionUpdate, collectionDelete, collectionAddProducts, collectionRemoveProducts },
  nodes: {
    Collection: async (context, id) => {
      const row = await findCollection(context, gid('Collection', id));
      return row ? collectionObject(row) : null;
    },
  },
};
