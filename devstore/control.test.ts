import http from 'node:http';
import type { AddressInfo } from 'node:net';
import '@shopify/shopify-api/adapters/node';
import { type ApiVersion, shopifyApi } from '@shopify/shopify-api';
import { ADMIN_API_VERSION } from '../admin-api/version.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from './server.ts';
import { admin, control, createShop, startTestDevstore, type TestShop } from './testing.ts';

let devstore: Devstore;
let shop: TestShop;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
});
afterAll(() => devstore.stop());

describe('control API', () => {
  it('resets a shop to an empty store', async () => {
    await admin(devstore, shop, 'mutation { productSet(input: { title: "Before reset" }) { product { id } } }');
    const reset = await control(devstore, 'POST', '/shops', {
      domain: shop.domain,
      accessToken: shop.accessToken,
      appSecret: shop.appSecret,
    });
    expect(reset.status).toBe(201);
    const { body } = await admin(devstore, shop, '{ products(first: 5) { nodes { id } } }');
    expect(body.data.products.nodes).toEqual([]);
  });

  it('sets the plan and dev-store flag, and the bucket follows the plan', async () => {
    const changed = await control(devstore, 'PATCH', `/shops/${shop.domain}`, { plan: 'Plus', devStore: false });
    expect(changed.body).toMatchObject({
      plan: 'Plus',
      devStore: false,
      throttleStatus: { restoreRate: 1000, maximumAvailable: 20000 },
    });
    const { body } = await admin(devstore, shop, '{ shop { plan { shopifyPlus partnerDevelopment } } }');
    expect(body.data.shop.plan).toEqual({ shopifyPlus: true, partnerDevelopment: false });
  });

  it('makes a shop a trial store in another currency', async () => {
    const other = await createShop(devstore, { currencyCode: 'EUR' });
    const changed = await control(devstore, 'PATCH', `/shops/${other.domain}`, { devStore: false, trial: true });
    expect(changed.body).toMatchObject({ devStore: false, trial: true, currencyCode: 'EUR' });
    const { body } = await admin(devstore, other, '{ shop { currencyCode plan { publicDisplayName } } }');
    expect(body.data.shop).toEqual({ currencyCode: 'EUR', plan: { publicDisplayName: 'Trial' } });
    expect((await control(devstore, 'PATCH', `/shops/${other.domain}`, { currencyCode: 'euro' })).status).toBe(400);
  });

  it('refuses a shop domain that is not a myshopify.com name', async () => {
    const { status, body } = await control(devstore, 'POST', '/shops', { domain: 'example.com' });
    expect(status).toBe(400);
    expect(body.error).toMatch(/myshopify\.com/);
  });

  it('uninstalling the app revokes the token: the next call gets 401', async () => {
    const other = await createShop(devstore);
    await control(devstore, 'POST', `/shops/${other.domain}/uninstall`);
    expect((await admin(devstore, other, '{ shop { name } }')).status).toBe(401);
  });
});

describe('network: latency and faults', () => {
  it('delays answers by the configured latency', async () => {
    const slow = await createShop(devstore);
    await control(devstore, 'PUT', `/shops/${slow.domain}/network`, { latency: { baseMs: 150, jitterMs: 0 } });
    const started = performance.now();
    await admin(devstore, slow, '{ shop { name } }');
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  it('answers 5xx, 429 or drops the connection for the chosen operation only', async () => {
    const faulty = await createShop(devstore);
    await control(devstore, 'PUT', `/shops/${faulty.domain}/network`, {
      faults: [
        { kind: 'server_error', share: 1, operationName: 'Broken', status: 502 },
        { kind: 'rate_limited', share: 1, operationName: 'Limited' },
        { kind: 'dropped', share: 1, operationName: 'Dropped' },
      ],
    });
    expect((await admin(devstore, faulty, 'query Broken { shop { name } }')).status).toBe(502);
    const limited = await fetch(`${devstore.url}/admin/api/${ADMIN_API_VERSION}/graphql.json`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Devstore-Shop': faulty.domain,
        'X-Shopify-Access-Token': faulty.accessToken,
      },
      body: JSON.stringify({ query: 'query Limited { shop { name } }' }),
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1.0');
    await expect(admin(devstore, faulty, 'query Dropped { shop { name } }')).rejects.toThrow();
    expect((await admin(devstore, faulty, 'query Fine { shop { name } }')).status).toBe(200);
    expect((await control(devstore, 'GET', `/shops/${faulty.domain}/counters`)).body).toMatchObject({
      requests: 4,
      faultsInjected: 3,
    });
    // Per operation: only the answered request, with the points it spent; faults never reached the API.
    const operations = (await control(devstore, 'GET', `/shops/${faulty.domain}/counters/operations`)).body;
    expect(Object.keys(operations)).toEqual(['Fine']);
    expect(operations.Fine.requests).toBe(1);
    expect(operations.Fine.points).toBeGreaterThan(0);
  });
});

describe('webhooks', () => {
  it('signs webhooks so that @shopify/shopify-api verifies them', async () => {
    const received: { valid: boolean; topic?: string; domain?: string; path: string }[] = [];
    const api = shopifyApi({
      apiKey: 'key',
      apiSecretKey: 'placeholder',
      apiVersion: ADMIN_API_VERSION as ApiVersion,
      isEmbeddedApp: true,
      hostName: 'localhost',
      logger: { level: 0 },
    });
    const app = http.createServer((request, response) => {
      let rawBody = '';
      request.on('data', (chunk: Buffer) => (rawBody += chunk.toString()));
      request.on('end', () => {
        void api.webhooks.validate({ rawBody, rawRequest: request, rawResponse: response }).then((result) => {
          received.push({
            valid: result.valid,
            path: request.url ?? '',
            ...(result.valid ? { topic: result.topic, domain: result.domain } : {}),
          });
          response.writeHead(200).end();
        });
      });
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', () => resolve()));
    const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    try {
      const subscriber = await createShop(devstore, { appUrl, webhookTopics: ['products/create', 'app/uninstalled'] });
      api.config.apiSecretKey = subscriber.appSecret;
      await admin(devstore, subscriber, 'mutation { productSet(input: { title: "Announced" }) { product { id } } }');
      await control(devstore, 'POST', `/shops/${subscriber.domain}/uninstall`);
      const deliveries = await control(devstore, 'GET', `/shops/${subscriber.domain}/webhooks`);
      expect(
        deliveries.body.map((delivery: { topic: string; status: number }) => [delivery.topic, delivery.status]),
      ).toEqual([
        ['products/create', 200],
        ['app/uninstalled', 200],
      ]);
      expect(received).toEqual([
        { valid: true, topic: 'PRODUCTS_CREATE', domain: subscriber.domain, path: '/webhooks/products/create' },
        { valid: true, topic: 'APP_UNINSTALLED', domain: subscriber.domain, path: '/webhooks/app/uninstalled' },
      ]);
    } finally {
      await new Promise<void>((resolve) => app.close(() => resolve()));
    }
  });
});
