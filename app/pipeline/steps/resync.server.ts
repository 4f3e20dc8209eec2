// Re-syncs: a new run of a completed migration that reads only what changed, asked for by the
// merchant or on their schedule: the crontab task finds the runs whose nextResyncAt has come and starts the
// re-sync of each. A run still under way is not due (the schedule sits on the newest run, which is
// the running one); one that cannot re-sync (failed, cancelled) keeps its schedule and is reported.
import { db } from '../../db/db.server.ts';
import { MigrationStateError, UNDER_WAY, ownedMigration, resyncChain } from '../lifecycle.server.ts';
import { beginReading } from './extract.server.ts';

/** How often a merchant may ask Shipyard to re-sync on its own. */
export const RESYNC_INTERVALS = { hourly: 3_600_000, daily: 86_400_000 } as const;
export type ResyncInterval = keyof typeof RESYNC_INTERVALS;

/**
 * A re-sync: a new migration linked to the latest completed run of the chain (resyncOf), reading
 * only what changed in the source after that run began reading (options.modifiedAfter; endpoints
 * the source cannot filter are read whole and their content hashes skip what did not change),
 * with the same entities and options, unattended. The id map turns its writes into updates.
 */
export async function resyncMigration(shop: string, id: string) {
  const migration = await ownedMigration(shop, id);
  if (migration.status !== 'completed')
    throw new MigrationStateError(`The migration is ${migration.status}; only a completed migration can be re-synced.`);
  const chain = await db().migration.findMany({
    where: { shop, id: { in: await resyncChain(shop, id) } },
    orderBy: { createdAt: 'asc' },
  });
  if (chain.some((run) => UNDER_WAY.includes(run.status)))
    throw new MigrationStateError('A re-sync of this migration is already under way; wait for it to finish.');
  const previous = chain.filter((run) => run.status === 'completed' && run.startedAt).at(-1) ?? migration;
  if (!previous.startedAt)
    throw new MigrationStateError('The migration never read its source, so there is no point to re-sync from.');
  const options = {
    ...(previous.options as Record<string, unknown>),
    modifiedAfter: previous.startedAt.toISOString(),
    unattended: true,
  };
  return db().$transaction(async (tx) => {
    // The schedule follows the newest run, which is the one the next re-sync starts from.
    const every = chain.find((run) => run.resyncEvery)?.resyncEvery ?? null;
    await tx.migration.updateMany({
      where: { shop, id: { in: chain.map((run) => run.id) } },
      data: { resyncEvery: null, nextResyncAt: null },
    });
    const created = await tx.migration.create({
      data: {
        shop,
        sourcePlatform: previous.sourcePlatform,
        sourceUrl: previous.sourceUrl,
        sourceCredentials: previous.sourceCredentials,
        entities: previous.entities,
        options: options as object,
        resyncOf: previous.id,
        resyncEvery: every,
        nextResyncAt: every ? nextResyncAt(every) : null,
      },
    });
    return beginReading(tx, created);
  });
}

export function nextResyncAt(every: string, from = new Date()): Date | null {
  const interval = RESYNC_INTERVALS[every as ResyncInterval];
  return interval ? new Date(from.getTime() + interval) : null;
}

/** The merchant's standing request for re-syncs (null stops them), kept on the newest run of the chain. */
export async function scheduleResync(shop: string, id: string, every: ResyncInterval | null) {
  const migration = await ownedMigration(shop, id);
  if (every !== null && !(every in RESYNC_INTERVALS))
    throw new MigrationStateError(`Re-syncs can run ${Object.keys(RESYNC_INTERVALS).join(' or ')}.`);
  if (['cancelled', 'undoing', 'undone'].includes(migration.status))
    throw new MigrationStateError(`The migration is ${migration.status}; it cannot be re-synced.`);
  const chain = await db().migration.findMany({
    where: { shop, id: { in: await resyncChain(shop, id) } },
    orderBy: { createdAt: 'asc' },
  });
  const newest = chain.at(-1) ?? migration;
  return db().$transaction(async (tx) => {
    await tx.migration.updateMany({
      where: { shop, id: { in: chain.map((run) => run.id) } },
      data: { resyncEvery: null, nextResyncAt: null },
    });
    return tx.migration.update({
      where: { id: newest.id },
      data: { resyncEvery: every, nextResyncAt: every ? nextResyncAt(every) : null },
    });
  });
}

export const RESYNC_CRON = '*/5 * * * *';

/** Starts every due re-sync; returns the new migrations' ids. */
export async function startDueResyncs(now = new Date()): Promise<string[]> {
  const due = await db().migration.findMany({
    where: { nextResyncAt: { lte: now }, status: 'completed' },
    select: { id: true, shop: true },
    take: 100,
  });
  const started: string[] = [];
  for (const { id, shop } of due) {
    try {
      started.push((await resyncMigration(shop, id)).id);
    } catch (error) {
      // Another process got there first, or the chain is busy: the next tick looks again.
      if (!(error instanceof MigrationStateError)) throw error;
    }
  }
  return started;
}
