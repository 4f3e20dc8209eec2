import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;
let variantId: string;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
  await devstore.pool.query('UPDATE devstore.shops SET dev_store = false WHERE domain = $1', [shop.domain]);
  const created = await admin(
    devstore,
    shop,
    'mutation { productSet(input: { title: "Teapot", vendor: "Kiln", productOptions: [{ name: "Size", values: [{ name: "1L" }] }], variants: [{ optionValues: [{ optionName: "Size", name: "1L" }], price: "30.00", sku: "TEA-1" }] }) { product { variants(first: 1) { nodes { id } } } } }',
  );
  variantId = created.body.data.productSet.product.variants.nodes[0].id;
});
afterAll(() => devstore.stop());

const CREATE = `mutation($order: OrderCreateOrderInput!) {
  orderCreate(order: $order) {
    order {
      id name processedAt displayFinancialStatus displayFulfillmentStatus discountCodes email
      customer { email firstName }
      lineItems(first: 5) { nodes { title sku variantTitle quantity originalUnitPriceSet { shopMoney { amount currencyCode } } variant { sku } } }
      shippingLines(first: 2) { nodes { title originalPriceSet { shopMoney { amount } } } }
      subtotalPriceSet { shopMoney { amount } } totalTaxSet { shopMoney { amount } } totalShippingPriceSet { shopMoney { amount } }
      totalDiscountsSet { shopMoney { amount } } totalPriceSet { shopMoney { amount } }
    }
    userErrors { field message code }
  }
}`;

const usd = (amount: string) => ({ shopMoney: { amount, currencyCode: 'USD' } });

