// The migration page's buttons, run for the authenticated shop only. A button that no longer fits
// (another staff member paused it first) answers with the reason instead of failing the page.
import type { MigrationIntent } from './migration-forms.ts';
import { startDryRun } from './pipeline/dry-run.server.ts';
import { MigrationNotFound, MigrationStateError, approveMigration, cancelMigration, pauseMigration, resumeMigration } from './pipeline/lifecycle.server.ts';

const ACTIONS: Record<MigrationIntent, (shop: string, id: string) => Promise<unknown>> = {
  approve: approveMigration,
  pause: pauseMigration,
  resume: resumeMigration,
  cancel: cancelMigration,
  dryRun: startDryRun,
};

export async function runMigrationAction(shop: string, id: string, intent: MigrationIntent): Promise<{ error: string | null }> {
  try {
    await ACTIONS[intent](shop, id);
    return { error: null };
  } catch (error) {
    if (error instanceof MigrationNotFound) throw new Response('There is no such migration in this store.', { status: 404 });
    // The lifecycle refuses a change that does not fit the current status, in words meant for the merchant.
    if (error instanceof MigrationStateError) return { error: error.message };
    throw error;
  }
}
