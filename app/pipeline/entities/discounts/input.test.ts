// The discount transform, field by field and against Shopify's own input types (pinned Admin schema).
import { type OperationDefinitionNode, getVariableValues, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { Discount } from '../../../../connectors/model.ts';
import { loadAdminSchema } from '../../../../admin-api/schema.ts';
import { type DiscountPlan, addressLike, foreseenNotKept, toDiscountInput } from './input.server.ts';
import {
  DISCOUNT_BASIC_CREATE,
  DISCOUNT_BASIC_UPDATE,
  DISCOUNT_BY_CODE,
  DISCOUNT_DELETE,
  DISCOUNT_FREE_SHIPPING_CREATE,
  DISCOUNT_FREE_SHIPPING_UPDATE,
  DISCOUNT_KIND,
  DISCOUNT_COLLECTIONS,
  DISCOUNT_PRODUCTS,
} from '../../../shopify-admin/graphql/discounts.ts';

const schema = loadAdminSchema();

function assertValidFor(document: string, variables: unknown) {
  const operation = parse(document).definitions[0] as OperationDefinitionNode;
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], variables as Record<string, unknown>);
  expect(result.errors?.map((error) => error.message) ?? []).toEqual([]);
}

const context = {
  platform: 'woocommerce',
  productIds: new Map([
    ['1001', 'gid://shopify/Product/11'],
    ['1002', 'gid://shopify/Product/12'],
  ]),
  collectionIds: new Map([['20', 'gid://shopify/Collection/2']]),
  customersFor: new Map([
    ['vip@example.com', ['gid://shopify/Customer/31']],
    ['*@studio.example', ['gid://shopify/Customer/32', 'gid://shopify/Customer/33']],
  ]),
  catalog: {
    products: new Map([
      ['1001', { gid: 'gid://shopify/Product/11', categorySourceIds: ['20'], variantSourceIds: ['1001'] }],
      ['1002', { gid: 'gid://shopify/Product/12', categorySourceIds: ['21'], variantSourceIds: ['1002'] }],
    ]),
    categoryParents: new Map<string, string | null>([
      ['20', null],
      ['21', null],
    ]),
  },
  broaderCoupons: false,
};

const base = {
  sourceId: '7001',
  code: 'welcome10',
  sourceType: 'percent',
  value: { kind: 'percentage', percent: 10 },
  startsAt: '2023-06-02T00:00:00.000Z',
};
const coupon = (changes: Record<string, unknown>) => Discount.parse({ ...base, ...changes });

function written(plan: DiscountPlan) {
  if (plan.kind === 'skip' || plan.kind === 'refuse')
    throw new Error(`expected a discount, got ${plan.kind}: ${plan.reason}`);
  return plan;
}

