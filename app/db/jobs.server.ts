// Queues background work on graphile-worker, in the same PostgreSQL as everything else.
import { type TaskSpec, type WorkerUtils, makeWorkerUtils } from 'graphile-worker';
import type { Pool } from 'pg';
import type {} from '../../jobs/payloads.ts';
import { openPool } from './pool.server.ts';

type JobQueue = { utils: WorkerUtils; pool: Pool };
const holder = globalThis as typeof globalThis & { shipyardWorkerUtils?: Promise<JobQueue> };

async function workerUtils(): Promise<WorkerUtils> {
  holder.shipyardWorkerUtils ??= (async () => {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error('DATABASE_URL is not set: open the database before queueing jobs.');
    // Our own pool, ended (awaited) on release: see jobs/runner.ts for why not graphile-worker's.
    const pool = openPool(connectionString);
    const utils = await makeWorkerUtils({ pgPool: pool });
    await utils.migrate();
    return { utils, pool };
  })();
  return (await holder.shipyardWorkerUtils).utils;
}

export async function enqueue<Name extends keyof GraphileWorker.Tasks>(
  task: Name,
  payload: GraphileWorker.Tasks[Name],
  spec?: TaskSpec,
): Promise<void> {
  const utils = await workerUtils();
  // The task name ties the payload to its type above; graphile-worker's conditional type cannot
  // follow a generic name, so it is widened here.
  await utils.addJob(task as string, payload, spec);
}

/** Removes a queued job by its key; nothing happens when there is none (or it is running). */
export async function cancelJob(jobKey: string): Promise<void> {
  const utils = await workerUtils();
  // graphile-worker's own SQL function: deletes the job unless a worker holds it.
  await utils.withPgClient((client) => client.query('SELECT graphile_worker.remove_job($1)', [jobKey]));
}

/**
 * Deletes the named queues no job is in any more (graphile-worker's GC_JOB_QUEUES). graphile-worker
 * keeps a row for every queue name it was ever given, and each migration has queues of its own
 * (app/pipeline/queue.server.ts), so without this the table grows by a few rows per migration;
 * graphile-worker's documentation asks for exactly this cleanup when queue names are many (decision 0007).
 * A queue a worker holds, or that still has a job, is left alone.
 */
export async function cleanUpJobQueues(): Promise<void> {
  const utils = await workerUtils();
  await utils.cleanup({ tasks: ['GC_JOB_QUEUES'] });
}

export async function releaseJobQueue(): Promise<void> {
  const utils = holder.shipyardWorkerUtils;
  holder.shipyardWorkerUtils = undefined;
  if (!utils) return;
  const queue = await utils;
  await queue.utils.release();
  await queue.pool.end();
}

export interface QueueOptions {
  jobKey?: string;
  queueName?: string;
  runAt?: Date;
  maxAttempts?: number;
}

/**
 * Queues a job inside the caller's database transaction (graphile-worker's own add_job function),
 * so a step's results and the job for the next step are committed together or not at all.
 */
export async function queueInTransaction<Name extends keyof GraphileWorker.Tasks>(
  tx: { $executeRaw: (query: TemplateStringsArray, ...values: unknown[]) => Promise<number> },
  task: Name,
  payload: GraphileWorker.Tasks[Name],
  options: QueueOptions = {},
): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    identifier => ${task}::text,
    payload => ${JSON.stringify(payload)}::json,
    queue_name => ${options.queueName ?? null}::text,
    run_at => ${options.runAt ?? null}::timestamptz,
    max_attempts => ${options.maxAttempts ?? null}::int,
    job_key => ${options.jobKey ?? null}::text
  )`;
}
