// Run by the worker's crontab (jobs/runner.ts): deletes the queues of migrations that have no job left.
import type { Task } from 'graphile-worker';
import { cleanUpJobQueues } from '../app/db/jobs.server.ts';
import { CronPayload } from './payloads.ts';

export const JOB_QUEUES_CLEANUP_CRON = '17 * * * *';

const jobQueuesCleanup: Task = async (payload, helpers) => {
  CronPayload.parse(payload ?? {});
  await cleanUpJobQueues();
  helpers.logger.debug('empty job queues deleted');
};

export default jobQueuesCleanup;
