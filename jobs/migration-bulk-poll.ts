// Checks on a bulk operation writing or publishing products, collects its results, and goes on (app/pipeline/steps/bulk-poll.server.ts).
import type { Task } from 'graphile-worker';
import { bulkPollStep } from '../app/pipeline/steps/bulk-poll.server.ts';
import { MigrationBulkPollPayload } from './payloads.ts';

const migrationBulkPoll: Task = async (payload, helpers) => {
  const { migrationId, batchId } = MigrationBulkPollPayload.parse(payload);
  const outcome = await bulkPollStep(migrationId, batchId);
  helpers.logger.debug(`bulk batch ${batchId} of ${migrationId}: ${outcome}`);
};

export default migrationBulkPoll;
