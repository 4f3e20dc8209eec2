// Publishing the products a migration wrote: once every one is in Shopify (request by request or in bulk), the written
// products that are not where they belong go on their sales channels through a bulk operation of
// publishablePublish, which draws no request points, like the products themselves (a 10,000-product
// catalog would otherwise spend 100,000 points, 17 minutes of a Standard plan's bucket). The few
// Shipyard must take off a channel (hidden at the source since) are unpublished a request each.
// Chunk by chunk, each batch kept so a crashed worker collects the same operation.
import { db } from '../../../db/db.server.ts';
import { finishedOperation, startBulkMutation } from '../../../shopify-admin/bulk-operations.server.ts';
import {
  applyPlacement,
  chosenChannels,
  placed,
  placementChange,
  recordPlaced,
  wantedChannels,
} from './publishing.server.ts';
import { idMapFor } from '../../staging/id-map.server.ts';
import { IN_SHOPIFY, recordFailed } from '../../staging/outcomes.server.ts';
import { type UserError, describeUserErrors } from '../../../shopify-admin/user-errors.server.ts';
import type { Writer } from '../../../shopify-admin/writer.server.ts';
import { PUBLISH } from '../../../shopify-admin/graphql/publications.ts';
import { migrationOptions } from '../../options.server.ts';
import { stagedRecord } from '../../staging/records.server.ts';

/** Products looked at per chunk, and at most as many lines per operation. */
const PLACEMENT_CHUNK = 2000;
export const PLACEMENT_BATCH = 'product-placements';
/** A publishing batch collected while the migration was paused: the publishing after it has not started. */
export const HELD = 'held';

/**
 * Starts the operation publishing the next products after `afterId` (and up to `upTo`, when the
 * products after it are still being written) that need it; `{ next: null }` when none is left.
 * With "Skip them" chosen, products linked by an earlier migration stay as they are in Shopify;
 * those this migration created are published.
 */
export async function submitPlacementBulk(
  migrationId: string,
  afterId: bigint | null,
  writer: Writer,
  upTo: bigint | null = null,
): Promise<{ batchId: string } | { next: null }> {
  const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
  const options = migrationOptions(migration.options);
  const channels = await chosenChannels(options.channels, migration.shop, writer.client);
  const skipExisting = options.existingRecords === 'skip';
  for (let after = afterId; ;) {
    const rows = await db().sourceRecord.findMany({
      where: {
        migrationId,
        entity: 'products',
        status: { in: IN_SHOPIFY },
        id: { ...(after === null ? {} : { gt: after }), ...(upTo === null ? {} : { lte: upTo }) },
      },
      orderBy: { id: 'asc' },
      take: PLACEMENT_CHUNK,
      select: { id: true, sourceId: true, data: true },
    });
    if (rows.length === 0) return { next: null };
    const links = await idMapFor(
      migration.shop,
      writer.platform,
      'products',
      rows.map((row) => row.sourceId),
    );
    const lines: { id: string; input: { publicationId: string }[] }[] = [];
    const recordIds: bigint[] = [];
    for (const row of rows) {
      const link = links.get(row.sourceId);
      if (!link || (skipExisting && link.createdBy !== migrationId)) continue;
      const wanted = wantedChannels(stagedRecord('products', row), channels);
      const change = placementChange(wanted, link.publishedOn);
      if (placed(change)) continue;
      if (change.unpublish.length > 0) {
        const refused = await applyPlacement(writer.client, link.shopifyGid, {
          publish: [],
          unpublish: change.unpublish,
        });
        if (refused) {
          await recordFailed(row, refused);
          continue;
        }
        if (change.publish.length === 0) {
          await recordPlaced(migration.shop, writer.platform, 'products', row, wanted);
          continue;
        }
      }
      lines.push({ id: link.shopifyGid, input: change.publish.map((publicationId) => ({ publicationId })) });
      recordIds.push(row.id);
    }
    const last = rows.at(-1)?.id ?? 0n;
    if (lines.length > 0) {
      const operationId = await startBulkMutation(writer, PUBLISH, lines, 'publications.jsonl');
      const batch = await db().bulkBatch.create({
        data: {
          shop: migration.shop,
          migrationId,
          entity: PLACEMENT_BATCH,
          operationId,
          recordIds,
          lastRecordId: last,
        },
      });
      return { batchId: batch.id };
    }
    if (rows.length < PLACEMENT_CHUNK) return { next: null };
    after = last;
  }
}

