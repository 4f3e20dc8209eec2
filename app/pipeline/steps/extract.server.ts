// Extract: one page of one entity from the source into staging per job. The page's records, the
// cursor after it and the job for the next page are committed in one transaction, so a worker that
// dies mid-page loses only that page, which the retried job reads again.
import type { Entity } from '../../../connectors/model.ts';
import { SourceError, type SourceConnector } from '../../../connectors/source-connector.ts';
import { db } from '../../db/db.server.ts';
import { notifyProgress } from '../staging/progress.server.ts';
import { extractedEntities } from '../lifecycle.server.ts';
import { queueAnalyze, queueExtract } from '../queue.server.ts';
import { stageRows, toStagedRows } from '../staging/records.server.ts';

export type ExtractOutcome = 'page-staged' | 'entity-done' | 'all-done' | 'not-running' | 'failed';

export async function extractNextPage(migrationId: string, entity: Entity, connector: SourceConnector): Promise<ExtractOutcome> {
  const migration = await db().migration.findUnique({ where: { id: migrationId } });
  if (!migration || migration.status !== 'running' || migration.phase !== 'extracting') return 'not-running';
  const progress = await db().migrationEntity.upsert({
    where: { migrationId_entity: { migrationId, entity } },
    create: { migrationId, entity, shop: migration.shop },
    update: {},
  });
  if (progress.extractDone) return 'entity-done';

  let page;
  try {
    const since = (migration.options as { modifiedAfter?: string }).modifiedAfter;
    page = await connector.extract(entity, progress.extractCursor, since ? { modifiedAfter: new Date(since) } : {});
  } catch (error) {
    if (error instanceof SourceError && !error.retryable) {
      await db().migration.update({ where: { id: migrationId }, data: { status: 'failed', error: `Reading ${entity} from the source store failed: ${error.message}` } });
      return 'failed';
    }
    throw error; // network trouble or a 5xx: the queue retries with backoff
  }

  const rows = toStagedRows(entity, page.records, progress.extractCursor ?? 'first');
  return db().$transaction(async (tx) => {
    await notifyProgress(tx, migrationId);
    await stageRows(tx, migration.shop, migrationId, entity, rows);
    const counts = await tx.sourceRecord.groupBy({ by: ['status'], where: { migrationId, entity }, _count: true });
    const invalid = counts.find((row) => row.status === 'invalid')?._count ?? 0;
    const total = counts.reduce((sum, row) => sum + row._count, 0);
    const done = page.nextCursor === null;
    await tx.migrationEntity.update({
      where: { migrationId_entity: { migrationId, entity } },
      data: { extractCursor: page.nextCursor ?? progress.extractCursor, extractDone: done, sourceTotal: page.total, extracted: total - invalid, invalid },
    });
    if (!done) {
      await queueExtract(tx, migrationId, entity);
      return 'page-staged';
    }
    // Entities finishing at once would each see the other still running and neither start the
    // analysis: the migration's row lock makes them decide one after the other.
    await tx.$executeRaw`SELECT 1 FROM "Migration" WHERE id = ${migrationId} FOR UPDATE`;
    const remaining = await tx.migrationEntity.count({ where: { migrationId, extractDone: false } });
    const pending = extractedEntities(migration.entities).filter((name) => name !== entity);
    const started = await tx.migrationEntity.count({ where: { migrationId, entity: { in: pending } } });
    if (remaining === 0 && started === pending.length) {
      // Only the first to get here moves the phase on; any later one finds it moved and stops.
      const moved = await tx.migration.updateMany({ where: { id: migrationId, phase: 'extracting' }, data: { phase: 'analyzing' } });
      if (moved.count === 0) return 'entity-done';
      await queueAnalyze(tx, migrationId);
      return 'all-done';
    }
    return 'entity-done';
  });
}
