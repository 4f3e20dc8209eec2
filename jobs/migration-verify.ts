// Checks Shopify against the source after writing and finishes the migration (app/pipeline/steps/verify.server.ts).
import type { Task } from 'graphile-worker';
import { verifyStep } from '../app/pipeline/steps/verify.server.ts';
import { MigrationVerifyPayload } from './payloads.ts';

const migrationVerify: Task = async (payload, helpers) => {
  const { migrationId } = MigrationVerifyPayload.parse(payload);
  const verification = await verifyStep(migrationId);
  if (verification)
    helpers.logger.info(
      `migration ${migrationId} completed; ${verification.mismatches.length} mismatches in a sample of ${verification.sampled}`,
    );
};

export default migrationVerify;
