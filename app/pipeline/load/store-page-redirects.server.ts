// Redirects from the old store's own pages (shop, cart, checkout, my account) to Shopify's own
// addresses: those pages are not moved (transform/store-pages.server.ts), but shoppers' bookmarks and
// search results still point at them. Staged beside the other redirects and written by the same loader,
// with a fixed target path instead of a moved record's handle. If the product side stages the same old
// path (/shop/ → /collections/all), the second one finds Shopify's redirect already there with the
// same target and adopts it (load/redirects.server.ts), so either order gives one redirect.
import type { CanonicalRecord } from '../../../connectors/model.ts';
import { db } from '../../db.server.ts';
import { contentHash, stageRows } from '../staging.server.ts';
import { shopifysOwnPage } from '../transform/store-pages.server.ts';

export async function deriveStorePageRedirects(migrationId: string): Promise<number> {
  const { shop } = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
  const pages = await db().sourceRecord.findMany({ where: { migrationId, entity: 'pages', status: 'skipped' }, orderBy: { id: 'asc' } });
  const staged = pages.flatMap((row) => {
    const page = row.data as unknown as CanonicalRecord<'pages'>;
    const own = shopifysOwnPage(page);
    if (!own || !page.sourcePath) return [];
    const data = { path: page.sourcePath, target: { entity: 'pages' as const, sourceId: page.sourceId }, targetPath: own.path };
    return [{ sourceId: `pages:${page.sourceId}`, status: 'staged' as const, data, reason: null, email: null, phone: null, contentHash: contentHash(data) }];
  });
  await db().$transaction((tx) => stageRows(tx, shop, migrationId, 'redirects', staged));
  return staged.length;
}
