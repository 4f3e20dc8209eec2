// Writes one batch of one entity to Shopify (app/pipeline/steps/load.server.ts).
import type { Task } from 'graphile-worker';
import { loadStep } from '../app/pipeline/steps/load.server.ts';
import { MigrationLoadPayload } from './payloads.ts';

const migrationLoad: Task = async (payload, helpers) => {
  const { migrationId, entity, afterId } = MigrationLoadPayload.parse(payload);
  const outcome = await loadStep(migrationId, entity, afterId ? BigInt(afterId) : null);
  helpers.logger.debug(`load ${entity} of ${migrationId}: ${outcome}`);
};

export default migrationLoad;
