// WooCommerce customers, orders, coupons and product reviews as canonical records.
import type { z } from 'zod';
import { Customer, Discount, Order, Review } from '../model.ts';
import type { Extracted } from '../source-connector.ts';
import {
  gmt,
  schemaReason,
  WooCoupon,
  WooCustomer,
  WooOrder,
  WooReview,
  type WooAddress,
  type WooRefund,
} from './responses.ts';
import { isoSubdivision } from './states.ts';
import { decodeEntities } from './text.ts';

function result(schema: z.ZodType, candidate: unknown, sourceId: string, raw: unknown, what: string): Extracted {
  const parsed = schema.safeParse(candidate);
  if (!parsed.success)
    return {
      ok: false,
      sourceId,
      reason: `${what} does not fit Shipyard’s model (${schemaReason(parsed.error)})`,
      raw,
    };
  return { ok: true, sourceId, record: parsed.data, raw };
}

function unreadable(raw: unknown, what: string, error: z.ZodError): Extracted {
  return {
    ok: false,
    sourceId: null,
    reason: `WooCommerce sent ${what} Shipyard cannot read (${schemaReason(error)})`,
    raw,
  };
}

const orNull = (text: string | undefined) => (text && text.trim() !== '' ? text.trim() : null);

function address(source: WooAddress | null | undefined) {
  if (!source) return null;
  const mapped = {
    firstName: orNull(source.first_name),
    lastName: orNull(source.last_name),
    company: orNull(source.company),
    address1: orNull(source.address_1),
    address2: orNull(source.address_2),
    city: orNull(source.city),
    province: orNull(source.state),
    zip: orNull(source.postcode),
    countryCode: orNull(source.country)?.toUpperCase() ?? null,
    phone: orNull(source.phone),
  };
  const provinceCode = isoSubdivision(mapped.countryCode, mapped.province);
  // WooCommerce sends an address with every field empty when the customer never gave one.
  return Object.values(mapped).some((value) => value !== null) ? { ...mapped, provinceCode } : null;
}

/** "12.5" → "12.50"-style decimal strings; WooCommerce totals are strings already, computed ones are not. */
const money = (value: number) => (Math.round(value * 100) / 100).toFixed(2);

/** `storeCountry`: the store's own country, in which a phone without a country prefix or an address country was typed. */
export function mapCustomer(raw: unknown, storeCountry: string | null = null): Extracted {
  const parsed = WooCustomer.safeParse(raw);
  if (!parsed.success) return unreadable(raw, 'a customer', parsed.error);
  const customer = parsed.data;
  const billing = address(customer.billing);
  const shipping = address(customer.shipping);
  const addresses = [
    ...(billing ? [{ ...billing, kind: 'billing' as const }] : []),
    ...(shipping && JSON.stringify(shipping) !== JSON.stringify(billing)
      ? [{ ...shipping, kind: 'shipping' as const }]
      : []),
  ];
  return result(
    Customer,
    {
      sourceId: String(customer.id),
      email: orNull(customer.email) ?? orNull(customer.billing?.email),
      phone: orNull(customer.billing?.phone),
      firstName: orNull(customer.first_name),
      lastName: orNull(customer.last_name),
      addresses,
      defaultAddressIndex: addresses.length > 0 ? 0 : null,
      storeCountryCode: storeCountry,
      createdAt: gmt(customer.date_created_gmt),
      updatedAt: gmt(customer.date_modified_gmt),
    },
    String(customer.id),
    raw,
    'customer',
  );
}

/**
 * The labelled values a line carries ("Size": "Large"), such as the shopper's choice for an attribute
 * a variation sells in any value. WooCommerce keeps them in the line's meta data beside its own
 * hidden entries ("_reduced_stock"), which are not choices; a value that is not text is not one either.
 */
