// A record whose values Shopify refuses before running anything (INVALID_VARIABLE) is kept in
// staging with Shopify's reason, and the rest of the batch moves: one product sent with a status
// Shopify does not have, beside one that is fine, against devstore.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Product } from '../../../connectors/model.ts';
import type { Devstore } from '../../../devstore/server.ts';
import { type TestShop, createShop, startTestDevstore } from '../../../devstore/testing.ts';
import { db } from '../../db/db.server.ts';
import { createAdminClient } from '../../shopify-admin/client.server.ts';
import { PRIMARY_LOCATION, type Writer } from '../../shopify-admin/writer.server.ts';
import { loadProductBatch } from './products/write.server.ts';
import { ensureSourceReferenceDefinitions } from '../../shopify-admin/metafield-definitions.server.ts';

let devstore: Devstore;
let shop: TestShop;
let writer: Writer;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
  const client = createAdminClient({
    shop: shop.domain,
    accessToken: shop.accessToken,
    endpoint: devstore.url,
    headers: { 'X-Devstore-Shop': shop.domain },
  });
  await ensureSourceReferenceDefinitions(client);
  const { data } = await client.request<{ location: { id: string } }>(PRIMARY_LOCATION);
  writer = { client, platform: 'woocommerce', locationId: data.location.id, concurrency: 2 };
});
afterAll(() => devstore.stop());

const scarf = (sourceId: string) =>
  Product.parse({
    sourceId,
    sourceType: 'simple',
    title: `Scarf ${sourceId}`,
    handle: `scarf-${sourceId}`,
    status: 'active',
    options: [],
    variants: [
      { sourceId: `${sourceId}-1`, sku: `SC-${sourceId}`, price: '30.00', optionValues: [], inventoryQuantity: 2 },
    ],
  });

describe('values Shopify refuses', () => {
  it('keep their record in staging with Shopify’s reason while the rest of the batch moves', async () => {
    const migration = await db().migration.create({
      data: {
        shop: shop.domain,
        sourcePlatform: 'woocommerce',
        status: 'running',
        phase: 'loading',
        entities: ['products'],
      },
    });
    // A status the staged record carries that Shopify has no value for (written past the model's check).
    for (const data of [scarf('1'), { ...scarf('2'), status: 'live' }]) {
      await db().sourceRecord.create({
        data: {
          shop: shop.domain,
          migrationId: migration.id,
          entity: 'products',
          sourceId: data.sourceId,
          data,
          contentHash: data.sourceId,
        },
      });
    }

    expect(await loadProductBatch(migration.id, null, writer)).toMatchObject({ written: 1, failed: 1 });
    const rows = await db().sourceRecord.findMany({
      where: { migrationId: migration.id },
      orderBy: { sourceId: 'asc' },
      select: { sourceId: true, status: true, reason: true },
    });
    expect(rows).toEqual([
      { sourceId: '1', status: 'written', reason: null },
      {
        sourceId: '2',
        status: 'failed',
        reason:
          'Shopify refused what was sent for it: input.status: Expected "LIVE" to be one of: ACTIVE, ARCHIVED, DRAFT, UNLISTED',
      },
    ]);
  });
});
