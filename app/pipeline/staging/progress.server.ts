// Progress per entity (read / written / unchanged / skipped / failed / total) as one snapshot, and a PostgreSQL
// notification after every committed step, so the admin UI and the command line can follow a
// migration live from any process.
import pg from 'pg';
import { db } from '../../db/db.server.ts';

export const PROGRESS_CHANNEL = 'migration_progress';

export interface EntityProgress {
  entity: string;
  /** The source's own count, when it told. */
  total: number | null;
  read: number;
  unreadable: number;
  /** Written to Shopify by this run. */
  written: number;
  /** In Shopify from an earlier run and not changed since: nothing was sent. */
  unchanged: number;
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
  /** On a development or trial store, the orders it takes a minute (the plan's), which the time left counts with. */
  ordersPerMinute: number | null;
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
    ordersPerMinute: (migration.plan as { ordersPerMinute?: number } | null)?.ordersPerMinute ?? null,
    at: new Date().toISOString(),
    entities: migration.entities.map((entity) => {
      const row = byEntity.get(entity);
      return {
        entity,
        total: row?.sourceTotal ?? null,
        read: row?.extracted ?? 0,
        unreadable: row?.invalid ?? 0,
        written: row?.written ?? 0,
        unchanged: row?.unchanged ?? 0,
        failed: row?.failed ?? 0,
        skipped: row?.skipped ?? 0,
        readDone: row?.extractDone ?? false,
      };
    }),
  };
}

/** Inside a step's transaction: listeners hear of it when (and only if) the step commits. */
export async function notifyProgress(
  tx: { $executeRaw: (query: TemplateStringsArray, ...values: unknown[]) => Promise<number> },
  migrationId: string,
): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${PROGRESS_CHANNEL}, ${migrationId})`;
}

/**
 * One LISTEN connection per process, shared by every follower (each browser tab's event stream, the
 * command line): a connection per follower would let a handful of open tabs use up PostgreSQL's
 * connections. A dropped connection is opened again; followers miss nothing lasting, because each
 * notification only says "look again" and the next one brings them up to date.
 */
interface SharedListener {
  followers: Map<string, Set<() => void>>;
  ready: Promise<pg.Client>;
}

const listeners = new Map<string, SharedListener>();

function openListener(connectionString: string, listener: SharedListener): Promise<pg.Client> {
  const client = new pg.Client({ connectionString });
  const reopen = () => {
    if (listeners.get(connectionString) !== listener) return;
    client.removeAllListeners();
    client.end().catch(() => undefined);
    setTimeout(() => {
      if (listeners.get(connectionString) === listener && listener.followers.size > 0)
        listener.ready = openListener(connectionString, listener);
    }, 1000);
  };
  client.on('notification', (message) => {
    for (const follow of listener.followers.get(message.payload ?? '') ?? []) follow();
  });
  client.on('error', reopen);
  client.on('end', reopen);
  return client.connect().then(async () => {
    await client.query(`LISTEN ${PROGRESS_CHANNEL}`);
    return client;
  });
}

/** Calls `onChange` whenever a step of `migrationId` commits; returns a function that stops listening. */
export async function listenForProgress(
  connectionString: string,
  migrationId: string,
  onChange: () => void,
): Promise<() => Promise<void>> {
  let listener = listeners.get(connectionString);
  if (!listener) {
    listener = { followers: new Map(), ready: Promise.resolve(null as unknown as pg.Client) };
    listeners.set(connectionString, listener);
    listener.ready = openListener(connectionString, listener);
  }
  const shared = listener;
  const followers = shared.followers.get(migrationId) ?? new Set();
  followers.add(onChange);
  shared.followers.set(migrationId, followers);
  try {
    await shared.ready;
  } catch (error) {
    await stop();
    throw error;
  }

  async function stop() {
    followers.delete(onChange);
    if (followers.size === 0) shared.followers.delete(migrationId);
    if (shared.followers.size > 0 || listeners.get(connectionString) !== shared) return;
    // The last follower left: close the connection so a finished command line can exit.
    listeners.delete(connectionString);
    const client = await shared.ready.catch(() => null);
    client?.removeAllListeners();
    await client?.end().catch(() => undefined);
  }
  return stop;
}
