import { describe, expect, it } from 'vitest';
import { planMigration, restoreRate } from './plan.server.ts';

const standard = { planName: 'Shopify', shopifyPlus: false, partnerDevelopment: false };

describe('migration plan', () => {
  it('uses the restore rate of the shop’s plan', () => {
    expect(restoreRate(standard)).toBe(100);
    expect(restoreRate({ ...standard, planName: 'Advanced' })).toBe(200);
    expect(restoreRate({ ...standard, planName: 'Shopify Plus', shopifyPlus: true })).toBe(1000);
  });

  it('orders entities so what a record points at is written first, and prices them in points and seconds', () => {
    const plan = planMigration({ products: 1000, collections: 20, customers: 500 }, ['customers', 'products', 'collections'], standard);
    expect(plan.entities.map((entity) => entity.entity)).toEqual(['collections', 'products', 'customers']);
    expect(plan.entities.map((entity) => [entity.points, entity.seconds])).toEqual([[200, 2], [20_000, 200], [5000, 50]]);
    expect(plan).toMatchObject({ restoreRate: 100, points: 25_200, seconds: 252 });
  });

  it('prices a discount code by its own mutation and a review by its share of a product metafields call', () => {
    const plan = planMigration({ discounts: 30, reviews: 800 }, ['reviews', 'discounts'], standard);
    expect(plan.entities.map((entity) => [entity.entity, entity.points, entity.seconds])).toEqual([['discounts', 300, 3], ['reviews', 1600, 16]]);
  });

  it('adds one publishablePublish for each product and collection published, and carries the forecast', () => {
    const publishing = { channels: ['Online Store', 'Point of Sale'], products: { published: 900, unpublished: 100 }, collections: { published: 20, unpublished: 0 } };
    const plan = planMigration({ products: 1000, collections: 20 }, ['products', 'collections'], standard, publishing);
    expect(plan.entities.map((entity) => [entity.entity, entity.points])).toEqual([['collections', 400], ['products', 29_000]]);
    expect(plan.publishing).toEqual(publishing);
  });

  it('shows a development store’s limit of 5 new orders a minute in the time', () => {
    const plan = planMigration({ orders: 600 }, ['orders'], { ...standard, partnerDevelopment: true });
    expect(plan.entities[0]).toMatchObject({ seconds: 7200, note: 'Development stores accept 5 new orders a minute.' });
  });
});
