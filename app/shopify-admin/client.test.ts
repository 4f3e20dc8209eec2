// The app's Admin client against devstore (Shopify's schema, costs, bucket and faults) over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../../devstore/server.ts';
import { seedProducts } from '../../devstore/seed.ts';
import { type TestShop, control, createShop, startTestDevstore } from '../../devstore/testing.ts';
import type { Clock } from './budget.server.ts';
import { AdminApiError, createAdminClient } from './client.server.ts';

let devstore: Devstore;
beforeAll(async () => {
  devstore = await startTestDevstore();
});
afterAll(() => devstore.stop());

const SHOP_NAME = `#graphql
  query ShopName { shop { name } }`;
const PRODUCT_PAGE = `#graphql
  query ProductPage { products(first: 250) { nodes { id title } } }`;

function clientFor(shop: TestShop, extra: { clock?: Clock; maxAttempts?: number; accessToken?: string } = {}) {
  return createAdminClient({
    shop: shop.domain,
    accessToken: extra.accessToken ?? shop.accessToken,
    endpoint: devstore.url,
    headers: { 'X-Devstore-Shop': shop.domain },
    ...(extra.clock ? { clock: extra.clock } : {}),
    ...(extra.maxAttempts ? { maxAttempts: extra.maxAttempts } : {}),
  });
}

/** A clock that does not wait, and runs `onSleep` while the client backs off. */
function instantClock(onSleep: () => Promise<void> = async () => {}): Clock {
  return { now: () => Date.now(), sleep: onSleep };
}

describe('Admin client', () => {
  it('reads data and takes the bucket’s state from extensions.cost', async () => {
    const shop = await createShop(devstore, { plan: 'Advanced' });
    const client = clientFor(shop);
    const result = await client.request<{ shop: { name: string } }>(SHOP_NAME);
    expect(result.data.shop.name).toBeTruthy();
    expect(client.budget.rate).toBe(200);
  });

  it('refuses a wrong token with 401 at once, without retrying', async () => {
    const shop = await createShop(devstore);
    let backoffs = 0;
    const client = clientFor(shop, { accessToken: 'shpat_wrong', clock: instantClock(async () => void backoffs++) });
    await expect(client.request(SHOP_NAME)).rejects.toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(backoffs).toBe(0);
  });

  it('does not retry a document Shopify’s schema rejects', async () => {
    const shop = await createShop(devstore);
    const error = await clientFor(shop)
      .request(
        `#graphql
      query Broken { shop { notAField } }`,
      )
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AdminApiError);
    expect((error as AdminApiError).kind).toBe('graphql');
    expect((error as AdminApiError).message).toContain('Cannot query field "notAField" on type "Shop"');
  });

  it("hands the caller the codes of a GraphQL error it does not retry (Shopify's daily variant limit)", async () => {
    const shop = await createShop(devstore, { extraVariants: 50_000 });
    const values = Array.from({ length: 1001 }, (_, index) => ({ name: `v${index}` }));
    const error = await clientFor(shop)
      .request(
        `#graphql
      mutation TooManyNewVariants($input: ProductSetInput!) { productSet(input: $input) { userErrors { code } } }`,
        {
          input: {
            title: 'Wall of swatches',
            productOptions: [{ name: 'Swatch', values }],
            variants: values.map((value) => ({ optionValues: [{ optionName: 'Swatch', name: value.name }] })),
          },
        },
      )
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      kind: 'graphql',
      codes: ['VARIANT_THROTTLE_EXCEEDED'],
      message: 'TooManyNewVariants was rejected: Daily variant creation limit reached. Please try again later.',
    });
  });

  it.each(['server_error', 'rate_limited', 'dropped'] as const)('retries after a %s and succeeds', async (kind) => {
    const shop = await createShop(devstore);
    await control(devstore, 'PUT', `/shops/${shop.domain}/network`, {
      faults: [{ kind, share: 1, operationName: 'ShopName' }],
    });
    const healed = instantClock(async () => {
      await control(devstore, 'PUT', `/shops/${shop.domain}/network`, { faults: [] });
    });
    const result = await clientFor(shop, { clock: healed }).request<{ shop: { name: string } }>(SHOP_NAME);
    expect(result.data.shop.name).toBeTruthy();
    const counters = (await control(devstore, 'GET', `/shops/${shop.domain}/counters`)).body;
    expect(counters).toMatchObject({ faultsInjected: 1, requests: 2 });
  });

  it('hands a 429 back at once, with its Retry-After, to a caller that paces that limit itself', async () => {
    const shop = await createShop(devstore);
    await control(devstore, 'PUT', `/shops/${shop.domain}/network`, {
      faults: [{ kind: 'rate_limited', share: 1, operationName: 'ShopName' }],
    });
    let backoffs = 0;
    const client = clientFor(shop, { clock: instantClock(async () => void backoffs++) });
    await expect(client.request(SHOP_NAME, {}, { onTooManyRequests: 'throw' })).rejects.toMatchObject({
      kind: 'too-many-requests',
      status: 429,
      retryAfterSeconds: 1,
    });
    expect(backoffs).toBe(0);
  });

  it('gives up with the last problem after its attempts', async () => {
    const shop = await createShop(devstore);
    await control(devstore, 'PUT', `/shops/${shop.domain}/network`, {
      faults: [{ kind: 'server_error', share: 1, status: 503 }],
    });
    await expect(clientFor(shop, { clock: instantClock(), maxAttempts: 3 }).request(SHOP_NAME)).rejects.toThrow(
      'ShopName did not succeed after 3 attempts: Shopify answered 503',
    );
  });

  it('sends an operation Shopify has not priced yet alone, and the rest of its wave on the price it learns', async () => {
    const shop = await createShop(devstore, { plan: 'Basic' });
    await seedProducts(devstore.pool, shop.domain, 250, 1); // a full page costs 252 points
    const client = clientFor(shop);
    await client.request(SHOP_NAME); // the budget knows the bucket: 2,000 points, 100 a second
    // Ten pages at once, no estimate given: 2,520 points, more than the bucket holds.
    const pages = await Promise.all(
      Array.from({ length: 10 }, () => client.request<{ products: { nodes: unknown[] } }>(PRODUCT_PAGE)),
    );
    for (const page of pages) expect(page.data.products.nodes).toHaveLength(250);
    expect(client.throttledRetries()).toBe(0);
    expect((await control(devstore, 'GET', `/shops/${shop.domain}/counters`)).body.requestsThrottled).toBe(0);
  });

  it('waits for the bucket and retries when another client drained it (THROTTLED)', async () => {
    const shop = await createShop(devstore, { plan: 'Basic' });
    await seedProducts(devstore.pool, shop.domain, 250, 1); // a full page costs 252 points
    const drainer = clientFor(shop);
    const victim = clientFor(shop);
    await victim.request(SHOP_NAME); // the victim now believes the bucket is nearly full
    for (let i = 0; i < 8; i++) await drainer.request(PRODUCT_PAGE, {}, { estimatedCost: 0 });
    const started = Date.now();
    const result = await victim.request<{ products: { nodes: unknown[] } }>(PRODUCT_PAGE);
    expect(result.data.products.nodes).toHaveLength(250);
    expect(victim.throttledRetries()).toBe(1);
    expect(Date.now() - started).toBeGreaterThan(500); // it waited for points to restore
    expect(
      (await control(devstore, 'GET', `/shops/${shop.domain}/counters`)).body.requestsThrottled,
    ).toBeGreaterThanOrEqual(1);
  });
});
