// Turns orderCreate's input into an order to store: line items (by variant or custom), tax,
// shipping and one discount code, with the totals Shopify would compute; or the userErrors.
import type { RequestContext } from '../graphql/context.ts';
import { NotImplementedError } from '../graphql/errors.ts';
import { parseGid } from '../catalog/ids.ts';
import { variantsByIds, productsByIds } from '../catalog/product-rows.ts';

export interface Money {
  amount: string;
  currencyCode: string;
}

type MoneyBag =
  | {
      shopMoney: { amount: unknown; currencyCode: string };
      presentmentMoney?: { amount: unknown; currencyCode: string } | null;
    }
  | null
  | undefined;

/** Which of a MoneyBagInput's amounts an order is priced in: shop money, or presentment money. */
export type MoneySide = 'shop' | 'presentment';

export interface TaxLine {
  title: string;
  rate: string;
  price: string;
}

export interface LineItem {
  id: string;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  vendor: string | null;
  quantity: number;
  price: string;
  variantId: string | null;
  productId: string | null;
  requiresShipping: boolean;
  taxable: boolean;
  taxLines: TaxLine[];
}

export interface ShippingLine {
  title: string;
  code: string | null;
  source: string | null;
  price: string;
  taxLines: TaxLine[];
}

export interface OrderInput {
  lineItems?:
    | {
        variantId?: string | null;
        productId?: string | null;
        title?: string | null;
        variantTitle?: string | null;
        sku?: string | null;
        vendor?: string | null;
        quantity: number;
        priceSet?: MoneyBag;
        requiresShipping?: boolean | null;
        taxable?: boolean | null;
        taxLines?: { title: string; rate: unknown; priceSet?: MoneyBag }[] | null;
      }[]
    | null;
  shippingLines?:
    | {
        title: string;
        code?: string | null;
        source?: string | null;
        priceSet: MoneyBag;
        taxLines?: { title: string; rate: unknown; priceSet?: MoneyBag }[] | null;
      }[]
    | null;
  taxLines?: { title: string; rate: unknown; priceSet?: MoneyBag }[] | null;
  discountCode?: {
    itemFixedDiscountCode?: { code: string; amountSet?: MoneyBag } | null;
    itemPercentageDiscountCode?: { code: string; percentage?: number | null } | null;
    freeShippingDiscountCode?: { code: string; amountSet?: MoneyBag } | null;
  } | null;
  taxesIncluded?: boolean | null;
  processedAt?: string | null;
  fulfillment?: unknown;
  transactions?: unknown[] | null;
}

export interface OrderPlan {
  lineItems: LineItem[];
  shippingLines: ShippingLine[];
  taxLines: TaxLine[];
  discountCodes: { code: string; amount: string; type: string }[];
  subtotal: number;
  totalTax: number;
  totalShipping: number;
  totalDiscounts: number;
  totalPrice: number;
}

export type OrderProblem = { field: string[]; message: string; code: string };

const cents = (value: number) => Math.round(value * 100) / 100;
const money = (value: number) => cents(value).toFixed(2);
type AmountOf = (bag: MoneyBag) => number | undefined;
const amountIn =
  (side: MoneySide): AmountOf =>
  (bag) =>
    bag
      ? Number(side === 'presentment' && bag.presentmentMoney ? bag.presentmentMoney.amount : bag.shopMoney.amount)
      : undefined;

function taxLines(
  inputs: { title: string; rate: unknown; priceSet?: MoneyBag }[] | null | undefined,
  base: number,
  amountOf: AmountOf,
): TaxLine[] {
  return (inputs ?? []).map((tax) => ({
    title: tax.title,
    rate: String(tax.rate),
    price: money(amountOf(tax.priceSet) ?? base * Number(tax.rate)),
  }));
}

/**
 * The order's lines and totals in shop money, or (side 'presentment', for an order whose
 * presentment currency is not the shop's) in presentment money.
 */
