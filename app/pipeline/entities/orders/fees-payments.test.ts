// Fee lines, the payment's gateway and id, refund dates and codes that took nothing off, as orderCreate input (pinned Admin schema).
import { type OperationDefinitionNode, getVariableValues, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { Order } from '../../../../connectors/model.ts';
import { loadAdminSchema } from '../../../../admin-api/schema.ts';
import { OrderOptions, toOrderCreateVariables } from './input.server.ts';
import { ORDER_CREATE } from '../../../shopify-admin/graphql/orders.ts';

const schema = loadAdminSchema();
const operation = parse(ORDER_CREATE).definitions[0] as OperationDefinitionNode;
const eur = (amount: string) => ({
  shopMoney: { amount, currencyCode: 'EUR' },
  presentmentMoney: { amount, currencyCode: 'EUR' },
});
const context = {
  platform: 'woocommerce',
  options: OrderOptions.parse({}),
  shopCurrency: 'EUR',
  customerIds: new Map<string, string>(),
  variantIds: new Map([['101', 'gid://shopify/ProductVariant/70']]),
};

const base = {
  sourceId: '9100',
  number: '9100',
  customerSourceId: null,
  email: 'anna@example.com',
  currency: 'EUR',
  sourceStatus: 'completed',
  lineItems: [
    {
      sourceId: 'l1',
      productSourceId: '101',
      variantSourceId: null,
      title: 'Hoodie',
      quantity: 1,
      price: '20.00',
      taxLines: [{ title: 'MwSt.', rate: 0.19, amount: '3.80' }],
    },
  ],
  shippingLines: [{ title: 'DHL Paket', price: '4.90' }],
  subtotal: '20.00',
  totalTax: '4.56',
  total: '33.26',
  processedAt: '2024-02-01T09:30:00Z',
  feeLines: [
    {
      sourceId: 'f1',
      title: 'Gift wrapping',
      price: '4.00',
      taxLines: [{ title: 'MwSt.', rate: 0.19, amount: '0.76' }],
    },
  ],
  payment: { gateway: 'stripe', title: 'Credit card (Stripe)', transactionId: 'ch_3Pq' },
  refunds: [{ sourceId: 'r1', amount: '5.00', reason: null, createdAt: '2024-02-03T08:00:00.000Z' }],
};

function transformed(changes: Record<string, unknown> = {}) {
  const result = toOrderCreateVariables(Order.parse({ ...base, ...changes }), context);
  const validation = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    result.variables as unknown as Record<string, unknown>,
  );
  expect(validation.errors?.map((error) => error.message) ?? []).toEqual([]);
  return result;
}

describe('fees, payments and refunds → orderCreate', () => {
  it('moves a fee as a custom line that needs no shipping, with its tax', () => {
    const { variables, customLines } = transformed();
    expect(variables.order.lineItems).toContainEqual({
      title: 'Gift wrapping',
      quantity: 1,
      priceSet: eur('4.00'),
      requiresShipping: false,
      taxable: true,
      taxLines: [{ title: 'MwSt.', rate: '0.19', priceSet: eur('0.76') }],
    });
    expect(customLines).toEqual([]);
  });

  it('takes a negative fee and its tax off as the discount, and says so', () => {
    const { variables, notKept } = transformed({
      feeLines: [
        {
          sourceId: 'f2',
          title: 'Loyalty discount',
          price: '-2.00',
          taxLines: [{ title: 'MwSt.', rate: 0.19, amount: '-0.38' }],
        },
      ],
    });
    expect(variables.order.lineItems).toHaveLength(1);
    expect(variables.order.discountCode).toEqual({
      itemFixedDiscountCode: { code: 'Loyalty discount', amountSet: eur('2.38') },
    });
    expect(notKept.join(' ')).toContain('"Loyalty discount" took money off the order');
  });

  it('keeps the gateway and its transaction id on the sale, and each refund’s date', () => {
    const { variables, notKept } = transformed();
    expect(variables.order.transactions).toEqual([
      {
        kind: 'SALE',
        status: 'SUCCESS',
        gateway: 'Credit card (Stripe)',
        authorizationCode: 'ch_3Pq',
        amountSet: eur('33.26'),
        processedAt: '2024-02-01T09:30:00Z',
      },
      {
        kind: 'REFUND',
        status: 'SUCCESS',
        gateway: 'Credit card (Stripe)',
        amountSet: eur('5.00'),
        processedAt: '2024-02-03T08:00:00.000Z',
      },
    ]);
    expect(notKept.join(' ')).not.toContain('no date');
  });

  it('says when the old store gave no refund date, and keeps an unpaid order’s payment method in its note', () => {
    expect(transformed({ refunds: [{ sourceId: 'r1', amount: '5.00' }] }).notKept.join(' ')).toContain(
      'The old store gave no date for a refund',
    );
    const pending = transformed({
      sourceStatus: 'on-hold',
      refunds: [],
      payment: { gateway: 'bacs', title: 'Direct bank transfer', transactionId: null },
    });
    expect(pending.variables.order).not.toHaveProperty('transactions');
    expect(pending.variables.order.note).toBe('Payment method: Direct bank transfer');
  });

  it('records a free-shipping coupon that took nothing off as a free-shipping code', () => {
    const { variables } = transformed({
      shippingLines: [{ title: 'Free shipping', price: '0.00' }],
      discountCodes: [{ code: 'freeship', amount: '0.00', freeShipping: true }],
    });
    expect(variables.order.discountCode).toEqual({ freeShippingDiscountCode: { code: 'freeship' } });
  });

  it('records a code that took nothing off as a fixed code of 0 when it gave no free shipping or shipping was paid, and names the code that did take money off first', () => {
    const free = [{ title: 'Free shipping', price: '0.00' }];
    expect(
      transformed({ shippingLines: free, discountCodes: [{ code: 'spring', amount: '0.00', freeShipping: false }] })
        .variables.order.discountCode,
    ).toEqual({ itemFixedDiscountCode: { code: 'spring', amountSet: eur('0.00') } });
    expect(
      transformed({ shippingLines: free, discountCodes: [{ code: 'freeship', amount: '0.00' }] }).variables.order
        .discountCode,
    ).toEqual({ freeShippingDiscountCode: { code: 'freeship' } });
    expect(
      transformed({ discountCodes: [{ code: 'freeship', amount: '0.00', freeShipping: true }] }).variables.order
        .discountCode,
    ).toEqual({ itemFixedDiscountCode: { code: 'freeship', amountSet: eur('0.00') } });
    const both = transformed({
      lineItems: [{ ...base.lineItems[0], discount: '2.00' }],
      discountCodes: [
        { code: 'freeship', amount: '0.00', freeShipping: true },
        { code: 'save2', amount: '2.00' },
      ],
    });
    expect(both.variables.order.discountCode).toEqual({
      itemFixedDiscountCode: { code: 'save2', amountSet: eur('2.00') },
    });
    expect(both.notKept.join(' ')).toContain('Codes save2, freeship were used together');
  });
});
