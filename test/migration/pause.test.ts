// Pausing and resuming: while products are being written, the migration finishes with every
// product written once; while a page is still being read, nothing runs twice.
import type { Job, Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/db/db.server.ts';
import { pauseMigration, resumeMigration } from '../../app/pipeline/lifecycle.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, control, startTestDevstore } from '../../devstore/testing.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { approveMigration, installedShop, migrate, startTestWorker, untilSettled } from './harness.ts';

let woo: WooCommerceTestServer;
let devstore: Devstore;
let shop: TestShop;
let runner: Runner;

beforeAll(async () => {
  woo = await startWooCommerceServer({
    catalog: { products: 250, variationsPerProduct: 1, imagesPerProduct: 0, awkward: false },
  });
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
    // Load jobs running now: the batch in flight at the pause (up to 100 products) finishes its work.
    let loading = 0;
    const started = ({ job }: { job: Job }) => void (job.task_identifier === 'migration-load' && loading++);
    const finished = ({ job }: { job: Job }) => void (job.task_identifier === 'migration-load' && loading--);
    runner.events.on('job:start', started);
    runner.events.on('job:complete', finished);
    const migrationId = await migrate(woo, shop, { bulk: false });
    const written = () => db().sourceRecord.count({ where: { migrationId, entity: 'products', status: 'written' } });
    while ((await written()) < 10) await new Promise((resolve) => setTimeout(resolve, 50));
    await pauseMigration(shop.domain, migrationId);
    const deadline = Date.now() + 60_000;
    while (loading > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    runner.events.off('job:start', started);
    runner.events.off('job:complete', finished);
    const atPause = await written();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await written()).toBe(atPause); // nothing more while paused
    const staged = await db().sourceRecord.count({
      where: { migrationId, entity: 'products', status: { not: 'invalid' } },
    });
    expect(atPause).toBeLessThan(staged);

    await resumeMigration(shop.domain, migrationId);
    const done = await untilSettled(migrationId);
    expect(done.status).toBe('completed');
    expect(await written()).toBe(staged);
    const { body } = await admin(devstore, shop, '{ products(first: 250) { nodes { id } } }');
    expect(body.data.products.nodes).toHaveLength(staged);
  }, 120_000);

  it('runs no step twice when resumed while the paused job is still reading its page', async () => {
    // A slow source: the page in flight at the pause is still being read when the resume comes.
    const slow = await startWooCommerceServer({
      catalog: { products: 30, variationsPerProduct: 1, imagesPerProduct: 0, awkward: false },
      latencyMs: 600,
    });
    const running = new Map<string, number>(); // job key -> jobs running with it now
    const overlaps: string[] = [];
    const analyses: Job[] = [];
    const started = ({ job }: { job: Job }) => {
      const key = job.key ?? job.task_identifier;
      running.set(key, (running.get(key) ?? 0) + 1);
      if ((running.get(key) ?? 0) > 1) overlaps.push(key);
      if (job.task_identifier === 'migration-analyze') analyses.push(job);
    };
    const finished = ({ job }: { job: Job }) => {
      const key = job.key ?? job.task_identifier;
      running.set(key, (running.get(key) ?? 1) - 1);
    };
    runner.events.on('job:start', started);
    runner.events.on('job:complete', finished);
    try {
      const migrationId = await migrate(slow, shop, { review: true });
      while (
        ![...running.keys()].some(
          (key) => key.startsWith(`migration-extract:${migrationId}`) && (running.get(key) ?? 0) > 0,
        )
      ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await pauseMigration(shop.domain, migrationId);
      await resumeMigration(shop.domain, migrationId);

      const ready = await untilSettled(migrationId);
      expect(ready.status).toBe('ready');
      await approveMigration(shop.domain, migrationId);
      const done = await untilSettled(migrationId, 120_000, ['completed', 'failed', 'cancelled']);
      expect(done.status).toBe('completed');
      expect(overlaps).toEqual([]);
      expect(
        analyses.filter((job) => (job.payload as { migrationId: string }).migrationId === migrationId),
      ).toHaveLength(1);
      // Every product is in Shopify: the first test's migration wrote the same seeded products, so they are unchanged here.
      const inShopify = await db().sourceRecord.count({
        where: { migrationId, entity: 'products', status: { in: ['written', 'unchanged'] } },
      });
      expect(inShopify).toBe(
        await db().sourceRecord.count({ where: { migrationId, entity: 'products', status: { not: 'invalid' } } }),
      );
    } finally {
      runner.events.off('job:start', started);
      runner.events.off('job:complete', finished);
      await slow.close();
    }
  }, 120_000);
});
