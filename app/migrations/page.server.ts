// Everything the migration page shows, for the authenticated shop: the migration with its progress and
// review, one page each of what did not move and of the redirects, the dry run, written samples, undo
// and invitations. A draft has no page yet: it is sent back to its setup.
import { redirect } from '@remix-run/node';
import { undoPreview } from './actions.server.ts';
import { PAGE_SIZE, migrationPage, notMovedPage, ownedMigration, redirectsPage } from './views.server.ts';
import { NOT_MOVED_STATUSES, type NotMovedStatus, type UndoReport } from './views.ts';
import { writtenSamples } from '../pipeline/staging/samples.server.ts';
import { dryRunView } from '../pipeline/steps/dry-run.server.ts';
import { invitationSummary } from '../pipeline/steps/invite.server.ts';

function pageNumber(value: string | null): number {
  const page = Number(value ?? '1');
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/** `search`: the page's address parameters (the report's filter and both lists' page numbers). */
export async function migrationPageView(shop: string, id: string, search: URLSearchParams) {
  const migration = await ownedMigration(shop, id);
  if (migration.status === 'draft') throw redirect(`/app/migrations/${id}/setup`);
  const status = search.get('status');
  const [page, notMoved, redirects, dryRun, samples] = await Promise.all([
    migrationPage(shop, id),
    notMovedPage(shop, id, {
      entity: search.get('entity') || undefined,
      status: NOT_MOVED_STATUSES.includes(status as NotMovedStatus) ? (status as NotMovedStatus) : undefined,
      search: search.get('q')?.trim() || undefined,
      page: pageNumber(search.get('page')),
    }),
    redirectsPage(shop, id, pageNumber(search.get('redirectsPage'))),
    dryRunView(shop, id),
    writtenSamples(shop, id),
  ]);
  const undoable = ['completed', 'failed', 'cancelled', 'undone'].includes(migration.status);
  const preview = undoable ? await undoPreview(shop, id) : null;
  // Once undone, undoing again is only offered while something is left (a customer Shopify would not delete).
  const leftToUndo = preview ? preview.created.some((row) => row.count > 0) || preview.putBack > 0 : false;
  const undo = {
    report: (migration.undo as UndoReport | null) ?? null,
    preview: migration.status === 'undone' && !leftToUndo ? null : preview,
  };
  const customers = migration.entities.includes('customers')
    ? { invite: (migration.options as { inviteCustomers?: boolean }).inviteCustomers === true }
    : null;
  // Invitations are offered once the store is live: after a completed migration whose merchant chose them.
  const invitations = migration.status === 'completed' && customers?.invite ? await invitationSummary(shop, id) : null;
  return {
    ...page,
    notMoved,
    redirectList: redirects,
    pageSize: PAGE_SIZE,
    dryRun,
    samples,
    customers,
    undo,
    invitations,
  };
}
