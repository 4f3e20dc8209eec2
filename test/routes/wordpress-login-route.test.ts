// The connection form's optional WordPress section, through the real app: a malformed application
// password is named beside its field by the shared schema, one WordPress refuses gets WordPress's
// words beside the password field and saves nothing, and an accepted one is stored encrypted with
// the store's keys.
import { randomBytes } from 'node:crypto';
import { Session } from '@shopify/shopify-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredScopes } from '../../app/shopify-app/app-config.server.ts';
import { decryptCredentials, encryptionKey } from '../../app/db/credentials.server.ts';
import { db } from '../../app/db/db.server.ts';
import { PrismaSessionStorage } from '../../app/shopify-app/sessions.server.ts';
import { type RunningApp, startApp } from '../support/app-process.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { WP_USERS } from '../../connectors/woocommerce/fake/wordpress-users.ts';
import { sessionToken } from './session-token.ts';

const API_KEY = 'shipyard-wordpress-route-tests';
const SECRET = randomBytes(32).toString('hex');
const SHOP = 'ours.myshopify.com';
const ADMIN = WP_USERS[0] as (typeof WP_USERS)[0];
let app: RunningApp;
let woo: WooCommerceTestServer;

const BROWSER = {
  'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
};
function submit(fields: Record<string, string>) {
  return fetch(`${app.url}/app/migrations/new/woocommerce`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    redirect: 'manual',
    headers: { ...BROWSER, Authorization: `Bearer ${sessionToken({ shop: SHOP, apiKey: API_KEY, secret: SECRET })}` },
  });
}
const store = () => ({ url: woo.url, consumerKey: woo.consumerKey, consumerSecret: woo.consumerSecret });
/** The rendered input with this name, and whether Polaris marked it invalid. */
const invalid = (html: string, name: string) =>
  new RegExp(
    `<input[^>]*name="${name}"[^>]*aria-invalid="true"|<input[^>]*aria-invalid="true"[^>]*name="${name}"`,
  ).test(html);

beforeAll(async () => {
  await new PrismaSessionStorage().storeSession(
    new Session({
      id: `offline_${SHOP}`,
      shop: SHOP,
      state: 'installed',
      isOnline: false,
      accessToken: 'shpat_ours',
      scope: declaredScopes().join(','),
    }),
  );
  woo = await startWooCommerceServer({ catalog: { products: 2, pages: 3, posts: 3 }, wordpressEnvironment: 'local' });
  app = await startApp({
    SHOPIFY_API_KEY: API_KEY,
    SHOPIFY_API_SECRET: SECRET,
    SHOPIFY_APP_URL: 'https://shipyard.example.com',
    SHIPYARD_ENCRYPTION_KEY: encryptionKey().toString('base64'),
    RUN_WORKER: 'false',
  });
}, 120_000);

afterAll(async () => {
  expect(await app.stop()).toBe(0);
  await woo.close();
});

describe('the connection form’s WordPress application password', () => {
  it('shows the optional section with where to create a password and why', async () => {
    const page = await fetch(`${app.url}/app/migrations/new/woocommerce`, {
      headers: { ...BROWSER, Authorization: `Bearer ${sessionToken({ shop: SHOP, apiKey: API_KEY, secret: SECRET })}` },
    });
    const html = await page.text();
    expect(html).toContain('WordPress pages and posts (optional)');
    expect(html).toContain('Users → Profile → Application Passwords');
    expect(html).toContain('drafts, private pages and scheduled posts');
  });

  it('names a malformed password, or a password without a user, beside the field: the same schema as the browser', async () => {
    const malformed = await (
      await submit({ ...store(), wordpressUser: ADMIN.login, wordpressApplicationPassword: 'hunter2' })
    ).text();
    expect(malformed).toContain('An application password is 24 letters and digits');
    expect(invalid(malformed, 'wordpressApplicationPassword')).toBe(true);
    const alone = await (
      await submit({ ...store(), wordpressUser: '', wordpressApplicationPassword: ADMIN.applicationPassword })
    ).text();
    expect(alone).toContain('Enter the WordPress username');
    expect(invalid(alone, 'wordpressUser')).toBe(true);
    expect(await db().migration.count()).toBe(0);
  });

  it('a password WordPress refuses: its words beside the password field, nothing saved, the password not echoed', async () => {
    const wrong = 'Wr0n Gpa5 5w0r DxxY yyZz z111';
    const response = await submit({ ...store(), wordpressUser: ADMIN.login, wordpressApplicationPassword: wrong });
    expect(response.status).toBe(200);
    const html = (await response.text()).replaceAll('<!-- -->', '');
    expect(html).toContain('The provided password is an invalid application password.');
    expect(invalid(html, 'wordpressApplicationPassword')).toBe(true);
    expect(invalid(html, 'consumerKey')).toBe(false);
    expect(html).not.toContain(wrong);
    expect(await db().migration.count()).toBe(0);
  });

  it('an accepted password makes the draft, stored encrypted with the keys', async () => {
    const response = await submit({
      ...store(),
      wordpressUser: ADMIN.login,
      wordpressApplicationPassword: ADMIN.applicationPassword,
    });
    expect(response.status).toBe(302);
    const migration = await db().migration.findFirstOrThrow({ where: { shop: SHOP } });
    expect(migration.sourceCredentials).not.toContain(ADMIN.applicationPassword.replace(/ /g, ''));
    expect(decryptCredentials(SHOP, migration.sourceCredentials ?? '', encryptionKey())).toMatchObject({
      wordpressUser: ADMIN.login,
      wordpressApplicationPassword: ADMIN.applicationPassword.replace(/ /g, ''),
    });
  });
});
