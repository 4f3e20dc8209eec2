// Load collections: create or update each, finding one an interrupted run already made by its
// source reference before creating, so nothing is doubled; then publish it on the merchant's sales
// channels (publishing.server.ts).
import { db } from '../../../db/db.server.ts';
import { customIdentifier } from '../../../shopify-admin/source-reference.server.ts';
import { toCollectionVariables } from './input.server.ts';
import { chosenChannels, wantedChannels, writeAndPublish } from '../products/publishing.server.ts';
import { idMapFor, recordWritten } from '../../staging/id-map.server.ts';
import { type BatchResult, batchResult, eachRecord, nextBatch } from '../../staging/outcomes.server.ts';
import { type UserError, describeUserErrors } from '../../../shopify-admin/user-errors.server.ts';
import type { Writer } from '../../../shopify-admin/writer.server.ts';
import {
  COLLECTION_BY_REFERENCE,
  CREATE_COLLECTION,
  UPDATE_COLLECTION,
} from '../../../shopify-admin/graphql/collections.ts';
import { migrationOptions } from '../../options.server.ts';
import { stagedRecord } from '../../staging/records.server.ts';

interface Written {
  collection: { id: string; handle: string } | null;
  userErrors: UserError[];
}

export async function loadCollectionBatch(
  migrationId: string,
  afterId: bigint | null,
  writer: Writer,
): Promise<BatchResult> {
  const { shop, options: stored } = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
  const options = migrationOptions(stored);
  const skipExisting = options.existingRecords === 'skip';
  const rows = await nextBatch(migrationId, 'collections', afterId);
  const mapped = await idMapFor(
    shop,
    writer.platform,
    'collections',
    rows.map((row) => row.sourceId),
  );
  const titles = new Map(
    (
      await db().sourceRecord.findMany({
        where: { migrationId, entity: 'collections', status: { not: 'invalid' } },
        select: { sourceId: true, data: true },
      })
    ).map((row) => [row.sourceId, stagedRecord('collections', row).title]),
  );
  const channels = await chosenChannels(options.channels, shop, writer.client);
  const result = batchResult(rows);

  await eachRecord(rows, writer.concurrency, result, async (row) => {
    const collection = stagedRecord('collections', row);
    const known = mapped.get(row.sourceId);
    const how = {
      shop,
      platform: writer.platform,
      entity: 'collections',
      client: writer.client,
      skipExisting,
      wanted: wantedChannels(collection, channels),
    };
    await writeAndPublish(row, known, how, result, async () => {
      let id = known?.shopifyGid ?? null;
      if (!id) {
        const found = await writer.client.request<{ collectionByIdentifier: { id: string } | null }>(
          COLLECTION_BY_REFERENCE,
          { identifier: customIdentifier(writer.platform, row.sourceId) },
          { estimatedCost: 1 },
        );
        id = found.data.collectionByIdentifier?.id ?? null;
      }
      const parentTitle = collection.parentSourceId ? (titles.get(collection.parentSourceId) ?? null) : null;
      const variables = toCollectionVariables(collection, writer.platform, parentTitle, id);
      const written = id
        ? (
            await writer.client.request<{ collectionUpdate: Written }>(UPDATE_COLLECTION, variables, {
              estimatedCost: 10,
            })
          ).data.collectionUpdate
        : (
            await writer.client.request<{ collectionCreate: Written }>(CREATE_COLLECTION, variables, {
              estimatedCost: 10,
            })
          ).data.collectionCreate;
      if (written.userErrors.length > 0 || !written.collection)
        return { failed: describeUserErrors(written.userErrors) || 'Shopify returned no collection' };
      await recordWritten(shop, writer.platform, 'collections', row, written.collection.id, written.collection.handle);
      return { id: written.collection.id };
    });
  });
  return result;
}
