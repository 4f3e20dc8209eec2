// Orders and reviews as a real WooCommerce 11 store has them (seed flag `realOrders`): an order with a
// fee line ("Gift wrapping" with its tax), paid by card with the gateway's transaction id and partly
// refunded; an order with a free-shipping coupon that took nothing off, paid by bank transfer; a
// review held for moderation and one marked as spam. Also the routes WooCommerce documents for them:
// `orders/<id>/refunds` (each refund with its date, which the order's own `refunds` list lacks) and
// `products/reviews?status=` ("Options: all, hold, approved, spam and trash. Default is approved";
// `all` is WordPress's approved and held comments, never spam or trash).
import type { Catalog } from './catalog.ts';
import type { JsonReply } from './pagination.ts';
import { listReply, wooError } from './pagination.ts';
import { datePair } from './shapes.ts';
import type { Store } from './store.ts';
import { productId } from './store.ts';

/** How many orders and reviews the flag adds after the seeded ones. */
export const REAL_ORDER_COUNT = 2;
export const REAL_REVIEW_COUNT = 2;

const PLACED = Date.parse('2025-05-20T09:15:00Z');
const DAY = 86_400_000;

const dated = (store: Store, prefix: string, at: number): Record<string, string> => {
  const pair = datePair(new Date(at), store.offsetMinutes);
  return { [prefix]: pair.local, [`${prefix}_gmt`]: pair.gmt };
};

const vat = (rateId: number, total: string) => [{ id: rateId, total, subtotal: total }];

function line(index: number, product: number, name: string, quantity: number, unit: number) {
  const total = (unit * quantity).toFixed(2);
  const tax = (unit * quantity * 0.19).toFixed(2);
  return {
    id: 71_000 + index,
    name,
    product_id: productId(product),
    variation_id: 0,
    quantity,
    tax_class: '',
    subtotal: total,
    subtotal_tax: tax,
    total,
    total_tax: tax,
    taxes: vat(1, tax),
    meta_data: [],
    sku: `SKU-${product}`,
    price: unit,
  };
}

const MWST = { rate_code: 'DE-MWST-1', rate_id: 1, label: 'MwSt.', compound: false, rate_percent: 19, meta_data: [] };

/** The order a shopper placed with gift wrapping, paid by card, and partly refunded two days later. */
function giftWrappedOrder(
  store: Store,
  id: number,
  customerId: number,
  billing: Record<string, string>,
): Record<string, unknown> {
  const placed = PLACED + (id % 100) * 3_600_000;
  return {
    id,
    parent_id: 0,
    number: String(id),
    order_key: `wc_order_gift_${id}`,
    created_via: 'checkout',
    version: '11.0.0',
    status: 'completed',
    currency: 'EUR',
    ...dated(store, 'date_created', placed),
    ...dated(store, 'date_modified', placed + 2 * DAY),
    ...dated(store, 'date_paid', placed),
    ...dated(store, 'date_completed', placed + DAY),
    discount_total: '0.00',
    discount_tax: '0.00',
    shipping_total: '5.00',
    shipping_tax: '0.95',
    cart_tax: '4.18',
    total: '32.13',
    total_tax: '5.13',
    prices_include_tax: false,
    customer_id: customerId,
    customer_note: '',
    billing,
    shipping: { ...billing, email: undefined, phone: '' },
    payment_method: 'stripe',
    payment_method_title: 'Credit card (Stripe)',
    transaction_id: 'ch_3QfGiftWrap01',
    line_items: [line(id, 1, 'Beanie', 1, 18)],
    tax_lines: [{ id: 81_000 + id, ...MWST, tax_total: '4.18', shipping_tax_total: '0.95' }],
    shipping_lines: [
      {
        id: 91_000 + id,
        method_title: 'Flat rate',
        method_id: 'flat_rate',
        instance_id: '1',
        total: '5.00',
        total_tax: '0.95',
        taxes: vat(1, '0.95'),
        meta_data: [],
      },
    ],
    fee_lines: [
      {
        id: 61_000 + id,
        name: 'Gift wrapping',
        tax_class: '',
        tax_status: 'taxable',
        amount: '4',
        total: '4.00',
        total_tax: '0.76',
        taxes: vat(1, '0.76'),
        meta_data: [],
      },
    ],
    coupon_lines: [],
    refunds: [{ id: 96_000 + id, reason: 'Gift wrapping was forgotten', total: '-4.76' }],
    meta_data: [],
  };
}

