// The product writer against Shopify's daily limit on new variants (devstore enforces it for a store
// configured past 50,000): what fits is written, the product refused waits with those after it for
// a batch an hour on, and one with more new variants than a day allows is reported, not waited for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Product } from '../../../../connectors/model.ts';
import type { Devstore } from '../../../../devstore/server.ts';
import { type TestShop, admin, createShop, startTestDevstore } from '../../../../devstore/testing.ts';
import { db } from '../../../db/db.server.ts';
import { createAdminClient } from '../../../shopify-admin/client.server.ts';
import { type Writer } from '../../../shopify-admin/writer.server.ts';
import { loadProductBatch } from './write.server.ts';
import { ensureSourceReferenceDefinitions } from '../../../shopify-admin/metafield-definitions.server.ts';
import { VARIANT_LIMIT_RETRY_MS } from './variant-limit-wait.server.ts';

let devstore: Devstore;
let shop: TestShop;
let writer: Writer;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore, { extraVariants: 50_000 });
  const client = createAdminClient({
    shop: shop.domain,
    accessToken: shop.accessToken,
    endpoint: devstore.url,
    headers: { 'X-Devstore-Shop': shop.domain },
  });
  const location = (await admin(devstore, shop, '{ locations(first: 1) { nodes { id } } }')).body.data.locations
    .nodes[0].id;
  await ensureSourceReferenceDefinitions(client);
  // One request at a time, so which product meets the limit first is the staging order.
  writer = { client, platform: 'woocommerce', locationId: location, concurrency: 1 };
});
afterAll(() => devstore.stop());

/** A staged product with `count` variants of one size option. */
function product(sourceId: string, count: number) {
  const sizes = Array.from({ length: count }, (_, index) => `Size ${index + 1}`);
  return Product.parse({
    sourceId,
    sourceType: 'variable',
    title: `Product ${sourceId}`,
    handle: `product-${sourceId}`,
    status: 'active',
    options: [{ name: 'Size', values: sizes }],
    variants: sizes.map((size, index) => ({
      sourceId: `${sourceId}-${index}`,
      sku: null,
      price: '10',
      optionValues: [{ option: 'Size', value: size }],
      inventoryQuantity: null,
    })),
  });
}

describe("the product writer at Shopify's daily variant limit", () => {
  it('writes what fits, reports a product that never can, and holds back the rest for an hour without failing them', async () => {
    const migration = await db().migration.create({
      data: {
        shop: shop.domain,
        sourcePlatform: 'woocommerce',
        status: 'running',
        phase: 'loading',
        entities: ['products'],
      },
    });
    const rows = [product('1', 600), product('2', 300), product('3', 1_200), product('4', 200), product('5', 50)];
    for (const record of rows)
      await db().sourceRecord.create({
        data: {
          shop: shop.domain,
          migrationId: migration.id,
          entity: 'products',
          sourceId: record.sourceId,
          data: record,
          contentHash: record.sourceId,
        },
      });
    const started = Date.now();

    const result = await loadProductBatch(migration.id, null, writer);

    const statuses = await db().sourceRecord.findMany({
      where: { migrationId: migration.id },
      orderBy: { id: 'asc' },
      select: { id: true, sourceId: true, status: true, reason: true },
    });
    expect(statuses.map((row) => [row.sourceId, row.status])).toEqual([
      ['1', 'written'],
      ['2', 'written'],
      ['3', 'failed'],
      ['4', 'staged'],
      ['5', 'staged'],
    ]);
    expect(statuses[2]?.reason).toBe(
      'This product has 1200 variants, and Shopify creates at most 1,000 new variants a day in a store past 50,000 variants, so it cannot be created; ask Shopify Support to lift the limit, then run the migration again.',
    );
    // The next batch starts at product 4, an hour on.
    expect(result).toMatchObject({ written: 2, failed: 1, next: (statuses[3]?.id ?? 0n) - 1n });
    expect(result.notBefore?.getTime()).toBeGreaterThanOrEqual(started + VARIANT_LIMIT_RETRY_MS);
    expect(result.notBefore?.getTime()).toBeLessThanOrEqual(Date.now() + VARIANT_LIMIT_RETRY_MS);
  });
});
