// Reviews whose product is not in Shopify, on a re-sync: the re-sync reads only what changed, so the
// product's fate is in the run that read it, and the review's reason says that fate, not "deleted".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../../../../devstore/server.ts';
import { createShop, startTestDevstore } from '../../../../devstore/testing.ts';
import { db } from '../../../db/db.server.ts';
import { createAdminClient } from '../../../shopify-admin/client.server.ts';
import { loadReviewBatch } from './write.server.ts';

let devstore: Devstore;
beforeAll(async () => {
  devstore = await startTestDevstore();
});
afterAll(() => devstore.stop());

describe('a re-sync’s reviews of products that are not in Shopify', () => {
  it('gives the reason the product did not move in the run that read it, and says deleted only when no run did', async () => {
    const shop = await createShop(devstore);
    const writer = {
      client: createAdminClient({
        shop: shop.domain,
        accessToken: shop.accessToken,
        endpoint: devstore.url,
        headers: { 'X-Devstore-Shop': shop.domain },
      }),
      platform: 'woocommerce',
      locationId: 'gid://shopify/Location/1',
      concurrency: 2,
    };
    const entities = ['products', 'reviews'];
    const first = await db().migration.create({
      data: { shop: shop.domain, sourcePlatform: 'woocommerce', status: 'completed', phase: 'done', entities },
    });
    const skippedWhy =
      'Already in Shopify from an earlier migration and changed since; left as it is in Shopify, as chosen in the options.';
    await db().sourceRecord.createMany({
      data: [
        {
          shop: shop.domain,
          migrationId: first.id,
          entity: 'products',
          sourceId: '44',
          status: 'skipped',
          reason: skippedWhy,
          data: { title: 'Linen apron' },
        },
        {
          shop: shop.domain,
          migrationId: first.id,
          entity: 'products',
          sourceId: '55',
          status: 'failed',
          reason: 'variant 55-1 has no price',
          data: { title: 'Wool throw' },
        },
      ],
    });
    const resync = await db().migration.create({
      data: {
        shop: shop.domain,
        sourcePlatform: 'woocommerce',
        status: 'running',
        phase: 'loading',
        entities,
        resyncOf: first.id,
      },
    });
    const review = (sourceId: string, productSourceId: string) => ({
      shop: shop.domain,
      migrationId: resync.id,
      entity: 'reviews',
      sourceId,
      status: 'staged',
      data: { sourceId, productSourceId, published: true, rating: 5 },
    });
    await db().sourceRecord.createMany({ data: [review('r1', '44'), review('r2', '55'), review('r3', '77')] });

    await loadReviewBatch(resync.id, null, writer);

    const rows = await db().sourceRecord.findMany({
      where: { migrationId: resync.id, entity: 'reviews' },
      orderBy: { sourceId: 'asc' },
    });
    expect(rows.map((row) => [row.sourceId, row.status, row.reason])).toEqual([
      [
        'r1',
        'failed',
        `Product 44 did not move to Shopify (${skippedWhy}), so this review has no product to go on; it is kept here and moves with the product on a later run.`,
      ],
      [
        'r2',
        'failed',
        'Product 55 did not move to Shopify (variant 55-1 has no price), so this review has no product to go on; it is kept here and moves with the product on a later run.',
      ],
      [
        'r3',
        'skipped',
        'Product 77 is not on the old store any more (deleted), so this review has no product in Shopify to go on; it is kept here.',
      ],
    ]);
  });
});
