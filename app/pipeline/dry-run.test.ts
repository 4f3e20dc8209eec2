// The dry run against Shopify's real 2026-10 Admin schema: records Shopify would refuse are kept
// with the reason, the others counted; one batch per job; nothing is sent anywhere.
import pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { Collection, Customer, Order, Product } from '../../connectors/model.ts';
import { db } from '../db.server.ts';
import { DRY_RUN_BATCH, dryRunStep, dryRunView, limitRefusals, startDryRun } from './dry-run.server.ts';
import { MigrationNotFound, MigrationStateError } from './lifecycle.server.ts';

const SHOP = 'dry-run.myshopify.com';

async function queued(): Promise<{ key: string; payload: unknown }[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query<{ key: string; payload: unknown }>('SELECT key, payload FROM graphile_worker._private_jobs ORDER BY id');
  await client.end();
  return rows;
}

async function readyMigration(records: { entity: string; data: { sourceId: string } }[], status = 'ready') {
  const migration = await db().migration.create({ data: { shop: SHOP, sourcePlatform: 'woocommerce', status, phase: status, entities: ['collections', 'products', 'customers', 'orders'] } });
  await db().sourceRecord.createMany({
    data: records.map((record) => ({ shop: SHOP, migrationId: migration.id, entity: record.entity, sourceId: record.data.sourceId, data: record.data as object })),
  });
  return migration.id;
}

const hoodie = Product.parse({
  sourceId: '42', sourceType: 'variable', title: 'Harbour Hoodie', handle: 'harbour-hoodie', status: 'active', options: [{ name: 'Size', values: ['S'] }],
  variants: [{ sourceId: '42-1', sku: 'HH-S', price: '40.00', optionValues: [{ option: 'Size', value: 'S' }], inventoryQuantity: 3 }],
  collectionSourceIds: ['7'],
});
const tooManyTags = Product.parse({ ...hoodie, sourceId: '43', title: 'Tagged Tee', handle: 'tagged-tee', tags: Array.from({ length: 260 }, (_, index) => `tag-${index}`) });
const anna = Customer.parse({ sourceId: '5001', email: 'anna@example.com', firstName: 'Anna', addresses: [{ address1: '1 Quay', city: 'Berlin', countryCode: 'DE', kind: 'billing' }] });
// "UK" is how many shops write the United Kingdom; Shopify's CountryCode says GB.
const oliver = Customer.parse({ sourceId: '5002', email: 'oliver@example.com', firstName: 'Oliver', addresses: [{ address1: '2 Dock', city: 'Leeds', countryCode: 'UK', kind: 'shipping' }] });
const order = Order.parse({
  sourceId: '9001', number: '9001', customerSourceId: '5001', currency: 'EUR', sourceStatus: 'completed',
  lineItems: [{ sourceId: 'l1', productSourceId: '42', variantSourceId: '42-1', title: 'Hoodie - S', quantity: 1, price: '40.00' }],
  subtotal: '40.00', totalTax: '0', total: '40.00', processedAt: '2024-05-01T10:00:00Z',
});
const strangeCurrency = Order.parse({ ...order, sourceId: '9002', number: '9002', currency: 'ABC' });

beforeEach(async () => {
  await db().$executeRawUnsafe('DELETE FROM graphile_worker._private_jobs');
});

describe('dry run', () => {
  it('keeps each record Shopify would refuse with the reason, and counts those that pass', async () => {
    const id = await readyMigration([
      { entity: 'collections', data: Collection.parse({ sourceId: '7', title: 'Hoodies', handle: 'hoodies' }) },
      { entity: 'products', data: hoodie },
      { entity: 'products', data: tooManyTags },
      { entity: 'customers', data: anna },
      { entity: 'customers', data: oliver },
      { entity: 'orders', data: order },
      { entity: 'orders', data: strangeCurrency },
    ]);
    await startDryRun(SHOP, id);
    expect(await queued()).toMatchObject([{ key: `migration-dry-run:${id}`, payload: { migrationId: id } }]);
    expect(await dryRunStep(id, null)).toBe('done');

    const view = await dryRunView(SHOP, id);
    expect(view).toMatchObject({ status: 'done', checked: 7, passed: 4, refused: 3, total: 7 });
    const reasons = Object.fromEntries((view?.refusals ?? []).map((row) => [`${row.entity} ${row.name}`, row.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['customers Oliver', 'orders #9002', 'products Tagged Tee']);
    expect(reasons['products Tagged Tee']).toContain('input.tags has 260 items; Shopify takes at most 250.');
    expect(reasons['customers Oliver']).toMatch(/Value "UK" does not exist in "CountryCode" enum/);
    expect(reasons['orders #9002']).toMatch(/Value "ABC" does not exist in "CurrencyCode" enum/);
    // Nothing was written, and no further job: the dry run leaves the migration as it was.
    expect(await db().sourceRecord.count({ where: { migrationId: id, status: { not: 'staged' } } })).toBe(0);
    expect((await db().migration.findUniqueOrThrow({ where: { id } })).status).toBe('ready');
    expect(await queued()).toHaveLength(1);
  });

  it('checks one batch per job and queues the next with it', async () => {
    const collections = Array.from({ length: DRY_RUN_BATCH + 1 }, (_, index) => ({ entity: 'collections', data: Collection.parse({ sourceId: String(index), title: `C${index}`, handle: `c-${index}` }) }));
    const id = await readyMigration(collections);
    await startDryRun(SHOP, id);
    await db().$executeRawUnsafe('DELETE FROM graphile_worker._private_jobs');
    expect(await dryRunStep(id, null)).toBe('next-batch');
    const [next] = await queued();
    expect(next?.key).toBe(`migration-dry-run:${id}`);
    expect(await dryRunView(SHOP, id)).toMatchObject({ status: 'running', checked: DRY_RUN_BATCH, passed: DRY_RUN_BATCH });
    const afterId = (next?.payload as { afterId: string }).afterId;
    expect(await dryRunStep(id, BigInt(afterId))).toBe('done');
    expect(await dryRunView(SHOP, id)).toMatchObject({ status: 'done', checked: DRY_RUN_BATCH + 1, passed: DRY_RUN_BATCH + 1, refused: 0 });
  });

  it('runs only for the shop’s own migration waiting for review', async () => {
    const id = await readyMigration([], 'running');
    await expect(startDryRun(SHOP, id)).rejects.toBeInstanceOf(MigrationStateError);
    await expect(startDryRun('intruder.myshopify.com', id)).rejects.toBeInstanceOf(MigrationNotFound);
    expect(await dryRunView('intruder.myshopify.com', id)).toBeNull();
    expect(await queued()).toHaveLength(0);
  });

  it('names input arrays longer than Shopify takes', () => {
    expect(limitRefusals({ input: { variants: Array.from({ length: 300 }, () => ({})), files: Array.from({ length: 251 }, () => ({})) } })).toEqual([
      'input.files has 251 items; Shopify takes at most 250.',
    ]);
  });
});
