// Protected customer data, end to end: a store whose app Shopify has not approved hears it in the
// plan before anything is written, its customers and orders are kept back with one reason (not
// refused one by one) while everything else moves; the same when the approval is taken back after
// the plan. WooCommerce test store → devstore, through Shipyard's worker.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/db/db.server.ts';
import type { CustomerDataNotice } from '../../app/pipeline/analysis/customer-data-notice.ts';
import type { MigrationPlan } from '../../app/pipeline/analysis/plan.server.ts';
import type { Verification } from '../../app/pipeline/steps/verify.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, control, startTestDevstore } from '../../devstore/testing.ts';
import { seedCatalog } from '../../connectors/woocommerce/fake/catalog.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { approveMigration, installedShop, migrate, startTestWorker, untilSettled } from './harness.ts';

let woo: WooCommerceTestServer;
let devstore: Devstore;
let runner: Runner;

beforeAll(async () => {
  woo = await startWooCommerceServer({
    catalog: seedCatalog({
      products: 6,
      variationsPerProduct: 2,
      imagesPerProduct: 0,
      categories: 3,
      customers: 6,
      orders: 8,
      coupons: 0,
      reviews: 0,
      awkward: false,
    }),
  });
  devstore = await startTestDevstore();
  runner = await startTestWorker();
}, 60_000);

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

/** A paying store (Shopify's approval counts there, not the selection) with Shipyard installed. */
async function payingStore(approved: 'none' | 'level1' | 'level2'): Promise<TestShop> {
  const shop = await installedShop(devstore);
  await control(devstore, 'PATCH', `/shops/${shop.domain}`, { devStore: false, protectedCustomerData: { approved } });
  return shop;
}

async function customersAndOrdersIn(shop: TestShop) {
  await control(devstore, 'PATCH', `/shops/${shop.domain}`, { protectedCustomerData: { approved: 'level2' } });
  const { body } = await admin(
    devstore,
    shop,
    'query All { customers(first: 50) { nodes { id } } orders(first: 50) { nodes { id } } }',
  );
  return { customers: body.data.customers.nodes.length, orders: body.data.orders.nodes.length };
}

const ENTITIES = ['collections', 'products', 'customers', 'orders'] as const;

