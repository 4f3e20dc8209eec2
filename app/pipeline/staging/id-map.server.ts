// The id map: which Shopify object each source record became, read by every load step and written
// together with the record's fate when it is written.
import { db } from '../../db/db.server.ts';

/** What Shopify already has for these source records of `entity`, by source id. */
export async function idMapFor(shop: string, platform: string, entity: string, sourceIds: string[]) {
  const entries = await db().idMapEntry.findMany({ where: { shop, platform, entity, sourceId: { in: sourceIds } } });
  return new Map(entries.map((entry) => [entry.sourceId, entry]));
}

interface WrittenRecord {
  id: bigint;
  migrationId: string;
  sourceId: string;
  contentHash: string | null;
}

/**
 * Links the record to what Shopify made of it (id map) and marks it written, together. `reason` says
 * what did not move with it (a detail Shopify refused, a merge), for the report.
 *
 * A record's first link counts as created by its migration, which an undo then deletes; a loader
 * that wrote into an object the merchant already had (found by email, by path) says `adopted`,
 * and the link stays without a creator so an undo leaves the object alone. Later writes keep
 * whatever the first link said.
 */
export async function recordWritten(
  shop: string,
  platform: string,
  entity: string,
  row: WrittenRecord,
  shopifyGid: string,
  handle: string | null,
  reason: string | null = null,
  how: { adopted?: boolean; status?: 'written' | 'unchanged' | 'skipped' } = {},
): Promise<void> {
  const link = { shopifyGid, handle, contentHash: row.contentHash ?? '' };
  await db().$transaction([
    db().idMapEntry.upsert({
      where: { shop_platform_entity_sourceId: { shop, platform, entity, sourceId: row.sourceId } },
      create: {
        shop,
        platform,
        entity,
        sourceId: row.sourceId,
        ...link,
        createdBy: how.adopted ? null : row.migrationId,
      },
      update: link,
    }),
    db().sourceRecord.update({ where: { id: row.id }, data: { status: how.status ?? 'written', reason } }),
  ]);
}

/**
 * A record whose object the store already had (found by email, say), left as it is there because the
 * merchant chose to skip existing records: linked, so what depends on it (orders) finds it, never
 * created by the migration (an undo leaves it), and reported as skipped with `reason`.
 */
export async function recordKeptAsFound(
  shop: string,
  platform: string,
  entity: string,
  row: WrittenRecord,
  shopifyGid: string,
  reason: string,
): Promise<void> {
  await recordWritten(shop, platform, entity, row, shopifyGid, null, reason, { adopted: true, status: 'skipped' });
}
