// The points Shipyard reserves for its metafieldsSet calls are what Shopify charges for them
// (devstore applies Shopify's documented price since 2026-09-15): a call carrying 8 products'
// reviews, and a customer's source reference and totals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Customer, Review } from '../../../connectors/model.ts';
import type { Devstore } from '../../../devstore/server.ts';
import { type TestShop, admin, createShop, startTestDevstore } from '../../../devstore/testing.ts';
import { PRODUCTS_PER_CALL } from './reviews/write.server.ts';
import { customerMetafields } from './customers/input.server.ts';
import { productReviewMetafields } from './reviews/input.server.ts';
import { metafieldsSetCost, ORDER_CREATE_COST } from '../../shopify-admin/costs.server.ts';
import { ORDER_CREATE } from '../../shopify-admin/graphql/orders.ts';
import { PRODUCT_REVIEWS_SET, CUSTOMER_METAFIELDS } from '../../shopify-admin/graphql/metafields.ts';

let devstore: Devstore;
let shop: TestShop;
beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore, { plan: 'Plus' });
});
afterAll(() => devstore.stop());

async function requested(document: string, metafields: { ownerId: string }[]): Promise<number> {
  const { body } = await admin(devstore, shop, document, { metafields });
  expect(body.errors).toBeUndefined();
  expect(body.data.metafieldsSet.userErrors).toEqual([]);
  return body.extensions.cost.requestedQueryCost;
}

describe('metafieldsSet cost', () => {
  it('reserves 10 + 4 a product for a call carrying several products’ reviews', async () => {
    const products: string[] = [];
    for (let index = 0; index < PRODUCTS_PER_CALL; index++) {
      products.push(
        (await admin(devstore, shop, `mutation { productSet(input: { title: "Scarf ${index}" }) { product { id } } }`))
          .body.data.productSet.product.id,
      );
    }
    const review = Review.parse({
      sourceId: '1',
      productSourceId: '1',
      rating: 4,
      author: 'Ada',
      bodyHtml: 'Warm.',
      createdAt: '2026-01-02T10:00:00.000Z',
    });
    const metafields = products.flatMap((id) => productReviewMetafields(id, [review]).metafields);
    expect(metafieldsSetCost(metafields)).toBe(10 + 4 * PRODUCTS_PER_CALL);
    expect(await requested(PRODUCT_REVIEWS_SET, metafields)).toBe(metafieldsSetCost(metafields));
  });

  it('reserves 11 for a customer’s source reference and totals', async () => {
    const id = (
      await admin(devstore, shop, 'mutation { customerSet(input: { email: "ada@example.com" }) { customer { id } } }')
    ).body.data.customerSet.customer.id;
    const metafields = customerMetafields(
      id,
      'woocommerce',
      Customer.parse({ sourceId: '7', email: 'ada@example.com', totalSpent: '120.00', ordersCount: 3 }),
    );
    expect(metafieldsSetCost(metafields)).toBe(11);
    expect(await requested(CUSTOMER_METAFIELDS, metafields)).toBe(11);
  });
});

describe('orderCreate cost', () => {
  it('reserves what Shopify charges for an order and what its answer reads back', async () => {
    const money = { shopMoney: { amount: '5.00', currencyCode: 'USD' } };
    const { body } = await admin(devstore, shop, ORDER_CREATE, {
      order: { currency: 'USD', lineItems: [{ title: 'Mug', quantity: 1, priceSet: money }] },
    });
    expect(body.errors).toBeUndefined();
    expect(body.extensions.cost.requestedQueryCost).toBe(ORDER_CREATE_COST);
  });
});