describe('an app Shopify has not approved for protected customer data', () => {
  let shop: TestShop;
  let migrationId: string;

  beforeAll(async () => {
    shop = await payingStore('none');
    migrationId = await migrate(woo, shop, { entities: [...ENTITIES], review: true });
    await untilSettled(migrationId);
  }, 120_000);

  it('tells the merchant in the plan, before anything is written: what is missing, what it means and what to do', async () => {
    const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
    expect(migration.status).toBe('ready');
    const plan = migration.plan as unknown as MigrationPlan;
    expect(plan.customerData).toEqual({
      heldBack: ['customers', 'orders'],
      found: 'planning',
      shopifySays: expect.stringMatching(/^This app is not approved to access the Customer object\./),
    });
    expect(plan.entities.filter((entity) => entity.entity === 'customers' || entity.entity === 'orders')).toEqual([
      {
        entity: 'customers',
        records: 6,
        points: 0,
        seconds: 0,
        note: 'Kept back: Shopify has not approved customer data access.',
      },
      {
        entity: 'orders',
        records: 8,
        points: 0,
        seconds: 0,
        note: 'Kept back: Shopify has not approved customer data access.',
      },
    ]);
    const problems = await db().migrationProblem.findMany({
      where: { migrationId, code: 'customer-data-access' },
      orderBy: { entity: 'asc' },
    });
    expect(problems.map((problem) => [problem.entity, problem.sourceId])).toEqual([
      ['customers', null],
      ['orders', null],
    ]);
    expect(problems[0]?.action).toMatch(/Partner Dashboard/);
    expect(await db().sourceRecord.count({ where: { migrationId, status: { not: 'staged' } } })).toBe(0);
  });

  it('moves everything else and keeps every customer and order back with the one reason, none refused one by one', async () => {
    await approveMigration(shop.domain, migrationId);
    const migration = await untilSettled(migrationId);
    expect(migration.error).toBeNull();
    expect(migration.status).toBe('completed');
    const byStatus = await db().sourceRecord.groupBy({
      by: ['entity', 'status'],
      where: { migrationId },
      _count: true,
      orderBy: [{ entity: 'asc' }, { status: 'asc' }],
    });
    expect(
      byStatus.map((row) => [
        row.entity,
        row.status,
        row.entity === 'customers' || row.entity === 'orders' ? row._count : 'all',
      ]),
    ).toEqual([
      ['collections', 'written', 'all'],
      ['customers', 'skipped', 6],
      ['orders', 'skipped', 8],
      ['products', 'written', 'all'],
      ['redirects', 'written', 'all'],
    ]);
    const reasons = await db().sourceRecord.findMany({
      where: { migrationId, entity: { in: ['customers', 'orders'] } },
      distinct: ['reason'],
      select: { reason: true },
    });
    expect(reasons).toEqual([
      {
        reason: expect.stringMatching(
          /^Kept back: Shopify has not approved Shipyard to use customers’ names, emails, phone numbers and addresses \(protected customer data\) on this store\. Shopify answered: “This app is not approved to access the Customer object\./,
        ),
      },
    ]);
    const verification = migration.verification as unknown as Verification;
    expect(verification.entities.find((entity) => entity.entity === 'customers')).toMatchObject({
      written: 0,
      unchanged: 0,
      skipped: 6,
      notMoved: 0,
      notChecked: expect.stringContaining('protected customer data'),
    });
    expect(await customersAndOrdersIn(shop)).toEqual({ customers: 0, orders: 0 });
  }, 120_000);
});

describe('an app approved for customer data but not its name, email, phone and address fields', () => {
  it('is found out at plan time on a store with no customer yet, and nothing is written to find out', async () => {
    const shop = await payingStore('level1');
    const migrationId = await migrate(woo, shop, { entities: ['customers'], review: true });
    const migration = await untilSettled(migrationId);
    expect((migration.plan as unknown as MigrationPlan).customerData).toMatchObject({
      heldBack: ['customers'],
      found: 'planning',
      shopifySays: expect.stringContaining('not approved to use the firstName field'),
    });
    expect(await customersAndOrdersIn(shop)).toEqual({ customers: 0, orders: 0 });
  }, 120_000);
});

describe('an approval taken back after the plan', () => {
  it('is recognised on the first write: the notice says so, customers and orders are kept back, and the migration completes', async () => {
    const shop = await payingStore('level2');
    const migrationId = await migrate(woo, shop, { entities: [...ENTITIES], review: true });
    const ready = await untilSettled(migrationId);
    expect((ready.plan as unknown as MigrationPlan).customerData).toBeNull();
    await control(devstore, 'PATCH', `/shops/${shop.domain}`, { protectedCustomerData: { approved: 'none' } });
    await approveMigration(shop.domain, migrationId);
    const migration = await untilSettled(migrationId);
    expect(migration.error).toBeNull();
    expect(migration.status).toBe('completed');
    const notice = (migration.plan as unknown as MigrationPlan).customerData as CustomerDataNotice;
    expect(notice).toMatchObject({ heldBack: ['customers', 'orders'], found: 'writing' });
    const customerData = await db().sourceRecord.groupBy({
      by: ['status'],
      where: { migrationId, entity: { in: ['customers', 'orders'] } },
      _count: true,
    });
    expect(customerData.map((row) => [row.status, row._count])).toEqual([['skipped', 14]]);
    expect(await db().sourceRecord.count({ where: { migrationId, entity: 'products', status: 'written' } })).toBe(6);
  }, 120_000);
});
