import { describe, expect, it } from 'vitest';
import { planMigration, restoreRate } from './plan.server.ts';
import { productsWay } from './bulk-rule.server.ts';

const standard = { planName: 'Shopify', shopifyPlus: false, partnerDevelopment: false };

describe('migration plan', () => {
  it('uses the restore rate of the shop’s plan', () => {
    expect(restoreRate(standard)).toBe(100);
    expect(restoreRate({ ...standard, planName: 'Advanced' })).toBe(200);
    expect(restoreRate({ ...standard, planName: 'Shopify Plus', shopifyPlus: true })).toBe(1000);
  });

  it('orders entities so what a record points at is written first, and prices them in points and seconds', () => {
    const plan = planMigration(
      { products: 1000, collections: 20, customers: 500 },
      ['customers', 'products', 'collections'],
      standard,
      { bulk: false },
    );
    expect(plan.entities.map((entity) => entity.entity)).toEqual(['collections', 'products', 'customers']);
    // A product about which nothing more is known: a one-variant productSet (11) and the variant read back (3);
    // a customer: customerSet (10) and its metafieldsSet (10 + 1 for the customer).
    expect(plan.entities.map((entity) => [entity.points, entity.seconds])).toEqual([
      [200, 2],
      [14_000, 140],
      [10_500, 105],
    ]);
    expect(plan).toMatchObject({ restoreRate: 100, points: 24_700, seconds: 247, productsInBulk: false });
  });

  it('prices a discount code by its own mutation and a review by its share of a product metafields call (10 + 4 a product)', () => {
    const plan = planMigration({ discounts: 30, reviews: 800 }, ['reviews', 'discounts'], standard);
    expect(plan.entities.map((entity) => [entity.entity, entity.points, entity.seconds])).toEqual([
      ['discounts', 300, 3],
      ['reviews', 4200, 42],
    ]);
  });

  it('takes the points of entities priced from their records over the per-record price', () => {
    const plan = planMigration({ products: 2, reviews: 3 }, ['products', 'reviews'], standard, {
      priced: { products: 39, reviews: 18 },
    });
    expect(plan.entities.map((entity) => [entity.entity, entity.points])).toEqual([
      ['products', 39],
      ['reviews', 18],
    ]);
  });

  it('adds one publishablePublish for each collection published (products go in a bulk operation), and carries the forecast', () => {
    const publishing = {
      channels: ['Online Store', 'Point of Sale'],
      products: { published: 900, unpublished: 100 },
      collections: { published: 20, unpublished: 0 },
    };
    const plan = planMigration({ products: 1000, collections: 20 }, ['products', 'collections'], standard, {
      publishing,
      bulk: false,
    });
    // 14 points a product and 10 a collection, and 10 for each collection's publishablePublish.
    expect(plan.entities.map((entity) => [entity.entity, entity.points])).toEqual([
      ['collections', 400],
      ['products', 14_000],
    ]);
    expect(plan.publishing).toEqual(publishing);
  });

  it('shows a development store’s limit of 5 new orders a minute in the time', () => {
    const plan = planMigration({ orders: 600 }, ['orders'], { ...standard, partnerDevelopment: true });
    expect(plan.entities[0]).toMatchObject({ seconds: 7200, note: 'Development stores accept 5 new orders a minute.' });
    // The pace the progress views count the orders' time left with; none without orders or on a paid plan.
    expect(plan.ordersPerMinute).toBe(5);
    expect(
      planMigration({ products: 10 }, ['products'], { ...standard, partnerDevelopment: true }).ordersPerMinute,
    ).toBeUndefined();
    expect(planMigration({ orders: 600 }, ['orders'], standard).ordersPerMinute).toBeUndefined();
  });

  it('paces a trial store (plan "Trial" or "Plus Trial") like a development store, and a paid plan not at all', () => {
    for (const planName of ['Trial', 'Plus Trial']) {
      const plan = planMigration({ orders: 600 }, ['orders'], {
        ...standard,
        planName,
        shopifyPlus: planName === 'Plus Trial',
      });
      expect(plan.entities[0]).toMatchObject({ seconds: 7200, note: 'Trial stores accept 5 new orders a minute.' });
    }
    expect(planMigration({ orders: 600 }, ['orders'], standard).entities[0]).toMatchObject({ seconds: 78, note: null }); // 13 points an order at 100 a second
  });

  it('puts what else the merchant should read beside an entity after its pacing note', () => {
    const plan = planMigration(
      { orders: 10 },
      ['orders'],
      { ...standard, partnerDevelopment: true },
      { notes: { orders: '10 orders in EUR wait for a EUR → USD exchange rate.' } },
    );
    expect(plan.entities[0]?.note).toBe(
      'Development stores accept 5 new orders a minute. 10 orders in EUR wait for a EUR → USD exchange rate.',
    );
  });

  it("says how long the new variants past Shopify's 50,000 take at 1,000 a day, counting those the store already has", () => {
    const below = planMigration({ products: 100 }, ['products'], standard, {
      catalog: { variantsInShop: 40_000, newVariants: 300 },
    });
    expect(below.entities[0]).toMatchObject({ seconds: 14, note: null }); // 14 points a product at 100 a second
    const crossing = planMigration({ products: 1000 }, ['products'], standard, {
      catalog: { variantsInShop: 48_500, newVariants: 3000 },
    });
    expect(crossing.entities[0]).toMatchObject({
      seconds: 2 * 86_400,
      note: 'Past 50,000 variants Shopify creates at most 1,000 new variants a day: 1,500 of the 3,000 new variants wait for that, about 2 days.',
    });
    const unknown = planMigration({ products: 20_000 }, ['products'], standard, {
      catalog: { variantsInShop: null, newVariants: 60_000 },
    });
    expect(unknown.entities[0]?.note).toBe(
      'Past 50,000 variants Shopify creates at most 1,000 new variants a day: 10,000 of the 60,000 new variants wait for that, about 10 days (not counting the variants your store already has: Shopify could not be asked).',
    );
  });

  it('writes products in bulk operations where the measured pace beats the plan’s points, and says so', () => {
    const products = 10_000;
    const onStandard = planMigration({ products }, ['products'], standard);
    const way = productsWay(products, products * 14, 100);
    expect(way.bulk).toBe(true);
    expect(onStandard.productsInBulk).toBe(true);
    // In bulk the time is the operations' (their lines at the measured pace, and each one's fixed
    // wait) and the points are their files, runs and polls, not a productSet each.
    expect(onStandard.entities[0]).toMatchObject({
      points: way.bulkPoints,
      seconds: Math.ceil(way.bulkSeconds),
      note: `In bulk operations, which spend no API points: about ${Math.round(way.bulkSeconds / 60)} minutes where one request a product would take about ${Math.round(way.requestSeconds / 60)} minutes on your plan.`,
    });
    expect(way.bulkPoints).toBeLessThan(products);

    // Plus restores 1,000 points a second: request by request is sooner.
    const onPlus = planMigration({ products }, ['products'], {
      ...standard,
      planName: 'Shopify Plus',
      shopifyPlus: true,
    });
    expect(onPlus.productsInBulk).toBe(false);
    expect(onPlus.entities[0]).toMatchObject({ points: products * 14, seconds: (products * 14) / 1000, note: null });

    // A few products: an operation's fixed wait is more than their points take.
    expect(planMigration({ products: 50 }, ['products'], standard).productsInBulk).toBe(false);
    expect(productsWay(0, 0, 100).bulk).toBe(false);
  });

  it('follows the migration’s own choice of bulk operations either way', () => {
    const plus = { ...standard, planName: 'Shopify Plus', shopifyPlus: true };
    const forced = planMigration({ products: 100 }, ['products'], plus, { bulk: true });
    expect(forced.productsInBulk).toBe(true);
    expect(forced.entities[0]?.note).toBe('In bulk operations, which spend no API points, as this migration asks.');
    const refused = planMigration({ products: 10_000 }, ['products'], standard, { bulk: false });
    expect(refused.productsInBulk).toBe(false);
    expect(refused.entities[0]).toMatchObject({ points: 140_000, seconds: 1400 });
  });
});