describe('orderCreate (historical import)', () => {
  it('imports an order with a variant line, a custom line, tax, shipping, a discount code and a customer', async () => {
    const { body } = await admin(devstore, shop, CREATE, {
      order: {
        name: '#WOO-1042',
        email: 'lin@example.com',
        processedAt: '2024-03-01T10:00:00Z',
        financialStatus: 'PAID',
        fulfillmentStatus: 'FULFILLED',
        customer: { toUpsert: { email: 'lin@example.com', firstName: 'Lin' } },
        lineItems: [
          { variantId, quantity: 2 },
          { title: 'Gift wrap', quantity: 1, priceSet: usd('5.00'), requiresShipping: false },
        ],
        taxLines: [{ title: 'VAT', rate: 0.1, priceSet: usd('6.50') }],
        shippingLines: [{ title: 'Standard', priceSet: usd('4.00') }],
        discountCode: { itemPercentageDiscountCode: { code: 'SPRING10', percentage: 10 } },
      },
    });
    expect(body.data.orderCreate.userErrors).toEqual([]);
    const order = body.data.orderCreate.order;
    expect(order).toMatchObject({
      name: '#WOO-1042',
      processedAt: '2024-03-01T10:00:00.000Z',
      displayFinancialStatus: 'PAID',
      displayFulfillmentStatus: 'FULFILLED',
      discountCodes: ['SPRING10'],
      customer: { email: 'lin@example.com', firstName: 'Lin' },
      shippingLines: { nodes: [{ title: 'Standard', originalPriceSet: { shopMoney: { amount: '4.0' } } }] },
    });
    expect(order.lineItems.nodes).toEqual([
      {
        title: 'Teapot',
        sku: 'TEA-1',
        variantTitle: '1L',
        quantity: 2,
        originalUnitPriceSet: usd('30.0'),
        variant: { sku: 'TEA-1' },
      },
      {
        title: 'Gift wrap',
        sku: null,
        variantTitle: null,
        quantity: 1,
        originalUnitPriceSet: usd('5.0'),
        variant: null,
      },
    ]);
    // 65.00 subtotal − 6.50 discount + 4.00 shipping + 6.50 tax, written as Shopify writes a Decimal
    expect(
      [
        order.subtotalPriceSet,
        order.totalDiscountsSet,
        order.totalShippingPriceSet,
        order.totalTaxSet,
        order.totalPriceSet,
      ].map((set) => set.shopMoney.amount),
    ).toEqual(['65.0', '6.5', '4.0', '6.5', '69.0']);
  });

  it('numbers orders from #1001 when no name is given', async () => {
    const { body } = await admin(devstore, shop, CREATE, { order: { lineItems: [{ variantId, quantity: 1 }] } });
    expect(body.data.orderCreate.order.name).toMatch(/^#10\d\d$/);
  });

  it('clamps a processedAt in the future to the time the order is created (API 2026-07 and later), not refusing it', async () => {
    const before = Date.now();
    const future = await admin(devstore, shop, CREATE, {
      order: { processedAt: '2999-01-01T00:00:00Z', lineItems: [{ variantId, quantity: 1 }] },
    });
    expect(future.body.data.orderCreate.userErrors).toEqual([]);
    const processedAt = Date.parse(future.body.data.orderCreate.order.processedAt);
    expect(processedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(processedAt).toBeLessThanOrEqual(Date.now());
  });

  it('refuses a custom line without a price, and two ways of naming the customer', async () => {
    const noPrice = await admin(devstore, shop, CREATE, { order: { lineItems: [{ title: 'Mystery', quantity: 1 }] } });
    expect(noPrice.body.data.orderCreate.userErrors[0]).toMatchObject({
      field: ['order', 'lineItems', '0', 'priceSet'],
      code: 'INVALID',
    });
    const redundant = await admin(devstore, shop, CREATE, {
      order: {
        customerId: 'gid://shopify/Customer/1',
        customer: { toAssociate: { email: 'a@b.co' } },
        lineItems: [{ variantId, quantity: 1 }],
      },
    });
    expect(redundant.body.data.orderCreate.userErrors[0].code).toBe('REDUNDANT_CUSTOMER_FIELDS');
  });

  it('lets a development store and a trial store create 5 new orders a minute, then answers HTTP 429 with nothing created', async () => {
    const order = {
      lineItems: [{ title: 'Sticker', quantity: 1, priceSet: usd('1.00') }],
      customer: { toUpsert: { email: 'sixth@example.com' } },
    };
    for (const settings of [{ devStore: true }, { devStore: false, trial: true }]) {
      const limited = await createShop(devstore, settings);
      for (let count = 0; count < 5; count += 1)
        expect(
          (await admin(devstore, limited, CREATE, { order: { ...order, customer: undefined } })).body.data.orderCreate
            .userErrors,
        ).toEqual([]);
      const sixth = await admin(devstore, limited, CREATE, { order });
      // Shopify's documented answer to a resource-based limit is the status; it documents no body and no Retry-After.
      expect(sixth.status).toBe(429);
      expect(typeof sixth.body.errors).toBe('string');
      const { body } = await admin(
        devstore,
        limited,
        '{ orders(first: 10) { nodes { id } } customers(first: 5) { nodes { id } } }',
      );
      expect(body.data).toEqual({
        orders: { nodes: Array(5).fill({ id: expect.any(String) }) },
        customers: { nodes: [] },
      });
    }
  });

  it('tells a trial store and a development store by their plan', async () => {
    const trial = await createShop(devstore, { devStore: false, trial: true });
    const plusTrial = await createShop(devstore, { devStore: false, trial: true, plan: 'Plus' });
    const development = await createShop(devstore, { devStore: true });
    const plans = await Promise.all(
      [trial, plusTrial, development].map(
        async (one) =>
          (await admin(devstore, one, '{ shop { plan { publicDisplayName partnerDevelopment } } }')).body.data.shop
            .plan,
      ),
    );
    expect(plans).toEqual([
      { publicDisplayName: 'Trial', partnerDevelopment: false },
      { publicDisplayName: 'Plus Trial', partnerDevelopment: false },
      { publicDisplayName: 'Development', partnerDevelopment: true },
    ]);
  });

  it('takes any number of orders a minute on a paid plan', async () => {
    for (let count = 0; count < 6; count += 1)
      expect(
        (
          await admin(devstore, shop, CREATE, {
            order: { lineItems: [{ title: 'Sticker', quantity: 1, priceSet: usd('1.00') }] },
          })
        ).status,
      ).toBe(200);
  });

  it('finds orders by name and email', async () => {
    const { body } = await admin(
      devstore,
      shop,
      '{ orders(first: 5, query: "name:#WOO-1042") { nodes { name } } byEmail: orders(first: 5, query: "email:lin@example.com") { nodes { name } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      orders: { nodes: [{ name: '#WOO-1042' }] },
      byEmail: { nodes: [{ name: '#WOO-1042' }] },
    });
  });

  it('lists orders by processedAt by default (PROCESSED_AT), paging with cursors', async () => {
    const history = await createShop(devstore);
    await devstore.pool.query('UPDATE devstore.shops SET dev_store = false WHERE domain = $1', [history.domain]);
    for (const [name, processedAt] of [
      ['#B', '2023-05-01T00:00:00Z'],
      ['#A', '2021-01-01T00:00:00Z'],
      ['#C', '2025-09-09T00:00:00Z'],
    ]) {
      await admin(devstore, history, CREATE, {
        order: { name, processedAt, lineItems: [{ title: 'Old thing', quantity: 1, priceSet: usd('2.00') }] },
      });
    }
    const first = await admin(
      devstore,
      history,
      '{ orders(first: 2) { nodes { name } pageInfo { hasNextPage endCursor } } }',
    );
    expect(first.body.data.orders.nodes).toEqual([{ name: '#A' }, { name: '#B' }]);
    const next = await admin(
      devstore,
      history,
      'query($after: String) { orders(first: 2, after: $after) { nodes { name } pageInfo { hasNextPage } } }',
      { after: first.body.data.orders.pageInfo.endCursor },
    );
    expect(next.body.data.orders).toEqual({ nodes: [{ name: '#C' }], pageInfo: { hasNextPage: false } });
  });
});
