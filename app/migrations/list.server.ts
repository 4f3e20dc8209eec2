// Reading a shop's migrations for the admin UI. Every query is scoped by the authenticated shop.
import { db } from '../db/db.server.ts';
import { overallStage } from './progress.ts';
import { platformLabel } from './platforms.server.ts';
import { MIGRATION_STATUSES, type MigrationStatus } from '../pipeline/lifecycle.server.ts';

const statusLabels: Record<MigrationStatus, string> = {
  draft: 'Draft',
  running: 'Running',
  ready: 'Ready for review',
  paused: 'Paused',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
  // Undo (app/pipeline/steps/undo.server.ts) deletes from Shopify what the migration created.
  undoing: 'Undoing',
  undone: 'Undone',
};

export interface MigrationSummary {
  id: string;
  sourceLabel: string;
  sourceUrl: string | null;
  status: MigrationStatus;
  statusLabel: string;
  /** Records done (read while reading, written or kept while writing) out of the known total. */
  done: number;
  total: number;
  updatedAt: string;
}

export function asStatus(value: string): MigrationStatus {
  return (MIGRATION_STATUSES as readonly string[]).includes(value) ? (value as MigrationStatus) : 'draft';
}

export function statusLabel(status: MigrationStatus): string {
  return statusLabels[status];
}

export async function listMigrations(shop: string): Promise<MigrationSummary[]> {
  const rows = await db().migration.findMany({ where: { shop }, orderBy: { updatedAt: 'desc' }, take: 100 });
  const entities = await db().migrationEntity.findMany({
    where: { shop, migrationId: { in: rows.map((row) => row.id) } },
  });
  return rows.map((row) => {
    const status = asStatus(row.status);
    const counts = entities
      .filter((entity) => entity.migrationId === row.id)
      .map((entity) => ({
        total: entity.sourceTotal,
        read: entity.extracted,
        unreadable: entity.invalid,
        written: entity.written,
        unchanged: entity.unchanged,
        failed: entity.failed,
        skipped: entity.skipped,
        readDone: entity.extractDone,
      }));
    return {
      id: row.id,
      sourceLabel: platformLabel(row.sourcePlatform),
      sourceUrl: row.sourceUrl,
      status,
      statusLabel: statusLabels[status],
      ...overallStage(counts, row.phase),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}
