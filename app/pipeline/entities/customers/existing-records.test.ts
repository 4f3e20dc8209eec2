// The setup option "Records already in Shopify": an earlier migration's object that changed on the
// old store since is updated, or, when the merchant chose to skip them, left as it is in Shopify
// without a request, and the report says why.
import { describe, expect, it } from 'vitest';
import { Collection } from '../../../../connectors/model.ts';
import { db } from '../../../db/db.server.ts';
import type { AdminClient } from '../../../shopify-admin/client.server.ts';
import { loadCollectionBatch } from '../collections/write.server.ts';
import type { Writer } from '../../../shopify-admin/writer.server.ts';

const SHOP = 'existing.myshopify.com';

/** A Shopify that records what it is asked and answers collectionUpdate for the one known collection. */
function recordingWriter() {
  const sent: string[] = [];
  const client = {
    request: async (document: string) => {
      sent.push(/mutation (\w+)/.exec(document)?.[1] ?? 'query');
      return {
        data: {
          collectionUpdate: { collection: { id: 'gid://shopify/Collection/70', handle: 'hoodies' }, userErrors: [] },
        },
      };
    },
  } as unknown as AdminClient;
  const writer: Writer = { client, platform: 'woocommerce', locationId: 'gid://shopify/Location/1', concurrency: 1 };
  return { writer, sent };
}

async function migrationWith(existingRecords: 'update' | 'skip') {
  // No sales channel chosen: where things are published is test/migration/publishing.test.ts' concern.
  const migration = await db().migration.create({
    data: {
      shop: SHOP,
      sourcePlatform: 'woocommerce',
      status: 'running',
      phase: 'loading',
      entities: ['collections'],
      options: { existingRecords, channels: [] },
    },
  });
  await db().sourceRecord.create({
    data: {
      shop: SHOP,
      migrationId: migration.id,
      entity: 'collections',
      sourceId: '7',
      data: Collection.parse({ sourceId: '7', title: 'Hoodies (new name)', handle: 'hoodies' }),
      contentHash: 'changed',
    },
  });
  return migration.id;
}

describe('records already in Shopify', () => {
  it('updates what an earlier migration wrote when the merchant chose to, and skips it without a request when not', async () => {
    await db().idMapEntry.create({
      data: {
        shop: SHOP,
        platform: 'woocommerce',
        entity: 'collections',
        sourceId: '7',
        shopifyGid: 'gid://shopify/Collection/70',
        handle: 'hoodies',
        contentHash: 'before',
      },
    });

    const updating = await migrationWith('update');
    const update = recordingWriter();
    expect(await loadCollectionBatch(updating, null, update.writer)).toMatchObject({ written: 1, unchanged: 0 });
    expect(update.sent).toEqual(['MigrateCollectionUpdate']);
    expect(await db().sourceRecord.findFirstOrThrow({ where: { migrationId: updating } })).toMatchObject({
      status: 'written',
      reason: null,
    });

    // The first run's update moved the id map's hash on; the old store has changed again since.
    await db().idMapEntry.updateMany({ where: { shop: SHOP, sourceId: '7' }, data: { contentHash: 'before' } });
    const skipping = await migrationWith('skip');
    const skip = recordingWriter();
    expect(await loadCollectionBatch(skipping, null, skip.writer)).toMatchObject({ written: 0, unchanged: 1 });
    expect(skip.sent).toEqual([]);
    expect(await db().sourceRecord.findFirstOrThrow({ where: { migrationId: skipping } })).toMatchObject({
      status: 'skipped',
      reason:
        'Already in Shopify from an earlier migration and changed since; left as it is in Shopify, as chosen in the options.',
    });
    expect((await db().idMapEntry.findFirstOrThrow({ where: { shop: SHOP, sourceId: '7' } })).contentHash).toBe(
      'before',
    );
  });
});
