// The 301s for the old store's listing pages: each tag, category and shop page that listed a product
// or post that moved (the records' `listedAt`) leads to Shopify's listing of the same, the catalog
// or the blog filtered by the tag (decision 0025). One redirect per old address, the first record's.
import type { CanonicalRecord } from '../../../../connectors/model.ts';
import { db } from '../../../db/db.server.ts';
import { contentHash } from '../../staging/records.server.ts';
import { blogListingTarget, catalogListingTarget, redirectPath } from './input.server.ts';

/** A redirect to a fixed Shopify path as staged (a listing's, or that of a page the old store has of its own): the old path and where it leads. */
export interface ListingRedirectData {
  path: string;
  targetPath: string;
}

type Listing = NonNullable<CanonicalRecord<'products'>['listedAt']>[number];

/** Where the blog posts moved to: the blog pages/write.server.ts keeps in the id map. */
async function blogHandle(shop: string, platform: string): Promise<string | null> {
  const blog = await db().idMapEntry.findUnique({
    where: { shop_platform_entity_sourceId: { shop, platform, entity: 'blogs', sourceId: 'posts' } },
  });
  return blog?.handle ?? null;
}

/**
 * The listing redirects to stage, as staged rows; `recordPaths` are the old paths a moved record
 * already redirects from (its own page is the better answer there, so the listing leaves it).
 */
export async function listingRedirectRows(
  migrationId: string,
  shop: string,
  platform: string,
  recordPaths: ReadonlySet<string>,
) {
  const rows = await db().$queryRaw<{ entity: 'products' | 'blogPosts'; listedAt: Listing[] }[]>`
    SELECT r.entity, r.data->'listedAt' AS "listedAt"
    FROM "SourceRecord" r
    WHERE r."migrationId" = ${migrationId} AND r.entity IN ('products', 'blogPosts') AND r.status IN ('written', 'unchanged') AND r.data ? 'listedAt'
    ORDER BY r.id`;
  const blog = rows.some((row) => row.entity === 'blogPosts') ? await blogHandle(shop, platform) : null;
  const byPath = new Map<string, ListingRedirectData>();
  for (const row of rows) {
    for (const listing of row.listedAt) {
      const path = redirectPath(listing.path);
      if (byPath.has(path) || recordPaths.has(path)) continue;
      if (row.entity === 'products')
        byPath.set(path, { path: listing.path, targetPath: catalogListingTarget(listing.tag) });
      else if (blog) byPath.set(path, { path: listing.path, targetPath: blogListingTarget(blog, listing.tag) });
    }
  }
  return [...byPath.entries()].map(([path, data]) => ({
    sourceId: `listing:${path}`,
    status: 'staged' as const,
    data,
    reason: null,
    email: null,
    phone: null,
    contentHash: contentHash(data),
  }));
}
