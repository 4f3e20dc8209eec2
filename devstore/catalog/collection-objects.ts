// Custom collections as the Admin API returns them, and the collections a product belongs to.
import type { Args, RequestContext } from '../graphql/context.ts';
import { NotImplementedError } from '../graphql/errors.ts';
import { connection, pageArgs } from './connection.ts';
import { afterCondition, orderBySql, positionOf, readCursor, sortValueSql, type KeysetSort } from './cursors.ts';
import { gid, parseGid } from './ids.ts';
import { metafieldFields } from './metafields.ts';
import { publicationFields } from './publication-fields.ts';
import { productObject } from './product-objects.ts';
import type { ProductRow } from './product-rows.ts';

export interface CollectionRow {
  id: string;
  shop: string;
  handle: string;
  title: string;
  description_html: string;
  sort_order: string;
  seo_title: string | null;
  seo_description: string | null;
  image_url: string | null;
  image_alt: string | null;
  updated_at: Date;
}

export function collectionObject(row: CollectionRow) {
  const id = String(row.id);
  return {
    __typename: 'Collection',
    id: gid('Collection', id),
    legacyResourceId: id,
    handle: row.handle,
    title: row.title,
    descriptionHtml: row.description_html,
    description: row.description_html.replace(/<[^>]*>/g, ''),
    sortOrder: row.sort_order,
    updatedAt: row.updated_at.toISOString(),
    seo: { __typename: 'SEO', title: row.seo_title, description: row.seo_description },
    image: row.image_url
      ? {
          __typename: 'Image',
          id: gid('CollectionImage', id),
          url: row.image_url,
          src: row.image_url,
          originalSrc: row.image_url,
          altText: row.image_alt,
        }
      : null,
    ruleSet: null,
    productsCount: async (_args: Args, context: RequestContext) => {
      const { rows } = await context.pool.query<{ count: string }>(
        'SELECT count(*) FROM devstore.collection_products WHERE collection_id = $1',
        [id],
      );
      return { __typename: 'Count', count: Number(rows[0]?.count ?? 0), precision: 'EXACT' };
    },
    // In the order products joined the collection (devstore has no sales to sort by), a product's
    // cursor carrying its position; COLLECTION_DEFAULT and MANUAL are that order, other keys are not implemented.
    products: async (args: Args, context: RequestContext) => {
      const page = pageArgs(args);
      if (typeof args.sortKey === 'string' && !['COLLECTION_DEFAULT', 'MANUAL'].includes(args.sortKey))
        throw new NotImplementedError(`Collection.products sortKey ${args.sortKey}`);
      const descending = (args.reverse === true) !== page.backwards;
      const sort: KeysetSort = { idColumn: 'p.id', column: 'm.position', kind: 'number' };
      const values: unknown[] = [id];
      const param = (value: unknown) => {
        values.push(value);
        return `$${values.length}`;
      };
      const after = page.cursor ? readCursor(page.cursor, sort.kind) : undefined;
      const { rows } = await context.pool.query<ProductRow & { sort_value: string }>(
        `SELECT p.*, ${sortValueSql(sort)} AS sort_value FROM devstore.collection_products m JOIN devstore.products p ON p.id = m.product_id
         WHERE m.collection_id = $1${after ? ` AND ${afterCondition(sort, after, descending, param)}` : ''}
         ORDER BY ${orderBySql(sort, descending)} LIMIT ${param(page.limit + 1)}`,
        values,
      );
      return connection(rows, page, positionOf, productObject, after !== undefined);
    },
    hasProduct: async (args: Args, context: RequestContext) => {
      // An id that is not a product's is in no collection.
      const productId = parseGid(args.id, 'Product');
      if (!productId) return false;
      const { rowCount } = await context.pool.query(
        'SELECT 1 FROM devstore.collection_products WHERE collection_id = $1 AND product_id = $2',
        [id, productId],
      );
      return Boolean(rowCount);
    },
    ...metafieldFields(id),
    ...publicationFields(id),
  };
}

export async function collectionsOfProduct(context: RequestContext, productId: string, args: Args) {
  const page = pageArgs(args);
  const sort: KeysetSort = { idColumn: 'c.id', kind: 'id' };
  const values: unknown[] = [productId];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const after = page.cursor ? readCursor(page.cursor, sort.kind) : undefined;
  const { rows } = await context.pool.query<CollectionRow>(
    `SELECT c.* FROM devstore.collection_products m JOIN devstore.collections c ON c.id = m.collection_id
     WHERE m.product_id = $1${after ? ` AND ${afterCondition(sort, after, page.backwards, param)}` : ''} ORDER BY ${orderBySql(sort, page.backwards)} LIMIT ${param(page.limit + 1)}`,
    values,
  );
  return connection(rows, page, positionOf, collectionObject, after !== undefined);
}
