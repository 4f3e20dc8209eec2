import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProducts } from '../seed.ts';
import type { Devstore } from '../server.ts';
import { admin, control, createShop, startTestDevstore, type TestShop } from '../testing.ts';

// The buckets read this clock, so restoring takes no real time and the test cannot flake.
let clock = 0;
let devstore: Devstore;
let shop: TestShop;

// 166 products × (1 + variants connection 2 + 3 variants) + 2 = 998 points, requested and actual.
const EXPENSIVE = '{ products(first: 166) { nodes { variants(first: 3) { nodes { id } } } } }';

beforeAll(async () => {
  devstore = await startTestDevstore({ now: () => clock });
  shop = await createShop(devstore, { plan: 'Basic' });
  await seedProducts(devstore.pool, shop.domain, 166, 3);
});
afterAll(() => devstore.stop());

describe('calculated query cost', () => {
  it('prices scalars at 0, objects at 1 and connections at 2 + first × one node', async () => {
    const { body } = await admin(
      devstore,
      shop,
      '{ shop { name } products(first: 10) { edges { node { title seo { title } } } pageInfo { hasNextPage } } }',
    );
    // shop 1; products 2 + 10 × (node 1 + seo 1)
    expect(body.extensions.cost.requestedQueryCost).toBe(1 + 2 + 10 * 2);
    expect(body.extensions.cost.actualQueryCost).toBe(1 + 2 + 10 * 2);
  });

  it('charges the actual cost when fewer nodes come back than asked for', async () => {
    const { body } = await admin(
      devstore,
      shop,
      '{ products(first: 5, query: "handle:seeded-1") { nodes { title } } }',
    );
    expect(body.extensions.cost).toMatchObject({ requestedQueryCost: 2 + 5, actualQueryCost: 2 + 1 });
  });

  it('refuses a query over 1000 points with MAX_COST_EXCEEDED before running it', async () => {
    const { body } = await admin(
      devstore,
      shop,
      '{ products(first: 250) { nodes { variants(first: 3) { nodes { id } } } } }',
    );
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions).toEqual({
      code: 'MAX_COST_EXCEEDED',
      cost: 1502,
      maxCost: 1000,
      documentation: 'https://shopify.dev/api/usage/rate-limits',
    });
    expect(body.errors[0].message).toMatch(
      /^Query cost is 1502, which exceeds the single query max cost limit \(1000\)\./,
    );
  });
});

describe('leaky bucket (Basic plan: 100 points/s, bucket of 2,000)', () => {
  it('throttles a request the bucket cannot hold, and serves it once enough has been restored', async () => {
    const fresh = await createShop(devstore, { plan: 'Basic' });
    await seedProducts(devstore.pool, fresh.domain, 166, 3, 'bucket');
    const first = await admin(devstore, fresh, EXPENSIVE);
    expect(first.body.extensions.cost).toEqual({
      requestedQueryCost: 998,
      actualQueryCost: 998,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1002, restoreRate: 100 },
    });
    const second = await admin(devstore, fresh, EXPENSIVE);
    expect(second.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(4);

    const third = await admin(devstore, fresh, EXPENSIVE);
    expect(third.status).toBe(200);
    expect(third.body).toEqual({
      errors: [
        {
          message: 'Throttled',
          extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
        },
      ],
      extensions: {
        cost: {
          requestedQueryCost: 998,
          actualQueryCost: null,
          throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 4, restoreRate: 100 },
        },
      },
    });

    // 994 more points at 100 per second: 9.94 seconds.
    clock += 9_930;
    expect((await admin(devstore, fresh, EXPENSIVE)).body.errors?.[0].extensions.code).toBe('THROTTLED');
    clock += 10;
    const restored = await admin(devstore, fresh, EXPENSIVE);
    expect(restored.body.errors).toBeUndefined();
    expect(restored.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(0);

    const counters = await control(devstore, 'GET', `/shops/${fresh.domain}/counters`);
    expect(counters.body).toEqual({ requests: 5, requestsThrottled: 2, pointsSpent: 998 * 3, faultsInjected: 0 });
  });

  it('never restores past the bucket size', async () => {
    const fresh = await createShop(devstore, { plan: 'Basic' });
    clock += 1_000_000;
    const { body } = await admin(devstore, fresh, '{ shop { name } }');
    expect(body.extensions.cost.throttleStatus).toEqual({
      maximumAvailable: 2000,
      currentlyAvailable: 1999,
      restoreRate: 100,
    });
  });

  it('sizes the bucket by plan: Advanced 200, Plus 1,000, Enterprise 2,000 points per second', async () => {
    for (const [plan, rate] of [
      ['Advanced', 200],
      ['Plus', 1000],
      ['Enterprise', 2000],
    ] as const) {
      const fresh = await createShop(devstore, { plan });
      const { body } = await admin(devstore, fresh, '{ shop { name } }');
      expect(body.extensions.cost.throttleStatus).toEqual({
        maximumAvailable: rate * 20,
        currentlyAvailable: rate * 20 - 1,
        restoreRate: rate,
      });
    }
  });

  it('keeps one bucket per shop: draining one shop leaves another full', async () => {
    const drained = await admin(devstore, shop, EXPENSIVE);
    expect(drained.body.extensions.cost.throttleStatus.currentlyAvailable).toBeLessThan(2000 - 900);
    const other = await createShop(devstore);
    expect(
      (await admin(devstore, other, '{ shop { name } }')).body.extensions.cost.throttleStatus.currentlyAvailable,
    ).toBe(1999);
  });
});
