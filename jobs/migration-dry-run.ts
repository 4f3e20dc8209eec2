// Checks one batch of staged records against Shopify's rules without writing (app/pipeline/steps/dry-run.server.ts).
import type { Task } from 'graphile-worker';
import { z } from 'zod';
import { dryRunStep } from '../app/pipeline/steps/dry-run.server.ts';

export const MigrationDryRunPayload = z.object({ migrationId: z.uuid(), afterId: z.string().regex(/^\d+$/).nullish() });

const migrationDryRun: Task = async (payload, helpers) => {
  const { migrationId, afterId } = MigrationDryRunPayload.parse(payload);
  const outcome = await dryRunStep(migrationId, afterId ? BigInt(afterId) : null);
  helpers.logger.debug(`dry run ${migrationId}: ${outcome}`);
};

export default migrationDryRun;
