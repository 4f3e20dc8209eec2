import pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { decryptCredentials } from '../db/credentials.server.ts';
import { db } from '../db/db.server.ts';
import { HELD, PLACEMENT_BATCH } from './entities/products/bulk-publishing.server.ts';
import {
  MIGRATION_STATUSES,
  MigrationNotFound,
  MigrationStateError,
  TRANSITIONS,
  canTransition,
  cancelMigration,
  createMigration,
  pauseMigration,
  resumeMigration,
  statusesBefore,
  transition,
  updateDraft,
} from './lifecycle.server.ts';
import { startMigration } from './steps/extract.server.ts';
import { OrderOptions } from './entities/orders/input.server.ts';

const SHOP = 'lifecycle.myshopify.com';
const credentials = { url: 'https://old.example.com', consumerKey: 'ck_1', consumerSecret: 'cs_secret' };

async function queued(): Promise<string[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query<{ key: string }>('SELECT key FROM graphile_worker._private_jobs ORDER BY id');
  await client.end();
  return rows.map((row) => row.key);
}

beforeEach(async () => {
  await db().$executeRawUnsafe('DELETE FROM graphile_worker._private_jobs');
});

describe('migration lifecycle', () => {
  it('stores the source credentials encrypted and the entities in load order', async () => {
    const migration = await createMigration({
      shop: SHOP,
      platform: 'woocommerce',
      sourceUrl: credentials.url,
      credentials,
      entities: ['products', 'collections'],
    });
    expect(migration.sourceCredentials).not.toContain('cs_secret');
    expect(decryptCredentials(SHOP, migration.sourceCredentials ?? '')).toEqual(credentials);
    expect(migration.entities).toEqual(['collections', 'products', 'redirects']);
    expect(migration.status).toBe('draft');
    // Customers and orders had no URL of their own on the old store: nothing to redirect.
    const customersOnly = await createMigration({
      shop: SHOP,
      platform: 'woocommerce',
      sourceUrl: credentials.url,
      credentials,
      entities: ['orders', 'customers'],
    });
    expect(customersOnly.entities).toEqual(['customers', 'orders']);
  });

  it('starts by queueing one extract job per entity, with the status change', async () => {
    const migration = await createMigration({
      shop: SHOP,
      platform: 'woocommerce',
      sourceUrl: credentials.url,
      credentials,
      entities: ['products', 'collections'],
    });
    const started = await startMigration(SHOP, migration.id);
    expect(started).toMatchObject({ status: 'running', phase: 'extracting' });
    expect(await queued()).toEqual([
      `migration-extract:${migration.id}:collections`,
      `migration-extract:${migration.id}:products`,
    ]);
    await expect(startMigration(SHOP, migration.id)).rejects.toThrow('only a draft can start');
  });

  it('pauses, and resumes only the entities not yet read', async () => {
    const migration = await createMigration({
      shop: SHOP,
      platform: 'woocommerce',
      sourceUrl: credentials.url,
      credentials,
      entities: ['products', 'collections'],
    });
    await startMigration(SHOP, migration.id);
    await db().migrationEntity.update({
      where: { migrationId_entity: { migrationId: migration.id, entity: 'collections' } },
      data: { extractDone: true },
    });
    await pauseMigration(SHOP, migration.id);
    await db().$executeRawUnsafe('DELETE FROM graphile_worker._private_jobs');
    expect((await resumeMigration(SHOP, migration.id)).status).toBe('running');
    expect(await queued()).toEqual([`migration-extract:${migration.id}:products`]);
  });

  it('resumes the publishing of products written in bulk where the pause held it, and the entities being written beside it', async () => {
    const migration = await createMigration({
      shop: SHOP,
      platform: 'woocommerce',
      sourceUrl: credentials.url,
      credentials,
      entities: ['products', 'customers'],
    });
    await db().migration.update({
      where: { id: migration.id },
      data: { status: 'paused', phase: 'loading', writing: { products: 'written', customers: 'writing' } },
    });
    // Customers are still staged; the products are written, and their publishing stopped after a batch.
    await db().sourceRecord.create({
      data: { shop: SHOP, migrationId: migration.id, entity: 'customers', sourceId: '1', status: 'staged', data: {} },
    });
    await db().bulkBatch.create({
      data: {
        shop: SHOP,
        migrationId: migration.id,
        entity: PLACEMENT_BATCH,
        operationId: 'gid://shopify/BulkOperation/1',
        recordIds: [41n],
        lastRecordId: 41n,
        status: HELD,
      },
    });
    await resumeMigration(SHOP, migration.id);
    // Redirects need the products written, not published: they go on beside the publishing.
    expect((await queued()).sort()).toEqual([
      `migration-load:${migration.id}:customers`,
      `migration-load:${migration.id}:products`,
      `migration-load:${migration.id}:redirects`,
    ]);
    const products = await db().$queryRaw<{ payload: { afterId: string | null } }[]>`
      SELECT payload FROM graphile_worker._private_jobs WHERE key = ${`migration-load:${migration.id}:products`}`;
    expect(products.map((job) => job.payload.afterId)).toEqual(['41']);
    expect(await db().bulkBatch.count({ where: { migrationId: migration.id, status: HELD } })).toBe(0);
  });

  it('cancels, and refuses another shop as if the migration did not exist', async () => {
    const migration = await createMigration({
      shop: SHOP,
      platform: 'woocommerce',
      sourceUrl: credentials.url,
      credentials,
      entities: ['products'],
    });
    await expect(startMigration('intruder.myshopify.com', migration.id)).rejects.toBeInstanceOf(MigrationNotFound);
    await expect(cancelMigration('intruder.myshopify.com', migration.id)).rejects.toBeInstanceOf(MigrationNotFound);
    expect((await cancelMigration(SHOP, migration.id)).status).toBe('cancelled');
    await expect(cancelMigration(SHOP, migration.id)).rejects.toThrow('already cancelled');
  });

  it('saves the writing options on the draft, where the order loader reads them, and keeps them when only the entities change', async () => {
    const migration = await createMigration({
      shop: SHOP,
      platform: 'woocommerce',
      sourceUrl: credentials.url,
      credentials,
      entities: ['orders'],
      options: { redirects: true, unattended: false },
    });
    const options = {
      keepOrderNumbers: false,
      orderStatusMap: { processing: { financialStatus: 'PAID', fulfillmentStatus: 'FULFILLED' } },
      existingRecords: 'skip' as const,
      inviteCustomers: true,
      exchangeRates: { EUR: '1.0850' },
      longText: 'cut' as const,
      broaderCoupons: true,
    };
    const saved = await updateDraft(SHOP, migration.id, {
      entities: ['orders', 'customers'],
      redirects: false,
      review: true,
      options,
    });
    expect(saved.options).toEqual({ redirects: false, unattended: false, ...options });
    expect(OrderOptions.parse(saved.options)).toEqual({
      keepOrderNumbers: false,
      orderStatusMap: options.orderStatusMap,
      exchangeRates: { EUR: '1.0850' },
    });
    const again = await updateDraft(SHOP, migration.id, { entities: ['orders'], redirects: false, review: false });
    expect(again.options).toEqual({ redirects: false, unattended: true, ...options });
    await expect(
      updateDraft('intruder.myshopify.com', migration.id, {
        entities: ['orders'],
        redirects: false,
        review: false,
        options,
      }),
    ).rejects.toBeInstanceOf(MigrationNotFound);
  });
});

