// Products in bulk: a large catalog goes to Shopify as a staged JSONL file of productSet variables
// run by bulkOperationRunMutation, which does not draw on the request bucket. Results come back as
// JSONL matched to the records by __lineNumber; the batch (records in line order, operation id) is
// kept in the database so a crashed worker collects the same operation instead of submitting again.
// Once every chunk is written, bulk-publishing.server.ts puts the products on their sales channels.
import { db } from '../../../db/db.server.ts';
import { toProductSetVariables } from './input.server.ts';
import { finishedOperation, startBulkMutation } from '../../../shopify-admin/bulk-operations.server.ts';
import {
  cutNote,
  handleTaken,
  keptBackForLength,
  productContext,
  recordVariants,
  writeProduct,
} from './write.server.ts';
import { idMapFor, recordWritten } from '../../staging/id-map.server.ts';
import { IN_SHOPIFY, recordFailed, recordSkipped, recordUnchanged } from '../../staging/outcomes.server.ts';
import { isVariantLimitLine, neverFits } from '../../../shopify-admin/limits/variant-limit.server.ts';
import { describeUserErrors } from '../../../shopify-admin/user-errors.server.ts';
import type { Writer } from '../../../shopify-admin/writer.server.ts';
import { PRODUCT_SET, type ProductSetData } from '../../../shopify-admin/graphql/products.ts';
import { waitForVariantLimit } from './variant-limit-wait.server.ts';
import { migrationOptions } from '../../options.server.ts';
import { stagedRecord } from '../../staging/records.server.ts';
import { BULK_CHUNK, productsWay } from '../../analysis/bulk-rule.server.ts';
import { type MigrationPlan, POINTS_PER_RECORD } from '../../analysis/plan.server.ts';

/** Should this migration write its products in bulk? As the migration says, else as its plan chose (decision 0007). */
export async function usesBulk(migrationId: string): Promise<boolean> {
  const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
  const choice = migrationOptions(migration.options).bulk;
  if (choice !== undefined) return choice;
  const plan = migration.plan as MigrationPlan | null;
  if (typeof plan?.productsInBulk === 'boolean') return plan.productsInBulk;
  // A plan made before the plan chose: the same rule, for the products left at the plan's pace.
  const products = await db().sourceRecord.count({
    where: { migrationId, entity: 'products', status: { in: ['staged', 'failed'] } },
  });
  return productsWay(products, products * POINTS_PER_RECORD.products, plan?.restoreRate ?? 100).bulk;
}

export type SubmitOutcome = { batchId: string } | { next: bigint | null };

/**
 * Submits the next chunk of products after `afterId`. Records whose content did not change since
 * they were written are marked so without a request; when nothing is left to send, says where
 * the next chunk starts instead.
 */
export async function submitProductBulk(
  migrationId: string,
  afterId: bigint | null,
  writer: Writer,
): Promise<SubmitOutcome> {
  const { shop } = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
  const rows = await db().sourceRecord.findMany({
    where: {
      migrationId,
      entity: 'products',
      status: { in: ['staged', ...IN_SHOPIFY, 'failed'] },
      ...(afterId === null ? {} : { id: { gt: afterId } }),
    },
    orderBy: { id: 'asc' },
    take: BULK_CHUNK,
  });
  if (rows.length === 0) return { next: null };
  const mapped = await idMapFor(
    shop,
    writer.platform,
    'products',
    rows.map((row) => row.sourceId),
  );
  const context = await productContext(migrationId, shop, writer);
  const lines: unknown[] = [];
  const recordIds: bigint[] = [];
  for (const row of rows) {
    const known = mapped.get(row.sourceId);
    // Unchanged here; whether it is on the right channels is the publishing pass' (bulk-publishing.server.ts).
    if (known && known.contentHash === row.contentHash) {
      await recordUnchanged(row);
      continue;
    }
    const product = stagedRecord('products', row);
    const keptBack = keptBackForLength(product, context);
    if (keptBack) {
      await recordSkipped(row, keptBack);
      continue;
    }
    lines.push(toProductSetVariables(product, context, known?.shopifyGid ?? null));
    recordIds.push(row.id);
  }
  const lastRecordId = rows.at(-1)?.id ?? 0n;
  const next = rows.length === BULK_CHUNK ? lastRecordId : null;
  if (lines.length === 0) return { next };

  const operationId = await startBulkMutation(writer, PRODUCT_SET, lines, 'products.jsonl');
  const batch = await db().bulkBatch.create({
    data: { shop, migrationId, entity: 'products', operationId, recordIds, lastRecordId: next ?? lastRecordId },
  });
  return { batchId: batch.id };
}

