// Worker liveness: every worker process records a heartbeat for its workers, and releases the jobs
// held by workers that stopped beating (or whose process is gone, on this host). A worker killed
// mid-job (SIGKILL, a crashed machine) so costs only the piece it was on, retried at once, instead
// of waiting out graphile-worker's 4-hour lock expiry.
import os from 'node:os';
import pg from 'pg';

export interface LivenessOptions {
  connectionString: string;
  /** The graphile-worker worker ids this process runs. */
  workerIds: () => string[];
  /** Seconds without a heartbeat after which a worker on another host counts as dead. */
  staleSeconds?: number;
  beatMs?: number;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function releaseDeadWorkers(pool: pg.Pool, ours: string[], staleSeconds: number): Promise<string[]> {
  const { rows } = await pool.query<{ workerId: string; hostname: string; pid: number; stale: boolean }>(
    `SELECT "workerId", hostname, pid, "beatAt" < now() - make_interval(secs => $1) AS stale FROM "WorkerHeartbeat" WHERE NOT ("workerId" = ANY($2::text[]))`,
    [staleSeconds, ours],
  );
  const dead = rows
    .filter((row) => row.stale || (row.hostname === os.hostname() && !processAlive(row.pid)))
    .map((row) => row.workerId);
  if (dead.length === 0) return [];
  await pool.query('SELECT graphile_worker.force_unlock_workers($1::text[])', [dead]);
  await pool.query('DELETE FROM "WorkerHeartbeat" WHERE "workerId" = ANY($1::text[])', [dead]);
  return dead;
}

/** Starts beating (and looking for dead workers) now and every `beatMs`; returns a stop function. */
export function keepAlive(options: LivenessOptions, log: (line: string) => void = () => {}): () => Promise<void> {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 1 });
  const staleSeconds = options.staleSeconds ?? 60;
  let running: Promise<void> = Promise.resolve();
  const beat = async () => {
    const ours = options.workerIds();
    if (ours.length > 0) {
      await pool.query(
        `INSERT INTO "WorkerHeartbeat" ("workerId", hostname, pid, "beatAt") SELECT unnest($1::text[]), $2, $3, now()
         ON CONFLICT ("workerId") DO UPDATE SET "beatAt" = now()`,
        [ours, os.hostname(), process.pid],
      );
    }
    const released = await releaseDeadWorkers(pool, ours, staleSeconds);
    if (released.length > 0) log(`released the jobs of stopped workers: ${released.join(', ')}`);
  };
  const tick = () => {
    running = running
      .then(beat)
      .catch((error: unknown) => log(`heartbeat failed: ${error instanceof Error ? error.message : String(error)}`));
  };
  tick();
  const timer = setInterval(tick, options.beatMs ?? 10_000);
  return async () => {
    clearInterval(timer);
    await running;
    const ours = options.workerIds();
    // A clean stop leaves no heartbeat behind to be mistaken for a dead worker.
    if (ours.length > 0)
      await pool
        .query('DELETE FROM "WorkerHeartbeat" WHERE "workerId" = ANY($1::text[])', [ours])
        .catch(() => undefined);
    await pool.end();
  };
}
