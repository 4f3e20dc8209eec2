// Offline access tokens that expire (Shopify's default for public apps): the worker renews them
// through the Shopify app library, before they run out and when Shopify refuses one mid-migration,
// and a migration longer than a token's life moves everything.
import { Session } from '@shopify/shopify-api';
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appCredentials } from '../../app/shopify-app/app-config.server.ts';
import { db } from '../../app/db/db.server.ts';
import { PrismaSessionStorage } from '../../app/shopify-app/sessions.server.ts';
import { adminClientFor } from '../../app/shopify-admin/connection.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type Answer, control, startTestDevstore } from '../../devstore/testing.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { migrate, startTestWorker, untilSettled } from './harness.ts';

let woo: WooCommerceTestServer;
let devstore: Devstore;
let runner: Runner;
const storage = new PrismaSessionStorage();

beforeAll(async () => {
  woo = await startWooCommerceServer({
    catalog: { products: 150, variationsPerProduct: 1, imagesPerProduct: 0, categories: 2, awkward: false },
  });
  devstore = await startTestDevstore();
  process.env.DEVSTORE_URL = devstore.url;
  runner = await startTestWorker();
}, 120_000);

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

/** A devstore shop whose app holds expiring tokens, and Shipyard's stored session for it, expiring when `storedExpiry` says. */
async function installWithExpiringTokens(
  domain: string,
  accessTokenSeconds: number,
  storedExpiry: Date,
): Promise<{ installed: Answer }> {
  const app = appCredentials();
  const { status, body: installed } = await control(devstore, 'POST', '/shops', {
    domain,
    plan: 'Plus',
    appSecret: app.apiSecret,
    expiringOfflineTokens: { apiKey: app.apiKey, scope: 'write_products', accessTokenSeconds },
  });
  expect(status).toBe(201);
  await storage.storeSession(
    new Session({
      id: `offline_${domain}`,
      shop: domain,
      state: 'installed',
      isOnline: false,
      accessToken: installed.accessToken,
      expires: storedExpiry,
      refreshToken: installed.refreshToken,
      refreshTokenExpires: new Date(installed.refreshTokenExpiresAt),
    }),
  );
  return { installed };
}

describe('expiring offline access tokens', () => {
  it('renews a token within five minutes of its end before using it, and stores the new pair', async () => {
    const domain = 'expiring-soon.myshopify.com';
    const { installed } = await installWithExpiringTokens(domain, 3600, new Date(Date.now() + 2 * 60_000));

    const client = await adminClientFor(domain);
    const { data } = await client.request<{ shop: { name: string } }>('query ShopName { shop { name } }');

    expect(data.shop.name).toBe('expiring-soon');
    const stored = await storage.loadSession(`offline_${domain}`);
    expect(stored?.accessToken).not.toBe(installed.accessToken);
    expect(stored?.refreshToken).not.toBe(installed.refreshToken);
    expect(stored?.expires?.getTime()).toBeGreaterThan(Date.now() + 55 * 60_000);
  });

  it('moves every product when the token runs out again and again during the migration', async () => {
    const domain = 'expiring-often.myshopify.com';
    // Shopify's token lives one second here while Shipyard's record says an hour (a clock that is
    // off, a token rotated elsewhere): every request after the first second is refused until renewed.
    const { installed } = await installWithExpiringTokens(domain, 1, new Date(Date.now() + 3600_000));
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the token's second passes

    const migrationId = await migrate(
      woo,
      { domain, accessToken: installed.accessToken, appSecret: '' },
      { entities: ['collections', 'products'] },
    );
    const migration = await untilSettled(migrationId, 180_000);

    expect(migration.error).toBeNull();
    expect(migration.status).toBe('completed');
    const counts = await db().sourceRecord.groupBy({
      by: ['status'],
      where: { migrationId, entity: 'products' },
      _count: true,
    });
    expect(counts).toEqual([{ status: 'written', _count: 150 }]);
    const stored = await storage.loadSession(`offline_${domain}`);
    expect(stored?.accessToken).not.toBe(installed.accessToken);
  });

  it('stops with what to do when Shopify will not renew the token', async () => {
    const domain = 'expiring-revoked.myshopify.com';
    await installWithExpiringTokens(domain, 3600, new Date(Date.now() + 3600_000));
    await control(devstore, 'POST', `/shops/${domain}/access-token/expire`);
    // The app was uninstalled: its refresh token went with it.
    const session = await storage.loadSession(`offline_${domain}`);
    if (!session) throw new Error('the session was not stored');
    session.refreshToken = 'shprt_revoked';
    await storage.storeSession(session);

    const client = await adminClientFor(domain);
    await expect(client.request('query ShopName { shop { name } }')).rejects.toThrow(
      /Shopify would not renew the app's access to expiring-revoked\.myshopify\.com .*open Shipyard from the store's admin/,
    );
  });
});
