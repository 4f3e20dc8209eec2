// Starts a graphile-worker runner on Shipyard's database: inside `npm start`, or alone through
// `npm run worker` to add throughput (any number of them may point at the same database).
import { EventEmitter } from 'node:events';
import { Logger, type Runner, type WorkerEvents, parseCronItems, run } from 'graphile-worker';
import { openPool } from '../app/db/pool.server.ts';
import { RESYNC_CRON } from '../app/pipeline/steps/resync.server.ts';
import { JOB_QUEUES_CLEANUP_CRON } from './job-queues-cleanup.ts';
import { keepAlive } from './liveness.ts';
import { taskList } from './task-list.ts';

export interface WorkerOptions {
  connectionString: string;
  concurrency: number;
  /** How often an idle worker looks for jobs when LISTEN/NOTIFY misses one. */
  pollInterval?: number;
  /** Only warnings and errors (the command line draws its own progress). */
  quiet?: boolean;
  /** Seconds without a heartbeat before another host's worker counts as dead (jobs/liveness.ts). */
  staleSeconds?: number;
}

const quietLogger = new Logger(() => (level, message) => {
  if (level === 'error' || level === 'warning') console.error(message);
});

export async function startWorker(options: WorkerOptions): Promise<Runner> {
  const events: WorkerEvents = new EventEmitter();
  const workerIds = new Set<string>();
  // Jobs are locked in the name of the worker pool (and, in older paths, of single workers).
  events.on('pool:create', ({ workerPool }) => workerIds.add(workerPool.id));
  events.on('worker:create', ({ worker }) => workerIds.add(worker.workerId));
  // Our own pool, not one graphile-worker makes: graphile-worker ends its pool without waiting and
  // takes its error listener off first, so PostgreSQL stopping right after (the embedded one, at the
  // end of a CLI run) could kill the process with an unhandled error event. This one keeps its
  // listener and is ended, awaited, when the runner stops.
  const pgPool = openPool(options.connectionString);
  const runner = await run({
    events,
    pgPool,
    concurrency: options.concurrency,
    pollInterval: options.pollInterval ?? 2000,
    taskList,
    ...(options.quiet ? { logger: quietLogger } : {}),
    // Given in code, so graphile-worker does not look for a crontab file in the cwd. Every worker
    // process runs the crontab; graphile-worker's known_crontabs table makes each tick one job.
    parsedCronItems: parseCronItems([
      {
        task: 'migration-resync-scheduled',
        match: RESYNC_CRON,
        identifier: 'migration-resync-scheduled',
        options: { backfillPeriod: 0, queueName: 'migration-resync-scheduled', jobKey: 'migration-resync-scheduled' },
      },
      {
        task: 'job-queues-cleanup',
        match: JOB_QUEUES_CLEANUP_CRON,
        identifier: 'job-queues-cleanup',
        options: { backfillPeriod: 0, jobKey: 'job-queues-cleanup' },
      },
    ]),
    // The process that owns the worker decides how to shut down (server.ts, jobs/worker.ts).
    noHandleSignals: true,
  });
  const stopBeating = keepAlive(
    {
      connectionString: options.connectionString,
      workerIds: () => [...workerIds],
      ...(options.staleSeconds ? { staleSeconds: options.staleSeconds } : {}),
    },
    (line) => console.error(line),
  );
  const stop = runner.stop.bind(runner);
  runner.stop = async (...args: Parameters<Runner['stop']>) => {
    await stop(...args);
    await stopBeating();
    await pgPool.end();
  };
  return runner;
}
