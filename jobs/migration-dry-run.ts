// Checks one batch of staged records against Shopify's rules without writing (app/pipeline/steps/dry-run.server.ts).
import type { Task } from 'graphile-worker';
import { dryRunStep } from '../app/pipeline/steps/dry-run.server.ts';
import { MigrationDryRunPayload } from './payloads.ts';

const migrationDryRun: Task = async (payload, helpers) => {
  const { migrationId, afterId } = MigrationDryRunPayload.parse(payload);
  const outcome = await dryRunStep(migrationId, afterId ? BigInt(afterId) : null);
  helpers.logger.debug(`dry run ${migrationId}: ${outcome}`);
};

export default migrationDryRun;
