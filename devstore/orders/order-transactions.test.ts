// orderCreate's transactions read back as Order.transactions, a free-shipping code on free shipping, and what devstore refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
  await devstore.pool.query('UPDATE devstore.shops SET dev_store = false WHERE domain = $1', [shop.domain]);
});
afterAll(() => devstore.stop());

const CREATE = `mutation($order: OrderCreateOrderInput!) {
  orderCreate(order: $order) {
    order {
      discountCodes totalPriceSet { shopMoney { amount } } totalDiscountsSet { shopMoney { amount } }
      lineItems(first: 5) { nodes { title requiresShipping } }
      transactions { kind status gateway authorizationCode processedAt amountSet { shopMoney { amount currencyCode } } }
      transactionsCount { count }
    }
    userErrors { field message code }
  }
}`;

const usd = (amount: string) => ({ shopMoney: { amount, currencyCode: 'USD' } });
const order = (changes: Record<string, unknown>) => ({
  processedAt: '2024-03-01T10:00:00Z',
  lineItems: [{ title: 'Gift wrapping', quantity: 1, priceSet: usd('4.00'), requiresShipping: false }],
  shippingLines: [{ title: 'Free shipping', priceSet: usd('0.00') }],
  ...changes,
});

describe('orderCreate transactions', () => {
  it('keeps each transaction’s kind, status, gateway, authorization code, date and amount', async () => {
    const { body } = await admin(devstore, shop, CREATE, {
      order: order({
        discountCode: { freeShippingDiscountCode: { code: 'FREESHIP' } },
        transactions: [
          {
            kind: 'SALE',
            status: 'SUCCESS',
            gateway: 'Credit card (Stripe)',
            authorizationCode: 'ch_3Pq',
            processedAt: '2024-03-01T10:00:00Z',
            amountSet: usd('4.00'),
          },
          {
            kind: 'REFUND',
            status: 'SUCCESS',
            gateway: 'Credit card (Stripe)',
            processedAt: '2024-03-04T08:00:00Z',
            amountSet: usd('1.50'),
          },
          { amountSet: usd('0.50') },
        ],
      }),
    });
    expect(body.data.orderCreate.userErrors).toEqual([]);
    const created = body.data.orderCreate.order;
    expect(created.lineItems.nodes).toEqual([{ title: 'Gift wrapping', requiresShipping: false }]);
    expect(created.discountCodes).toEqual(['FREESHIP']);
    expect(created.totalDiscountsSet.shopMoney.amount).toBe('0.0');
    expect(created.totalPriceSet.shopMoney.amount).toBe('4.0');
    expect(created.transactions).toEqual([
      {
        kind: 'SALE',
        status: 'SUCCESS',
        gateway: 'Credit card (Stripe)',
        authorizationCode: 'ch_3Pq',
        processedAt: '2024-03-01T10:00:00.000Z',
        amountSet: { shopMoney: { amount: '4.0', currencyCode: 'USD' } },
      },
      {
        kind: 'REFUND',
        status: 'SUCCESS',
        gateway: 'Credit card (Stripe)',
        authorizationCode: null,
        processedAt: '2024-03-04T08:00:00.000Z',
        amountSet: { shopMoney: { amount: '1.5', currencyCode: 'USD' } },
      },
      // Given without kind, status or date: a successful sale, dated with the order.
      {
        kind: 'SALE',
        status: 'SUCCESS',
        gateway: null,
        authorizationCode: null,
        processedAt: '2024-03-01T10:00:00.000Z',
        amountSet: { shopMoney: { amount: '0.5', currencyCode: 'USD' } },
      },
    ]);
    expect(created.transactionsCount).toEqual({ count: 3 });
  });

  it('refuses a transaction of a negative amount, and creates nothing', async () => {
    const before = await devstore.pool.query('SELECT count(*) FROM devstore.orders WHERE shop = $1', [shop.domain]);
    const { body } = await admin(devstore, shop, CREATE, {
      order: order({ transactions: [{ kind: 'REFUND', amountSet: usd('-4.00') }] }),
    });
    expect(body.data.orderCreate).toEqual({
      order: null,
      userErrors: [
        {
          field: ['order', 'transactions', '0', 'amountSet'],
          message: 'Amount must be greater than or equal to 0',
          code: 'INVALID',
        },
      ],
    });
    const after = await devstore.pool.query('SELECT count(*) FROM devstore.orders WHERE shop = $1', [shop.domain]);
    expect(after.rows[0].count).toBe(before.rows[0].count);
  });
});
