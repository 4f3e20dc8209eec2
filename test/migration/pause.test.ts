// Pausing while products are being written, and resuming: the migration finishes with every
// product written once.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/db.server.ts';
import { pauseMigration, resumeMigration } from '../../app/pipeline/lifecycle.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, control, startTestDevstore } from '../../devstore/testing.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../woocommerce/server.ts';
import { installedShop, migrate, startTestWorker, untilSettled } from './harness.ts';

let woo: WooCommerceTestServer;
let devstore: Devstore;
let shop: TestShop;
let runner: Runner;

beforeAll(async () => {
  woo = await startWooCommerceServer({ catalog: { products: 250, variationsPerProduct: 1, imagesPerProduct: 0, awkward: false } });
  devstore = await startTestDevstore();
  shop = await installedShop(devstore);
  await control(devstore, 'PUT', `/shops/${shop.domain}/network`, { latency: { baseMs: 15, jitterMs: 5 } });
  runner = await startTestWorker();
});

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

describe('pause and resume', () => {
  it('stops writing when paused and finishes exactly once resumed', async () => {
    const migrationId = await migrate(woo, shop, { bulk: false });
    const written = () => db().sourceRecord.count({ where: { migrationId, entity: 'products', status: 'written' } });
    while ((await written()) < 10) await new Promise((resolve) => setTimeout(resolve, 50));
    await pauseMigration(shop.domain, migrationId);
    await new Promise((resolve) => setTimeout(resolve, 3000)); // the batch in flight (up to 100 products) finishes
    const atPause = await written();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await written()).toBe(atPause); // nothing more while paused
    const staged = await db().sourceRecord.count({ where: { migrationId, entity: 'products', status: { not: 'invalid' } } });
    expect(atPause).toBeLessThan(staged);

    await resumeMigration(shop.domain, migrationId);
    const done = await untilSettled(migrationId);
    expect(done.status).toBe('completed');
    expect(await written()).toBe(staged);
    const { body } = await admin(devstore, shop, '{ products(first: 250) { nodes { id } } }');
    expect(body.data.products.nodes).toHaveLength(staged);
  }, 120_000);
});
