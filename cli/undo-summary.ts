// An undo's report in lines for the terminal: per entity what was deleted or put back, and each
// object that could not be, with Shopify's reason.
import type { UndoReport } from '../app/pipeline/steps/undo.server.ts';

export function undoSummary(report: UndoReport | null): string[] {
  if (!report) return ['Nothing was undone.'];
  const entities = Object.entries(report.entities);
  if (entities.length === 0) return ['The migration created nothing that is still in Shopify; nothing to delete.'];
  return [
    ...entities.map(
      ([entity, counts]) =>
        `${entity.padEnd(12)} ${counts.deleted} deleted${counts.restored ? ` · ${counts.restored} put back as they were` : ''}${counts.alreadyGone ? ` · ${counts.alreadyGone} already gone` : ''}${counts.failed ? ` · ${counts.failed} not undone` : ''}`,
    ),
    ...report.problems.map(
      (problem) => `  not undone: ${problem.entity} ${problem.sourceId} (${problem.shopifyGid}): ${problem.reason}`,
    ),
  ];
}
