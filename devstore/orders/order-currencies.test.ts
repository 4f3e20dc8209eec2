// An order's money as Shopify describes it: shop money in the shop's currency, presentment money in
// the order's presentment currency (and on every amount once that is not the shop's); anything else
// is refused on the amount's path, so one currency's amounts cannot pass as another's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore, { devStore: false, currencyCode: 'USD' });
});
afterAll(() => devstore.stop());

const CREATE = `mutation($order: OrderCreateOrderInput!) {
  orderCreate(order: $order) {
    order {
      currencyCode presentmentCurrencyCode
      lineItems(first: 2) { nodes { originalUnitPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } } } }
      shippingLines(first: 1) { nodes { originalPriceSet { shopMoney { amount } presentmentMoney { amount } } } }
      totalTaxSet { shopMoney { amount } presentmentMoney { amount } }
      totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
    }
    userErrors { field message code }
  }
}`;

const both = (usd: string, eur: string) => ({
  shopMoney: { amount: usd, currencyCode: 'USD' },
  presentmentMoney: { amount: eur, currencyCode: 'EUR' },
});

/** An order a customer paid in EUR, recorded in a USD shop at 1 EUR = 1.10 USD. */
const paidInEuros = {
  presentmentCurrency: 'EUR',
  lineItems: [
    {
      title: 'Kettle',
      quantity: 2,
      priceSet: both('22.00', '20.00'),
      taxLines: [{ title: 'VAT', rate: 0.19, priceSet: both('8.36', '7.60') }],
    },
  ],
  shippingLines: [{ title: 'DHL', priceSet: both('5.39', '4.90') }],
  transactions: [{ kind: 'SALE', status: 'SUCCESS', amountSet: both('57.75', '52.50') }],
};

async function create(order: Record<string, unknown>) {
  return (await admin(devstore, shop, CREATE, { order })).body.data.orderCreate;
}

describe('orderCreate money', () => {
  it('records each amount in the shop’s currency and in the order’s presentment currency', async () => {
    const { order, userErrors } = await create(paidInEuros);
    expect(userErrors).toEqual([]);
    expect(order).toEqual({
      currencyCode: 'USD',
      presentmentCurrencyCode: 'EUR',
      lineItems: {
        nodes: [
          {
            originalUnitPriceSet: {
              shopMoney: { amount: '22.0', currencyCode: 'USD' },
              presentmentMoney: { amount: '20.0', currencyCode: 'EUR' },
            },
          },
        ],
      },
      shippingLines: {
        nodes: [{ originalPriceSet: { shopMoney: { amount: '5.39' }, presentmentMoney: { amount: '4.9' } } }],
      },
      totalTaxSet: { shopMoney: { amount: '8.36' }, presentmentMoney: { amount: '7.6' } },
      // 44.00 + 5.39 + 8.36 USD; 40.00 + 4.90 + 7.60 EUR
      totalPriceSet: {
        shopMoney: { amount: '57.75', currencyCode: 'USD' },
        presentmentMoney: { amount: '52.5', currencyCode: 'EUR' },
      },
    });
  });

  it('takes presentment money to be shop money when the order is in the shop’s currency', async () => {
    const { order, userErrors } = await create({
      lineItems: [{ title: 'Mug', quantity: 1, priceSet: { shopMoney: { amount: '9.50', currencyCode: 'USD' } } }],
    });
    expect(userErrors).toEqual([]);
    expect(order).toMatchObject({
      currencyCode: 'USD',
      presentmentCurrencyCode: 'USD',
      totalPriceSet: {
        shopMoney: { amount: '9.5', currencyCode: 'USD' },
        presentmentMoney: { amount: '9.5', currencyCode: 'USD' },
      },
    });
  });

  it('refuses shop money in another currency than the shop’s, wherever it is, and an order currency that is not the shop’s', async () => {
    const eurosAsShopMoney = await create({
      currency: 'EUR',
      lineItems: [{ title: 'Kettle', quantity: 1, priceSet: { shopMoney: { amount: '20.00', currencyCode: 'EUR' } } }],
      transactions: [
        { kind: 'SALE', status: 'SUCCESS', amountSet: { shopMoney: { amount: '20.00', currencyCode: 'EUR' } } },
      ],
    });
    expect(eurosAsShopMoney.order).toBeNull();
    expect(
      eurosAsShopMoney.userErrors.map((error: { field: string[]; code: string }) => [
        error.field.join('.'),
        error.code,
      ]),
    ).toEqual([
      ['order.currency', 'INVALID'],
      ['order.lineItems.0.priceSet.shopMoney.currencyCode', 'INVALID'],
      ['order.transactions.0.amountSet.shopMoney.currencyCode', 'INVALID'],
    ]);
    expect(eurosAsShopMoney.userErrors[1].message).toBe("Shop money must be in the shop's currency (USD), not EUR.");
  });

  it('refuses presentment money in another currency than the order’s, and an amount without it once the order is not in the shop’s currency', async () => {
    const mixed = await create({
      ...paidInEuros,
      lineItems: [
        {
          title: 'Kettle',
          quantity: 1,
          priceSet: { ...both('22.00', '20.00'), presentmentMoney: { amount: '17.00', currencyCode: 'GBP' } },
        },
      ],
      shippingLines: [{ title: 'DHL', priceSet: { shopMoney: { amount: '5.39', currencyCode: 'USD' } } }],
    });
    expect(mixed.order).toBeNull();
    expect(mixed.userErrors.map((error: { field: string[] }) => error.field.join('.'))).toEqual([
      'order.lineItems.0.priceSet.presentmentMoney.currencyCode',
      'order.shippingLines.0.priceSet.presentmentMoney',
    ]);
  });
});
