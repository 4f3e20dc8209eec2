// Writes one batch of one entity to Shopify (app/pipeline/steps/load.server.ts).
import type { Task } from 'graphile-worker';
import { z } from 'zod';
import { ENTITIES } from '../connectors/model.ts';
import { loadStep } from '../app/pipeline/steps/load.server.ts';

export const MigrationLoadPayload = z.object({ migrationId: z.uuid(), entity: z.enum(ENTITIES), afterId: z.string().regex(/^\d+$/).nullish() });

const migrationLoad: Task = async (payload, helpers) => {
  const { migrationId, entity, afterId } = MigrationLoadPayload.parse(payload);
  const outcome = await loadStep(migrationId, entity, afterId ? BigInt(afterId) : null);
  helpers.logger.debug(`load ${entity} of ${migrationId}: ${outcome}`);
};

export default migrationLoad;
