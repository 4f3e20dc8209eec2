// Checks Shopify against the source after writing and finishes the migration (app/pipeline/steps/verify.server.ts).
import type { Task } from 'graphile-worker';
import { db } from '../app/db/db.server.ts';
import { notifyProgress } from '../app/pipeline/staging/progress.server.ts';
import { verifyMigration } from '../app/pipeline/steps/verify.server.ts';
import { adminClientFor } from '../app/shopify-admin/connection.server.ts';
import { MigrationVerifyPayload } from './payloads.ts';

const migrationVerify: Task = async (payload, helpers) => {
  const { migrationId } = MigrationVerifyPayload.parse(payload);
  const migration = await db().migration.findUnique({ where: { id: migrationId } });
  if (!migration || migration.status !== 'running' || migration.phase !== 'verifying') return;
  const verification = await verifyMigration(migrationId, await adminClientFor(migration.shop), migration.sourcePlatform);
  await db().migration.update({
    where: { id: migrationId },
    data: { status: 'completed', phase: 'done', finishedAt: new Date(), verification: verification as object },
  });
  await notifyProgress(db(), migrationId);
  helpers.logger.info(`migration ${migrationId} completed; ${verification.mismatches.length} mismatches in a sample of ${verification.sampled}`);
};

export default migrationVerify;
