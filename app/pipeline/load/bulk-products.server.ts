// Products in bulk: a large catalog goes to Shopify as a staged JSONL file of productSet variables
// run by bulkOperationRunMutation, which does not draw on the request bucket. Results come back as
// JSONL matched to the records by __lineNumber; the batch (records in line order, operation id) is
// kept in the database so a crashed worker collects the same operation instead of submitting again.
import type { ProductRecord } from '../../../connectors/model.ts';
import { db } from '../../db.server.ts';
import { PRODUCT_SET, toProductSetVariables } from '../transform/product.server.ts';
import { type WrittenVariant, cutNote, handleTaken, keptBackForLength, productContext, recordVariants, writeProduct } from './products.server.ts';
import { type UserError, type Writer, describeUserErrors, idMapFor, recordFailed, recordSkipped, recordUnchanged, recordWritten } from './shared.server.ts';
import { isVariantLimitLine, neverFits, waitForVariantLimit } from './variant-limit.server.ts';

/** From this many products to write, bulk operations are used (unless the migration says otherwise). */
export const BULK_THRESHOLD = 1000;
/** Records per bulk operation: well under Shopify's 100 MB variables file. */
export const BULK_CHUNK = 2000;

export const BULK_PRODUCT_SET = PRODUCT_SET;

