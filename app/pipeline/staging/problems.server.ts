// Problems a load step found about a staged record, kept for the report and the problems list.
import { db } from '../../db/db.server.ts';

export interface FoundProblem {
  code: string;
  subject: string | null;
  message: string;
  action: string;
}

/** Replaces what an earlier run found about this record with what this run found, so re-runs do not repeat problems. */
export async function keepProblems(
  migrationId: string,
  entity: string,
  sourceId: string,
  codes: string[],
  problems: FoundProblem[],
): Promise<void> {
  const { shop } = await db().migration.findUniqueOrThrow({ where: { id: migrationId }, select: { shop: true } });
  await db().$transaction([
    db().migrationProblem.deleteMany({ where: { migrationId, entity, sourceId, code: { in: codes } } }),
    db().migrationProblem.createMany({
      data: problems.map((problem) => ({ shop, migrationId, entity, sourceId, ...problem })),
    }),
  ]);
}