function chosenOptions(
  meta: { key: string; display_key?: unknown; display_value?: unknown }[],
): { name: string; value: string }[] {
  return meta.flatMap((entry) => {
    if (entry.key.startsWith('_') || typeof entry.display_key !== 'string' || typeof entry.display_value !== 'string')
      return [];
    const name = decodeEntities(entry.display_key).trim();
    const value = decodeEntities(entry.display_value).trim();
    return name && value ? [{ name, value }] : [];
  });
}

/**
 * An order with its refunds' details as `orders/<id>/refunds` gives them (their dates); without
 * them a refund keeps its amount and reason and has no date. `storeCountry`: the store's own
 * country, in which a phone without a country prefix was typed.
 */
export function mapOrder(
  raw: unknown,
  refundDetails: readonly WooRefund[] = [],
  storeCountry: string | null = null,
): Extracted {
  const parsed = WooOrder.safeParse(raw);
  if (!parsed.success) return unreadable(raw, 'an order', parsed.error);
  const order = parsed.data;
  const taxTitle = (rateId: number) => order.tax_lines.find((line) => line.rate_id === rateId);
  const taxLines = (taxes: { id: number; total: string }[]) =>
    taxes
      .filter((tax) => tax.total !== '')
      .map((tax) => ({
        title: decodeEntities(taxTitle(tax.id)?.label ?? 'Tax'),
        rate: (taxTitle(tax.id)?.rate_percent ?? null) === null ? null : Number(taxTitle(tax.id)?.rate_percent) / 100,
        amount: tax.total,
      }));
  const lineItems = order.line_items.map((line) => ({
    sourceId: String(line.id),
    productSourceId: line.product_id ? String(line.product_id) : null,
    variantSourceId: line.variation_id ? String(line.variation_id) : null,
    sku: orNull(line.sku),
    title: decodeEntities(line.name),
    quantity: line.quantity,
    // WooCommerce gives the line's subtotal (before coupons) and total (after); Shopify wants a unit price and the discount.
    price: money(Number(line.subtotal) / (line.quantity || 1)),
    discount: money(Number(line.subtotal) - Number(line.total)),
    taxLines: taxLines(line.taxes),
    chosenOptions: chosenOptions(line.meta_data),
  }));
  const processedAt = gmt(order.date_paid_gmt) ?? gmt(order.date_created_gmt);
  return result(
    Order,
    {
      sourceId: String(order.id),
      number: order.number || String(order.id),
      customerSourceId: order.customer_id ? String(order.customer_id) : null,
      email: orNull(order.billing?.email),
      currency: order.currency,
      sourceStatus: order.status,
      lineItems,
      shippingLines: order.shipping_lines.map((line) => ({
        title: decodeEntities(line.method_title),
        price: line.total,
        taxLines: taxLines(line.taxes),
      })),
      feeLines: order.fee_lines.map((line) => ({
        sourceId: String(line.id),
        title: decodeEntities(line.name) || 'Fee',
        price: line.total,
        taxLines: taxLines(line.taxes),
      })),
      discountCodes: order.coupon_lines.map((line) => ({
        code: line.code,
        amount: line.discount,
        freeShipping: line.free_shipping ?? null,
      })),
      payment: order.payment_method
        ? {
            gateway: order.payment_method,
            title: orNull(decodeEntities(order.payment_method_title)),
            transactionId: orNull(order.transaction_id),
          }
        : null,
      billingAddress: address(order.billing),
      shippingAddress: address(order.shipping),
      storeCountryCode: storeCountry,
      subtotal: money(order.line_items.reduce((sum, line) => sum + Number(line.subtotal), 0)),
      totalTax: order.total_tax,
      total: order.total,
      // WooCommerce sends refund totals as negative amounts.
      refunds: order.refunds.map((refund) => ({
        sourceId: String(refund.id),
        amount: refund.total.replace(/^-/, ''),
        reason: orNull(refund.reason),
        createdAt: gmt(refundDetails.find((detail) => detail.id === refund.id)?.date_created_gmt),
      })),
      notes: order.customer_note.trim() ? [{ body: order.customer_note, customerVisible: true }] : [],
      processedAt,
      updatedAt: gmt(order.date_modified_gmt),
    },
    String(order.id),
    raw,
    'order',
  );
}

