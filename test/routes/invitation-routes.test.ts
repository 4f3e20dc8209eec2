// The migration page's account invitations, served by the real app in Shopify (embedded) mode:
// refused without a session token, another shop's migration answers 404 and nothing is sent, the
// owning shop sees how many customers would get an email and sending queues a job in the
// migration's write queue; a migration whose merchant left invitations off refuses with the reason.
import { randomBytes } from 'node:crypto';
import { Session } from '@shopify/shopify-api';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredScopes } from '../../app/shopify-app/app-config.server.ts';
import { db } from '../../app/db/db.server.ts';
import { encryptionKey } from '../../app/db/credentials.server.ts';
import { PrismaSessionStorage } from '../../app/shopify-app/sessions.server.ts';
import { type RunningApp, startApp } from '../support/app-process.ts';
import { sessionToken } from './session-token.ts';

const API_KEY = 'shipyard-route-tests';
const SECRET = randomBytes(32).toString('hex');
const OURS = 'ours.myshopify.com';
const THEIRS = 'theirs.myshopify.com';
let app: RunningApp;
let invited: string;
let leftOff: string;

const BROWSER = {
  'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
};
const get = (url: string, init: RequestInit = {}) =>
  fetch(url, { redirect: 'manual', ...init, headers: { ...BROWSER, ...(init.headers as Record<string, string>) } });
const as = (shop: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: {
    ...(init.headers as Record<string, string>),
    Authorization: `Bearer ${sessionToken({ shop, apiKey: API_KEY, secret: SECRET })}`,
  },
});
const invite = () => ({ method: 'POST', body: new URLSearchParams({ intent: 'invite' }) });

async function queuedInvitations(): Promise<string[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ key: string; queue_name: string }>(
      "SELECT j.key, q.queue_name FROM graphile_worker._private_jobs j LEFT JOIN graphile_worker._private_job_queues q ON q.id = j.job_queue_id WHERE j.key LIKE 'migration-invite:%'",
    );
    return rows.map((row) => `${row.key} in ${row.queue_name}`);
  } finally {
    await client.end();
  }
}

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
  const completed = (options: object) =>
    db().migration.create({
      data: {
        shop: OURS,
        sourcePlatform: 'woocommerce',
        sourceUrl: 'https://ours.example.com',
        status: 'completed',
        phase: 'done',
        entities: ['customers'],
        options,
      },
    });
  invited = (await completed({ inviteCustomers: true })).id;
  leftOff = (await completed({ inviteCustomers: false })).id;
  const customer = (sourceId: string, createdBy: string | null) => ({
    shop: OURS,
    platform: 'woocommerce',
    entity: 'customers',
    sourceId,
    shopifyGid: `gid://shopify/Customer/${sourceId}`,
    contentHash: sourceId,
    createdBy,
  });
  // Two customers the migration created, and one the store already had (adopted: never invited).
  await db().idMapEntry.createMany({ data: [customer('1', invited), customer('2', invited), customer('3', null)] });
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

const nothingSent = async () => {
  expect((await db().migration.findUniqueOrThrow({ where: { id: invited } })).invitations).toBeNull();
  expect(await queuedInvitations()).toEqual([]);
};

describe('account invitations on the migration page', () => {
  it('refuses the page and the action without a session token', async () => {
    for (const init of [{}, invite()]) {
      const response = await get(`${app.url}/app/migrations/${invited}`, init);
      expect([302, 401]).toContain(response.status);
      expect(await response.text()).not.toContain('Account invitations');
    }
    await nothingSent();
  });

  it('answers another shop 404, and sends nothing', async () => {
    expect((await get(`${app.url}/app/migrations/${invited}`, as(THEIRS))).status).toBe(404);
    expect((await get(`${app.url}/app/migrations/${invited}`, as(THEIRS, invite()))).status).toBe(404);
    await nothingSent();
  });

  it('offers invitations only when the merchant chose them, and refuses the action otherwise with the reason', async () => {
    const page = await (await get(`${app.url}/app/migrations/${leftOff}`, as(OURS))).text();
    expect(page).not.toContain('Send account invitations');
    const refused = await get(`${app.url}/app/migrations/${leftOff}`, as(OURS, invite()));
    expect(refused.status).toBe(200);
    expect(await refused.text()).toContain('Account invitations were left off in this migration’s options.');
  });

  it('shows the owning shop how many customers would get an email, and queues the sending in the write queue', async () => {
    const page = await (await get(`${app.url}/app/migrations/${invited}`, as(OURS))).text();
    expect(page).toContain('Send account invitations');
    expect(page).toContain('each of the 2 customers Shipyard created');
    const response = await get(`${app.url}/app/migrations/${invited}`, as(OURS, invite()));
    expect(response.status).toBe(200);
    expect((await db().migration.findUniqueOrThrow({ where: { id: invited } })).invitations).toMatchObject({
      status: 'sending',
    });
    expect(await queuedInvitations()).toEqual([`migration-invite:${invited} in migration:${invited}:write`]);
    const again = await get(`${app.url}/app/migrations/${invited}`, as(OURS, invite()));
    expect(await again.text()).toContain('Invitations are already being sent.');
    const sending = await (await get(`${app.url}/app/migrations/${invited}`, as(OURS))).text();
    expect(sending).toContain('Shopify is emailing the invitations');
  });
});
