// Reads one page of one entity from the source store into staging (app/pipeline/steps/extract.server.ts).
import type { Task } from 'graphile-worker';
import { createConnector } from '../connectors/registry.server.ts';
import { decryptCredentials } from '../app/db/credentials.server.ts';
import { db } from '../app/db/db.server.ts';
import { extractNextPage } from '../app/pipeline/steps/extract.server.ts';
import { MigrationExtractPayload } from './payloads.ts';

const migrationExtract: Task = async (payload, helpers) => {
  const { migrationId, entity } = MigrationExtractPayload.parse(payload);
  const migration = await db().migration.findUnique({ where: { id: migrationId } });
  if (!migration?.sourceCredentials) {
    helpers.logger.warn(`migration ${migrationId} is gone or has no source credentials; nothing to extract`);
    return;
  }
  const connector = createConnector(
    migration.sourcePlatform,
    decryptCredentials(migration.shop, migration.sourceCredentials),
  );
  const outcome = await extractNextPage(migrationId, entity, connector);
  helpers.logger.debug(`extract ${entity} of ${migrationId}: ${outcome}`);
};

export default migrationExtract;
