// The parts of WooCommerce's REST v3 answers the connector reads, checked with zod. Lenient where
// real stores are (plugins send numbers for prices, null for strings); anything else keeps the record
// out of the canonical model with the schema's complaint as its reason.
import { z } from 'zod';

/** Strings plugins sometimes send as numbers or null. */
const Text = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => (value === null || value === undefined ? '' : String(value)));
const Id = z.number().int();

export const WooImage = z.object({ id: Id, src: z.string(), alt: Text, name: Text });
export type WooImage = z.infer<typeof WooImage>;

const Term = z.object({ id: Id, name: Text, slug: Text });
const Meta = z.object({ key: z.string(), value: z.unknown() });

const Sellable = z.object({
  id: Id,
  sku: Text,
  global_unique_id: Text.optional(),
  regular_price: Text,
  sale_price: Text,
  on_sale: z.boolean().default(false),
  date_on_sale_from_gmt: z.string().nullish(),
  date_on_sale_to_gmt: z.string().nullish(),
  status: Text,
  virtual: z.boolean().default(false),
  downloadable: z.boolean().default(false),
  downloads: z.array(z.object({ id: Text, name: Text, file: Text })).default([]),
  tax_status: Text,
  manage_stock: z.union([z.boolean(), z.literal('parent')]).default(false),
  stock_quantity: z.number().nullish(),
  stock_status: Text,
  backorders: Text,
  weight: Text,
  dimensions: z.object({ length: Text, width: Text, height: Text }).nullish(),
  meta_data: z.array(Meta).default([]),
  date_created_gmt: z.string().nullish(),
  date_modified_gmt: z.string().nullish(),
});

export const WooProduct = Sellable.extend({
  name: Text,
  slug: Text,
  permalink: Text,
  type: z.string(),
  description: Text,
  short_description: Text,
  external_url: Text,
  button_text: Text,
  purchase_note: Text,
  categories: z.array(Term).default([]),
  tags: z.array(Term).default([]),
  /** WooCommerce 9.6 and later, or the WooCommerce Brands plugin. */
  brands: z.array(Term).optional(),
  images: z.array(WooImage).default([]),
  attributes: z
    .array(
      z.object({
        id: Id,
        name: z.string(),
        position: z.number().default(0),
        variation: z.boolean().default(false),
        options: z.array(Text).default([]),
      }),
    )
    .default([]),
  variations: z.array(Id).default([]),
  grouped_products: z.array(Id).default([]),
  /** visible (shop and search), catalog (shop only), search (search only) or hidden. */
  catalog_visibility: z.string().default('visible'),
});
export type WooProduct = z.infer<typeof WooProduct>;

export const WooVariation = Sellable.extend({
  image: WooImage.nullish(),
  attributes: z.array(z.object({ id: Id, name: z.string(), option: Text })).default([]),
});
export type WooVariation = z.infer<typeof WooVariation>;

export const WooCategory = z.object({
  id: Id,
  name: Text,
  slug: Text,
  parent: Id.default(0),
  description: Text,
  image: WooImage.nullish(),
  menu_order: z.number().int().default(0),
});
export type WooCategory = z.infer<typeof WooCategory>;

const Address = z.object({
  first_name: Text,
  last_name: Text,
  company: Text,
  address_1: Text,
  address_2: Text,
  city: Text,
  state: Text,
  postcode: Text,
  country: Text,
  email: Text.optional(),
  phone: Text.optional(),
});
export type WooAddress = z.infer<typeof Address>;

export const WooCustomer = z.object({
  id: Id,
  email: Text,
  first_name: Text,
  last_name: Text,
  billing: Address.nullish(),
  shipping: Address.nullish(),
  date_created_gmt: z.string().nullish(),
  date_modified_gmt: z.string().nullish(),
});

const Taxes = z.array(z.object({ id: Id, total: Text })).default([]);