/** Products written and waiting to be published that are worth an operation of their own while the rest are written. */
export const PUBLISH_WHILE_WRITING_FROM = 200;

/**
 * While products are still written request by request: starts publishing those written so far
 * (up to `writtenUpTo`) when no publishing operation is under way and enough wait for one, so the
 * bulk operation works while the points write the rest, and only the last few wait at the end
 * (decision 0037). Returns the batch started, or null.
 */
export async function publishWhileWriting(
  migrationId: string,
  writtenUpTo: bigint,
  writer: Writer,
): Promise<string | null> {
  const batches = await db().bulkBatch.findMany({
    where: { migrationId, entity: PLACEMENT_BATCH },
    select: { status: true, lastRecordId: true },
  });
  if (batches.some((batch) => batch.status === 'submitted')) return null; // one at a time: it takes the rest next
  const publishedUpTo = batches.reduce<bigint | null>(
    (last, batch) => (last === null || batch.lastRecordId > last ? batch.lastRecordId : last),
    null,
  );
  const waiting = await db().sourceRecord.count({
    where: {
      migrationId,
      entity: 'products',
      status: { in: IN_SHOPIFY },
      id: { ...(publishedUpTo === null ? {} : { gt: publishedUpTo }), lte: writtenUpTo },
    },
  });
  if (waiting < PUBLISH_WHILE_WRITING_FROM) return null;
  const started = await submitPlacementBulk(migrationId, publishedUpTo, writer, writtenUpTo);
  if ('batchId' in started) return started.batchId;
  // Nothing there needed publishing (a re-run over products already on their channels): said so,
  // so the next batch does not look through the same products again.
  const { shop } = await db().migration.findUniqueOrThrow({ where: { id: migrationId }, select: { shop: true } });
  await db().bulkBatch.create({
    data: { shop, migrationId, entity: PLACEMENT_BATCH, recordIds: [], lastRecordId: writtenUpTo, status: 'collected' },
  });
  return null;
}

/** The publishing operation of this migration still under way, if any. */
export async function publishingUnderWay(migrationId: string): Promise<string | null> {
  const batch = await db().bulkBatch.findFirst({
    where: { migrationId, entity: PLACEMENT_BATCH, status: 'submitted' },
    select: { id: true },
  });
  return batch?.id ?? null;
}

type PublishLine = { publishablePublish?: { userErrors: UserError[] } | null };

/** Collects a finished publishing operation: each product published, or kept with Shopify's reason. */
export async function collectPlacementBulk(batchId: string, writer: Writer): Promise<'running' | { next: bigint }> {
  const batch = await db().bulkBatch.findUniqueOrThrow({ where: { id: batchId } });
  if (!batch.operationId) throw new Error(`bulk batch ${batchId} has no operation`);
  const operation = await finishedOperation<PublishLine>(writer, batch.operationId);
  if (operation === 'running') return 'running';
  const migration = await db().migration.findUniqueOrThrow({ where: { id: batch.migrationId } });
  const channels = await chosenChannels(migrationOptions(migration.options).channels, batch.shop, writer.client);
  const answered = new Set<number>();
  for (const result of operation.lines) {
    const recordId = batch.recordIds[result.__lineNumber];
    if (recordId === undefined) continue;
    answered.add(result.__lineNumber);
    const row = await db().sourceRecord.findUniqueOrThrow({
      where: { id: recordId },
      select: { id: true, sourceId: true, data: true },
    });
    const userErrors = result.data?.publishablePublish?.userErrors ?? [];
    const refused = result.data?.publishablePublish
      ? describeUserErrors(userErrors)
      : (result.errors ?? []).map((error) => error.message).join('; ') || 'Shopify did not answer';
    if (refused) await recordFailed(row, `Written to Shopify but not published on your sales channels: ${refused}`);
    else
      await recordPlaced(
        batch.shop,
        writer.platform,
        'products',
        row,
        wantedChannels(stagedRecord('products', row), channels),
      );
  }
  const reason = `Written to Shopify, but Shopify's bulk operation ended ${operation.status ?? 'out of sight'}${operation.errorCode ? ` (${operation.errorCode})` : ''} before publishing this product; run the migration again to publish it.`;
  for (const [line, recordId] of batch.recordIds.entries())
    if (!answered.has(line)) await recordFailed({ id: recordId }, reason);
  await db().bulkBatch.update({ where: { id: batchId }, data: { status: 'collected' } });
  return { next: batch.lastRecordId };
}
