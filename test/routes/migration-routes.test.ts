// Every admin loader and action of the migration UI, served by the real app in Shopify (embedded)
// mode: a request without a valid session token is refused, and one shop can never read or change
// another shop's migration — answered exactly like a migration that does not exist.
import { randomBytes } from 'node:crypto';
import { Session } from '@shopify/shopify-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredScopes } from '../../app/shopify-app/app-config.server.ts';
import { db } from '../../app/db/db.server.ts';
import { dryRunStep } from '../../app/pipeline/steps/dry-run.server.ts';
import { Product } from '../../connectors/model.ts';
import { undoPreview } from '../../app/migrations/actions.server.ts';
import pg from 'pg';
import { encryptionKey } from '../../app/db/credentials.server.ts';
import { PrismaSessionStorage } from '../../app/shopify-app/sessions.server.ts';
import { type RunningApp, startApp } from '../support/app-process.ts';
import { sessionToken } from './session-token.ts';

const API_KEY = 'shipyard-route-tests';
const SECRET = randomBytes(32).toString('hex');
const OURS = 'ours.myshopify.com';
const THEIRS = 'theirs.myshopify.com';
let app: RunningApp;
let ready: string;
let draft: string;
let writing: string;
let done: string;

// Shopify's library answers 410 to anything that looks like a bot, and Node's fetch does.
const BROWSER = {
  'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
};
const get = (url: string, init: RequestInit = {}) =>
  fetch(url, { redirect: 'manual', ...init, headers: { ...BROWSER, ...(init.headers as Record<string, string>) } });
