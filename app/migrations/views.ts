// What the migration page's loaders fill and its components read: the shapes of a migration's views.
// Types only (erased from the browser bundle), plus the customer-data wording the page shares with the
// command line; components import these from here, never from the pipeline that makes them (decisions/0034).
export type { MigrationStatus } from '../pipeline/lifecycle.server.ts';
export type { MigrationPlan } from '../pipeline/analysis/plan.server.ts';
export type { ProblemGroup } from '../pipeline/analysis/findings.server.ts';
export { type CustomerDataNotice, customerDataWords } from '../pipeline/analysis/customer-data-notice.ts';
export type { ProgressSnapshot } from '../pipeline/staging/progress.server.ts';
export type { WrittenSample } from '../pipeline/staging/samples.server.ts';
export type { DryRunView } from '../pipeline/steps/dry-run.server.ts';
export type { InvitationSummary } from '../pipeline/steps/invite.server.ts';
export type { UndoReport } from '../pipeline/steps/undo.server.ts';
export type { Verification } from '../pipeline/steps/verify.server.ts';

export const NOT_MOVED_STATUSES = ['invalid', 'failed', 'skipped'] as const;
export type NotMovedStatus = (typeof NOT_MOVED_STATUSES)[number];

/** A record that did not move, as the report's table lists it. */
export interface NotMovedRow {
  id: string;
  entity: string;
  sourceId: string;
  name: string;
  status: NotMovedStatus;
  reason: string;
}

/** A redirect, as the migration page lists it. */
export interface RedirectRow {
  id: string;
  path: string;
  /** The new Shopify path: a fixed one (a listing, a page the old store kept for itself), or the moved target's once it has a handle. */
  target: string | null;
  status: string;
  reason: string | null;
}

/** What undoing a migration would do, counted before the merchant confirms. */
export interface UndoPreview {
  /** Shopify objects the migration and its re-syncs created, per entity: what an undo deletes. */
  created: { entity: string; count: number }[];
  /** Customers the store already had that the migration wrote into: an undo puts them back as they were. */
  putBack: number;
  resyncs: number;
}
