// The order transform, field by field and against Shopify's own input types (pinned Admin schema).
import { type OperationDefinitionNode, getVariableValues, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { Order } from '../../../../connectors/model.ts';
import { loadAdminSchema } from '../../../../admin-api/schema.ts';
import { OrderKeptBack } from './money.server.ts';
import { OrderOptions, futureDateClamped, toOrderCreateVariables, totalsDiffer } from './input.server.ts';
import { ORDER_CREATE } from '../../../shopify-admin/graphql/orders.ts';

const schema = loadAdminSchema();
const operation = parse(ORDER_CREATE).definitions[0] as OperationDefinitionNode;

function assertValidForShopify(variables: unknown) {
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], variables as Record<string, unknown>);
  expect(result.errors?.map((error) => error.message) ?? []).toEqual([]);
}

const vat = (amount: string) => [{ title: 'MwSt.', rate: 0.19, amount }];
const address = {
  firstName: 'Anna',
  lastName: 'Schmidt',
  address1: '1 Market Street',
  city: 'Berlin',
  zip: '10115',
  countryCode: 'DE',
};
const order = Order.parse({
  sourceId: '9001',
  number: '9001',
  customerSourceId: '5001',
  email: 'anna@example.com',
  currency: 'EUR',
  sourceStatus: 'completed',
  lineItems: [
    {
      sourceId: 'l1',
      productSourceId: '101',
      variantSourceId: '1011',
      sku: 'HH-S',
      title: 'Hoodie - S',
      quantity: 2,
      price: '20.00',
      discount: '4.00',
      taxLines: vat('6.84'),
    },
    {
      sourceId: 'l2',
      productSourceId: '999',
      variantSourceId: null,
      sku: 'OLD-1',
      title: 'Retired mug',
      quantity: 1,
      price: '8.00',
      taxLines: vat('1.52'),
    },
  ],
  shippingLines: [{ title: 'DHL Paket', price: '4.90' }],
  discountCodes: [
    { code: 'welcome10', amount: '3.00' },
    { code: 'extra', amount: '1.00' },
  ],
  billingAddress: address,
  shippingAddress: { ...address, address1: '9 Harbour Road' },
  subtotal: '48.00',
  totalTax: '8.36',
  total: '57.26',
  refunds: [{ sourceId: 'r1', amount: '10.00', reason: 'Arrived damaged', createdAt: '2024-02-02T10:00:00Z' }],
  notes: [{ body: 'Please leave it with the neighbour.', customerVisible: true }],
  processedAt: '2024-02-01T09:30:00Z',
});

const context = {
  platform: 'woocommerce',
  options: OrderOptions.parse({}),
  shopCurrency: 'EUR',
  customerIds: new Map([['5001', 'gid://shopify/Customer/7']]),
  variantIds: new Map([['1011', 'gid://shopify/ProductVariant/70']]),
};

