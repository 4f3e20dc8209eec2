// The warnings the review page shows (MigrationProblem rows, grouped by code), for the terminal: each
// kind with its heading, how many records it touches, what Shipyard does, and a few examples. Any
// code prints, labelled from the shared table or, for a code without words yet, from the code itself.
import type { ProblemGroup } from '../app/pipeline/analysis/findings.server.ts';
import { problemTitle } from '../app/migrations/problem-labels.ts';

export function warningLines(groups: ProblemGroup[], heading: string): string[] {
  if (groups.length === 0) return [];
  return [
    heading,
    ...groups.flatMap((group) => [
      `! ${problemTitle(group.code)} (${group.records}): ${group.action}`,
      ...[...new Set(group.examples)].filter(Boolean).map((example) => `    ${example}`),
    ]),
  ];
}
