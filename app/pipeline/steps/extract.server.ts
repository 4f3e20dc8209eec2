// Extract: starting a migration (or a re-sync) queues one job per entity; each job reads one page of
// one entity from the source into staging. The page's records, the cursor after it and the job for
// the next page are committed in one transaction, so a worker that dies mid-page loses only that
// page, which the retried job reads again.
import type { Entity } from '../../../connectors/model.ts';
import { SourceError, type SourceConnector } from '../../../connectors/source-connector.ts';
import { db } from '../../db/db.server.ts';
import { notifyProgress } from '../staging/progress.server.ts';
import { type Tx, MigrationStateError, ownedMigration, transition } from '../lifecycle.server.ts';
import { queueAnalyze, queueExtract } from '../queue.server.ts';
import { stageRows, toStagedRows } from '../staging/records.server.ts';
import { migrationOptions } from '../options.server.ts';

/** Redirects are not read from the source: they are derived from what moved (entities/redirects/write.server.ts). */
export function extractedEntities(entities: string[]): Entity[] {
  return (entities as Entity[]).filter((entity) => entity !== 'redirects');
}

/** The status change and one extract job per entity. startedAt is when reading began: a re-sync reads what changed after it. */
export async function beginReading(
  tx: Tx,
  migration: { id: string; shop: string; status: string; entities: string[] },
) {
  const { id, shop } = migration;
  const started = await transition(tx, migration, 'running', {
    phase: 'extracting',
    startedAt: new Date(),
    error: null,
  });
  for (const entity of extractedEntities(migration.entities)) {
    await tx.migrationEntity.upsert({
      where: { migrationId_entity: { migrationId: id, entity } },
      create: { migrationId: id, shop, entity },
      update: {},
    });
    await queueExtract(tx, id, entity);
  }
  return started;
}

/** Starts reading the source: one extract job per entity, all queued with the status change. */
export async function startMigration(shop: string, id: string) {
  const migration = await ownedMigration(shop, id);
  if (migration.status !== 'draft')
    throw new MigrationStateError(`The migration is ${migration.status}; only a draft can start.`);
  return db().$transaction((tx) => beginReading(tx, migration));
}

export type ExtractOutcome = 'page-staged' | 'entity-done' | 'all-done' | 'not-running' | 'failed';

export async function extractNextPage(
  migrationId: string,
  entity: Entity,
  connector: SourceConnector,
): Promise<ExtractOutcome> {
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
    const since = migrationOptions(migration.options).modifiedAfter;
    page = await connector.extract(entity, progress.extractCursor, since ? { modifiedAfter: new Date(since) } : {});
  } catch (error) {
    if (error instanceof SourceError && !error.retryable) {
      await transition(db(), migration, 'failed', {
        error: `Reading ${entity} from the source store failed: ${error.message}`,
      });
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
      data: {
        extractCursor: page.nextCursor ?? progress.extractCursor,
        extractDone: done,
        sourceTotal: page.total,
        extracted: total - invalid,
        invalid,
      },
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
      const moved = await tx.migration.updateMany({
        where: { id: migrationId, phase: 'extracting' },
        data: { phase: 'analyzing' },
      });
      if (moved.count === 0) return 'entity-done';
      await queueAnalyze(tx, migrationId);
      return 'all-done';
    }
    return 'entity-done';
  });
}
