// Run by the worker's crontab (jobs/runner.ts): deletes the queues of migrations that have no job left.
import type { Task } from 'graphile-worker';
import { z } from 'zod';
import { cleanUpJobQueues } from '../app/db/jobs.server.ts';

export const JOB_QUEUES_CLEANUP_CRON = '17 * * * *';

// graphile-worker's cron adds `_cron` details to the payload; nothing else is expected.
export const JobQueuesCleanupPayload = z.object({ _cron: z.object({ ts: z.string() }).loose().optional() }).loose();

const jobQueuesCleanup: Task = async (payload, helpers) => {
  JobQueuesCleanupPayload.parse(payload ?? {});
  await cleanUpJobQueues();
  helpers.logger.debug('empty job queues deleted');
};

export default jobQueuesCleanup;
