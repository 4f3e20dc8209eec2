// Development and trial stores accept 5 new orders a minute (Shopify's documented limit for
// orderCreate; devstore answers the sixth with HTTP 429, as Shopify documents for resource-based
// limits). Shipyard reads the store's plan, writes 5, schedules the next batch for when the minute
// has passed instead of hammering the limit, and finishes with every order moved once. On a trial
// store whose minute the merchant's own orders partly used, Shopify's 429 makes Shipyard wait and
// write that order again: none fails.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/db/db.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, control, startTestDevstore } from '../../devstore/testing.ts';
import { seedCatalog } from '../../connectors/woocommerce/fake/catalog.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { installedShop, migrate, startTestWorker, untilSettled } from './harness.ts';

let woo: WooCommerceTestServer;
let devstore: Devstore;
let devShop: TestShop;
let trialShop: TestShop;
let runner: Runner;
let trialMigrationId: string;

const MERCHANT_ORDER = `mutation MerchantOrder($order: OrderCreateOrderInput!) { orderCreate(order: $order) { order { id } userErrors { message } } }`;

beforeAll(async () => {
  woo = await startWooCommerceServer({
    catalog: seedCatalog({
      products: 4,
      variationsPerProduct: 1,
      imagesPerProduct: 0,
      categories: 2,
      customers: 3,
      orders: 6,
      coupons: 0,
      reviews: 0,
      awkward: false,
    }),
  });
  devstore = await startTestDevstore();
  devShop = await installedShop(devstore, 'Plus', { devStore: true });
  trialShop = await installedShop(devstore, 'Plus', { devStore: false, trial: true });
  runner = await startTestWorker();
  // The merchant took three orders on the trial store a moment ago: Shipyard cannot know of them.
  for (let count = 0; count < 3; count += 1) {
    const { body } = await admin(devstore, trialShop, MERCHANT_ORDER, {
      order: {
        lineItems: [
          { title: 'Counter sale', quantity: 1, priceSet: { shopMoney: { amount: '4.00', currencyCode: 'EUR' } } },
        ],
      },
    });
    expect(body.data.orderCreate.userErrors).toEqual([]);
  }
  trialMigrationId = await migrate(woo, trialShop, { entities: ['orders'] });
});

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

const writtenOrders = (migrationId: string) =>
  db().sourceRecord.count({ where: { migrationId, entity: 'orders', status: 'written' } });
const throttled = async (shop: TestShop) =>
  ((await control(devstore, 'GET', `/shops/${shop.domain}/counters`)).body as { requestsThrottled: number })
    .requestsThrottled;

describe('orders into a development or trial store', () => {
  it('writes 5 a minute on a development store, waits for the next minute without a refused request, and moves every order once', async () => {
    const migrationId = await migrate(woo, devShop, { entities: ['collections', 'products', 'customers', 'orders'] });
    const deadline = Date.now() + 60_000;
    while ((await writtenOrders(migrationId)) < 5 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await writtenOrders(migrationId)).toBe(5);

    // The sixth waits in the queue for the minute to pass: a job due about a minute after the first order.
    const firstOrderAt = (
      await db().idMapEntry.findFirstOrThrow({
        where: { shop: devShop.domain, entity: 'orders' },
        orderBy: { createdAt: 'asc' },
      })
    ).createdAt;
    // The batch that wrote the fifth order queues the next one as it finishes, a moment after the
    // order is recorded: until then the job under this key is the running batch itself.
    const scheduled = async () => {
      const [job] = await db().$queryRaw<{ run_at: Date }[]>`
        SELECT run_at FROM graphile_worker.jobs WHERE key = ${`migration-load:${migrationId}:orders`} AND run_at > ${firstOrderAt}::timestamptz + interval '30 seconds'`;
      return job;
    };
    const scheduledBy = Date.now() + 10_000;
    let waiting = await scheduled();
    while (!waiting && Date.now() < scheduledBy) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      waiting = await scheduled();
    }
    expect(waiting).toBeDefined();
    const waitSeconds = ((waiting?.run_at.getTime() ?? 0) - firstOrderAt.getTime()) / 1000;
    expect(waitSeconds).toBeGreaterThanOrEqual(60);
    expect(waitSeconds).toBeLessThan(65);
    expect(await writtenOrders(migrationId)).toBe(5);

    const done = await untilSettled(migrationId, 120_000);
    expect(done.status).toBe('completed');
    expect(await writtenOrders(migrationId)).toBe(6);
    expect(await throttled(devShop)).toBe(0);
    const { body } = await admin(devstore, devShop, '{ orders(first: 20) { nodes { id } } }');
    expect(body.data.orders.nodes).toHaveLength(6);
  }, 150_000);

  it('paces a trial store by its plan, and when the merchant’s own orders used the minute, waits out Shopify’s 429 and writes that order again', async () => {
    const done = await untilSettled(trialMigrationId, 150_000);
    expect(done.status).toBe('completed');
    expect(await writtenOrders(trialMigrationId)).toBe(6);
    expect(
      await db().sourceRecord.count({
        where: { migrationId: trialMigrationId, entity: 'orders', status: { not: 'written' } },
      }),
    ).toBe(0);
    // Shopify said no at least once (two of Shipyard's five fitted beside the merchant's three)…
    expect(await throttled(trialShop)).toBeGreaterThanOrEqual(1);
    // …and every order is in the store once, beside the merchant's three.
    const { body } = await admin(devstore, trialShop, '{ orders(first: 20) { nodes { id } } }');
    expect(body.data.orders.nodes).toHaveLength(9);
  }, 160_000);
});
