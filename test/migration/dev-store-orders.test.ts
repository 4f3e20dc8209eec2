// A development store accepts 5 new orders a minute (Shopify's documented limit for orderCreate on
// dev stores; devstore enforces it). Shipyard writes 5, schedules the next batch for when the
// minute has passed instead of hammering the limit, and finishes with every order moved once.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/db.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, control, startTestDevstore } from '../../devstore/testing.ts';
import { seedCatalog } from '../woocommerce/catalog.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../woocommerce/server.ts';
import { installedShop, migrate, startTestWorker, untilSettled } from './harness.ts';

let woo: WooCommerceTestServer;
let devstore: Devstore;
let shop: TestShop;
let runner: Runner;

beforeAll(async () => {
  woo = await startWooCommerceServer({ catalog: seedCatalog({ products: 4, variationsPerProduct: 1, imagesPerProduct: 0, categories: 2, customers: 3, orders: 6, coupons: 0, reviews: 0, awkward: false }) });
  devstore = await startTestDevstore();
  shop = await installedShop(devstore);
  await control(devstore, 'PATCH', `/shops/${shop.domain}`, { devStore: true });
  runner = await startTestWorker();
});

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

describe('orders into a development store', () => {
  it('writes 5 a minute, waits for the next minute without a refused request, and moves every order once', async () => {
    const migrationId = await migrate(woo, shop, { entities: ['collections', 'products', 'customers', 'orders'] });
    const writtenOrders = () => db().sourceRecord.count({ where: { migrationId, entity: 'orders', status: 'written' } });
    const deadline = Date.now() + 60_000;
    while ((await writtenOrders()) < 5 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await writtenOrders()).toBe(5);

    // The sixth waits in the queue for the minute to pass: a job due about a minute after the first order.
    const firstOrderAt = (await db().idMapEntry.findFirstOrThrow({ where: { shop: shop.domain, entity: 'orders' }, orderBy: { createdAt: 'asc' } })).createdAt;
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
    expect(await writtenOrders()).toBe(5);

    const done = await untilSettled(migrationId, 120_000);
    expect(done.status).toBe('completed');
    expect(await writtenOrders()).toBe(6);
    const counters = (await control(devstore, 'GET', `/shops/${shop.domain}/counters`)).body as { requestsThrottled: number };
    expect(counters.requestsThrottled).toBe(0);
    const { body } = await admin(devstore, shop, '{ orders(first: 20) { nodes { id } } }');
    expect(body.data.orders.nodes).toHaveLength(6);
  }, 150_000);
});
