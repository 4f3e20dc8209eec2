// A store past 50,000 variants creates at most 1,000 new variants a day (Shopify's documented
// throttle; devstore enforces it). The plan says how long the catalog will take; the writer writes
// what the day allows, keeps the rest staged instead of failing them, says why, tries again later,
// and finishes with every product moved once.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductRecord } from '../../connectors/model.ts';
import { db } from '../../app/db/db.server.ts';
import type { MigrationPlan } from '../../app/pipeline/analysis/plan.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, control, startTestDevstore } from '../../devstore/testing.ts';
import { seedCatalog } from '../../connectors/woocommerce/fake/catalog.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { approveMigration, installedShop, migrate, startTestWorker, untilSettled } from './harness.ts';

let woo: WooCommerceTestServer;
let devstore: Devstore;
let shop: TestShop;
let runner: Runner;

/** What the store already created today: all but `left` of the day's 1,000 new variants. */
async function useTheDayUpTo(left: number, store = shop) {
  const values = Array.from({ length: 1000 - left }, (_, index) => ({ name: `Shade ${index + 1}` }));
  const { body } = await admin(
    devstore,
    store,
    'mutation($input: ProductSetInput!) { productSet(input: $input) { userErrors { code } } }',
    {
      input: {
        title: 'Paint chart',
        productOptions: [{ name: 'Shade', values }],
        variants: values.map((value) => ({ optionValues: [{ optionName: 'Shade', name: value.name }] })),
      },
    },
  );
  expect(body.data.productSet.userErrors).toEqual([]);
}

beforeAll(async () => {
  woo = await startWooCommerceServer({
    catalog: seedCatalog({ products: 8, variationsPerProduct: 3, imagesPerProduct: 0, categories: 2, awkward: false }),
  });
  devstore = await startTestDevstore();
  shop = await installedShop(devstore, 'Standard');
  // A store with a catalog of 50,000 variants already, whose rows devstore does not need to hold.
  await control(devstore, 'PATCH', `/shops/${shop.domain}`, { extraVariants: 50_000 });
  await useTheDayUpTo(7);
  runner = await startTestWorker();
});

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

const loadJob = (migrationId: string) =>
  db().$queryRaw<
    { run_at: Date }[]
  >`SELECT run_at FROM graphile_worker._private_jobs WHERE key = ${`migration-load:${migrationId}:products`}`.then(
    (rows) => rows[0],
  );

describe('a catalog into a store past 50,000 variants', () => {
  it('plans the days it takes, writes what the day allows, waits for the rest without failing it, and moves every product once', async () => {
    const migrationId = await migrate(woo, shop, { review: true });
    const ready = await untilSettled(migrationId);
    expect(ready.status).toBe('ready');
    const staged = await db().sourceRecord.findMany({ where: { migrationId, entity: 'products' } });
    const variantsOf = (row: { data: unknown }) => Math.max(1, (row.data as ProductRecord).variants.length);
    const newVariants = staged.reduce((sum, row) => sum + variantsOf(row), 0);
    const products = (ready.plan as unknown as MigrationPlan).entities.find((entity) => entity.entity === 'products');
    expect(products).toMatchObject({
      seconds: 86_400,
      note: `Past 50,000 variants Shopify creates at most 1,000 new variants a day: ${newVariants} of the ${newVariants} new variants wait for that, about 1 day.`,
    });

    await approveMigration(shop.domain, migrationId);
    // The day's last 7 new variants go; the next product is refused, and its batch is queued an hour on.
    let job = await loadJob(migrationId);
    const waitUntil = Date.now() + 60_000;
    while (!(job && job.run_at.getTime() > Date.now() + 30 * 60_000) && Date.now() < waitUntil) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = await loadJob(migrationId);
    }
    const minutes = ((job?.run_at.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(55);
    expect(minutes).toBeLessThanOrEqual(60);
    const waiting = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
    expect([waiting.status, waiting.phase, waiting.error]).toEqual(['running', 'loading', null]);
    const written = await db().sourceRecord.findMany({ where: { migrationId, entity: 'products', status: 'written' } });
    expect(written.length).toBeGreaterThan(0);
    expect(written.reduce((sum, row) => sum + variantsOf(row), 0)).toBeLessThanOrEqual(7);
    expect(await db().sourceRecord.count({ where: { migrationId, entity: 'products', status: 'failed' } })).toBe(0);
    const problem = await db().migrationProblem.findFirstOrThrow({ where: { migrationId, code: 'variant-limit' } });
    expect(problem.message).toBe(
      "Your store has more than 50,000 variants, and Shopify creates at most 1,000 new variants a day in such a store; today's are used up.",
    );

    // A day later Shopify has room again; the hour's wait is cut short rather than slept through.
    await devstore.pool.query(
      "UPDATE devstore.variant_creations SET created_at = created_at - interval '1 day' WHERE shop = $1",
      [shop.domain],
    );
    await db()
      .$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key = ${`migration-load:${migrationId}:products`}`;
    const done = await untilSettled(migrationId, 120_000);
    expect(done.status).toBe('completed');
    expect((done.verification as { mismatches: unknown[] }).mismatches).toEqual([]);
    expect(await db().sourceRecord.count({ where: { migrationId, entity: 'products', status: 'written' } })).toBe(
      staged.length,
    );
    const inShopify = await admin(devstore, shop, '{ products(first: 50) { nodes { id } } }');
    expect(inShopify.body.data.products.nodes).toHaveLength(staged.length + 1);
  }, 180_000);

  it('holds back what the day does not allow in bulk operations too, and writes it once there is room', async () => {
    const other = await installedShop(devstore, 'Standard');
    await control(devstore, 'PATCH', `/shops/${other.domain}`, { extraVariants: 50_000 });
    await useTheDayUpTo(4, other);
    const migrationId = await migrate(woo, other, { bulk: true });
    let job = await loadJob(migrationId);
    const waitUntil = Date.now() + 60_000;
    while (!(job && job.run_at.getTime() > Date.now() + 30 * 60_000) && Date.now() < waitUntil) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = await loadJob(migrationId);
    }
    expect(job?.run_at.getTime()).toBeGreaterThan(Date.now() + 55 * 60_000);
    expect(await db().sourceRecord.count({ where: { migrationId, entity: 'products', status: 'failed' } })).toBe(0);
    const held = await db().sourceRecord.count({ where: { migrationId, entity: 'products', status: 'staged' } });
    expect(held).toBeGreaterThan(0);

    await devstore.pool.query(
      "UPDATE devstore.variant_creations SET created_at = created_at - interval '1 day' WHERE shop = $1",
      [other.domain],
    );
    await db()
      .$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key = ${`migration-load:${migrationId}:products`}`;
    const done = await untilSettled(migrationId, 120_000);
    expect(done.status).toBe('completed');
    expect(
      await db().sourceRecord.count({ where: { migrationId, entity: 'products', status: { not: 'written' } } }),
    ).toBe(0);
  }, 180_000);
});
