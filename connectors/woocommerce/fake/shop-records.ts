// The seeded store's customers, orders, coupons and product reviews, generated from their index in
// WooCommerce's documented shapes (guest orders, refunds, coupons of each kind, unrated reviews).
import { datePair } from './shapes.ts';
import type { Store } from './store.ts';
import { productId } from './store.ts';

const FIRST = ['Anna', 'Ben', 'Chloé', 'Dmitri', 'Emeka', 'Fatima', 'Greta', 'Hiro'];
const LAST = ['Schmidt', 'Okafor', 'Dubois', 'Tanaka', 'García', 'Novak', 'Smith', 'Larsen'];
const SEEDED_FROM = Date.parse('2023-06-01T00:00:00Z');

function dates(store: Store, at: Date, prefix: 'date_created' | 'date_modified'): Record<string, string> {
  const pair = datePair(at, store.offsetMinutes);
  return { [prefix]: pair.local, [`${prefix}_gmt`]: pair.gmt };
}

function address(index: number, withEmail: boolean): Record<string, string> {
  const first = FIRST[index % FIRST.length] ?? '';
  const last = LAST[(index * 3) % LAST.length] ?? '';
  const base = {
    first_name: first,
    last_name: last,
    company: index % 4 === 0 ? 'Atelier Nord' : '',
    address_1: `${index + 1} Market Street`,
    address_2: '',
    city: 'Berlin',
    state: '',
    postcode: '10115',
    country: 'DE',
  };
  return withEmail
    ? {
        ...base,
        email: `${first}.${last}.${index}@example.com`.toLowerCase(),
        phone: index % 2 === 0 ? `+49 30 ${1000 + index}` : '',
      }
    : base;
}

export function customer(store: Store, index: number): Record<string, unknown> {
  const at = new Date(SEEDED_FROM + index * 86_400_000);
  const billing = address(index, true);
  return {
    id: 5000 + index,
    ...dates(store, at, 'date_created'),
    ...dates(store, at, 'date_modified'),
    email: billing.email,
    first_name: billing.first_name,
    last_name: billing.last_name,
    role: 'customer',
    username: `customer${index}`,
    billing,
    // Many customers never fill a shipping address: WooCommerce sends it with every field empty.
    shipping:
      index % 3 === 0
        ? {
            first_name: '',
            last_name: '',
            company: '',
            address_1: '',
            address_2: '',
            city: '',
            state: '',
            postcode: '',
            country: '',
          }
        : address(index, false),
    is_paying_customer: index % 2 === 0,
    avatar_url: 'https://secure.gravatar.com/avatar/?s=96',
    meta_data: [],
  };
}

