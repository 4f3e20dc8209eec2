// Redirects from the old store's own pages (shop, cart, checkout, my account) to Shopify's own
// addresses: those pages are not moved (policies/store-pages.server.ts), but shoppers' bookmarks and
// search results still point at them. Policy pages written as the shop's policies lead to them. Staged beside the other redirects and written by the same loader,
// with a fixed target path instead of a moved record's handle. If the product side stages the same old
// path (/shop/ → /collections/all), the second one finds Shopify's redirect already there with the
// same target and adopts it (redirects/write.server.ts), so either order gives one redirect.
import { db } from '../../../db/db.server.ts';
import { contentHash, stageRows, stagedRecord } from '../../staging/records.server.ts';
import { policyFor, shopifysOwnPage } from '../policies/store-pages.server.ts';
import type { ListingRedirectData } from './listings.server.ts';
import { IN_SHOPIFY } from '../../staging/outcomes.server.ts';

export async function deriveStorePageRedirects(migrationId: string): Promise<number> {
  const { shop } = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
  const pages = await db().sourceRecord.findMany({
    where: { migrationId, entity: 'pages', status: { in: ['skipped', ...IN_SHOPIFY] } },
    orderBy: { id: 'asc' },
  });
  const asPolicy = new Set(
    (
      await db().idMapEntry.findMany({
        where: {
          shop,
          entity: 'pages',
          sourceId: { in: pages.map((row) => row.sourceId) },
          shopifyGid: { startsWith: 'gid://shopify/ShopPolicy/' },
        },
        select: { sourceId: true },
      })
    ).map((entry) => entry.sourceId),
  );
  const staged = pages.flatMap((row) => {
    const page = stagedRecord('pages', row);
    const target =
      row.status === 'skipped'
        ? shopifysOwnPage(page)?.path
        : asPolicy.has(row.sourceId)
          ? policyFor(page)?.path
          : undefined;
    if (!target || !page.sourcePath) return [];
    const data: ListingRedirectData = { path: page.sourcePath, targetPath: target };
    return [
      {
        sourceId: `pages:${page.sourceId}`,
        status: 'staged' as const,
        data,
        reason: null,
        email: null,
        phone: null,
        contentHash: contentHash(data),
      },
    ];
  });
  await db().$transaction((tx) => stageRows(tx, shop, migrationId, 'redirects', staged));
  return staged.length;
}
