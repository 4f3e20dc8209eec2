// Scheduled re-syncs: the crontab task finds the runs whose nextResyncAt has come and starts the
// re-sync of each. A run still under way is not due (the schedule sits on the newest run, which is
// the running one); one that cannot re-sync (failed, cancelled) keeps its schedule and is reported.
import { db } from '../../db/db.server.ts';
import { MigrationStateError, resyncMigration } from '../lifecycle.server.ts';

export const RESYNC_CRON = '*/5 * * * *';

/** Starts every due re-sync; returns the new migrations' ids. */
export async function startDueResyncs(now = new Date()): Promise<string[]> {
  const due = await db().migration.findMany({ where: { nextResyncAt: { lte: now }, status: 'completed' }, select: { id: true, shop: true }, take: 100 });
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
