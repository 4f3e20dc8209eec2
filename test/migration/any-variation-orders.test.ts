// A past order of a WooCommerce variation sold in any Size → Shopify (devstore), end to end: the
// variation became one variant per Size (decision 0025), and each order line is linked to the
// variant of the Size the shopper chose, read from the line's meta data, not left a custom item.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/db/db.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, startTestDevstore } from '../../devstore/testing.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { installedShop, migrate, startTestWorker, untilSettled } from './harness.ts';

let woo: WooCommerceTestServer;
let devstore: Devstore;
let shop: TestShop;
let runner: Runner;
let migrationId: string;

beforeAll(async () => {
  woo = await startWooCommerceServer({
    catalog: {
      products: 2,
      awkward: false,
      realProducts: true,
      anyVariationOrders: true,
      posts: 0,
      pages: 0,
      customers: 0,
      orders: 0,
      coupons: 0,
      reviews: 0,
    },
  });
  devstore = await startTestDevstore();
  shop = await installedShop(devstore);
  runner = await startTestWorker();
  migrationId = await migrate(woo, shop, { entities: ['products', 'orders'] });
  await untilSettled(migrationId);
}, 180_000);

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

describe('past orders of a variation sold in any Size', () => {
  it('link each line to the variant of the Size the shopper chose, no line a custom item', async () => {
    const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
    expect(migration.error).toBeNull();
    const orders = await db().sourceRecord.findMany({
      where: { migrationId, entity: 'orders' },
      select: { sourceId: true, status: true, reason: true },
    });
    expect(orders.map((row) => [row.status, row.reason])).toEqual([['written', null]]);
    expect(await db().migrationProblem.count({ where: { migrationId, code: 'order-product-missing' } })).toBe(0);

    const link = await db().idMapEntry.findFirstOrThrow({
      where: { shop: shop.domain, entity: 'orders', sourceId: orders[0]?.sourceId },
    });
    const { body } = await admin(
      devstore,
      shop,
      `query Order($id: ID!) { order(id: $id) { lineItems(first: 10) { nodes { title quantity sku variant { sku title selectedOptions { name value } } } } } }`,
      { id: link.shopifyGid },
    );
    if (!body.data) throw new Error(JSON.stringify(body.errors));
    const lines = body.data.order.lineItems.nodes as {
      quantity: number;
      variant: { sku: string; title: string; selectedOptions: { name: string; value: string }[] } | null;
    }[];
    expect(lines.map((line) => [line.quantity, line.variant?.sku ?? null, line.variant?.title ?? null])).toEqual([
      [1, 'RB-BLACK-Large', 'Black / Large'],
      [2, 'RB-BLACK-Small', 'Black / Small'],
    ]);
  });
});