export async function planOrder(
  context: RequestContext,
  input: OrderInput,
  nextLineId: () => Promise<string>,
  side: MoneySide = 'shop',
): Promise<{ plan?: OrderPlan; errors: OrderProblem[] }> {
  const amountOf = amountIn(side);
  const errors: OrderProblem[] = [];
  if (input.fulfillment) throw new NotImplementedError('orderCreate with fulfillment');
  const items = input.lineItems ?? [];
  if (!items.length)
    errors.push({
      field: ['order', 'lineItems'],
      message: 'Line items must have at least one line item',
      code: 'INVALID',
    });

  const variantIds = items
    .map((item) => (item.variantId ? (parseGid(item.variantId, 'ProductVariant') ?? '0') : undefined))
    .filter((id): id is string => Boolean(id));
  const variants = await variantsByIds(context.pool, context.shop.domain, variantIds);
  const products = await productsByIds(
    context.pool,
    context.shop.domain,
    [...variants.values()].map((variant) => String(variant.product_id)),
  );
  const lineItems: LineItem[] = [];
  for (const [index, item] of items.entries()) {
    const at = ['order', 'lineItems', String(index)];
    if (item.quantity < 1)
      errors.push({
        field: [...at, 'quantity'],
        message: 'Quantity must be greater than or equal to 1',
        code: 'INVALID',
      });
    const variant = item.variantId ? variants.get(parseGid(item.variantId, 'ProductVariant') ?? '0') : undefined;
    if (item.variantId && !variant) {
      errors.push({ field: [...at, 'variantId'], message: 'Variant does not exist', code: 'INVALID' });
      continue;
    }
    const product = variant ? products.get(String(variant.product_id)) : undefined;
    const title = item.title ?? product?.title;
    if (!title) errors.push({ field: [...at, 'title'], message: "Title can't be blank", code: 'INVALID' });
    // Shopify would convert the variant's price at its own rates, which devstore does not have.
    if (side === 'presentment' && !item.priceSet && variant)
      throw new NotImplementedError(
        "orderCreate pricing a variant line without priceSet in a presentment currency other than the shop's",
      );
    const price = amountOf(item.priceSet) ?? (variant ? Number(variant.price) : undefined);
    if (price === undefined || Number.isNaN(price))
      errors.push({
        field: [...at, 'priceSet'],
        message: 'Price must be given for a custom line item',
        code: 'INVALID',
      });
    if (errors.length) continue;
    const base = (price as number) * item.quantity;
    lineItems.push({
      id: await nextLineId(),
      title: title as string,
      variantTitle: item.variantTitle ?? (variant && variant.title !== 'Default Title' ? variant.title : null),
      sku: item.sku ?? variant?.sku ?? null,
      vendor: item.vendor ?? product?.vendor ?? null,
      quantity: item.quantity,
      price: money(price as number),
      variantId: variant ? String(variant.id) : null,
      productId: variant
        ? String(variant.product_id)
        : item.productId
          ? (parseGid(item.productId, 'Product') ?? null)
          : null,
      requiresShipping: item.requiresShipping ?? variant?.requires_shipping ?? true,
      taxable: item.taxable ?? variant?.taxable ?? true,
      taxLines: taxLines(item.taxLines, base, amountOf),
    });
  }
  if (errors.length) return { errors };

  const subtotal = lineItems.reduce((sum, item) => sum + Number(item.price) * item.quantity, 0);
  const shippingLines: ShippingLine[] = (input.shippingLines ?? []).map((line) => {
    const price = amountOf(line.priceSet) ?? 0;
    return {
      title: line.title,
      code: line.code ?? null,
      source: line.source ?? null,
      price: money(price),
      taxLines: taxLines(line.taxLines, price, amountOf),
    };
  });
  const totalShippingBeforeDiscount = shippingLines.reduce((sum, line) => sum + Number(line.price), 0);
  const orderTaxLines = taxLines(input.taxLines, subtotal, amountOf);

  const discountCodes: OrderPlan['discountCodes'] = [];
  const discount = input.discountCode;
  if (discount?.itemFixedDiscountCode) {
    discountCodes.push({
      code: discount.itemFixedDiscountCode.code,
      amount: money(Math.min(subtotal, amountOf(discount.itemFixedDiscountCode.amountSet) ?? 0)),
      type: 'FIXED_AMOUNT',
    });
  } else if (discount?.itemPercentageDiscountCode) {
    discountCodes.push({
      code: discount.itemPercentageDiscountCode.code,
      amount: money((subtotal * (discount.itemPercentageDiscountCode.percentage ?? 0)) / 100),
      type: 'PERCENTAGE',
    });
  } else if (discount?.freeShippingDiscountCode) {
    discountCodes.push({
      code: discount.freeShippingDiscountCode.code,
      amount: money(
        Math.min(
          totalShippingBeforeDiscount,
          amountOf(discount.freeShippingDiscountCode.amountSet) ?? totalShippingBeforeDiscount,
        ),
      ),
      type: 'SHIPPING',
    });
  }
  const totalDiscounts = discountCodes.reduce((sum, code) => sum + Number(code.amount), 0);
  const shippingDiscount = discountCodes
    .filter((code) => code.type === 'SHIPPING')
    .reduce((sum, code) => sum + Number(code.amount), 0);
  const totalShipping = cents(totalShippingBeforeDiscount - shippingDiscount);
  const allTaxLines = [
    ...orderTaxLines,
    ...lineItems.flatMap((item) => item.taxLines),
    ...shippingLines.flatMap((line) => line.taxLines),
  ];
  const totalTax = cents(allTaxLines.reduce((sum, tax) => sum + Number(tax.price), 0));
  const itemDiscount = totalDiscounts - shippingDiscount;
  const totalPrice = cents(subtotal - itemDiscount + totalShipping + (input.taxesIncluded ? 0 : totalTax));
  return {
    plan: {
      lineItems,
      shippingLines,
      taxLines: orderTaxLines,
      discountCodes,
      subtotal: cents(subtotal),
      totalTax,
      totalShipping,
      totalDiscounts: cents(totalDiscounts),
      totalPrice,
    },
    errors,
  };
}