describe('the transition table', () => {
  it('allows the moves the migration makes', () => {
    const allowed: [string, (typeof MIGRATION_STATUSES)[number]][] = [
      ['draft', 'running'],
      ['running', 'paused'],
      ['paused', 'running'],
      ['running', 'ready'],
      ['ready', 'running'],
      ['running', 'completed'],
      ['running', 'failed'],
      ['paused', 'failed'],
      ['draft', 'cancelled'],
      ['ready', 'cancelled'],
      ['completed', 'undoing'],
      ['failed', 'undoing'],
      ['cancelled', 'undoing'],
      ['undone', 'undoing'],
      ['undoing', 'undone'],
      ['undoing', 'failed'],
      ['completed', 'undone'],
      ['undone', 'undone'],
    ];
    for (const [from, to] of allowed) expect(canTransition(from, to), `${from} → ${to}`).toBe(true);
  });

  it('refuses every other move', () => {
    const refused: [string, (typeof MIGRATION_STATUSES)[number]][] = [
      ['draft', 'completed'],
      ['draft', 'paused'],
      ['draft', 'undoing'],
      ['ready', 'paused'],
      ['ready', 'completed'],
      ['completed', 'running'],
      ['completed', 'cancelled'],
      ['cancelled', 'cancelled'],
      ['cancelled', 'running'],
      ['undone', 'running'],
      ['paused', 'completed'],
      ['undoing', 'running'],
      ['failed', 'running'],
      ['running', 'undoing'],
      ['nonsense', 'running'],
    ];
    for (const [from, to] of refused) expect(canTransition(from, to), `${from} → ${to}`).toBe(false);
  });

  it('names only known statuses, and says which statuses may become one', () => {
    for (const [from, tos] of Object.entries(TRANSITIONS)) {
      expect(MIGRATION_STATUSES).toContain(from);
      for (const to of tos) expect(MIGRATION_STATUSES).toContain(to);
    }
    expect(statusesBefore('undone')).toEqual(['completed', 'failed', 'cancelled', 'undoing', 'undone']);
  });

  it('refuses a move the table does not allow, and writes nothing', async () => {
    const migration = await createMigration({
      shop: SHOP,
      platform: 'woocommerce',
      sourceUrl: credentials.url,
      credentials,
      entities: ['products'],
    });
    await expect(transition(db(), migration, 'completed', { phase: 'done' })).rejects.toBeInstanceOf(
      MigrationStateError,
    );
    expect(await db().migration.findUniqueOrThrow({ where: { id: migration.id } })).toMatchObject({
      status: 'draft',
      phase: 'draft',
    });
    expect(await transition(db(), migration, 'running', { phase: 'extracting' })).toMatchObject({
      status: 'running',
      phase: 'extracting',
    });
  });
});