/** A guest's order with a free-shipping coupon (it took nothing off the items), paid by bank transfer. */
function freeShippingOrder(store: Store, id: number, billing: Record<string, string>): Record<string, unknown> {
  const placed = PLACED + (id % 100) * 3_600_000;
  return {
    id,
    parent_id: 0,
    number: String(id),
    order_key: `wc_order_free_${id}`,
    created_via: 'checkout',
    version: '11.0.0',
    status: 'processing',
    currency: 'EUR',
    ...dated(store, 'date_created', placed),
    ...dated(store, 'date_modified', placed + DAY),
    ...dated(store, 'date_paid', placed + DAY),
    date_completed: null,
    date_completed_gmt: null,
    discount_total: '0.00',
    discount_tax: '0.00',
    shipping_total: '0.00',
    shipping_tax: '0.00',
    cart_tax: '4.75',
    total: '29.75',
    total_tax: '4.75',
    prices_include_tax: false,
    customer_id: 0,
    customer_note: '',
    billing,
    shipping: { ...billing, email: undefined, phone: '' },
    payment_method: 'bacs',
    payment_method_title: 'Direct bank transfer',
    transaction_id: '',
    line_items: [line(id, 2, 'T-Shirt', 2, 12.5)],
    tax_lines: [{ id: 81_000 + id, ...MWST, tax_total: '4.75', shipping_tax_total: '0.00' }],
    shipping_lines: [
      {
        id: 91_000 + id,
        method_title: 'Free shipping',
        method_id: 'free_shipping',
        instance_id: '2',
        total: '0.00',
        total_tax: '0.00',
        taxes: [],
        meta_data: [],
      },
    ],
    fee_lines: [],
    // Recent WooCommerce versions list the coupon's kind and whether it gave free shipping on the order's coupon line.
    coupon_lines: [
      {
        id: 97_000 + id,
        code: 'freeship',
        discount: '0.00',
        discount_tax: '0.00',
        discount_type: 'fixed_cart',
        nominal_amount: 0,
        free_shipping: true,
        meta_data: [],
      },
    ],
    refunds: [],
    meta_data: [],
  };
}

/** The real order at position 1..REAL_ORDER_COUNT after the seeded ones, with the id the seeded numbering gives it. */
export function realOrder(
  store: Store,
  position: number,
  id: number,
  customer: Record<string, unknown> | null,
): Record<string, unknown> {
  const billing = {
    first_name: 'Maja',
    last_name: 'Berg',
    company: '',
    address_1: '4 Lindenweg',
    address_2: '',
    city: 'Hamburg',
    state: '',
    postcode: '20095',
    country: 'DE',
    email: 'maja.berg@example.com',
    phone: '',
  };
  if (position === 1 && customer)
    return giftWrappedOrder(store, id, Number(customer.id), {
      ...billing,
      ...(customer.billing as Record<string, string>),
    });
  if (position === 1) return giftWrappedOrder(store, id, 0, billing);
  return freeShippingOrder(store, id, billing);
}

/** The real reviews after the seeded ones: one awaiting moderation, one marked as spam. */
export function realReview(store: Store, position: number, id: number): Record<string, unknown> {
  const held = position === 1;
  return {
    id,
    ...dated(store, 'date_created', PLACED + position * DAY),
    product_id: productId(1),
    status: held ? 'hold' : 'spam',
    reviewer: held ? 'Jonas K.' : 'cheap pills',
    reviewer_email: held ? 'jonas@example.com' : 'spam@example.invalid',
    review: held
      ? '<p>Warm and soft, but the bobble came off after a week.</p>'
      : '<p>Buy cheap pills at http://spam.invalid</p>',
    rating: held ? 3 : 5,
    verified: held,
    reviewer_avatar_urls: {},
  };
}

/** WooCommerce's `products/reviews` status filter: approved unless asked; `all` is approved and held. */
export function reviewStatusFilter(
  url: URL,
  reviewAt: (index: number) => Record<string, unknown>,
): ((index: number) => boolean) | JsonReply {
  const status = url.searchParams.get('status') ?? 'approved';
  const statuses: Record<string, string[]> = {
    all: ['approved', 'hold'],
    approved: ['approved'],
    hold: ['hold'],
    spam: ['spam'],
    trash: ['trash'],
  };
  const wanted = statuses[status];
  if (!wanted)
    return wooError(400, 'rest_invalid_param', 'Invalid parameter(s): status', {
      params: { status: 'status is not one of all, hold, approved, spam, and trash.' },
    });
  return (index) => wanted.includes(String(reviewAt(index).status));
}

/**
 * `orders/<id>/refunds`: each refund of the order in full, with its date. A seeded order's refund is
 * dated when the order was last modified (the refund is what changed it).
 */
export function orderRefunds(catalog: Catalog, url: URL, orderId: number): JsonReply {
  const index = orderId - 9000;
  if (!Number.isInteger(index) || index < 1 || index > catalog.counts.orders)
    return wooError(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
  const order = catalog.orderAt(index) as {
    refunds: { id: number; reason: string; total: string }[];
    date_modified: string;
    date_modified_gmt: string;
  };
  const refunds = order.refunds.map((refund) => ({
    id: refund.id,
    date_created: order.date_modified,
    date_created_gmt: order.date_modified_gmt,
    amount: refund.total.replace(/^-/, ''),
    reason: refund.reason,
    refunded_by: 1,
    refunded_payment: true,
    meta_data: [],
    line_items: [],
    shipping_lines: [],
    tax_lines: [],
    fee_lines: [],
  }));
  return listReply(url, refunds);
}
