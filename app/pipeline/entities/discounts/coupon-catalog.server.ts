// The products a coupon's exclusions are worked out from (decision 0024): those that moved, with
// their categories and variants as last read from the store, and the category tree.
import { db } from '../../../db/db.server.ts';
import type { CouponCatalog } from './scope.server.ts';

/**
 * Every product that moved (its id map entry) with its categories and variants as last read from the
 * store, and every category's parent: what a coupon's exclusions are worked out from.
 */
export async function movedCatalog(shop: string, platform: string): Promise<CouponCatalog> {
  const products = await db().$queryRaw<
    { sourceId: string; shopifyGid: string; categories: string[] | null; variants: string[] | null }[]
  >`
    SELECT DISTINCT ON (r."sourceId") r."sourceId", m."shopifyGid", r.data->'collectionSourceIds' AS categories, jsonb_path_query_array(r.data::jsonb, '$.variants[*].sourceId') AS variants
    FROM "SourceRecord" r
    JOIN "IdMapEntry" m ON m.shop = r.shop AND m.platform = ${platform} AND m.entity = 'products' AND m."sourceId" = r."sourceId"
    WHERE r.shop = ${shop} AND r.entity = 'products' AND r.status <> 'invalid'
    ORDER BY r."sourceId", r.id DESC`;
  const categories = await db().$queryRaw<{ sourceId: string; parent: string | null }[]>`
    SELECT DISTINCT ON (r."sourceId") r."sourceId", r.data->>'parentSourceId' AS parent
    FROM "SourceRecord" r
    WHERE r.shop = ${shop} AND r.entity = 'collections' AND r.status <> 'invalid'
    ORDER BY r."sourceId", r.id DESC`;
  return {
    products: new Map(
      products.map((row) => [
        row.sourceId,
        { gid: row.shopifyGid, categorySourceIds: row.categories ?? [], variantSourceIds: row.variants ?? [] },
      ]),
    ),
    categoryParents: new Map(categories.map((row) => [row.sourceId, row.parent])),
  };
}
