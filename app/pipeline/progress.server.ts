// Progress per entity (read / written / failed / total) as one snapshot, and a PostgreSQL
// notification after every committed step, so the admin UI and the command line can follow a
// migration live from any process.
import pg from 'pg';
import { db } from '../db.server.ts';

export const PROGRESS_CHANNEL = 'migration_progress';

export interface EntityProgress {
  entity: string;
  /** The source's own count, when it told. */
  total: number | null;
  read: number;
  unreadable: number;
  written: number;
  failed: number;
  skipped: number;
  readDone: boolean;
}

export interface ProgressSnapshot {
  migrationId: string;
  status: string;
  phase: string;
  error: string | null;
  entities: EntityProgress[];
  at: string;
}

export async function progressSnapshot(migrationId: string): Promise<ProgressSnapshot | null> {
  const migration = await db().migration.findUnique({ where: { id: migrationId } });
  if (!migration) return null;
  const rows = await db().migrationEntity.findMany({ where: { migrationId } });
  const byEntity = new Map(rows.map((row) => [row.entity, row]));
  return {
    migrationId,
    status: migration.status,
    phase: migration.phase,
    error: migration.error,
    at: new Date().toISOString(),
    entities: migration.entities.map((entity) => {
      const row = byEntity.get(entity);
      return {
        entity,
        total: row?.sourceTotal ?? null,
        read: row?.extracted ?? 0,
        unreadable: row?.invalid ?? 0,
        written: row?.written ?? 0,
        failed: row?.failed ?? 0,
        skipped: row?.skipped ?? 0,
        readDone: row?.extractDone ?? false,
      };
    }),
  };
}

/** Inside a step's transaction: listeners hear of it when (and only if) the step commits. */
export async function notifyProgress(tx: { $executeRaw: (query: TemplateStringsArray, ...values: unknown[]) => Promise<number> }, migrationId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${PROGRESS_CHANNEL}, ${migrationId})`;
}

/** Calls `onChange` whenever a step of `migrationId` commits; returns a function that stops listening. */
export async function listenForProgress(connectionString: string, migrationId: string, onChange: () => void): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  client.on('notification', (message) => {
    if (message.payload === migrationId) onChange();
  });
  await client.query(`LISTEN ${PROGRESS_CHANNEL}`);
  return () => client.end();
}