export const STAGE_BULK_VARIABLES = `#graphql
  mutation StageBulkVariables($input: [StagedUploadInput!]!) {
    stagedUploadsCreate(input: $input) {
      stagedTargets {
        url
        parameters {
          name
          value
        }
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export const RUN_BULK_MUTATION = `#graphql
  mutation RunBulkMigration($mutation: String!, $stagedUploadPath: String!) {
    bulkOperationRunMutation(mutation: $mutation, stagedUploadPath: $stagedUploadPath) {
      bulkOperation {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const BULK_OPERATION_STATUS = `#graphql
  query BulkMigrationStatus($id: ID!) {
    bulkOperation(id: $id) {
      status
      errorCode
      url
      partialDataUrl
    }
  }
`;

/** Should this migration write its products in bulk? */
export async function usesBulk(migrationId: string): Promise<boolean> {
  const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
  const choice = (migration.options as { bulk?: boolean }).bulk;
  if (choice !== undefined) return choice;
  return (await db().sourceRecord.count({ where: { migrationId, entity: 'products', status: { in: ['staged', 'failed'] } } })) >= BULK_THRESHOLD;
}

/** Storage's reason for refusing an upload, from its XML answer (Message, then Details). */
function storageReason(status: number, body: string): string {
  const part = (tag: string) => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(body)?.[1];
  return [`${status}`, part('Message'), part('Details')].filter(Boolean).join(': ');
}

/**
 * Stages the JSONL file of variables: the form carries every parameter the target gives, in the
 * order given, and the file last — the parameters are a signed policy, and storage ignores whatever
 * follows the file. Returns the key bulkOperationRunMutation takes as stagedUploadPath.
 */
export async function stageBulkVariables(writer: Writer, jsonl: string): Promise<string> {
  const { data } = await writer.client.request<{ stagedUploadsCreate: { stagedTargets: { url: string; parameters: { name: string; value: string }[] }[]; userErrors: UserError[] } }>(
    STAGE_BULK_VARIABLES,
    { input: [{ resource: 'BULK_MUTATION_VARIABLES', filename: 'products.jsonl', mimeType: 'text/jsonl', httpMethod: 'POST', fileSize: String(Buffer.byteLength(jsonl)) }] },
  );
  const target = data.stagedUploadsCreate.stagedTargets[0];
  if (!target) throw new Error(`Shopify gave no upload target: ${describeUserErrors(data.stagedUploadsCreate.userErrors)}`);
  const form = new FormData();
  for (const parameter of target.parameters) form.append(parameter.name, parameter.value);
  form.append('file', new Blob([jsonl], { type: 'text/jsonl' }), 'products.jsonl');
  const response = await fetch(target.url, { method: 'POST', body: form, signal: AbortSignal.timeout(120_000) });
  if (!response.ok) throw new Error(`Shopify's storage refused the bulk variables file (${storageReason(response.status, await response.text())})`);
  const key = target.parameters.find((parameter) => parameter.name === 'key')?.value;
  if (!key) throw new Error('The upload target named no key');
  return key;
}

export type SubmitOutcome = { batchId: string } | { next: bigint | null };

/**
 * Submits the next chunk of products after `afterId`. Records whose content did not change since
 * they were written are marked so without a request; when nothing is left to send, says where
 * the next chunk starts instead.
 */
export async function submitProductBulk(migrationId: string, afterId: bigint | null, writer: Writer): Promise<SubmitOutcome> {
  const { shop } = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
  const rows = await db().sourceRecord.findMany({
    where: { migrationId, entity: 'products', status: { in: ['staged', 'written', 'failed'] }, ...(afterId === null ? {} : { id: { gt: afterId } }) },
    orderBy: { id: 'asc' },
    take: BULK_CHUNK,
  });
  if (rows.length === 0) return { next: null };
  const mapped = await idMapFor(shop, writer.platform, 'products', rows.map((row) => row.sourceId));
  const context = await productContext(migrationId, shop, writer);
  const lines: string[] = [];
  const recordIds: bigint[] = [];
  for (const row of rows) {
    const known = mapped.get(row.sourceId);
    if (known && known.contentHash === row.contentHash) {
      await recordUnchanged(row);
      continue;
    }
    const keptBack = keptBackForLength(row.data as unknown as ProductRecord, context);
    if (keptBack) {
      await recordSkipped(row, keptBack);
      continue;
    }
    lines.push(JSON.stringify(toProductSetVariables(row.data as unknown as ProductRecord, context, known?.shopifyGid ?? null)));
    recordIds.push(row.id);
  }
  const lastRecordId = rows.at(-1)?.id ?? 0n;
  const next = rows.length === BULK_CHUNK ? lastRecordId : null;
  if (lines.length === 0) return { next };

  const path = await stageBulkVariables(writer, `${lines.join('\n')}\n`);
  const { data } = await writer.client.request<{ bulkOperationRunMutation: { bulkOperation: { id: string } | null; userErrors: UserError[] } }>(RUN_BULK_MUTATION, {
    mutation: BULK_PRODUCT_SET,
    stagedUploadPath: path,
  });
  const operation = data.bulkOperationRunMutation.bulkOperation;
  if (!operation) throw new Error(`Shopify refused the bulk operation: ${describeUserErrors(data.bulkOperationRunMutation.userErrors)}`);
  const batch = await db().bulkBatch.create({
    data: { shop, migrationId, entity: 'products', operationId: operation.id, recordIds, lastRecordId: next ?? lastRecordId },
  });
  return { batchId: batch.id };
}

interface ResultLine {
  __lineNumber: number;
  data?: { productSet?: { product: { id: string; handle: string; variants: { nodes: WrittenVariant[] } } | null; userErrors: UserError[] } };
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * Collects a finished operation's results; 'running' while Shopify is still at it. Products
 * Shopify's daily variant limit held back stay staged: the next chunk starts at the first of them,
 * once the limit may have made room (`notBefore`).
 */
export async function collectProductBulk(batchId: string, writer: Writer): Promise<'running' | { written: number; failed: number; next: bigint; notBefore?: Date }> {
  const batch = await db().bulkBatch.findUniqueOrThrow({ where: { id: batchId } });
  const { data } = await writer.client.request<{ bulkOperation: { status: string; errorCode: string | null; url: string | null; partialDataUrl: string | null } | null }>(
    BULK_OPERATION_STATUS,
    { id: batch.operationId },
  );
  const operation = data.bulkOperation;
  if (operation && ['CREATED', 'RUNNING', 'CANCELING'].includes(operation.status)) return 'running';

  const answered = new Set<number>();
  let written = 0;
  let failed = 0;
  let heldBack: bigint | null = null;
  const resultUrl = operation?.url ?? operation?.partialDataUrl;
  const context = await productContext(batch.migrationId, batch.shop, writer);
  if (resultUrl) {
    const text = await (await fetch(resultUrl, { signal: AbortSignal.timeout(120_000) })).text();
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      const result = JSON.parse(line) as ResultLine;
      const recordId = batch.recordIds[result.__lineNumber];
      if (recordId === undefined) continue;
      answered.add(result.__lineNumber);
      const row = await db().sourceRecord.findUniqueOrThrow({ where: { id: recordId } });
      const set = result.data?.productSet;
      const record = row.data as unknown as ProductRecord;
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
      const outcome = set && handleTaken(set.userErrors) ? await writeProduct(writer, variables) : set?.product && set.userErrors.length === 0 ? { product: set.product } : null;
      if (outcome && 'product' in outcome) {
        await recordVariants(batch.shop, writer.platform, record, variables, outcome.product.variants.nodes);
        await recordWritten(batch.shop, writer.platform, 'products', row, outcome.product.id, outcome.product.handle, cutNote(record, context));
        written++;
      } else if (outcome) {
        await recordFailed(row, outcome.failed);
        failed++;
      } else {
        await recordFailed(row, set ? describeUserErrors(set.userErrors) : (result.errors ?? []).map((error) => error.message).join('; ') || 'Shopify returned no product');
        failed++;
      }
    }
  }
  // Lines the operation never reached (it failed or was cancelled part-way) are kept with the reason.
  const reason = `Shopify's bulk operation ended ${operation?.status ?? 'out of sight'}${operation?.errorCode ? ` (${operation.errorCode})` : ''} before this product; run the migration again to retry it.`;
  for (const [line, recordId] of batch.recordIds.entries()) {
    if (answered.has(line)) continue;
    await recordFailed({ id: recordId }, reason);
    failed++;
  }
  await db().bulkBatch.update({ where: { id: batchId }, data: { status: 'collected' } });
  if (heldBack !== null) return { written, failed, next: heldBack - 1n, notBefore: await waitForVariantLimit(batch.migrationId) };
  return { written, failed, next: batch.lastRecordId };
}
