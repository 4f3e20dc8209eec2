// Reading products: `product`, `productByHandle`, `productByIdentifier`, `products` (search and
// cursor pagination over ID, TITLE, CREATED_AT, UPDATED_AT) and `productVariant`.
import { CustomIdError, type CustomId, ownerByCustomId } from './custom-ids.ts';
import type { Args, RequestContext, ResolverModule } from '../graphql/context.ts';
import { ArgumentError, NotImplementedError } from '../graphql/errors.ts';
import { connection, decodeIdCursor, decodeSortCursor, pageArgs, type SortPosition } from './connection.ts';
import { gid, parseGid } from './ids.ts';
import { productObject, productOf, variantObject } from './product-objects.ts';
import { productByHandle as findByHandle, productById, variantsByIds, type ProductRow } from './product-rows.ts';
import { productFilter } from './product-search.ts';

const SORT_COLUMNS: Record<string, string> = { ID: 'p.id', TITLE: 'p.title', CREATED_AT: 'p.created_at', UPDATED_AT: 'p.updated_at' };

function sortValue(row: ProductRow, sortKey: string): unknown {
  if (sortKey === 'TITLE') return row.title;
  if (sortKey === 'CREATED_AT') return row.created_at.toISOString();
  if (sortKey === 'UPDATED_AT') return row.updated_at.toISOString();
  return null;
}

async function products(args: Args, context: RequestContext) {
  const page = pageArgs(args);
  const sortKey = typeof args.sortKey === 'string' ? args.sortKey : 'ID';
  const column = SORT_COLUMNS[sortKey];
  if (!column) throw new NotImplementedError(`products sortKey ${sortKey}`);
  if (args.savedSearchId) throw new NotImplementedError('products savedSearchId');
  // Walking backwards flips the order; `reverse` flips it again.
  const descending = (args.reverse === true) !== page.backwards;
  const filter = productFilter(typeof args.query === 'string' ? args.query : undefined, 1);
  const values: unknown[] = [context.shop.domain, ...filter.values];
  const clauses = ['p.shop = $1', ...filter.clauses];
  let hadCursor = false;
  if (page.cursor) {
    hadCursor = true;
    const comparison = descending ? '<' : '>';
    if (sortKey === 'ID') {
      values.push(decodeIdCursor(page.cursor));
      clauses.push(`p.id ${comparison} $${values.length}::bigint`);
    } else {
      const { id, value } = decodeSortCursor(page.cursor);
      if (sortKey !== 'TITLE' && Number.isNaN(Date.parse(value))) throw new ArgumentError('Invalid cursor for current pagination sort.');
      values.push(value, id);
      const cast = sortKey === 'TITLE' ? 'text' : 'timestamptz';
      clauses.push(`(${column}, p.id) ${comparison} ($${values.length - 1}::${cast}, $${values.length}::bigint)`);
    }
  }
  values.push(page.limit + 1);
  const direction = descending ? 'DESC' : 'ASC';
  const order = sortKey === 'ID' ? `p.id ${direction}` : `${column} ${direction}, p.id ${direction}`;
  const { rows } = await context.pool.query<ProductRow>(`SELECT p.* FROM devstore.products p WHERE ${clauses.join(' AND ')} ORDER BY ${order} LIMIT $${values.length}`, values);
  const positionOf = (row: ProductRow): SortPosition => ({ id: row.id, value: sortKey === 'ID' ? row.id : sortValue(row, sortKey) });
  return connection(rows, page, positionOf, productObject, hadCursor);
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
    const ownerId = await ownerByCustomId(context.pool, context.shop.domain, 'PRODUCT', identifier.customId as CustomId).catch(customIdAsArgumentError);
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