describe('order → orderCreate', () => {
  const transform = toOrderCreateVariables(order, context);
  const input = transform.variables.order;

  it('produces variables Shopify’s schema accepts, sending no email and leaving stock alone', () => {
    assertValidForShopify(transform.variables);
    expect(transform.variables.options).toEqual({
      sendReceipt: false,
      sendFulfillmentReceipt: false,
      inventoryBehaviour: 'BYPASS',
    });
  });

  it('keeps the order number, date, currency, customer, addresses, note and source reference', () => {
    expect(input).toMatchObject({
      name: '#9001',
      processedAt: '2024-02-01T09:30:00Z',
      presentmentCurrency: 'EUR',
      customer: { toAssociate: { id: 'gid://shopify/Customer/7' } },
      email: 'anna@example.com',
      billingAddress: address,
      shippingAddress: { ...address, address1: '9 Harbour Road' },
      note: 'Please leave it with the neighbour.\n\nRefund of 10.00 EUR: Arrived damaged',
      metafields: [{ namespace: 'shipyard', key: 'source_reference', type: 'id', value: 'woocommerce:9001' }],
    });
    expect(
      toOrderCreateVariables(order, { ...context, options: OrderOptions.parse({ keepOrderNumbers: false }) }).variables
        .order,
    ).not.toHaveProperty('name');
  });

  it('links lines to migrated variants and makes a custom line for a product that did not move, with prices and taxes', () => {
    const eur = (amount: string) => ({
      shopMoney: { amount, currencyCode: 'EUR' },
      presentmentMoney: { amount, currencyCode: 'EUR' },
    });
    expect(input.lineItems).toEqual([
      {
        variantId: 'gid://shopify/ProductVariant/70',
        quantity: 2,
        priceSet: eur('20.00'),
        taxLines: [{ title: 'MwSt.', rate: '0.19', priceSet: eur('6.84') }],
      },
      {
        title: 'Retired mug',
        sku: 'OLD-1',
        quantity: 1,
        priceSet: eur('8.00'),
        taxLines: [{ title: 'MwSt.', rate: '0.19', priceSet: eur('1.52') }],
      },
    ]);
    expect(transform.customLines).toEqual(['l2']);
    expect(input.shippingLines).toEqual([{ title: 'DHL Paket', priceSet: eur('4.90'), taxLines: [] }]);
    expect(input.discountCode).toEqual({ itemFixedDiscountCode: { code: 'welcome10', amountSet: eur('4.00') } });
    expect(transform.notKept.join(' ')).toMatch(/Codes welcome10, extra were used together/);
  });

  it('maps statuses (partly refunded when refunds are less than the total), with the sale and the refund as transactions', () => {
    expect(input).toMatchObject({ financialStatus: 'PARTIALLY_REFUNDED', fulfillmentStatus: 'FULFILLED' });
    expect(input.transactions).toEqual([
      {
        kind: 'SALE',
        status: 'SUCCESS',
        amountSet: {
          shopMoney: { amount: '57.26', currencyCode: 'EUR' },
          presentmentMoney: { amount: '57.26', currencyCode: 'EUR' },
        },
        processedAt: '2024-02-01T09:30:00Z',
      },
      {
        kind: 'REFUND',
        status: 'SUCCESS',
        amountSet: {
          shopMoney: { amount: '10.00', currencyCode: 'EUR' },
          presentmentMoney: { amount: '10.00', currencyCode: 'EUR' },
        },
        processedAt: '2024-02-02T10:00:00Z',
      },
    ]);
    const pending = toOrderCreateVariables({ ...order, sourceStatus: 'on-hold', refunds: [] }, context).variables.order;
    expect(pending).toMatchObject({ financialStatus: 'PENDING' });
    expect(pending).not.toHaveProperty('fulfillmentStatus');
    expect(pending).not.toHaveProperty('transactions');
    const cancelled = toOrderCreateVariables({ ...order, sourceStatus: 'cancelled', refunds: [] }, context);
    expect(cancelled.variables.order).toMatchObject({ financialStatus: 'VOIDED', tags: ['cancelled'] });
  });

  it('lets the merchant’s status map win, and says when a status has no mapping', () => {
    const options = OrderOptions.parse({
      orderStatusMap: { 'on-hold': { financialStatus: 'AUTHORIZED', fulfillmentStatus: 'PARTIAL' } },
    });
    const mapped = toOrderCreateVariables({ ...order, sourceStatus: 'on-hold', refunds: [] }, { ...context, options });
    expect(mapped.variables.order).toMatchObject({ financialStatus: 'AUTHORIZED', fulfillmentStatus: 'PARTIAL' });
    assertValidForShopify(mapped.variables);
    const unknown = toOrderCreateVariables({ ...order, sourceStatus: 'awaiting-pickup', refunds: [] }, context);
    expect(unknown.variables.order).toMatchObject({ financialStatus: 'PENDING' });
    expect(unknown.notKept.join(' ')).toMatch(/"awaiting-pickup" has no mapping/);
  });

  it('names the customer with `customer.toAssociate`, never the deprecated `customerId`', () => {
    expect(input).not.toHaveProperty('customerId');
    expect(input.customer).toEqual({ toAssociate: { id: 'gid://shopify/Customer/7' } });
  });

  it('sends a guest order with its email and no customer (Shopify links it by the email), and says so when the customer did not move', () => {
    const guest = toOrderCreateVariables({ ...order, customerSourceId: null }, context);
    expect(guest.variables.order).not.toHaveProperty('customer');
    expect(guest.variables.order).toMatchObject({ email: 'anna@example.com' });
    expect(guest.notKept.join(' ')).not.toMatch(/Customer/);
    const orphan = toOrderCreateVariables({ ...order, customerSourceId: '5999' }, context);
    expect(orphan.variables.order).not.toHaveProperty('customer');
    expect(orphan.notKept.join(' ')).toMatch(/Customer 5999 did not move, so the order is linked by its email/);
  });

  it('keeps the order’s email off a customer who moved without one (Shopify would make it theirs), in the order’s note', () => {
    const withoutEmail = toOrderCreateVariables(order, { ...context, customerEmails: new Map([['5001', null]]) });
    expect(withoutEmail.variables.order).not.toHaveProperty('email');
    expect(withoutEmail.variables.order.note).toContain('Email on the order: anna@example.com');
    expect(withoutEmail.notKept.join(' ')).toMatch(/its customer moved without an email/);
    expect(
      toOrderCreateVariables(order, { ...context, customerEmails: new Map([['5001', 'anna@example.com']]) }).variables
        .order,
    ).toMatchObject({ email: 'anna@example.com' });
  });

  it('records a EUR order in a USD shop in USD at the merchant’s rate and in EUR as paid, never labelling euros as dollars', () => {
    const usdShop = {
      ...context,
      shopCurrency: 'USD',
      options: OrderOptions.parse({ exchangeRates: { EUR: '1.10' } }),
    };
    const converted = toOrderCreateVariables(order, usdShop);
    assertValidForShopify(converted.variables);
    expect(converted.variables.order).toMatchObject({ presentmentCurrency: 'EUR' });
    expect(converted.variables.order).not.toHaveProperty('currency');
    const [first] = converted.variables.order.lineItems as { priceSet: unknown; taxLines: { priceSet: unknown }[] }[];
    expect(first?.priceSet).toEqual({
      shopMoney: { amount: '22.00', currencyCode: 'USD' },
      presentmentMoney: { amount: '20.00', currencyCode: 'EUR' },
    });
    // 6.84 EUR × 1.10 = 7.524, to the cent
    expect(first?.taxLines[0]?.priceSet).toEqual({
      shopMoney: { amount: '7.52', currencyCode: 'USD' },
      presentmentMoney: { amount: '6.84', currencyCode: 'EUR' },
    });
    const amounts = JSON.stringify(converted.variables.order);
    expect(amounts.match(/"shopMoney":\{[^}]*\}/g)?.every((money) => money.includes('"USD"'))).toBe(true);
  });

  it('keeps an order in another currency back, with the reason, when the merchant gave no rate for it', () => {
    expect(() => toOrderCreateVariables(order, { ...context, shopCurrency: 'USD' })).toThrow(OrderKeptBack);
    expect(() => toOrderCreateVariables(order, { ...context, shopCurrency: 'USD' })).toThrow(
      /no EUR → USD exchange rate was given/,
    );
  });

  it('sends the old store’s date as it is, and says so when Shopify set a date in the future to the time of writing', () => {
    const future = { ...order, processedAt: '2099-01-01T00:00:00.000Z' };
    expect(toOrderCreateVariables(future, context).variables.order.processedAt).toBe('2099-01-01T00:00:00.000Z');
    expect(futureDateClamped(future, '2026-11-02T09:00:00.000Z')).toBe(
      'The old store dates this order 2099-01-01T00:00:00.000Z, in the future; Shopify records it as processed when it was written (2026-11-02T09:00:00.000Z).',
    );
    expect(futureDateClamped(order, '2024-02-01T09:30:00.000Z')).toBeNull();
  });

  it('flags a total Shopify computes differently, with both totals', () => {
    expect(totalsDiffer(order, '57.26')).toBeNull();
    expect(totalsDiffer(order, '59.26')).toBe(
      'Shopify computes a total of 59.26 EUR; the old store recorded 57.26 EUR.',
    );
  });
});
