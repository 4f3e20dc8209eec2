// How a migration's status looks and where its row leads, shared by the dashboard and the migration page.
import type { MigrationStatus } from '../../pipeline/lifecycle.server.ts';

export const STATUS_TONE = {
  draft: undefined,
  running: 'info',
  ready: 'attention',
  paused: 'attention',
  completed: 'success',
  failed: 'critical',
  cancelled: undefined,
  undoing: 'info',
  undone: undefined,
} as const satisfies Record<MigrationStatus, 'info' | 'attention' | 'success' | 'critical' | undefined>;

/** A draft continues where the merchant left the new-migration flow; anything else opens its page. */
export function migrationHref(migration: { id: string; status: string }): string {
  return migration.status === 'draft' ? `/app/migrations/${migration.id}/setup` : `/app/migrations/${migration.id}`;
}