export function order(store: Store, index: number, customers: number, products: number): Record<string, unknown> {
  const at = new Date(SEEDED_FROM + index * 43_200_000);
  const guest = customers === 0 || index % 5 === 0;
  const customerIndex = customers > 0 ? (index % customers) + 1 : 0;
  const billing = address(customerIndex, true);
  const quantity = (index % 3) + 1;
  const unit = 10 + (index % 20);
  const subtotal = (unit * quantity).toFixed(2);
  const tax = (unit * quantity * 0.19).toFixed(2);
  const refunded = index % 11 === 0;
  const status = refunded ? 'refunded' : ['completed', 'processing', 'on-hold', 'cancelled'][index % 4];
  const total = (unit * quantity * 1.19 + 4.9).toFixed(2);
  return {
    id: 9000 + index,
    parent_id: 0,
    number: String(9000 + index),
    order_key: `wc_order_${index}`,
    created_via: 'checkout',
    version: '9.4.1',
    status,
    currency: 'EUR',
    ...dates(store, at, 'date_created'),
    ...dates(store, at, 'date_modified'),
    discount_total: '0.00',
    discount_tax: '0.00',
    shipping_total: '4.90',
    shipping_tax: '0.00',
    cart_tax: tax,
    total,
    total_tax: tax,
    prices_include_tax: false,
    customer_id: guest ? 0 : 5000 + customerIndex,
    customer_note: index % 6 === 0 ? 'Please leave it with the neighbour.' : '',
    billing,
    shipping: address(customerIndex, false),
    payment_method: 'stripe',
    payment_method_title: 'Credit card',
    transaction_id: `ch_${index}`,
    date_paid: status === 'cancelled' ? null : datePair(at, store.offsetMinutes).local,
    date_paid_gmt: status === 'cancelled' ? null : datePair(at, store.offsetMinutes).gmt,
    date_completed: null,
    date_completed_gmt: null,
    line_items: [
      {
        id: 70_000 + index,
        name: `Product ${(index % Math.max(products, 1)) + 1}`,
        product_id: products > 0 ? productId((index % products) + 1) : 0,
        variation_id: 0,
        quantity,
        tax_class: '',
        subtotal,
        subtotal_tax: tax,
        total: subtotal,
        total_tax: tax,
        taxes: [{ id: 1, total: tax, subtotal: tax }],
        meta_data: [],
        sku: `SKU-${(index % Math.max(products, 1)) + 1}`,
        price: unit,
      },
    ],
    tax_lines: [
      {
        id: 80_000 + index,
        rate_code: 'DE-MWST-1',
        rate_id: 1,
        label: 'MwSt.',
        compound: false,
        tax_total: tax,
        shipping_tax_total: '0.00',
        rate_percent: 19,
        meta_data: [],
      },
    ],
    shipping_lines: [
      {
        id: 90_000 + index,
        method_title: 'DHL Paket',
        method_id: 'flat_rate',
        total: '4.90',
        total_tax: '0.00',
        taxes: [],
        meta_data: [],
      },
    ],
    fee_lines: [],
    coupon_lines: [],
    refunds: refunded ? [{ id: 95_000 + index, reason: 'Arrived damaged', total: `-${total}` }] : [],
    meta_data: [],
  };
}

export function coupon(store: Store, index: number): Record<string, unknown> {
  const at = new Date(SEEDED_FROM + index * 86_400_000);
  const kind = ['percent', 'fixed_cart', 'fixed_product'][index % 3];
  return {
    id: 7000 + index,
    code: index === 1 ? 'welcome10' : `save${index}`,
    amount: kind === 'percent' ? '10.00' : '5.00',
    ...dates(store, at, 'date_created'),
    ...dates(store, at, 'date_modified'),
    discount_type: kind,
    description: '',
    date_expires: index % 2 === 0 ? '2026-01-01T00:00:00' : null,
    date_expires_gmt: index % 2 === 0 ? '2025-12-31T23:00:00' : null,
    usage_count: 0,
    individual_use: true,
    product_ids: kind === 'fixed_product' ? [productId(1)] : [],
    excluded_product_ids: [],
    usage_limit: index % 4 === 0 ? 100 : null,
    usage_limit_per_user: index % 4 === 0 ? 1 : null,
    limit_usage_to_x_items: null,
    free_shipping: index % 5 === 0,
    product_categories: [],
    excluded_product_categories: [],
    exclude_sale_items: false,
    minimum_amount: index % 2 === 0 ? '50.00' : '0.00',
    maximum_amount: '0.00',
    email_restrictions: [],
    used_by: [],
    meta_data: [],
  };
}

export function review(store: Store, index: number, products: number): Record<string, unknown> {
  const at = new Date(SEEDED_FROM + index * 86_400_000);
  return {
    id: 3000 + index,
    ...dates(store, at, 'date_created'),
    product_id: productId((index % Math.max(products, 1)) + 1),
    status: 'approved',
    reviewer: `${FIRST[index % FIRST.length]} ${(LAST[index % LAST.length] ?? '').slice(0, 1)}.`,
    reviewer_email: `reviewer${index}@example.com`,
    review: index % 7 === 0 ? '<p>Great &amp; sturdy 👍</p>' : '<p>Nice quality.</p>',
    // Reviews left while star ratings were switched off carry rating 0.
    rating: index % 9 === 0 ? 0 : (index % 5) + 1,
    verified: index % 2 === 0,
    reviewer_avatar_urls: {},
  };
}
