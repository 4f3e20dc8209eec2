// Analyzes one batch of staged records; the last batch plans the writing (app/pipeline/steps/analyze.server.ts).
import type { Task } from 'graphile-worker';
import { analyzeStep } from '../app/pipeline/steps/analyze.server.ts';
import { MigrationAnalyzePayload } from './payloads.ts';

const migrationAnalyze: Task = async (payload, helpers) => {
  const { migrationId, afterId } = MigrationAnalyzePayload.parse(payload);
  const outcome = await analyzeStep(migrationId, afterId ? BigInt(afterId) : null);
  helpers.logger.debug(`analyze ${migrationId}: ${outcome}`);
};

export default migrationAnalyze;