export function mapCoupon(raw: unknown): Extracted {
  const parsed = WooCoupon.safeParse(raw);
  if (!parsed.success) return unreadable(raw, 'a coupon', parsed.error);
  const coupon = parsed.data;
  const sourceId = String(coupon.id);
  const amount = Number(coupon.amount);
  if (!Number.isFinite(amount))
    return {
      ok: false,
      sourceId,
      reason: `coupon "${coupon.code}" has the amount "${coupon.amount}", which is not a number`,
      raw,
    };
  let value;
  if (coupon.discount_type === 'percent') {
    if (amount > 100)
      return {
        ok: false,
        sourceId,
        reason: `coupon "${coupon.code}" takes ${amount} % off; Shopify allows at most 100 %`,
        raw,
      };
    value = { kind: 'percentage', percent: amount };
  } else if (coupon.discount_type === 'fixed_cart' || coupon.discount_type === 'fixed_product') {
    value = { kind: 'fixed_amount', amount: coupon.amount, appliesOncePerOrder: coupon.discount_type === 'fixed_cart' };
  } else {
    return {
      ok: false,
      sourceId,
      reason: `coupon "${coupon.code}" is of the kind "${coupon.discount_type}", which a plugin added and Shopify has no equivalent for`,
      raw,
    };
  }
  const minimum = Number(coupon.minimum_amount);
  const maximum = Number(coupon.maximum_amount);
  return result(
    Discount,
    {
      sourceId,
      code: coupon.code,
      sourceType: coupon.discount_type,
      value,
      freeShipping: coupon.free_shipping,
      usageLimit: coupon.usage_limit ?? null,
      usageLimitPerCustomer: coupon.usage_limit_per_user ?? null,
      minimumSubtotal: minimum > 0 ? coupon.minimum_amount : null,
      productSourceIds: coupon.product_ids.map(String),
      collectionSourceIds: coupon.product_categories.map(String),
      startsAt: gmt(coupon.date_created_gmt),
      endsAt: gmt(coupon.date_expires_gmt),
      timesUsed: coupon.usage_count ?? 0,
      combinesWithOtherCodes: !coupon.individual_use,
      excludedProductSourceIds: coupon.excluded_product_ids.map(String),
      excludedCollectionSourceIds: coupon.excluded_product_categories.map(String),
      excludesSaleItems: coupon.exclude_sale_items,
      // WooCommerce sends "0.00" or "" when the coupon has no maximum spend.
      maximumSubtotal: maximum > 0 ? coupon.maximum_amount : null,
      // WooCommerce reads a `*` in an allowed email as any run of characters (WC_Discounts::is_coupon_emails_allowed).
      allowedCustomers: coupon.email_restrictions.map((value) => ({
        kind: value.includes('*') ? ('pattern' as const) : ('email' as const),
        value,
      })),
      itemLimit:
        coupon.limit_usage_to_x_items && coupon.limit_usage_to_x_items > 0 ? coupon.limit_usage_to_x_items : null,
      description: decodeEntities(coupon.description),
    },
    sourceId,
    raw,
    'coupon',
  );
}

export function mapReview(raw: unknown): Extracted {
  const parsed = WooReview.safeParse(raw);
  if (!parsed.success) return unreadable(raw, 'a review', parsed.error);
  const review = parsed.data;
  const sourceId = String(review.id);
  if (review.rating < 1)
    return {
      ok: false,
      sourceId,
      reason:
        'review has no star rating (it was left while ratings were switched off); Shopify reviews need 1 to 5 stars',
      raw,
    };
  return result(
    Review,
    {
      sourceId,
      productSourceId: String(review.product_id),
      rating: review.rating,
      author: decodeEntities(review.reviewer).trim() || 'Anonymous',
      email: orNull(review.reviewer_email),
      bodyHtml: review.review,
      verified: review.verified,
      published: review.status === 'approved',
      createdAt: gmt(review.date_created_gmt),
    },
    sourceId,
    raw,
    'review',
  );
}