const LineMeta = z.object({
  key: z.string(),
  value: z.unknown(),
  display_key: z.unknown().optional(),
  display_value: z.unknown().optional(),
});

export const WooOrder = z.object({
  id: Id,
  number: Text,
  status: z.string(),
  currency: z.string(),
  customer_id: Id.default(0),
  customer_note: Text,
  billing: Address.nullish(),
  shipping: Address.nullish(),
  total: Text,
  total_tax: Text,
  date_created_gmt: z.string(),
  date_modified_gmt: z.string().nullish(),
  date_paid_gmt: z.string().nullish(),
  // A line's meta_data holds, among others, the value the shopper chose for each variation attribute
  // (key "pa_size" with the term slug, or a custom attribute's name; display_key/display_value are
  // the labels, plain text: WC_REST_Orders_Controller::prepare_meta_data cleans them with wc_clean).
  line_items: z
    .array(
      z.object({
        id: Id,
        name: Text,
        product_id: Id.default(0),
        variation_id: Id.default(0),
        quantity: z.number(),
        subtotal: Text,
        total: Text,
        sku: Text,
        taxes: Taxes,
        meta_data: z.array(LineMeta).default([]),
      }),
    )
    .default([]),
  tax_lines: z.array(z.object({ rate_id: Id, label: Text, rate_percent: z.number().nullish() })).default([]),
  shipping_lines: z.array(z.object({ method_title: Text, total: Text, taxes: Taxes })).default([]),
  // Fees the merchant or a plugin added ("Gift wrapping"); a negative one is a discount.
  fee_lines: z.array(z.object({ id: Id, name: Text, total: Text, taxes: Taxes })).default([]),
  // Recent WooCommerce versions say whether the coupon gave free shipping; older ones leave it out.
  coupon_lines: z.array(z.object({ code: Text, discount: Text, free_shipping: z.boolean().nullish() })).default([]),
  refunds: z.array(z.object({ id: Id, reason: Text, total: Text })).default([]),
  payment_method: Text,
  payment_method_title: Text,
  transaction_id: Text,
});
export type WooOrder = z.infer<typeof WooOrder>;

/** One refund of an order as `orders/<id>/refunds` sends it: the order's own `refunds` summary has no date. */
export const WooRefund = z.object({ id: Id, date_created_gmt: z.string().nullish(), amount: Text, reason: Text });
export type WooRefund = z.infer<typeof WooRefund>;

export const WooCoupon = z.object({
  id: Id,
  code: Text,
  amount: Text,
  discount_type: z.string(),
  date_created_gmt: z.string().nullish(),
  date_expires_gmt: z.string().nullish(),
  usage_limit: z.number().int().nullish(),
  usage_limit_per_user: z.number().int().nullish(),
  free_shipping: z.boolean().default(false),
  minimum_amount: Text,
  product_ids: z.array(Id).default([]),
  product_categories: z.array(Id).default([]),
  excluded_product_ids: z.array(Id).default([]),
  excluded_product_categories: z.array(Id).default([]),
  usage_count: z.number().int().nullish(),
  individual_use: z.boolean().default(false),
  exclude_sale_items: z.boolean().default(false),
  maximum_amount: Text,
  email_restrictions: z.array(z.string()).default([]),
  limit_usage_to_x_items: z.number().int().nullish(),
  description: Text,
});

export const WooReview = z.object({
  id: Id,
  product_id: Id,
  status: z.string(),
  reviewer: Text,
  reviewer_email: Text,
  review: Text,
  rating: z.number().int(),
  verified: z.boolean().default(false),
  date_created_gmt: z.string(),
});

/** A WordPress date without zone, as WooCommerce's *_gmt fields send it, as an ISO timestamp. */
export function gmt(value: string | null | undefined): string | null {
  if (!value) return null;
  const date = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** zod's complaint about a record, in one line: "price: Invalid input; images.0.src: …". */
export function schemaReason(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`).join('; ');
}