describe('coupon → discount code', () => {
  it('produces variables Shopify’s schema accepts for every mutation and query', () => {
    const basic = written(
      toDiscountInput(
        coupon({
          minimumSubtotal: '50.00',
          endsAt: '2025-12-31T23:00:00.000Z',
          productSourceIds: ['1001'],
          usageLimit: 100,
          usageLimitPerCustomer: 1,
        }),
        context,
      ),
    );
    assertValidFor(DISCOUNT_BASIC_CREATE, { discount: basic.discount });
    assertValidFor(DISCOUNT_BASIC_UPDATE, { id: 'gid://shopify/DiscountCodeNode/1', discount: basic.discount });
    const forCustomers = written(
      toDiscountInput(coupon({ allowedCustomers: [{ kind: 'email', value: 'vip@example.com' }] }), context),
    );
    assertValidFor(DISCOUNT_BASIC_UPDATE, {
      id: 'gid://shopify/DiscountCodeNode/1',
      discount: {
        ...forCustomers.discount,
        context: { customers: { add: ['gid://shopify/Customer/31'], remove: ['gid://shopify/Customer/30'] } },
      },
    });
    const shipping = written(
      toDiscountInput(
        coupon({ value: { kind: 'fixed_amount', amount: '0.00', appliesOncePerOrder: true }, freeShipping: true }),
        context,
      ),
    );
    assertValidFor(DISCOUNT_FREE_SHIPPING_CREATE, { discount: shipping.discount });
    assertValidFor(DISCOUNT_FREE_SHIPPING_UPDATE, {
      id: 'gid://shopify/DiscountCodeNode/1',
      discount: shipping.discount,
    });
    assertValidFor(DISCOUNT_BY_CODE, { code: 'welcome10' });
    assertValidFor(DISCOUNT_KIND, { id: 'gid://shopify/DiscountCodeNode/1' });
    assertValidFor(DISCOUNT_PRODUCTS, { id: 'gid://shopify/DiscountCodeNode/1', after: null });
    assertValidFor(DISCOUNT_COLLECTIONS, { id: 'gid://shopify/DiscountCodeNode/1', after: 'cursor' });
    const allBut = written(toDiscountInput(coupon({ excludedProductSourceIds: ['1002'] }), context));
    assertValidFor(DISCOUNT_BASIC_UPDATE, {
      id: 'gid://shopify/DiscountCodeNode/1',
      discount: {
        ...allBut.discount,
        customerGets: {
          items: {
            products: { productsToAdd: ['gid://shopify/Product/11'], productsToRemove: ['gid://shopify/Product/12'] },
          },
        },
      },
    });
    assertValidFor(DISCOUNT_DELETE, { id: 'gid://shopify/DiscountCodeNode/1' });
  });

  it('takes a percentage off the order, with its code, dates, minimum, limits and source tag', () => {
    const plan = written(
      toDiscountInput(
        coupon({
          minimumSubtotal: '50.00',
          endsAt: '2025-12-31T23:00:00.000Z',
          usageLimit: 100,
          usageLimitPerCustomer: 1,
        }),
        context,
      ),
    );
    expect(plan.kind).toBe('basic');
    expect(plan.discount).toEqual({
      title: 'welcome10',
      code: 'welcome10',
      startsAt: '2023-06-02T00:00:00.000Z',
      endsAt: '2025-12-31T23:00:00.000Z',
      usageLimit: 100,
      appliesOncePerCustomer: true,
      context: { all: 'ALL' },
      minimumRequirement: { subtotal: { greaterThanOrEqualToSubtotal: '50.00' } },
      tags: ['shipyard:woocommerce:7001'],
      customerGets: { value: { percentage: 0.1 }, items: { all: true } },
      combinesWith: { orderDiscounts: true, productDiscounts: true, shippingDiscounts: true },
    });
    expect(plan.notKept).toEqual([]);
  });

  it('takes a fixed amount once per order (fixed cart) or off each item (fixed product), on the products that moved', () => {
    const cart = written(
      toDiscountInput(coupon({ value: { kind: 'fixed_amount', amount: '5.00', appliesOncePerOrder: true } }), context),
    );
    expect(cart.discount.customerGets).toEqual({
      value: { discountAmount: { amount: '5.00', appliesOnEachItem: false } },
      items: { all: true },
    });
    const product = written(
      toDiscountInput(
        coupon({
          value: { kind: 'fixed_amount', amount: '5.00', appliesOncePerOrder: false },
          productSourceIds: ['1001', '1002', '1999'],
        }),
        context,
      ),
    );
    expect(product.discount.customerGets).toEqual({
      value: { discountAmount: { amount: '5.00', appliesOnEachItem: true } },
      items: { products: { productsToAdd: ['gid://shopify/Product/11', 'gid://shopify/Product/12'] } },
    });
    expect(product.notKept).toEqual([
      {
        code: 'discount-products-missing',
        message: 'Product 1999 did not move to Shopify, so the code no longer applies to it.',
      },
    ]);
  });

  it('applies to the collections its categories became', () => {
    const plan = written(toDiscountInput(coupon({ collectionSourceIds: ['20'] }), context));
    expect(plan.discount.customerGets).toEqual({
      value: { percentage: 0.1 },
      items: { collections: { add: ['gid://shopify/Collection/2'] } },
    });
  });

  it('refuses a restricted coupon whose products all stayed behind, rather than make it apply to everything', () => {
    expect(toDiscountInput(coupon({ productSourceIds: ['1998', '1999'] }), context)).toEqual({
      kind: 'refuse',
      reason:
        'Applies only to products 1998, 1999, which did not move to Shopify; without them the code would apply to everything.',
    });
  });

  it('makes a free shipping code of a coupon that only gives free shipping, and says when free shipping cannot come along', () => {
    const shipping = written(
      toDiscountInput(
        coupon({ value: { kind: 'percentage', percent: 0 }, freeShipping: true, minimumSubtotal: '30.00' }),
        context,
      ),
    );
    expect(shipping.kind).toBe('freeShipping');
    expect(shipping.discount).toMatchObject({
      code: 'welcome10',
      destination: { all: true },
      minimumRequirement: { subtotal: { greaterThanOrEqualToSubtotal: '30.00' } },
      combinesWith: { orderDiscounts: true, productDiscounts: true },
    });
    expect(shipping.discount.combinesWith).not.toHaveProperty('shippingDiscounts');
    const both = written(toDiscountInput(coupon({ freeShipping: true }), context));
    expect(both.kind).toBe('basic');
    expect(both.notKept.map((item) => item.code)).toEqual(['discount-free-shipping-not-kept']);
  });

  it('combines with nothing when the coupon was for individual use', () => {
    const plan = written(toDiscountInput(coupon({ combinesWithOtherCodes: false }), context));
    expect(plan.discount.combinesWith).toEqual({
      orderDiscounts: false,
      productDiscounts: false,
      shippingDiscounts: false,
    });
  });

  it('keeps only the uses left, skips a used-up coupon, and turns a per-customer limit above one into once per customer', () => {
    const partly = written(
      toDiscountInput(coupon({ usageLimit: 100, timesUsed: 40, usageLimitPerCustomer: 3 }), context),
    );
    expect(partly.discount).toMatchObject({ usageLimit: 60, appliesOncePerCustomer: true });
    expect(partly.notKept.map((item) => item.message)).toEqual([
      'Limited to the 60 uses left of 100 (40 used on the old store).',
      'Limited to 3 uses per customer on the old store; Shopify can only limit a code to one use per customer, so each customer may now use it once.',
    ]);
    expect(toDiscountInput(coupon({ usageLimit: 5, timesUsed: 5 }), context)).toEqual({
      kind: 'skip',
      reason: 'Used up on the old store (5 of 5 uses), so there is nothing left to redeem in Shopify.',
    });
  });

  it('keeps back a coupon whose restrictions would make the code broader, each reason said; with broader codes chosen, makes it with a warning for each', () => {
    const restricted = coupon({
      excludedProductSourceIds: ['1002'],
      excludesSaleItems: true,
      maximumSubtotal: '500.00',
      itemLimit: 2,
      description: 'Staff only',
    });
    const plan = toDiscountInput(restricted, context);
    expect(plan.kind).toBe('refuse');
    const reason = plan.kind === 'refuse' ? plan.reason : '';
    for (const words of [
      'Maximum spend 500.00: Shopify codes have no maximum order amount',
      'Discounts at most 2 items per order',
      'Excludes sale items',
      '(--broader-coupons)',
    ])
      expect(reason).toContain(words);
    const broader = written(toDiscountInput(restricted, { ...context, broaderCoupons: true }));
    expect(broader.notKept.map((item) => item.code)).toEqual([
      'discount-made-broader',
      'discount-made-broader',
      'discount-made-broader',
      'discount-exclusions-as-products',
      'discount-restriction-not-kept',
    ]);
    expect(broader.notKept[0]?.message).toBe(
      'Made broader than the coupon, as you chose: Maximum spend 500.00: Shopify codes have no maximum order amount, so larger orders would get the discount too.',
    );
    // The exclusion is still exact: every product that moved but 1002.
    expect((broader.discount.customerGets as { items: unknown }).items).toEqual({
      products: { productsToAdd: ['gid://shopify/Product/11'] },
    });
  });

  it('limits a coupon for email addresses to the customers with those addresses in Shopify', () => {
    const plan = written(
      toDiscountInput(
        coupon({
          allowedCustomers: [
            { kind: 'email', value: 'VIP@example.com' },
            { kind: 'pattern', value: '*@studio.example' },
          ],
        }),
        context,
      ),
    );
    expect(plan.discount.context).toEqual({
      customers: { add: ['gid://shopify/Customer/31', 'gid://shopify/Customer/32', 'gid://shopify/Customer/33'] },
    });
    expect(plan.notKept).toEqual([
      {
        code: 'discount-restriction-not-kept',
        message:
          'For any address like *@studio.example: limited to the customers with such an address in Shopify when it was written; a Shopify code cannot admit later customers by their address, so add them to the code there.',
      },
    ]);
  });

  it('leaves out of the code an address no customer in Shopify has, and says so', () => {
    const plan = written(
      toDiscountInput(
        coupon({
          allowedCustomers: [
            { kind: 'email', value: 'vip@example.com' },
            { kind: 'email', value: 'guest@example.com' },
          ],
        }),
        context,
      ),
    );
    expect(plan.discount.context).toEqual({ customers: { add: ['gid://shopify/Customer/31'] } });
    expect(plan.notKept).toEqual([
      {
        code: 'discount-customers-missing',
        message:
          'Also for guest@example.com, who has no customer account in Shopify, so the code does not work for that address until you add it to the code there.',
      },
    ]);
  });

  it('refuses a coupon for addresses no customer in Shopify has, rather than open it to everyone', () => {
    expect(
      toDiscountInput(coupon({ allowedCustomers: [{ kind: 'email', value: 'guest@example.com' }] }), context),
    ).toEqual({
      kind: 'refuse',
      forWantOfCustomers: true,
      reason:
        'Only for guest@example.com, and no customer in Shopify has that address; without its customers the code would be open to everyone. Move those customers (or add them in Shopify), then run the migration again.',
    });
    expect(
      toDiscountInput(coupon({ allowedCustomers: [{ kind: 'pattern', value: '*@nowhere.example' }] }), context),
    ).toMatchObject({
      kind: 'refuse',
      reason: expect.stringContaining('no customer in Shopify has any of those addresses'),
    });
  });

  it('reads an allowed address as a LIKE pattern: * for any run of characters, % and _ as themselves', () => {
    expect(addressLike({ kind: 'pattern', value: ' *@Studio.example ' })).toBe('%@studio.example');
    expect(addressLike({ kind: 'email', value: 'first_last%@example.com' })).toBe('first\\_last\\%@example.com');
  });

  it('foresees, without the id map, what the code will not hold', () => {
    const keep = { broaderCoupons: false };
    const restricted = coupon({
      freeShipping: true,
      usageLimitPerCustomer: 2,
      productSourceIds: ['1999'],
      description: 'Staff only',
    });
    expect(foreseenNotKept(restricted, keep).map((item) => item.code)).toEqual([
      'discount-limit-changed',
      'discount-free-shipping-not-kept',
      'discount-restriction-not-kept',
    ]);
    const withMaximum = coupon({ maximumSubtotal: '500.00', excludedCollectionSourceIds: ['21'] });
    expect(foreseenNotKept(withMaximum, keep)).toEqual([
      { code: 'discount-kept-back', message: expect.stringContaining('Maximum spend 500.00') },
    ]);
    expect(foreseenNotKept(withMaximum, { broaderCoupons: true }).map((item) => item.code)).toEqual([
      'discount-made-broader',
      'discount-exclusions-as-products',
    ]);
    expect(foreseenNotKept(coupon({}), keep)).toEqual([]);
    expect(foreseenNotKept(coupon({ allowedCustomers: [{ kind: 'email', value: 'vip@example.com' }] }), keep)).toEqual([
      {
        code: 'discount-customers-missing',
        message:
          'Only for vip@example.com: the Shopify code is limited to the customers with that address in Shopify, so they need to move too (or be there already); without any of them the code is not made.',
      },
    ]);
  });

  it('skips a coupon that gives nothing, and refuses one that expired before it began', () => {
    expect(toDiscountInput(coupon({ value: { kind: 'percentage', percent: 0 } }), context).kind).toBe('skip');
    expect(toDiscountInput(coupon({ endsAt: '2023-01-01T00:00:00.000Z' }), context)).toEqual({
      kind: 'refuse',
      reason:
        'Expires (2023-01-01T00:00:00.000Z) before it was created (2023-06-02T00:00:00.000Z); Shopify needs the end after the start.',
    });
  });
});