type ProductSetLine = Partial<ProductSetData>;

/**
 * Collects a finished operation's results; 'running' while Shopify is still at it. Products
 * Shopify's daily variant limit held back stay staged: the next chunk starts at the first of them,
 * once the limit may have made room (`notBefore`).
 */
export async function collectProductBulk(
  batchId: string,
  writer: Writer,
): Promise<'running' | { written: number; failed: number; next: bigint; notBefore?: Date }> {
  const batch = await db().bulkBatch.findUniqueOrThrow({ where: { id: batchId } });
  if (!batch.operationId) throw new Error(`bulk batch ${batchId} has no operation`);
  const operation = await finishedOperation<ProductSetLine>(writer, batch.operationId);
  if (operation === 'running') return 'running';

  const answered = new Set<number>();
  let written = 0;
  let failed = 0;
  let heldBack: bigint | null = null;
  const context = await productContext(batch.migrationId, batch.shop, writer);
  for (const result of operation.lines) {
    const recordId = batch.recordIds[result.__lineNumber];
    if (recordId === undefined) continue;
    answered.add(result.__lineNumber);
    const row = await db().sourceRecord.findUniqueOrThrow({ where: { id: recordId } });
    const set = result.data?.productSet;
    const record = stagedRecord('products', row);
    const variables = toProductSetVariables(record, context, null);
    if (isVariantLimitLine(result.errors)) {
      const never = neverFits((variables.input.variants as unknown[]).length);
      if (never) {
        await recordFailed(row, never);
        failed++;
      } else if (heldBack === null || recordId < heldBack) heldBack = recordId;
      continue;
    }
    // A handle the store already uses: this one product goes again on its own, without it.
    const outcome =
      set && handleTaken(set.userErrors)
        ? await writeProduct(writer, variables)
        : set?.product && set.userErrors.length === 0
          ? { product: set.product }
          : null;
    if (outcome && 'product' in outcome) {
      await recordVariants(batch.shop, writer.platform, record, variables, outcome.product.variants.nodes);
      await recordWritten(
        batch.shop,
        writer.platform,
        'products',
        row,
        outcome.product.id,
        outcome.product.handle,
        cutNote(record, context),
      );
      written++;
    } else if (outcome) {
      await recordFailed(row, outcome.failed);
      failed++;
    } else {
      await recordFailed(
        row,
        set
          ? describeUserErrors(set.userErrors)
          : (result.errors ?? []).map((error) => error.message).join('; ') || 'Shopify returned no product',
      );
      failed++;
    }
  }
  // Lines the operation never reached (it failed or was cancelled part-way) are kept with the reason.
  const reason = `Shopify's bulk operation ended ${operation.status ?? 'out of sight'}${operation.errorCode ? ` (${operation.errorCode})` : ''} before this product; run the migration again to retry it.`;
  for (const [line, recordId] of batch.recordIds.entries()) {
    if (answered.has(line)) continue;
    await recordFailed({ id: recordId }, reason);
    failed++;
  }
  await db().bulkBatch.update({ where: { id: batchId }, data: { status: 'collected' } });
  if (heldBack !== null)
    return { written, failed, next: heldBack - 1n, notBefore: await waitForVariantLimit(batch.migrationId) };
  return { written, failed, next: batch.lastRecordId };
}
