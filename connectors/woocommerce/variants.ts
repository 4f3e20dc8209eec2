// One WooCommerce product or variation as a canonical variant: price and compare-at price from the
// regular and sale price, the sale's schedule, stock and backorders, weight and dimensions in the
// store's units (a variation without its own weight or size uses its product's, as in WooCommerce).
import type { z } from 'zod';
import type { Variant } from '../model.ts';
import type { WooProduct, WooVariation } from './responses.ts';
import { gmt, type WooImage } from './responses.ts';
import { parseAmount, parseMeasure } from './text.ts';

export type VariantInput = z.input<typeof Variant>;
export type WeightUnit = 'g' | 'kg' | 'lb' | 'oz';
export type DimensionUnit = 'mm' | 'cm' | 'm' | 'in' | 'yd';

export interface StoreUnits {
  weight: WeightUnit;
  dimension: DimensionUnit;
}

type Sellable = WooProduct | WooVariation;
export type VariantResult = { ok: true; variant: VariantInput } | { ok: false; reason: string };

function prices(
  item: Sellable,
  label: string,
): { price: string; compareAtPrice: string | null; saleStartsAt: string | null; saleEndsAt: string | null } | string {
  const regular = parseAmount(item.regular_price);
  const sale = parseAmount(item.sale_price);
  if (!regular.ok)
    return `${label} has regular price "${item.regular_price}", which is not an amount (WooCommerce expects digits with a "." before the cents, such as 12.50)`;
  if (!sale.ok)
    return `${label} has sale price "${item.sale_price}", which is not an amount (WooCommerce expects digits with a "." before the cents, such as 12.50)`;
  if (regular.amount === null)
    return `${label} has no regular price in WooCommerce, so it cannot be sold; add a price and sync again`;
  // WooCommerce decides whether the sale runs now (on_sale) from the schedule; we keep its verdict.
  const running = item.on_sale && sale.amount !== null;
  const price = running && sale.amount !== null ? sale.amount : regular.amount;
  const higher = running && Number(regular.amount) > Number(price);
  return {
    price,
    compareAtPrice: higher ? regular.amount : null,
    saleStartsAt: sale.amount !== null ? gmt(item.date_on_sale_from_gmt) : null,
    saleEndsAt: sale.amount !== null ? gmt(item.date_on_sale_to_gmt) : null,
  };
}

function stock(
  item: Sellable,
  parent: WooProduct,
): { inventoryQuantity: number | null; continueSellingWhenOutOfStock: boolean } {
  const backorders = item.backorders === 'notify' || item.backorders === 'yes';
  if (item.manage_stock === 'parent') {
    // Stock shared by all variations has no Shopify equivalent: each variant starts with the shared count.
    return {
      inventoryQuantity: Math.trunc(parent.stock_quantity ?? 0),
      continueSellingWhenOutOfStock: parent.backorders === 'notify' || parent.backorders === 'yes',
    };
  }
  if (item.manage_stock)
    return { inventoryQuantity: Math.trunc(item.stock_quantity ?? 0), continueSellingWhenOutOfStock: backorders };
  // Untracked but marked sold out by hand: track it at zero so Shopify does not sell it forever.
  if (item.stock_status === 'outofstock') return { inventoryQuantity: 0, continueSellingWhenOutOfStock: false };
  return { inventoryQuantity: null, continueSellingWhenOutOfStock: backorders || item.stock_status === 'onbackorder' };
}

function weight(item: Sellable, parent: WooProduct, units: StoreUnits): VariantInput['weight'] {
  const value = parseMeasure(item.weight) ?? parseMeasure(parent.weight);
  return value === null ? null : { value, unit: units.weight };
}

function dimensions(item: Sellable, parent: WooProduct, units: StoreUnits): VariantInput['dimensions'] {
  const own = item.dimensions;
  const source = own && (own.length || own.width || own.height) ? own : parent.dimensions;
  if (!source || !(source.length || source.width || source.height)) return null;
  return {
    length: parseMeasure(source.length) ?? 0,
    width: parseMeasure(source.width) ?? 0,
    height: parseMeasure(source.height) ?? 0,
    unit: units.dimension,
  };
}

export function toVariant(
  item: Sellable,
  parent: WooProduct,
  options: {
    label: string;
    optionValues: { option: string; value: string }[];
    image: WooImage | null;
    units: StoreUnits;
  },
): VariantResult {
  const priced = prices(item, options.label);
  if (typeof priced === 'string') return { ok: false, reason: priced };
  const noShipping = item.virtual || parent.virtual || parent.type === 'external';
  return {
    ok: true,
    variant: {
      sourceId: String(item.id),
      sku: item.sku.trim() || null,
      barcode: item.global_unique_id?.trim() || null,
      ...priced,
      optionValues: options.optionValues,
      ...stock(item, parent),
      weight: weight(item, parent, options.units),
      dimensions: dimensions(item, parent, options.units),
      taxable: item.tax_status !== 'none' && item.tax_status !== 'shipping',
      requiresShipping: !noShipping,
      imageSourceId: options.image ? String(options.image.id) : null,
    },
  };
}
