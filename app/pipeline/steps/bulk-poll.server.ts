// Bulk poll: checks on a bulk operation writing or publishing products (started by the load step),
// again later while Shopify runs it, then collects its results and goes on where writing goes on.
import { db } from '../../db/db.server.ts';
import { collectProductBulk } from '../entities/products/bulk-write.server.ts';
import {
  HELD,
  PLACEMENT_BATCH,
  collectPlacementBulk,
  submitPlacementBulk,
} from '../entities/products/bulk-publishing.server.ts';
import { queueBulkPoll } from '../queue.server.ts';
import { writingStateOf } from '../schedule.server.ts';
import { writerFor } from '../../shopify-admin/writer.server.ts';
import { type LoadOutcome, scheduleAfter, stoppedByShopify } from './load.server.ts';

/**
 * Checks on a bulk operation: again later while Shopify runs it, then its results and the next
 * chunk; after the last chunk publishing the products, products are done (schedule.server.ts: the
 * verification, if every other entity is done too). The entities that need products written are
 * already under way by then.
 */
export async function bulkPollStep(
  migrationId: string,
  batchId: string,
  connect: typeof writerFor = writerFor,
): Promise<LoadOutcome> {
  const migration = await db().migration.findUnique({ where: { id: migrationId } });
  // A paused migration still collects what Shopify already wrote; it just does not go on.
  if (!migration || !['running', 'paused'].includes(migration.status) || migration.phase !== 'loading')
    return 'not-running';
  try {
    const writer = await connect(migration.shop, migration.sourcePlatform);
    const batch = await db().bulkBatch.findUniqueOrThrow({ where: { id: batchId } });
    if (batch.entity !== PLACEMENT_BATCH) {
      const written = await collectProductBulk(batchId, writer);
      if (written === 'running') {
        await db().$transaction((tx) => queueBulkPoll(tx, migrationId, batchId));
        return 'bulk-running';
      }
      if (migration.status !== 'running') return 'not-running';
      return scheduleAfter(migration, 'products', written.next, written.notBefore);
    }
    const placed = await collectPlacementBulk(batchId, writer);
    if (placed === 'running') {
      await db().$transaction((tx) => queueBulkPoll(tx, migrationId, batchId));
      return 'bulk-running';
    }
    // Published while the rest of the products are still being written: their chain starts the next
    // publishing (load.server.ts), and a resume restarts that chain, so nothing is held here.
    if (writingStateOf(migration, 'products') === 'writing')
      return migration.status === 'running' ? 'next-batch' : 'not-running';
    if (migration.status !== 'running') {
      // Paused between two chunks of publishing: the resume carries on from this batch (resumeMigration).
      await db().bulkBatch.update({ where: { id: batchId }, data: { status: HELD } });
      return 'not-running';
    }
    // The next products after this batch; past the last, once more from the first, for any that
    // were not yet in Shopify when a publishing started while products were written (one held back
    // by the daily variant limit, say). Products on their channels are passed over without a request.
    let placing = await submitPlacementBulk(migrationId, placed.next, writer);
    if (!('batchId' in placing)) placing = await submitPlacementBulk(migrationId, null, writer);
    if ('batchId' in placing) {
      await db().$transaction((tx) => queueBulkPoll(tx, migrationId, placing.batchId));
      return 'bulk-running';
    }
    return scheduleAfter(migration, 'products', null);
  } catch (error) {
    if (await stoppedByShopify(migration, 'products', error)) return 'failed';
    throw error;
  }
}
