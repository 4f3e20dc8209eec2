// A past order of a variation sold in any Size, as WooCommerce 11 answers it (seed flag
// `anyVariationOrders`, with `realProducts`): two lines of the "Ribbed Beanie" in Black, whose
// variation leaves Size open, one bought in Large and one in Small. WooCommerce keeps the shopper's
// choice in the line's meta_data (WC_REST_Orders_Controller::prepare_meta_data, from
// get_all_formatted_meta_data: every entry, its own hidden "_reduced_stock" too): the key is the
// attribute's taxonomy ("pa_size") with the term's slug as value, display_key/display_value the labels.
import { datePair } from './shapes.ts';
import type { Store } from './store.ts';
import { variationId } from './store.ts';

/** How many orders the flag adds after the seeded (and real) ones. */
export const ANY_VARIATION_ORDER_COUNT = 1;

const PLACED = Date.parse('2025-05-24T14:30:00Z');

function beanieLine(lineId: number, beanieId: number, size: 'Large' | 'Small', quantity: number) {
  const total = (19 * quantity).toFixed(2);
  const meta = (id: number, key: string, value: string, label: string, shown: string) => ({
    id,
    key,
    value,
    display_key: label,
    display_value: shown,
  });
  return {
    id: lineId,
    name: 'Ribbed Beanie - Black',
    product_id: beanieId,
    variation_id: variationId(beanieId, 1),
    quantity,
    tax_class: '',
    subtotal: total,
    subtotal_tax: '0.00',
    total,
    total_tax: '0.00',
    taxes: [],
    sku: 'RB-BLACK',
    price: 19,
    image: { id: '', src: '' },
    parent_name: 'Ribbed Beanie',
    meta_data: [
      meta(lineId * 10 + 1, 'pa_color', 'black', 'Color', 'Black'),
      meta(lineId * 10 + 2, 'pa_size', size.toLowerCase(), 'Size', size),
      meta(lineId * 10 + 3, '_reduced_stock', String(quantity), '_reduced_stock', String(quantity)),
    ],
  };
}

/** The order at position 1..ANY_VARIATION_ORDER_COUNT after the others, with the id the seeded numbering gives it. */
export function anyVariationOrder(store: Store, id: number, beanieId: number): Record<string, unknown> {
  const placed = datePair(new Date(PLACED), store.offsetMinutes);
  const billing = {
    first_name: 'Lea',
    last_name: 'Vogt',
    company: '',
    address_1: '12 Hafenstraße',
    address_2: '',
    city: 'Kiel',
    state: '',
    postcode: '24103',
    country: 'DE',
    email: 'lea.vogt@example.com',
    phone: '',
  };
  return {
    id,
    parent_id: 0,
    number: String(id),
    order_key: `wc_order_any_${id}`,
    created_via: 'checkout',
    version: '11.0.0',
    status: 'completed',
    currency: 'EUR',
    date_created: placed.local,
    date_created_gmt: placed.gmt,
    date_modified: placed.local,
    date_modified_gmt: placed.gmt,
    date_paid: placed.local,
    date_paid_gmt: placed.gmt,
    date_completed: placed.local,
    date_completed_gmt: placed.gmt,
    discount_total: '0.00',
    discount_tax: '0.00',
    shipping_total: '0.00',
    shipping_tax: '0.00',
    cart_tax: '0.00',
    total: '57.00',
    total_tax: '0.00',
    prices_include_tax: false,
    customer_id: 0,
    customer_note: '',
    billing,
    shipping: { ...billing, email: undefined },
    payment_method: 'bacs',
    payment_method_title: 'Direct bank transfer',
    transaction_id: '',
    line_items: [beanieLine(id * 10 + 1, beanieId, 'Large', 1), beanieLine(id * 10 + 2, beanieId, 'Small', 2)],
    tax_lines: [],
    shipping_lines: [],
    fee_lines: [],
    coupon_lines: [],
    refunds: [],
    meta_data: [],
  };
}
