// Starts a graphile-worker runner on Shipyard's database: inside `npm start`, or alone through
// `npm run worker` to add throughput (any number of them may point at the same database).
import { Logger, type Runner, run } from 'graphile-worker';
import { taskList } from './task-list.ts';

export interface WorkerOptions {
  connectionString: string;
  concurrency: number;
  /** How often an idle worker looks for jobs when LISTEN/NOTIFY misses one. */
  pollInterval?: number;
  /** Only warnings and errors (the command line draws its own progress). */
  quiet?: boolean;
}

const quietLogger = new Logger(() => (level, message) => {
  if (level === 'error' || level === 'warning') console.error(message);
});

export function startWorker(options: WorkerOptions): Promise<Runner> {
  return run({
    connectionString: options.connectionString,
    concurrency: options.concurrency,
    pollInterval: options.pollInterval ?? 2000,
    taskList,
    ...(options.quiet ? { logger: quietLogger } : {}),
    // No recurring jobs yet; without this graphile-worker looks for a crontab file in the cwd.
    parsedCronItems: [],
    // The process that owns the worker decides how to shut down (server.ts, jobs/worker.ts).
    noHandleSignals: true,
  });
}
