// How many records a migration had written at each moment: one sample per batch written to
// Shopify, taken in the batch's own transaction, from which the migration page draws its rate.
import { db } from '../../db/db.server.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

export interface WrittenSample {
  at: string;
  written: number;
}

/** Inside a load step's transaction, after its entity's counts: the migration's records written now. */
export async function recordSample(tx: Prisma.TransactionClient, shop: string, migrationId: string): Promise<void> {
  const totals = await tx.migrationEntity.aggregate({ where: { migrationId }, _sum: { written: true } });
  await tx.migrationSample.create({ data: { shop, migrationId, written: totals._sum.written ?? 0 } });
}

/** The migration's samples, oldest first; at most `limit`, evenly thinned, so a long run stays one small answer. */
export async function writtenSamples(shop: string, migrationId: string, limit = 500): Promise<WrittenSample[]> {
  const rows = await db().migrationSample.findMany({
    where: { shop, migrationId },
    orderBy: { at: 'asc' },
    select: { at: true, written: true },
  });
  const step = Math.max(1, Math.ceil(rows.length / limit));
  const kept = rows.filter((_, index) => index % step === 0 || index === rows.length - 1);
  return kept.map((row) => ({ at: row.at.toISOString(), written: row.written }));
}
