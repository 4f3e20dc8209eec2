// Connecting to a WooCommerce store: what the merchant sees for each way it can go wrong, and the
// store description (version, currency, counts from X-WP-Total) when it goes right.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWooCommerceServer, type WooCommerceTestServer } from './fake/server.ts';
import { offeredPlatform } from '../registry.ts';
import { createConnector } from '../registry.server.ts';
import type { ConnectionCheck } from '../source-connector.ts';

let store: WooCommerceTestServer;
const connect = (overrides: { url?: string; consumerSecret?: string } = {}) =>
  createConnector(
    'woocommerce',
    {
      url: overrides.url ?? store.url,
      consumerKey: store.consumerKey,
      consumerSecret: overrides.consumerSecret ?? store.consumerSecret,
    },
    { retryDelaysMs: [0, 0] },
  );
const failure = (check: ConnectionCheck) => (check.ok ? { problem: 'none', message: '' } : check);

beforeAll(async () => {
  store = await startWooCommerceServer({
    catalog: { products: 250, customers: 12, orders: 20, coupons: 6, reviews: 15 },
  });
});
afterAll(() => store.close());

describe('a WooCommerce store that answers', () => {
  it('is available in the registry and describes the store with counts from X-WP-Total (published pages and posts from WordPress)', async () => {
    expect(offeredPlatform('woocommerce')?.availability).toBe('available');
    const check = await connect().testConnection();
    expect(check).toEqual({
      ok: true,
      description: {
        platform: 'woocommerce',
        version: '9.4.1',
        url: store.url,
        name: 'Atelier Nord',
        currency: 'EUR',
        counts: {
          products: 250,
          collections: 12,
          customers: 12,
          orders: 20,
          discounts: 6,
          reviews: 15,
          pages: 8,
          blogPosts: 12,
        },
      },
    });
    // Counting asks for one record per entity, not whole pages.
    const counting = store.requests.filter((request) => request.query.get('per_page') === '1');
    expect(counting.map((request) => request.path).sort()).toEqual([
      '/wp-json/wc/v3/coupons',
      '/wp-json/wc/v3/customers',
      '/wp-json/wc/v3/orders',
      '/wp-json/wc/v3/products',
      '/wp-json/wc/v3/products/categories',
      '/wp-json/wc/v3/products/reviews',
      '/wp-json/wp/v2/pages',
      '/wp-json/wp/v2/posts',
    ]);
  });

  it('signs with OAuth 1.0a over plain http, so the keys never travel in clear', async () => {
    store.requests.length = 0;
    await connect().describe();
    const wooCommerce = store.requests.filter((request) => request.path.startsWith('/wp-json/wc/v3/'));
    expect(wooCommerce.length).toBeGreaterThan(0);
    for (const request of wooCommerce) {
      expect(request.query.get('oauth_signature_method')).toBe('HMAC-SHA256');
      expect(request.query.get('consumer_secret')).toBeNull();
    }
  });
});

describe('what the merchant is told when the connection fails', () => {
  it('a wrong consumer secret: wrong-credentials, quoting WooCommerce', async () => {
    const check = failure(
      await connect({ consumerSecret: 'cs_0000000000000000000000000000000000000000' }).testConnection(),
    );
    expect(check.problem).toBe('wrong-credentials');
    expect(check.message).toContain('Invalid signature - provided signature does not match.');
    expect(check.message).toContain('WooCommerce → Settings → Advanced → REST API');
  });

  it('a key whose user may not manage the shop: forbidden', async () => {
    const limited = await startWooCommerceServer({
      catalog: { products: 1 },
      keys: [
        {
          consumerKey: store.consumerKey,
          consumerSecret: store.consumerSecret,
          permissions: 'read',
          userCanManage: false,
        },
      ],
    });
    try {
      const check = failure(await connect({ url: limited.url }).testConnection());
      expect(check.problem).toBe('forbidden');
      expect(check.message).toContain('Sorry, you cannot list resources.');
    } finally {
      await limited.close();
    }
  });

  it('a write-only key: forbidden, asking for Read access', async () => {
    const writeOnly = await startWooCommerceServer({
      catalog: { products: 1 },
      keys: [
        {
          consumerKey: store.consumerKey,
          consumerSecret: store.consumerSecret,
          permissions: 'write',
          userCanManage: true,
        },
      ],
    });
    try {
      const check = failure(await connect({ url: writeOnly.url }).testConnection());
      expect(check).toMatchObject({ problem: 'forbidden' });
      expect(check.message).toContain('give it Read access');
    } finally {
      await writeOnly.close();
    }
  });

  const cases = [
    {
      fault: { kind: 'rest-disabled' },
      problem: 'api-disabled',
      says: 'No route was found matching the URL and request method.',
    },
    {
      fault: { kind: 'rest-login-required' },
      problem: 'api-disabled',
      says: 'lets only logged-in users use the REST API',
    },
    { fault: { kind: 'not-wordpress' }, problem: 'not-the-platform', says: '“Page not found – Bakery Blog”' },
    {
      fault: { kind: 'security-plugin-page', status: 200 },
      problem: 'not-the-platform',
      says: 'security plugin or firewall',
    },
    {
      fault: { kind: 'security-plugin-page', status: 403 },
      problem: 'not-the-platform',
      says: '“Your access to this site has been limited”',
    },
    { fault: { kind: 'security-plugin-page', status: 500 }, problem: 'server-error', says: 'HTTP 500' },
    {
      fault: { kind: 'server-error', status: 500 },
      problem: 'server-error',
      says: 'There has been a critical error on this website.',
    },
    { fault: { kind: 'server-error', status: 503 }, problem: 'server-error', says: 'HTTP 503' },
    { fault: { kind: 'drop-connection' }, problem: 'unreachable', says: 'the connection was cut off' },
  ] as const;
  for (const { fault, problem, says } of cases) {
    it(`${JSON.stringify(fault)}: ${problem}`, async () => {
      store.setFault(fault);
      try {
        const check = failure(await connect().testConnection());
        expect(check.problem).toBe(problem);
        expect(check.message).toContain(says);
      } finally {
        store.setFault(null);
      }
    });
  }

  it('nothing listening at the address: unreachable', async () => {
    const closed = await startWooCommerceServer({ catalog: { products: 1 } });
    await closed.close();
    const check = failure(await connect({ url: closed.url }).testConnection());
    expect(check).toMatchObject({ problem: 'unreachable', message: expect.stringContaining('refused the connection') });
  });

  it('a store that answers too slowly: unreachable, after the timeout', async () => {
    store.setFault({ kind: 'slow', delayMs: 1_000 });
    try {
      const slow = createConnector(
        'woocommerce',
        { url: store.url, consumerKey: store.consumerKey, consumerSecret: store.consumerSecret },
        { timeoutMs: 200 },
      );
      expect(failure(await slow.testConnection())).toMatchObject({
        problem: 'unreachable',
        message: expect.stringContaining('did not answer in time'),
      });
    } finally {
      store.setFault(null);
    }
  });

  it('credentials that are not a WooCommerce key are refused before any request', () => {
    expect(() =>
      createConnector('woocommerce', { url: 'shop.example.com', consumerKey: 'abc', consumerSecret: 'def' }),
    ).toThrow(/starting with https:\/\/[\s\S]*ck_/);
  });
});
