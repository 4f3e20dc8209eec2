// Coupons as a real WooCommerce store has them (seed flag `realCoupons`): excluded products, excluded
// categories, "exclude sale items", maximum spend, an item limit, an excluded single variation and a
// category coupon,
// each in WooCommerce REST API v3's coupon shape (https://woocommerce.github.io/woocommerce-rest-api-docs/#coupon-properties):
// ids as integers, money as strings, "0.00" for no maximum, null for no item limit. They follow the
// seeded coupons (ids 7101 on) and name seeded products 1–4 and categories by slug.
import { datePair } from './shapes.ts';
import type { Store } from './store.ts';
import { productId, variationId } from './store.ts';

interface RealCoupon {
  code: string;
  discount_type: 'percent' | 'fixed_cart' | 'fixed_product';
  amount: string;
  excluded_product_ids?: number[];
  /** Slugs, turned into the store's category ids. */
  categories?: string[];
  excluded_categories?: string[];
  exclude_sale_items?: boolean;
  minimum_amount?: string;
  maximum_amount?: string;
  limit_usage_to_x_items?: number;
}

/** What each coupon restricts; the end-to-end test (test/migration/woocommerce-coupons.test.ts) checks each. */
export const REAL_COUPONS: RealCoupon[] = [
  { code: 'not-these-two', discount_type: 'percent', amount: '15', excluded_product_ids: [productId(1), productId(2)] },
  { code: 'no-clothing', discount_type: 'fixed_product', amount: '3.00', excluded_categories: ['clothing'] },
  { code: 'cart-but-mugs', discount_type: 'fixed_cart', amount: '10.00', excluded_product_ids: [productId(3)] },
  { code: 'full-price-only', discount_type: 'percent', amount: '10', exclude_sale_items: true },
  {
    code: 'spend-100-to-500',
    discount_type: 'fixed_cart',
    amount: '20.00',
    minimum_amount: '100.00',
    maximum_amount: '500.00',
  },
  { code: 'two-items', discount_type: 'percent', amount: '25', limit_usage_to_x_items: 2 },
  {
    code: 'not-this-size',
    discount_type: 'percent',
    amount: '5',
    excluded_product_ids: [variationId(productId(2), 0)],
  },
  { code: 'kitchen-only', discount_type: 'percent', amount: '10', categories: ['kitchen'] },
];

export function realCoupon(store: Store, index: number): Record<string, unknown> {
  const spec = REAL_COUPONS[index - 1];
  if (!spec) throw new Error(`no real coupon ${index}`);
  const at = datePair(new Date(Date.parse('2024-03-01T09:00:00Z') + index * 86_400_000), store.offsetMinutes);
  const categoryIds = (slugs: string[] = []) =>
    slugs.map((slug) => {
      const category = store.categories.find((candidate) => candidate.slug === slug);
      if (!category) throw new Error(`the store has no category ${slug}`);
      return category.id;
    });
  return {
    id: 7100 + index,
    code: spec.code,
    // WooCommerce keeps the amount as the merchant typed it, with its decimals.
    amount: Number(spec.amount).toFixed(2),
    date_created: at.local,
    date_created_gmt: at.gmt,
    date_modified: at.local,
    date_modified_gmt: at.gmt,
    discount_type: spec.discount_type,
    description: '',
    date_expires: null,
    date_expires_gmt: null,
    usage_count: 0,
    individual_use: false,
    product_ids: [],
    excluded_product_ids: spec.excluded_product_ids ?? [],
    usage_limit: null,
    usage_limit_per_user: null,
    limit_usage_to_x_items: spec.limit_usage_to_x_items ?? null,
    free_shipping: false,
    product_categories: categoryIds(spec.categories),
    excluded_product_categories: categoryIds(spec.excluded_categories),
    exclude_sale_items: spec.exclude_sale_items ?? false,
    minimum_amount: spec.minimum_amount ?? '0.00',
    maximum_amount: spec.maximum_amount ?? '0.00',
    email_restrictions: [],
    used_by: [],
    meta_data: [],
  };
}
