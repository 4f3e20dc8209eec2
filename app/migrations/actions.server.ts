// The migration page's buttons, run for the authenticated shop only. A button that no longer fits
// (another staff member paused it first) answers with the reason instead of failing the page.
import { db } from '../db/db.server.ts';
import type { MigrationIntent } from './forms.ts';
import type { UndoPreview } from './views.ts';
import { startDryRun } from '../pipeline/steps/dry-run.server.ts';
import {
  MigrationNotFound,
  MigrationStateError,
  cancelMigration,
  pauseMigration,
  resumeMigration,
  resyncChain,
} from '../pipeline/lifecycle.server.ts';
import { approveMigration } from '../pipeline/steps/load.server.ts';
import { resyncMigration } from '../pipeline/steps/resync.server.ts';
import { sendInvitations } from '../pipeline/steps/invite.server.ts';
import { undoMigration } from '../pipeline/steps/undo.server.ts';

const ACTIONS: Record<MigrationIntent, (shop: string, id: string) => Promise<unknown>> = {
  approve: approveMigration,
  pause: pauseMigration,
  resume: resumeMigration,
  cancel: cancelMigration,
  dryRun: startDryRun,
  resync: resyncMigration,
  undo: undoMigration,
  invite: sendInvitations,
};

/** `next`: the migration the action started, when it is another one (a re-sync is a new migration). */
export async function runMigrationAction(
  shop: string,
  id: string,
  intent: MigrationIntent,
): Promise<{ error: string | null; next?: string }> {
  try {
    const result = await ACTIONS[intent](shop, id);
    if (intent === 'resync') return { error: null, next: (result as { id: string }).id };
    return { error: null };
  } catch (error) {
    if (error instanceof MigrationNotFound)
      throw new Response('There is no such migration in this store.', { status: 404 });
    // The lifecycle refuses a change that does not fit the current status, in words meant for the merchant.
    if (error instanceof MigrationStateError) return { error: error.message };
    throw error;
  }
}

/** What undoing this migration would delete, counted from the id map (IdMapEntry.createdBy); variants go with their products. */
export async function undoPreview(shop: string, id: string): Promise<UndoPreview> {
  const chain = await resyncChain(shop, id);
  const created = await db().idMapEntry.groupBy({
    by: ['entity'],
    where: { shop, createdBy: { in: chain }, entity: { not: 'variants' } },
    _count: true,
    orderBy: { entity: 'asc' },
  });
  const putBack = await db().recordBefore.count({ where: { shop, migrationId: { in: chain } } });
  return {
    created: created.map((row) => ({ entity: row.entity, count: row._count })),
    putBack,
    resyncs: chain.length - 1,
  };
}
