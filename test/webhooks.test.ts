// The webhook routes as Shopify calls them: signed requests, verified, acted on once, answered fast;
// the compliance jobs they queue run on a real graphile-worker and delete exactly the right rows.
import type { ActionFunctionArgs } from '@remix-run/node';
import { Session } from '@shopify/shopify-api';
import type { Runner } from 'graphile-worker';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appCredentials } from '../app/shopify-app/app-config.server.ts';
import { shopTables } from '../app/shopify-app/compliance.server.ts';
import { db } from '../app/db/db.server.ts';
import { action as customersDataRequest } from '../app/routes/webhooks.customers.data_request.tsx';
import { action as customersRedact } from '../app/routes/webhooks.customers.redact.tsx';
import { action as scopesUpdate } from '../app/routes/webhooks.app.scopes_update.tsx';
import { action as shopRedact } from '../app/routes/webhooks.shop.redact.tsx';
import { action as appUninstalled } from '../app/routes/webhooks.app.uninstalled.tsx';
import { PrismaSessionStorage } from '../app/shopify-app/sessions.server.ts';
import { recordInstall } from '../app/shopify-app/shops.server.ts';
import { startWorker } from '../jobs/runner.ts';
import { webhookRequest } from './support/webhooks.ts';

const SHOP = 'north-sails.myshopify.com';
const OTHER = 'harbour-goods.myshopify.com';
const secret = appCredentials().apiSecret;
/** Calls a route action as Remix does: a thrown Response is the answer. */
async function call(handler: (args: ActionFunctionArgs) => Promise<Response>, request: Request) {
  try {
    return await handler({ request, params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function seedShop(shop: string) {
  const storage = new PrismaSessionStorage();
  await storage.storeSession(
    new Session({
      id: `offline_${shop}`,
      shop,
      state: 's',
      isOnline: false,
      accessToken: 'shpat_x',
      scope: 'read_products',
    }),
  );
  await db().shop.create({ data: { shop, scopes: 'read_products' } });
  const migration = await db().migration.create({
    data: { shop, sourcePlatform: 'woocommerce', sourceUrl: 'https://old.example.com' },
  });
  const record = (entity: string, sourceId: string, email: string | null, phone: string | null = null) => ({
    shop,
    migrationId: migration.id,
    entity,
    sourceId,
    email,
    phone,
    data: { sourceId, email, note: `${entity} ${sourceId}` },
  });
  await db().sourceRecord.createMany({
    data: [
      record('customer', '11', 'ada@example.com'),
      record('customer', '12', 'grace@example.com', '+15550100'),
      record('order', '501', 'ada@example.com'),
      record('order', '502', null), // a guest order linked to Ada only through the id map
      record('order', '503', 'grace@example.com'),
      record('product', '900', null),
    ],
  });
  await db().idMapEntry.createMany({
    data: [
      {
        shop,
        platform: 'woocommerce',
        entity: 'customer',
        sourceId: '11',
        shopifyGid: 'gid://shopify/Customer/7001',
        contentHash: 'h1',
      },
      {
        shop,
        platform: 'woocommerce',
        entity: 'customer',
        sourceId: '12',
        shopifyGid: 'gid://shopify/Customer/7002',
        contentHash: 'h2',
      },
      {
        shop,
        platform: 'woocommerce',
        entity: 'order',
        sourceId: '502',
        shopifyGid: 'gid://shopify/Order/8002',
        contentHash: 'h3',
      },
      {
        shop,
        platform: 'woocommerce',
        entity: 'product',
        sourceId: '900',
        shopifyGid: 'gid://shopify/Product/9000',
        contentHash: 'h4',
      },
    ],
  });
  await db().auditEntry.create({ data: { shop, action: 'migration.created', detail: {} } });
}

async function counts(shop: string) {
  const where = { where: { shop } };
  return {
    sessions: await db().session.count(where),
    shops: await db().shop.count(where),
    migrations: await db().migration.count(where),
    sourceRecords: await db().sourceRecord.count(where),
    idMap: await db().idMapEntry.count(where),
  };
}

async function queuedJobs() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{
      task_identifier: string;
      key: string | null;
      run_at: Date;
      payload: unknown;
    }>(
      `SELECT t.identifier AS task_identifier, j.key, j.run_at, j.payload
       FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id ORDER BY j.id`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

async function clearJobs() {
  await db().$executeRawUnsafe('DELETE FROM graphile_worker._private_jobs');
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeEach(async () => {
  await clearJobs();
  for (const remove of Object.values(shopTables)) {
    await db().$transaction(async (tx) => {
      await remove(tx, SHOP);
      await remove(tx, OTHER);
    });
  }
  await seedShop(SHOP);
  await seedShop(OTHER);
});

describe('webhook signatures', () => {
  it('rejects a wrong HMAC with 401 and changes nothing', async () => {
    const before = await counts(SHOP);
    const response = await call(
      appUninstalled,
      webhookRequest({
        topic: 'app/uninstalled',
        shop: SHOP,
        body: { id: 1 },
        secret,
        signature: 'bm90IHRoZSBzaWduYXR1cmU=',
      }),
    );
    expect(response.status).toBe(401);
    expect(await counts(SHOP)).toEqual(before);
    expect(await db().webhookReceipt.count()).toBe(0);
    expect(await queuedJobs()).toEqual([]);
  });

  it('rejects a body signed with another secret', async () => {
    const response = await call(
      shopRedact,
      webhookRequest({
        topic: 'shop/redact',
        shop: SHOP,
        body: { shop_id: 1, shop_domain: SHOP },
        secret: 'someone-elses-secret',
      }),
    );
    expect(response.status).toBe(401);
    expect(await queuedJobs()).toEqual([]);
  });
});

describe('app/uninstalled', () => {
  it('removes the shop’s sessions at once and schedules the purge for the end of the 48-hour grace period', async () => {
    const response = await call(
      appUninstalled,
      webhookRequest({ topic: 'app/uninstalled', shop: SHOP, body: { id: 1, domain: SHOP }, secret }),
    );
    expect(response.status).toBe(200);
    expect(await counts(SHOP)).toMatchObject({ sessions: 0, shops: 1, migrations: 1, sourceRecords: 6, idMap: 4 });
    expect(await counts(OTHER)).toMatchObject({ sessions: 1 });
    const shop = await db().shop.findUniqueOrThrow({ where: { shop: SHOP } });
    const jobs = await queuedJobs();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      task_identifier: 'shop-purge',
      key: `shop-purge:${SHOP}`,
      payload: { shop: SHOP },
    });
    expect(jobs[0]?.run_at.getTime()).toBe((shop.uninstalledAt as Date).getTime() + 48 * 3600_000);
  });

  it('acts once on a redelivery of the same webhook', async () => {
    const first = webhookRequest({
      topic: 'app/uninstalled',
      shop: SHOP,
      body: { id: 1 },
      secret,
      webhookId: 'delivery-1',
    });
    const again = webhookRequest({
      topic: 'app/uninstalled',
      shop: SHOP,
      body: { id: 1 },
      secret,
      webhookId: 'delivery-1',
    });
    expect((await call(appUninstalled, first)).status).toBe(200);
    await recordInstall(SHOP, 'read_products'); // the merchant reinstalls before Shopify retries
    expect((await call(appUninstalled, again)).status).toBe(200);
    const shop = await db().shop.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(shop.uninstalledAt).toBeNull();
    expect(await queuedJobs()).toEqual([]); // reinstalling called the purge off
  });
});

describe('app/scopes_update', () => {
  it('records the scopes now granted on the shop’s sessions', async () => {
    const response = await call(
      scopesUpdate,
      webhookRequest({
        topic: 'app/scopes_update',
        shop: SHOP,
        body: {
          id: 1,
          previous: ['read_products'],
          current: ['read_products', 'write_products'],
          updated_at: new Date().toISOString(),
        },
        secret,
      }),
    );
    expect(response.status).toBe(200);
    expect((await db().session.findUniqueOrThrow({ where: { id: `offline_${SHOP}` } })).scope).toBe(
      'read_products,write_products',
    );
    expect((await db().session.findUniqueOrThrow({ where: { id: `offline_${OTHER}` } })).scope).toBe('read_products');
  });

  it('answers 400 with the reason, and records it, when a signed body is not in the documented shape', async () => {
    const response = await call(
      scopesUpdate,
      webhookRequest({ topic: 'app/scopes_update', shop: SHOP, body: { current: 'read_products' }, secret }),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('current');
    expect(await db().auditEntry.count({ where: { shop: SHOP, action: 'webhook.rejected' } })).toBe(1);
  });
});

describe('compliance webhooks, run by the worker', () => {
  let runner: Runner;
  beforeAll(async () => {
    runner = await startWorker({
      connectionString: process.env.DATABASE_URL as string,
      concurrency: 2,
      pollInterval: 200,
    });
  });
  afterAll(async () => {
    await runner.stop();
  });

  it('customers/redact deletes exactly that customer’s records and links, in that shop only', async () => {
    await db().customerInvitation.createMany({
      data: [7001, 7002].map((id) => ({
        shop: SHOP,
        migrationId: 'm',
        customerGid: `gid://shopify/Customer/${id}`,
        sentAt: new Date(),
      })),
    });
    // How each was before a migration wrote into them (kept for an undo): personal data too.
    await db().recordBefore.createMany({
      data: [7001, 7002].map((id) => ({
        shop: SHOP,
        migrationId: 'm',
        entity: 'customers',
        shopifyGid: `gid://shopify/Customer/${id}`,
        before: { input: { email: `before-${id}@example.com` } },
      })),
    });
    const body = {
      shop_id: 1,
      shop_domain: SHOP,
      customer: { id: 7001, email: 'ADA@example.com', phone: null },
      orders_to_redact: [8002],
    };
    expect(
      (await call(customersRedact, webhookRequest({ topic: 'customers/redact', shop: SHOP, body, secret }))).status,
    ).toBe(200);

    await eventually(
      () => db().idMapEntry.count({ where: { shop: SHOP } }),
      (n) => n === 2,
    );
    const left = await db().sourceRecord.findMany({ where: { shop: SHOP }, orderBy: { sourceId: 'asc' } });
    expect(left.map((record) => `${record.entity}:${record.sourceId}`)).toEqual([
      'customer:12',
      'order:503',
      'product:900',
    ]);
    const links = await db().idMapEntry.findMany({ where: { shop: SHOP }, orderBy: { shopifyGid: 'asc' } });
    expect(links.map((link) => link.shopifyGid)).toEqual(['gid://shopify/Customer/7002', 'gid://shopify/Product/9000']);
    expect(await counts(OTHER)).toMatchObject({ sourceRecords: 6, idMap: 4 });
    const audit = await db().auditEntry.findFirstOrThrow({ where: { shop: SHOP, action: 'customer.redacted' } });
    expect(audit.detail).toMatchObject({
      customerId: 7001,
      deleted: { SourceRecord: 3, IdMapEntry: 2, CustomerInvitation: 1, RecordBefore: 1 },
    });
    expect((await db().customerInvitation.findMany({ where: { shop: SHOP } })).map((row) => row.customerGid)).toEqual([
      'gid://shopify/Customer/7002',
    ]);
    expect((await db().recordBefore.findMany({ where: { shop: SHOP } })).map((row) => row.shopifyGid)).toEqual([
      'gid://shopify/Customer/7002',
    ]);
    expect(JSON.stringify(audit.detail)).not.toContain('ada@example.com');
  });

  it('shop/redact deletes every row of the shop from every table, keeps other shops, and leaves one audit entry', async () => {
    expect(
      (
        await call(
          shopRedact,
          webhookRequest({ topic: 'shop/redact', shop: SHOP, body: { shop_id: 1, shop_domain: SHOP }, secret }),
        )
      ).status,
    ).toBe(200);

    await eventually(
      () => db().shop.count({ where: { shop: SHOP } }),
      (n) => n === 0,
    );
    expect(await counts(SHOP)).toEqual({ sessions: 0, shops: 0, migrations: 0, sourceRecords: 0, idMap: 0 });
    expect(await db().webhookReceipt.count({ where: { shop: SHOP } })).toBe(0);
    const audit = await db().auditEntry.findMany({ where: { shop: SHOP } });
    expect(audit.map((entry) => entry.action)).toEqual(['shop.redacted']);
    expect(await counts(OTHER)).toEqual({ sessions: 1, shops: 1, migrations: 1, sourceRecords: 6, idMap: 4 });
  });

  it('customers/data_request gathers what Shipyard holds about the customer into an export', async () => {
    await db().customerInvitation.create({
      data: {
        shop: SHOP,
        migrationId: 'm',
        customerGid: 'gid://shopify/Customer/7002',
        error: 'Customer has already created an account',
      },
    });
    const body = {
      shop_id: 1,
      shop_domain: SHOP,
      customer: { id: 7002, email: 'grace@example.com', phone: '+15550100' },
      orders_requested: [],
      data_request: { id: 9999 },
    };
    expect(
      (await call(customersDataRequest, webhookRequest({ topic: 'customers/data_request', shop: SHOP, body, secret })))
        .status,
    ).toBe(200);

    const exported = await eventually(
      () => db().customerDataExport.findFirst({ where: { shop: SHOP } }),
      (row) => row !== null,
    );
    expect(exported).toMatchObject({ customerId: '7002', dataRequestId: '9999' });
    const data = exported?.data as { sourceRecords: { entity: string; sourceId: string }[]; shopifyLinks: unknown[] };
    expect(data.sourceRecords.map((record) => `${record.entity}:${record.sourceId}`).sort()).toEqual([
      'customer:12',
      'order:503',
    ]);
    expect(data.shopifyLinks).toHaveLength(1);
    expect((exported?.data as { accountInvitations: unknown[] }).accountInvitations).toEqual([
      { sentAt: null, error: 'Customer has already created an account' },
    ]);
  });
});

describe('shop data coverage', () => {
  it('the redaction list names every table that has a shop column', async () => {
    const tables = await db().$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'shop' ORDER BY table_name`;
    expect(tables.map((row) => row.table_name).sort()).toEqual(Object.keys(shopTables).sort());
  });
});
