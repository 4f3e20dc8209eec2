// Reading a shop's migrations for the admin UI. Every query is scoped by the authenticated shop.
import { db } from './db.server.ts';
import { platformLabel } from './source-platforms.server.ts';

export const MIGRATION_STATUSES = ['draft', 'running', 'ready', 'paused', 'completed', 'failed', 'cancelled'] as const;
export type MigrationStatus = (typeof MIGRATION_STATUSES)[number];

const statusLabels: Record<MigrationStatus, string> = {
  draft: 'Draft',
  running: 'Running',
  ready: 'Ready for review',
  paused: 'Paused',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export interface MigrationSummary {
  id: string;
  sourceLabel: string;
  sourceUrl: string | null;
  status: MigrationStatus;
  statusLabel: string;
  updatedAt: string;
}

function asStatus(value: string): MigrationStatus {
  return (MIGRATION_STATUSES as readonly string[]).includes(value) ? (value as MigrationStatus) : 'draft';
}

export async function listMigrations(shop: string): Promise<MigrationSummary[]> {
  const rows = await db().migration.findMany({ where: { shop }, orderBy: { updatedAt: 'desc' }, take: 100 });
  return rows.map((row) => {
    const status = asStatus(row.status);
    return {
      id: row.id,
      sourceLabel: platformLabel(row.sourcePlatform),
      sourceUrl: row.sourceUrl,
      status,
      statusLabel: statusLabels[status],
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}
