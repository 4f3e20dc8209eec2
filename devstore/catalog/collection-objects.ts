// Custom collections as the Admin API returns them, and the collections a product belongs to.
import type { Args, RequestContext } from '../graphql/context.ts';
import { connection, decodeIdCursor, pageArgs } from './connection.ts';
import { gid } from './ids.ts';
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
    image: row.image_url ? { __typename: 'Image', id: gid('CollectionImage', id), url: row.image_url, src: row.image_url, originalSrc: row.image_url, altText: row.image_alt } : null,
    ruleSet: null,
    productsCount: async (_args: Args, context: RequestContext) => {
      const { rows } = await context.pool.query<{ count: string }>('SELECT count(*) FROM devstore.collection_products WHERE collection_id = $1', [id]);
      return { __typename: 'Count', count: Number(rows[0]?.count ?? 0), precision: 'EXACT' };
    },
    products: async (args: Args, context: RequestContext) => {
      const page = pageArgs(args);
      const after = page.cursor ? decodeIdCursor(page.cursor) : undefined;
      const { rows } = await context.pool.query<ProductRow & { member_position: string }>(
        `SELECT p.*, m.position AS member_position FROM devstore.collection_products m JOIN devstore.products p ON p.id = m.product_id
         WHERE m.collection_id = $1 AND ($2::bigint IS NULL OR m.position ${page.backwards ? '<' : '>'} $2)
         ORDER BY m.position ${page.backwards ? 'DESC' : 'ASC'} LIMIT $3`,
        [id, after ?? null, page.limit + 1],
      );
      return connection(rows, page, (row) => row.member_position, productObject, after !== undefined);
    },
    hasProduct: async (args: Args, context: RequestContext) => {
      const productId = String(args.id ?? '').split('/').pop();
      const { rowCount } = await context.pool.query('SELECT 1 FROM devstore.collection_products WHERE collection_id = $1 AND product_id = $2', [id, productId]);
      return Boolean(rowCount);
    },
    ...metafieldFields(id),
    ...publicationFields(id),
  };
}

export async function collectionsOfProduct(context: RequestContext, productId: string, args: Args) {
  const page = pageArgs(args);
  const after = page.cursor ? decodeIdCursor(page.cursor) : undefined;
  const { rows } = await context.pool.query<CollectionRow>(
    `SELECT c.* FROM devstore.collection_products m JOIN devstore.collections c ON c.id = m.collection_id
     WHERE m.product_id = $1 AND ($2::bigint IS NULL OR c.id ${page.backwards ? '<' : '>'} $2) ORDER BY c.id ${page.backwards ? 'DESC' : 'ASC'} LIMIT $3`,
    [productId, after ?? null, page.limit + 1],
  );
  return connection(rows, page, (row) => row.id, collectionObject, after !== undefined);
}
