// What every load step shares: batches of staged records, their results and each record's fate
// (written and linked: id-map.server.ts; problems found on the way: problems.server.ts).
import { db } from '../../db/db.server.ts';
import { VariablesRefused } from '../../shopify-admin/client.server.ts';
import { inParallel } from '../../shopify-admin/writer.server.ts';

export const LOAD_BATCH = 100;

export interface BatchResult {
  next: bigint | null;
  /** When the next batch may start: a limit Shopify sets (5 new orders a minute on development and trial stores, 1,000 new variants a day past 50,000). */
  notBefore?: Date;
  written: number;
  unchanged: number;
  failed: number;
}

/**
 * Writes each record with at most `limit` at once. A record whose values Shopify refuses
 * (INVALID_VARIABLE) is kept in staging with Shopify's reason and the others go on; any other
 * failure stops the batch as before (docs/decisions/0022-records-whose-values-shopify-refuses.md).
 */
export async function eachRecord<T extends { id: bigint }>(
  rows: T[],
  limit: number,
  result: BatchResult,
  work: (row: T) => Promise<void>,
): Promise<void> {
  await inParallel(rows, limit, async (row) => {
    try {
      await work(row);
    } catch (error) {
      if (!(error instanceof VariablesRefused)) throw error;
      await recordFailed(row, `Shopify refused what was sent for it: ${error.problems.join('; ')}`);
      result.failed++;
    }
  });
}

export async function recordFailed(row: { id: bigint }, reason: string): Promise<void> {
  await db().sourceRecord.update({ where: { id: row.id }, data: { status: 'failed', reason } });
}

/**
 * A record an earlier run already linked (`known`) needs no request when it has not changed since
 * (`hash`, the record's content hash unless the caller combines several), or when it changed but
 * the merchant chose to keep what is in Shopify. Says whether it was settled that way.
 */
export async function settledWithoutWriting(
  row: { id: bigint; status: string; contentHash: string | null },
  known: { contentHash: string } | undefined,
  options: { skipExisting: boolean; hash?: string | null },
  result: BatchResult,
): Promise<boolean> {
  if (!known) return false;
  if (known.contentHash === (options.hash === undefined ? row.contentHash : options.hash)) await recordUnchanged(row);
  else if (options.skipExisting) await recordKeptAsInShopify(row);
  else return false;
  result.unchanged++;
  return true;
}

/** A record already in Shopify that changed on the old store, left as it is there because the merchant chose to skip existing records. */
export async function recordKeptAsInShopify(row: { id: bigint }): Promise<void> {
  await db().sourceRecord.update({
    where: { id: row.id },
    data: {
      status: 'skipped',
      reason:
        'Already in Shopify from an earlier migration and changed since; left as it is in Shopify, as chosen in the options.',
    },
  });
}

/** A record with nothing to write, rightly (a coupon used up on the old store): kept with the reason. */
export async function recordSkipped(row: { id: bigint }, reason: string): Promise<void> {
  await db().sourceRecord.update({ where: { id: row.id }, data: { status: 'skipped', reason } });
}

/**
 * Statuses of a record whose object is in Shopify: `written` by this migration, or `unchanged`, in
 * Shopify from an earlier run and not changed since, so this one sent nothing (decision 0029).
 */
export const IN_SHOPIFY = ['written', 'unchanged'];

/**
 * Nothing to send: Shopify already has the record as it is. A record this migration wrote stays
 * `written`: a batch tried again after a crash (Shopify answered and the id map was kept, the batch's
 * counts were not) finds its own writes unchanged, and they were still written by this run.
 */
export async function recordUnchanged(row: { id: bigint; status: string }): Promise<void> {
  if (!IN_SHOPIFY.includes(row.status))
    await db().sourceRecord.update({ where: { id: row.id }, data: { status: 'unchanged', reason: null } });
}

/** The next batch of records of `entity` to write (staged, or failed last time; those in Shopify again when retried), after `afterId`. */
export function nextBatch(migrationId: string, entity: string, afterId: bigint | null, size = LOAD_BATCH) {
  return db().sourceRecord.findMany({
    where: {
      migrationId,
      entity,
      status: { in: ['staged', ...IN_SHOPIFY, 'failed'] },
      ...(afterId === null ? {} : { id: { gt: afterId } }),
    },
    orderBy: { id: 'asc' },
    take: size,
  });
}

export function batchResult(rows: { id: bigint }[], size = LOAD_BATCH): BatchResult {
  return { next: rows.length === size ? (rows.at(-1)?.id ?? null) : null, written: 0, unchanged: 0, failed: 0 };
}
