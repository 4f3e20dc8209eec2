// Run by the worker's crontab (jobs/runner.ts): starts the re-syncs merchants scheduled that are due.
import type { Task } from 'graphile-worker';
import { z } from 'zod';
import { startDueResyncs } from '../app/pipeline/steps/resync.server.ts';

// graphile-worker's cron adds `_cron` details to the payload; nothing else is expected.
export const MigrationResyncScheduledPayload = z.object({ _cron: z.object({ ts: z.string() }).loose().optional() }).loose();

const migrationResyncScheduled: Task = async (payload, helpers) => {
  MigrationResyncScheduledPayload.parse(payload ?? {});
  const started = await startDueResyncs();
  if (started.length > 0) helpers.logger.info(`re-syncs started: ${started.join(', ')}`);
};

export default migrationResyncScheduled;
