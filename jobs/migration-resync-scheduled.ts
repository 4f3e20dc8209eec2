// Run by the worker's crontab (jobs/runner.ts): starts the re-syncs merchants scheduled that are due.
import type { Task } from 'graphile-worker';
import { startDueResyncs } from '../app/pipeline/steps/resync.server.ts';
import { CronPayload } from './payloads.ts';

const migrationResyncScheduled: Task = async (payload, helpers) => {
  CronPayload.parse(payload ?? {});
  const started = await startDueResyncs();
  if (started.length > 0) helpers.logger.info(`re-syncs started: ${started.join(', ')}`);
};

export default migrationResyncScheduled;
