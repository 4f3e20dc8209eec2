// Deletes one batch of what a migration created from Shopify (app/pipeline/steps/undo.server.ts).
import type { Task } from 'graphile-worker';
import { undoStep } from '../app/pipeline/steps/undo.server.ts';
import { MigrationUndoPayload } from './payloads.ts';

const migrationUndo: Task = async (payload, helpers) => {
  const { migrationId, entity, afterId } = MigrationUndoPayload.parse(payload);
  const outcome = await undoStep(migrationId, entity, afterId ? BigInt(afterId) : null);
  helpers.logger.debug(`undo ${entity} of ${migrationId}: ${outcome}`);
};

export default migrationUndo;