const token = (shop: string, secret = SECRET) => sessionToken({ shop, apiKey: API_KEY, secret });
const as = (shop: string, init: RequestInit = {}, secret = SECRET): RequestInit => ({
  ...init,
  redirect: 'manual',
  headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${token(shop, secret)}` },
});
const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
  return { method: 'POST', body };
};

// Every page and resource the migration UI serves, for one migration and one draft of ours.
const loaders = () => [
  '/app',
  '/app/migrations/new',
  '/app/migrations/new/woocommerce',
  `/app/migrations/${ready}`,
  `/app/migrations/${ready}/events`,
  `/app/migrations/${ready}/report.csv`,
  `/app/migrations/${draft}/setup`,
  `/app/migrations/${writing}`,
  `/app/migrations/${done}`,
];
const actions = (): { path: string; fields: Record<string, string | string[]> }[] => [
  {
    path: '/app/migrations/new/woocommerce',
    fields: { url: 'https://shop.example.com', consumerKey: 'ck_x', consumerSecret: 'cs_x' },
  },
  { path: `/app/migrations/${draft}/setup`, fields: { entities: ['products'], redirects: 'on', intent: 'start' } },
  { path: `/app/migrations/${ready}`, fields: { intent: 'cancel' } },
  { path: `/app/migrations/${ready}`, fields: { intent: 'dryRun' } },
  { path: `/app/migrations/${done}`, fields: { intent: 'resync' } },
  { path: `/app/migrations/${done}`, fields: { intent: 'undo' } },
];

beforeAll(async () => {
  const storage = new PrismaSessionStorage();
  for (const shop of [OURS, THEIRS]) {
    await storage.storeSession(
      new Session({
        id: `offline_${shop}`,
        shop,
        state: 'installed',
        isOnline: false,
        accessToken: `shpat_${shop}`,
        scope: declaredScopes().join(','),
      }),
    );
  }
  ready = (
    await db().migration.create({
      data: {
        shop: OURS,
        sourcePlatform: 'woocommerce',
        sourceUrl: 'https://ours.example.com',
        status: 'ready',
        phase: 'ready',
        entities: ['products'],
      },
    })
  ).id;
  draft = (
    await db().migration.create({
      data: {
        shop: OURS,
        sourcePlatform: 'woocommerce',
        sourceUrl: 'https://ours-draft.example.com',
        entities: ['products'],
      },
    })
  ).id;
  writing = (
    await db().migration.create({
      data: {
        shop: OURS,
        sourcePlatform: 'woocommerce',
        sourceUrl: 'https://ours-writing.example.com',
        status: 'running',
        phase: 'loading',
        entities: ['products'],
      },
    })
  ).id;
  done = (
    await db().migration.create({
      data: {
        shop: OURS,
        sourcePlatform: 'woocommerce',
        sourceUrl: 'https://ours-done.example.com',
        status: 'completed',
        phase: 'done',
        entities: ['products'],
        startedAt: new Date(Date.now() - 3_600_000),
      },
    })
  ).id;
  await db().idMapEntry.createMany({
    data: [
      {
        shop: OURS,
        platform: 'woocommerce',
        entity: 'products',
        sourceId: '1',
        shopifyGid: 'gid://shopify/Product/1',
        contentHash: 'a',
        createdBy: done,
      },
      {
        shop: OURS,
        platform: 'woocommerce',
        entity: 'products',
        sourceId: '2',
        shopifyGid: 'gid://shopify/Product/2',
        contentHash: 'b',
        createdBy: done,
      },
      {
        shop: OURS,
        platform: 'woocommerce',
        entity: 'variants',
        sourceId: '1-1',
        shopifyGid: 'gid://shopify/ProductVariant/1',
        contentHash: '',
        createdBy: done,
      },
      // A customer the store already had: the migration wrote into it, so an undo leaves it.
      {
        shop: OURS,
        platform: 'woocommerce',
        entity: 'customers',
        sourceId: '9',
        shopifyGid: 'gid://shopify/Customer/9',
        contentHash: 'c',
        createdBy: null,
      },
    ],
  });
  // Written so far, one sample a batch: 100 in the first minute, 300 in the second.
  const start = Date.now() - 3 * 60_000;
  await db().migrationSample.createMany({
    data: [0, 100, 250, 400].map((written, minute) => ({
      shop: OURS,
      migrationId: writing,
      at: new Date(start + minute * 60_000),
      written,
    })),
  });
  await db().sourceRecord.create({
    data: {
      shop: OURS,
      migrationId: ready,
      entity: 'products',
      sourceId: '7',
      data: {
        ...Product.parse({
          sourceId: '7',
          sourceType: 'simple',
          title: 'Mug',
          handle: 'mug',
          status: 'active',
          options: [],
          variants: [{ sourceId: '7', sku: 'MUG', price: '12', optionValues: [], inventoryQuantity: 1 }],
        }),
        tags: Array.from({ length: 251 }, (_, index) => `t${index}`),
      },
    },
  });
  app = await startApp({
    SHOPIFY_API_KEY: API_KEY,
    SHOPIFY_API_SECRET: SECRET,
    SHOPIFY_APP_URL: 'https://shipyard.example.com',
    // The key this test stored the sessions under: the app and its tests are one deployment.
    SHIPYARD_ENCRYPTION_KEY: encryptionKey().toString('base64'),
    RUN_WORKER: 'false',
  });
}, 120_000);

afterAll(async () => {
  expect(await app.stop()).toBe(0);
});

async function unchanged() {
  const migration = await db().migration.findUniqueOrThrow({ where: { id: ready } });
  expect(migration.status).toBe('ready');
  const saved = await db().migration.findUniqueOrThrow({ where: { id: draft } });
  expect(saved.status).toBe('draft');
  expect(await db().migration.count()).toBe(4);
  expect(await db().dryRun.count({ where: { migrationId: ready } })).toBe(0);
  expect((await db().migration.findUniqueOrThrow({ where: { id: done } })).status).toBe('completed');
}

describe('admin routes in Shopify mode', () => {
  it('refuses every loader and action without a session token (no page, no data)', async () => {
    for (const path of loaders()) {
      const response = await get(`${app.url}${path}`, { redirect: 'manual' });
      expect([302, 401], path).toContain(response.status);
      expect(await response.text(), path).not.toContain('ours.example.com');
    }
    for (const { path, fields } of actions()) {
      const response = await get(`${app.url}${path}`, { ...form(fields), redirect: 'manual' });
      expect([302, 401], path).toContain(response.status);
    }
    await unchanged();
  });

  it('refuses a token signed with another secret, and an expired one, with 401', async () => {
    const expired = sessionToken({ shop: OURS, apiKey: API_KEY, secret: SECRET, expiresIn: -120 });
    for (const path of loaders()) {
      expect((await get(`${app.url}${path}`, as(OURS, {}, 'not-the-secret'))).status, path).toBe(401);
      expect(
        (await get(`${app.url}${path}`, { headers: { Authorization: `Bearer ${expired}` }, redirect: 'manual' }))
          .status,
        path,
      ).toBe(401);
    }
    for (const { path, fields } of actions()) {
      expect((await get(`${app.url}${path}`, as(OURS, form(fields), 'not-the-secret'))).status, path).toBe(401);
    }
    await unchanged();
  });

  it('serves the owning shop', async () => {
    const page = await get(`${app.url}/app/migrations/${ready}`, as(OURS));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Your store has been read and checked');
    const dashboard = await (await get(`${app.url}/app`, as(OURS))).text();
    expect(dashboard).toContain('https://ours.example.com');
    const csv = await get(`${app.url}/app/migrations/${ready}/report.csv`, as(OURS));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('What,Source id,Name,Status,Reason');

    const controller = new AbortController();
    const events = await get(`${app.url}/app/migrations/${ready}/events`, { ...as(OURS), signal: controller.signal });
    expect(events.status).toBe(200);
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    const reader = events.body?.getReader();
    const first = new TextDecoder().decode((await reader?.read())?.value);
    expect(first).toContain(`"migrationId":"${ready}"`);
    controller.abort();
  });

  it('saves the setup options on the owning shop’s draft', async () => {
    const response = await get(
      `${app.url}/app/migrations/${draft}/setup`,
      as(
        OURS,
        form({
          entities: ['products'],
          keepOrderNumbers: 'on',
          existingRecords: 'skip',
          broaderCoupons: 'on',
          'financial:completed': 'PAID',
          'fulfillment:completed': 'UNFULFILLED',
        }),
      ),
    );
    expect(response.status).toBe(200);
    const saved = await db().migration.findUniqueOrThrow({ where: { id: draft } });
    expect(saved.options).toMatchObject({
      keepOrderNumbers: true,
      existingRecords: 'skip',
      inviteCustomers: false,
      broaderCoupons: true,
      orderStatusMap: { completed: { financialStatus: 'PAID', fulfillmentStatus: null } },
    });
    const wrong = await get(
      `${app.url}/app/migrations/${draft}/setup`,
      as(
        OURS,
        form({ entities: ['products'], 'financial:completed': 'SHIPPED', 'fulfillment:completed': 'FULFILLED' }),
      ),
    );
    expect(await wrong.text()).toContain('Choose a payment status');
    expect((await db().migration.findUniqueOrThrow({ where: { id: draft } })).options).toEqual(saved.options);
  });

  it('shows the owning shop its written-per-minute chart, from the samples, with the summary in words', async () => {
    const body = (await (await get(`${app.url}/app/migrations/${writing}`, as(OURS))).text()).replaceAll(
      '<!-- -->',
      '',
    );
    expect(body).toContain('Records written per minute');
    expect(body).toMatch(
      /<svg[^>]*role="img"[^>]*aria-labelledby="throughput-heading"[^>]*aria-describedby="throughput-summary"/,
    );
    expect(body).toContain('peak 150 a minute');
  });

  it('runs a dry run for the owning shop and shows what Shopify would refuse', async () => {
    const started = await get(`${app.url}/app/migrations/${ready}`, as(OURS, form({ intent: 'dryRun' })));
    expect(started.status).toBe(200);
    expect(await db().dryRun.findUniqueOrThrow({ where: { migrationId: ready } })).toMatchObject({
      status: 'running',
      shop: OURS,
    });
    // No worker in this app: the test runs the queued step itself.
    expect(await dryRunStep(ready, null)).toBe('done');
    // React puts a comment between the parts of a text it renders from several values.
    const body = (await (await get(`${app.url}/app/migrations/${ready}`, as(OURS))).text()).replaceAll('<!-- -->', '');
    expect(body).toContain('0 records pass');
    expect(body).toContain('1 would be refused');
    expect(body).toContain('input.tags has 251 items; Shopify takes at most 250.');
    await db().dryRunRefusal.deleteMany({ where: { migrationId: ready } });
    await db().dryRun.deleteMany({ where: { migrationId: ready } });
  });

  it('checks forms on the server with the same schema the browser uses', async () => {
    const response = await get(
      `${app.url}/app/migrations/new/woocommerce`,
      as(OURS, form({ url: 'not an address', consumerKey: 'ck_x', consumerSecret: '' })),
    );
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain('A consumer key starts with ck_ followed by 40 letters and digits');
    expect(await db().migration.count()).toBe(4);
  });

  it('never lets another shop read our migrations: every page and resource answers 404', async () => {
    for (const path of loaders().filter((path) => path.includes(ready) || path.includes(draft))) {
      const response = await get(`${app.url}${path}`, as(THEIRS));
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain('ours.example.com');
    }
    const theirDashboard = await (await get(`${app.url}/app`, as(THEIRS))).text();
    expect(theirDashboard).not.toContain('ours.example.com');
    expect(theirDashboard).toContain('Move your store to Shopify');
  });

  it('never lets another shop change our migrations: every action answers 404 and nothing moves', async () => {
    for (const { path, fields } of actions().filter(({ path }) => path.includes(ready) || path.includes(draft))) {
      expect((await get(`${app.url}${path}`, as(THEIRS, form(fields)))).status, path).toBe(404);
    }
    for (const intent of ['approve', 'pause', 'resume', 'cancel', 'dryRun', 'resync', 'undo']) {
      expect((await get(`${app.url}/app/migrations/${ready}`, as(THEIRS, form({ intent })))).status, intent).toBe(404);
    }
    await unchanged();
    expect((await db().migration.findUniqueOrThrow({ where: { id: draft } })).entities).toEqual(['products']);
  });

  it('answers a missing migration the same way as another shop’s', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await get(`${app.url}/app/migrations/${missing}`, as(OURS))).status).toBe(404);
    expect((await get(`${app.url}/app/migrations/${missing}`, as(OURS, form({ intent: 'cancel' })))).status).toBe(404);
  });

  it('offers the owning shop re-sync and undo on a completed migration, and counts exactly what an undo deletes', async () => {
    const body = await (await get(`${app.url}/app/migrations/${done}`, as(OURS))).text();
    expect(body).toContain('Re-sync recent changes');
    expect(body).toContain('Undo this migration');
    expect(await undoPreview(OURS, done)).toEqual({
      created: [{ entity: 'products', count: 2 }],
      putBack: 0,
      resyncs: 0,
    });
    expect(await undoPreview(THEIRS, done)).toEqual({ created: [], putBack: 0, resyncs: 0 });
  });

  it('re-syncs the owning shop’s migration as a new linked migration and opens its page', async () => {
    const response = await get(`${app.url}/app/migrations/${done}`, as(OURS, form({ intent: 'resync' })));
    expect(response.status).toBe(302);
    const resync = await db().migration.findFirstOrThrow({ where: { resyncOf: done } });
    expect(response.headers.get('location')).toBe(`/app/migrations/${resync.id}?started=1`);
    expect(resync).toMatchObject({ shop: OURS, status: 'running', phase: 'extracting' });
    // While the re-sync runs the undo is refused, in words for the merchant, beside the button.
    const refused = await get(`${app.url}/app/migrations/${done}`, as(OURS, form({ intent: 'undo' })));
    expect(refused.status).toBe(200);
    expect(await refused.text()).toContain('A re-sync of this migration is under way; cancel it before undoing.');
    await db().migration.update({ where: { id: resync.id }, data: { status: 'cancelled' } });
  });

  it('undoes the owning shop’s migration: only what it created, in a job', async () => {
    const response = await get(`${app.url}/app/migrations/${done}`, as(OURS, form({ intent: 'undo' })));
    expect(response.status).toBe(200);
    expect((await db().migration.findUniqueOrThrow({ where: { id: done } })).status).toBe('undoing');
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query<{ key: string }>(
      "SELECT key FROM graphile_worker._private_jobs WHERE key LIKE 'migration-undo:%'",
    );
    await client.end();
    expect(rows.map((row) => row.key)).toEqual([`migration-undo:${done}`]);
  });
});
