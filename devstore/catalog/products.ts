// Reading products: `product`, `productByHandle`, `productByIdentifier`, `products` (search and
// cursor pagination over ID, TITLE, CREATED_AT, UPDATED_AT) and `productVariant`.
import { CustomIdError, type CustomId, ownerByCustomId } from './custom-ids.ts';
import type { Args, RequestContext, ResolverModule } from '../graphql/context.ts';
import { ArgumentError, NotImplementedError } from '../graphql/errors.ts';
import { connection, pageArgs } from './connection.ts';
import { afterCondition, orderBySql, positionOf, readCursor, sortValueSql, type KeysetSort } from './cursors.ts';
import { gid, parseGid } from './ids.ts';
import { productObject, productOf, variantObject } from './product-objects.ts';
import { productByHandle as findByHandle, productById, variantsByIds, type ProductRow } from './product-rows.ts';
import { productFilter } from './product-search.ts';

/** ProductSortKeys devstore knows, each a keyset on its column and the id. */
const SORTS: Record<string, KeysetSort> = {
  ID: { idColumn: 'p.id', kind: 'id' },
  TITLE: { idColumn: 'p.id', column: 'p.title', kind: 'text' },
  CREATED_AT: { idColumn: 'p.id', column: 'p.created_at', kind: 'timestamp' },
  UPDATED_AT: { idColumn: 'p.id', column: 'p.updated_at', kind: 'timestamp' },
};

async function products(args: Args, context: RequestContext) {
  const page = pageArgs(args);
  const sortKey = typeof args.sortKey === 'string' ? args.sortKey : 'ID';
  const sort = SORTS[sortKey];
  if (!sort) throw new NotImplementedError(`products sortKey ${sortKey}`);
  if (args.savedSearchId) throw new NotImplementedError('products savedSearchId');
  // Walking backwards flips the order; `reverse` flips it again.
  const descending = (args.reverse === true) !== page.backwards;
  const filter = productFilter(typeof args.query === 'string' ? args.query : undefined, 1);
  const values: unknown[] = [context.shop.domain, ...filter.values];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const clauses = ['p.shop = $1', ...filter.clauses];
  const after = page.cursor ? readCursor(page.cursor, sort.kind) : undefined;
  if (after) clauses.push(afterCondition(sort, after, descending, param));
  const limit = param(page.limit + 1);
  const { rows } = await context.pool.query<ProductRow & { sort_value: string }>(
    `SELECT p.*, ${sortValueSql(sort)} AS sort_value FROM devstore.products p WHERE ${clauses.join(' AND ')} ORDER BY ${orderBySql(sort, descending)} LIMIT ${limit}`,
    values,
  );
  return connection(rows, page, positionOf, productObject, after !== undefined);
}

async function product(args: Args, context: RequestContext) {
  const id = parseGid(args.id, 'Product');
  const row = id ? await productById(context.pool, context.shop.domain, id) : undefined;
  return row ? productObject(row) : null;
}

async function productByHandle(args: Args, context: RequestContext) {
  const row = await findByHandle(context.pool, context.shop.domain, String(args.handle));
  return row ? productObject(row) : null;
}

/** A custom ID without its definition is a bad argument, answered as a GraphQL error. */
function customIdAsArgumentError(error: unknown): never {
  if (error instanceof CustomIdError) throw new ArgumentError(error.message);
  throw error;
}

async function productByIdentifier(args: Args, context: RequestContext) {
  const identifier = args.identifier as { id?: string | null; handle?: string | null; customId?: unknown };
  if (identifier.customId) {
    const ownerId = await ownerByCustomId(
      context.pool,
      context.shop.domain,
      'PRODUCT',
      identifier.customId as CustomId,
    ).catch(customIdAsArgumentError);
    return ownerId ? product({ id: gid('Product', ownerId) }, context) : null;
  }
  if (identifier.id) return product({ id: identifier.id }, context);
  if (identifier.handle) return productByHandle({ handle: identifier.handle }, context);
  throw new ArgumentError('One of id, handle or customId must be provided');
}

async function productVariant(args: Args, context: RequestContext) {
  const id = parseGid(args.id, 'ProductVariant');
  const row = id ? (await variantsByIds(context.pool, context.shop.domain, [id])).get(id) : undefined;
  return row ? variantObject(row) : null;
}

export const productsModule: ResolverModule = {
  queries: { products, product, productByHandle, productByIdentifier, productVariant },
  nodes: {
    Product: async (context, id) => {
      const row = await productOf(context, id);
      return row ? productObject(row) : null;
    },
    ProductVariant: (context, id) => productVariant({ id: gid('ProductVariant', id) }, context),
  },
};
