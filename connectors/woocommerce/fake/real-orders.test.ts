// The test server's real-store shapes (seed flag realOrders) and the routes WooCommerce documents for
// them: the reviews status filter (approved by default, `all` is approved and held) and an order's refunds.
import { describe, expect, it } from 'vitest';
import { seedCatalog } from './catalog.ts';
import { wooRoute } from './routes.ts';

const catalog = seedCatalog({ products: 3, awkward: false, customers: 1, orders: 2, reviews: 2, realOrders: true });
const answer = (route: string, query = '') =>
  wooRoute(catalog, route, new URL(`http://store.invalid/wp-json/wc/v3${route}?per_page=100${query}`));
const statuses = (query: string) =>
  (answer('/products/reviews', query)?.body as { status: string }[]).map((review) => review.status);

describe('the realOrders seed', () => {
  it('adds two orders and two reviews after the seeded ones, and nothing without the flag', () => {
    expect(catalog.counts).toMatchObject({ orders: 4, reviews: 4 });
    expect(seedCatalog({ orders: 2, reviews: 2 }).counts).toMatchObject({ orders: 2, reviews: 2 });
    // An order placed later (store-changes.ts) is a seeded one, with or without the flag.
    expect(seedCatalog({ orders: 2, reviews: 2 }).orderAt(3)).toMatchObject({
      id: 9003,
      fee_lines: [],
      payment_method: 'stripe',
    });
    expect(catalog.orderAt(5)).toMatchObject({ id: 9005, fee_lines: [], coupon_lines: [] });
    expect(catalog.orderAt(3)).toMatchObject({
      id: 9003,
      fee_lines: [{ name: 'Gift wrapping', total: '4.00', total_tax: '0.76' }],
      payment_method: 'stripe',
      transaction_id: 'ch_3QfGiftWrap01',
      customer_id: 5001,
    });
    expect(catalog.orderAt(4)).toMatchObject({
      id: 9004,
      coupon_lines: [{ code: 'freeship', discount: '0.00', free_shipping: true }],
      payment_method: 'bacs',
    });
  });

  it('adds up each real order as WooCommerce does: lines, fees, shipping and their taxes', () => {
    for (const index of [3, 4]) {
      const order = catalog.orderAt(index) as Record<string, unknown> &
        Record<'line_items' | 'fee_lines' | 'shipping_lines', { total: string; total_tax: string }[]>;
      const lines = [...order.line_items, ...order.fee_lines, ...order.shipping_lines];
      const tax = lines.reduce((sum, line) => sum + Number(line.total_tax), 0);
      expect(Number(order.total_tax), `order ${index}`).toBeCloseTo(tax, 2);
      expect(Number(order.total), `order ${index}`).toBeCloseTo(
        lines.reduce((sum, line) => sum + Number(line.total), 0) + tax,
        2,
      );
    }
  });
});

describe('products/reviews?status=', () => {
  it('sends approved reviews by default, approved and held for all, and each status on its own', () => {
    expect(statuses('')).toEqual(['approved', 'approved']);
    expect(statuses('&status=all')).toEqual(['hold', 'approved', 'approved']);
    expect(statuses('&status=hold')).toEqual(['hold']);
    expect(statuses('&status=spam')).toEqual(['spam']);
  });

  it('refuses a status WooCommerce does not know', () => {
    expect(answer('/products/reviews', '&status=pending')).toMatchObject({
      status: 400,
      body: { code: 'rest_invalid_param' },
    });
  });
});

describe('orders/<id>/refunds', () => {
  it('lists each refund with its date and a positive amount', () => {
    expect(answer('/orders/9003/refunds')?.body).toEqual([
      expect.objectContaining({
        id: 96_000 + 9003,
        amount: '4.76',
        reason: 'Gift wrapping was forgotten',
        date_created_gmt: (catalog.orderAt(3) as { date_modified_gmt: string }).date_modified_gmt,
      }),
    ]);
    expect(answer('/orders/9004/refunds')?.body).toEqual([]);
  });

  it('answers 404 for an order the store does not have', () => {
    expect(answer('/orders/9999/refunds')).toMatchObject({
      status: 404,
      body: { code: 'woocommerce_rest_shop_order_invalid_id' },
    });
  });
});
