import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore, { devStore: false });
});
afterAll(() => devstore.stop());

const PAGE =
  'mutation($page: PageCreateInput!) { pageCreate(page: $page) { page { publishedAt } userErrors { code } } }';
const DISCOUNT =
  'mutation($discount: DiscountCodeBasicInput!) { discountCodeBasicCreate(basicCodeDiscount: $discount) { codeDiscountNode { id } userErrors { field code } } }';
const discount = (code: string, changes: Record<string, unknown>) => ({
  title: code,
  code,
  context: { all: 'ALL' },
  customerGets: { value: { percentage: 0.1 }, items: { all: true } },
  ...changes,
});

describe("Shopify's DateTime, Decimal and UnsignedInt64", () => {
  it("refuses a DateTime that is not an ISO 8601 date and time, in graphql-ruby's words, before anything runs", async () => {
    for (const publishDate of [
      'soon',
      '2025-02-30T10:00:00Z',
      '2025-01-01',
      '2025-01-01 10:00:00',
      '0000-01-01T00:00:00Z',
    ]) {
      const { status, body } = await admin(devstore, shop, PAGE, { page: { title: 'About', publishDate } });
      expect(status).toBe(200);
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([
        {
          message: `Variable $page of type PageCreateInput! was provided invalid value for publishDate (Could not coerce value ${JSON.stringify(publishDate)} to DateTime)`,
          locations: [expect.any(Object)],
          extensions: {
            code: 'INVALID_VARIABLE',
            value: { title: 'About', publishDate },
            problems: [
              {
                path: ['publishDate'],
                explanation: `Could not coerce value ${JSON.stringify(publishDate)} to DateTime`,
              },
            ],
          },
        },
      ]);
    }
    const pages = await admin(devstore, shop, '{ pages(first: 5) { nodes { id } } }');
    expect(pages.body.data.pages.nodes).toEqual([]);
  });

  it('takes a DateTime in UTC, with an offset, or without a zone', async () => {
    for (const [publishDate, publishedAt] of [
      ['2024-01-01T10:00:00Z', '2024-01-01T10:00:00.000Z'],
      ['2024-01-01T10:00:00.5+02:00', '2024-01-01T08:00:00.500Z'],
    ]) {
      const { body } = await admin(devstore, shop, PAGE, { page: { title: 'Dated', publishDate } });
      expect(body.data.pageCreate).toEqual({ page: { publishedAt }, userErrors: [] });
    }
    const { body } = await admin(devstore, shop, PAGE, {
      page: { title: 'Local', publishDate: '2024-01-01T10:00:00' },
    });
    expect(body.data.pageCreate.userErrors).toEqual([]);
  });

  it('refuses a literal that is not one, as the validator does', async () => {
    const { status, body } = await admin(
      devstore,
      shop,
      'mutation { pageCreate(page: { title: "X", publishDate: "yesterday" }) { page { id } } }',
    );
    expect(status).toBe(200);
    expect(body.errors[0]).toMatchObject({
      message: expect.stringContaining('Expected value of type "DateTime", found "yesterday"'),
      extensions: { code: 'argumentLiteralsIncompatible' },
    });
  });

  it('refuses a Decimal or an UnsignedInt64 that is not one, and answers a userError for one devstore cannot keep', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [
        { customerGets: { value: { discountAmount: { amount: '1e30' } }, items: { all: true } } },
        'Could not coerce value "1e30" to Decimal',
      ],
      [
        { minimumRequirement: { quantity: { greaterThanOrEqualToQuantity: '-1' } } },
        'Could not coerce value "-1" to UnsignedInt64',
      ],
      [
        { minimumRequirement: { quantity: { greaterThanOrEqualToQuantity: 'two' } } },
        'Could not coerce value "two" to UnsignedInt64',
      ],
      [{ startsAt: '31/12/2024' }, 'Could not coerce value "31/12/2024" to DateTime'],
    ];
    for (const [changes, explanation] of cases) {
      const { status, body } = await admin(devstore, shop, DISCOUNT, { discount: discount('BAD', changes) });
      expect(status).toBe(200);
      expect(body.errors[0].extensions.problems[0].explanation).toBe(explanation);
    }
    const kept = async (code: string, changes: Record<string, unknown>) =>
      (await admin(devstore, shop, DISCOUNT, { discount: discount(code, changes) })).body.data.discountCodeBasicCreate
        .userErrors;
    expect(await kept('ZERO', { minimumRequirement: { quantity: { greaterThanOrEqualToQuantity: '0' } } })).toEqual([
      {
        field: ['basicCodeDiscount', 'minimumRequirement', 'quantity', 'greaterThanOrEqualToQuantity'],
        code: 'GREATER_THAN',
      },
    ]);
    expect(
      await kept('MANY', { minimumRequirement: { quantity: { greaterThanOrEqualToQuantity: '3000000000' } } }),
    ).toEqual([
      {
        field: ['basicCodeDiscount', 'minimumRequirement', 'quantity', 'greaterThanOrEqualToQuantity'],
        code: 'EXCEEDED_MAX',
      },
    ]);
    expect(
      await kept('HUGE', {
        customerGets: { value: { discountAmount: { amount: '1000000000000000000' } }, items: { all: true } },
      }),
    ).toEqual([
      { field: ['basicCodeDiscount', 'customerGets', 'value', 'discountAmount', 'amount'], code: 'EXCEEDED_MAX' },
    ]);
    expect(await kept('FINE', { minimumRequirement: { quantity: { greaterThanOrEqualToQuantity: '2' } } })).toEqual([]);
  });

  it('answers userErrors, not a 500, for a price or an order larger than devstore keeps', async () => {
    const product = await admin(
      devstore,
      shop,
      'mutation($price: Money) { productSet(input: { title: "Gold", productOptions: [{ name: "Size", values: [{ name: "One" }] }], variants: [{ optionValues: [{ optionName: "Size", name: "One" }], price: $price }] }) { product { id } userErrors { field code } } }',
      { price: '1000000000000000000' },
    );
    expect(product.body.data.productSet).toEqual({
      product: null,
      userErrors: [{ field: ['input', 'variants', '0', 'price'], code: 'INVALID_VARIANT' }],
    });
    const order = await admin(
      devstore,
      shop,
      'mutation($order: OrderCreateOrderInput!) { orderCreate(order: $order) { order { id } userErrors { field code } } }',
      {
        order: {
          lineItems: [
            {
              title: 'Gold',
              quantity: 2,
              priceSet: { shopMoney: { amount: '900000000000000000.00', currencyCode: 'USD' } },
              taxLines: [{ title: 'VAT', rate: 0.1 }],
            },
          ],
        },
      },
    );
    expect(order.status).toBe(200);
    expect(order.body.data.orderCreate).toEqual({ order: null, userErrors: [{ field: ['order'], code: 'INVALID' }] });
  });
});
