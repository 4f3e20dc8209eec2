// Turns a canonical order into orderCreate's input for history: the old order number as its name,
// its customer (`customer.toAssociate`; a guest order goes with its email only), lines linked to the
// migrated variants (custom lines when the product is gone), the source's own prices, taxes,
// shipping and discount (a code that took nothing off too), fees as custom lines, statuses mapped from
// the source's status word, the payment's gateway and id and dated refunds as transactions
// (docs/decisions/0027). Whatever Shopify's input cannot hold is listed, for the record's reason.
import { z } from 'zod';
import type { OrderRecord } from '../../../../connectors/model.ts';
import { readablePlatform } from '../../../../connectors/registry.ts';
import { sourceReferenceMetafield } from '../../../shopify-admin/source-reference.server.ts';
import { ExchangeRates } from '../../../migrations/exchange-rates.ts';
import { orderAddress } from '../customers/address.server.ts';
import { moneyBag, orderMoney } from './money.server.ts';
import { type MadeVariant, variantChosen } from '../products/made-variant.server.ts';

const FINANCIAL = z.enum([
  'AUTHORIZED',
  'EXPIRED',
  'PAID',
  'PARTIALLY_PAID',
  'PARTIALLY_REFUNDED',
  'PENDING',
  'REFUNDED',
  'VOIDED',
]);
const FULFILLMENT = z.enum(['FULFILLED', 'PARTIAL', 'RESTOCKED']).nullable();

/** What one source status becomes in Shopify; `fulfillmentStatus: null` is Shopify's unfulfilled. */
export const OrderStatus = z.object({ financialStatus: FINANCIAL, fulfillmentStatus: FULFILLMENT });
export type OrderStatus = z.infer<typeof OrderStatus>;

/** The merchant's migration options that shape orders (Migration.options). */
export const OrderOptions = z.object({
  keepOrderNumbers: z.boolean().default(true),
  orderStatusMap: z.record(z.string(), OrderStatus).default({}),
  /** For orders in another currency than the shop's: one unit of it in the shop's currency, as the merchant gave it. */
  exchangeRates: ExchangeRates.default({}),
});
export type OrderOptions = z.infer<typeof OrderOptions>;

/** What the platform's order status means in Shopify by default (its descriptor says); the merchant's map in the options wins. */
export function defaultOrderStatus(platform: string, sourceStatus: string): OrderStatus | undefined {
  return readablePlatform(platform)?.orderStatuses.find(({ status }) => status === sourceStatus)?.target;
}

export interface OrderContext {
  platform: string;
  options: OrderOptions;
  /** The shop's currency (Shop.currencyCode): shop money is in it. */
  shopCurrency: string;
  /** Shopify customer ids by source customer id. */
  customerIds: ReadonlyMap<string, string>;
  /** The email each linked customer moved with (null: it moved without one), by source customer id, when known. */
  customerEmails?: ReadonlyMap<string, string | null>;
  /** Shopify variant ids by source variant id (a simple product's one variant has the product's id). */
  variantIds: ReadonlyMap<string, string>;
  /** The variants made from each variation sold in any value (any Size), by source variation id. */
  madeVariants?: ReadonlyMap<string, readonly MadeVariant[]>;
}

const cents = (amount: string) => Math.round(Number(amount) * 100);
const decimal = (amountInCents: number) => (amountInCents / 100).toFixed(2);

function statusFor(
  order: OrderRecord,
  platform: string,
  options: OrderOptions,
): { status: OrderStatus; unknown: boolean } {
  const chosen = options.orderStatusMap[order.sourceStatus] ?? defaultOrderStatus(platform, order.sourceStatus);
  let status = chosen ?? { financialStatus: 'PENDING', fulfillmentStatus: null };
  // Refunds recorded on an order that is not wholly refunded make it partly refunded.
  const refunded = order.refunds.reduce((total, refund) => total + cents(refund.amount), 0);
  if (refunded > 0 && refunded < cents(order.total) && status.financialStatus === 'PAID')
    status = { ...status, financialStatus: 'PARTIALLY_REFUNDED' };
  return { status, unknown: !chosen };
}

export interface OrderCreateVariables {
  order: Record<string, unknown>;
  options: { sendReceipt: false; sendFulfillmentReceipt: false; inventoryBehaviour: 'BYPASS' };
}

export interface OrderTransform {
  variables: OrderCreateVariables;
  /** What Shopify's order cannot hold as the source had it, in the merchant's words. */
  notKept: string[];
  /** Source line ids that became custom lines because their product or variant did not move. */
  customLines: string[];
}

/** The order's input; throws OrderKeptBack when it cannot be written yet (no exchange rate for its currency). */
export function toOrderCreateVariables(order: OrderRecord, context: OrderContext): OrderTransform {
  const notKept: string[] = [];
  const customLines: string[] = [];
  const recorded = orderMoney(order.currency, context.shopCurrency, context.options.exchangeRates);
  const money = (amount: string | number) => moneyBag(typeof amount === 'number' ? amount : cents(amount), recorded);
  const taxLines = (lines: OrderRecord['lineItems'][number]['taxLines'], base: number) =>
    lines.map((tax) => ({
      title: tax.title,
      rate: String(tax.rate ?? (base > 0 ? Math.round((cents(tax.amount) / base) * 10_000) / 10_000 : 0)),
      priceSet: money(tax.amount),
    }));

  const lineItems: Record<string, unknown>[] = order.lineItems.map((line) => {
    const variantId =
      context.variantIds.get(line.variantSourceId ?? line.productSourceId ?? '') ??
      variantChosen(line, context.madeVariants?.get(line.variantSourceId ?? '') ?? []);
    const base = {
      quantity: line.quantity,
      priceSet: money(line.price),
      taxLines: taxLines(line.taxLines, cents(line.price) * line.quantity),
    };
    if (variantId) return { variantId, ...base };
    customLines.push(line.sourceId);
    return { title: line.title, ...(line.sku ? { sku: line.sku } : {}), ...base };
  });

  // A fee ("Gift wrapping") is a custom line that needs no shipping, with its tax, so the order adds up
  // as it did at the source (OrderCreateLineItemInput: title, priceSet, taxLines, requiresShipping).
  // Shopify takes no negative price: a negative fee, WooCommerce's way of a discount, and its tax are
  // taken off as a discount instead.
  const fees = order.feeLines.filter((fee) => cents(fee.price) >= 0);
  const negativeFees = order.feeLines.filter((fee) => cents(fee.price) < 0);
  for (const fee of fees) {
    lineItems.push({
      title: fee.title,
      quantity: 1,
      priceSet: money(fee.price),
      requiresShipping: false,
      taxable: fee.taxLines.length > 0,
      taxLines: taxLines(fee.taxLines, cents(fee.price)),
    });
  }
  const feeDiscount = negativeFees.reduce(
    (total, fee) => total - cents(fee.price) - fee.taxLines.reduce((tax, line) => tax + cents(line.amount), 0),
    0,
  );
  if (negativeFees.length > 0)
    notKept.push(
      `${negativeFees.map((fee) => `"${fee.title}"`).join(', ')} took money off the order; Shopify lines cannot be negative, so it is part of the order's discount (with its tax).`,
    );

  const discountCode = discountFor(
    order,
    order.lineItems.reduce((total, line) => total + cents(line.discount), 0) + feeDiscount,
    negativeFees[0]?.title,
    money,
    notKept,
  );

  const { status, unknown } = statusFor(order, context.platform, context.options);
  if (unknown)
    notKept.push(
      `The status "${order.sourceStatus}" has no mapping; the order is shown as payment pending (add it to the status map to change that).`,
    );
  if (order.sourceStatus === 'cancelled')
    notKept.push('Shopify cannot import an order as cancelled: it is voided and tagged "cancelled".');

  // The payment keeps the gateway the shopper paid through and its own id for the payment
  // (OrderCreateOrderTransactionInput.gateway: "The name of the gateway the transaction was issued
  // through"; authorizationCode: "The authorization code associated with the transaction").
  const paid = ['PAID', 'PARTIALLY_REFUNDED', 'REFUNDED'].includes(status.financialStatus);
  const gateway = order.payment ? { gateway: order.payment.title ?? order.payment.gateway } : {};
  const transactions = [
    ...(paid
      ? [
          {
            kind: 'SALE',
            status: 'SUCCESS',
            ...gateway,
            ...(order.payment?.transactionId ? { authorizationCode: order.payment.transactionId } : {}),
            amountSet: money(order.total),
            processedAt: order.processedAt,
          },
        ]
      : []),
    ...order.refunds.map((refund) => ({
      kind: 'REFUND',
      status: 'SUCCESS',
      ...gateway,
      amountSet: money(refund.amount),
      ...(refund.createdAt ? { processedAt: refund.createdAt } : {}),
    })),
  ];
  const undated = order.refunds.filter((refund) => !refund.createdAt);
  if (undated.length > 0)
    notKept.push(
      `The old store gave no date for ${undated.length === 1 ? 'a refund' : `${undated.length} refunds`}; Shopify dates ${undated.length === 1 ? 'it' : 'them'} when the order is written.`,
    );
  if (order.refunds.length > 0)
    notKept.push(
      'Refunds are kept as refund transactions with their amounts; which lines were refunded or restocked is not (Shopify imports no refund lines with an order).',
    );

  const customerId = order.customerSourceId ? context.customerIds.get(order.customerSourceId) : undefined;
  if (order.customerSourceId && !customerId)
    notKept.push(
      `Customer ${order.customerSourceId} did not move, so the order is linked by its email, to the shop's customer with it or to one Shopify makes for it.`,
    );
  // Shopify gives a linked customer without an email the order's ("If a customer is provided, and no
  // email is provided, the customer's email will be set to this field", OrderCreateOrderInput.email):
  // a customer who moved without one (theirs was not valid) keeps it that way, and the order's email goes in its note.
  const customerWithoutEmail = Boolean(
    customerId && order.customerSourceId && context.customerEmails?.get(order.customerSourceId) === null,
  );
  const email = order.email && !customerWithoutEmail ? order.email : null;
  if (order.email && !email)
    notKept.push(
      `The order's email ${order.email} is in its note, not its email: its customer moved without an email, and Shopify would make this one theirs.`,
    );

  const billing = orderAddress(order.billingAddress, 'billing', order.storeCountryCode);
  const shipping = orderAddress(order.shippingAddress, 'shipping', order.storeCountryCode);
  notKept.push(...[...billing.problems, ...shipping.problems].map((problem) => problem.message));

  const notes = [
    ...order.notes.map((note) => note.body.trim()),
    ...order.refunds
      .filter((refund) => refund.reason)
      .map((refund) => `Refund of ${refund.amount} ${order.currency}: ${refund.reason}`),
    ...(order.email && !email ? [`Email on the order: ${order.email}`] : []),
    // Without a payment transaction (an unpaid or cancelled order) the way the shopper chose to pay stays on the order.
    ...(order.payment && !paid
      ? [
          `Payment method: ${order.payment.title ?? order.payment.gateway}${order.payment.transactionId ? ` (transaction ${order.payment.transactionId})` : ''}`,
        ]
      : []),
    ...[...billing.problems, ...shipping.problems].map((problem) => problem.noteLine),
  ].filter(Boolean);

  const input: Record<string, unknown> = {
    ...(context.options.keepOrderNumbers ? { name: `#${order.number}` } : {}),
    processedAt: order.processedAt,
    // The shop-facing currency is the shop's (left to Shopify's default); the customer paid in this one.
    presentmentCurrency: recorded.presentmentCurrency,
    // `customer` replaces the deprecated `customerId` ("This is replaced by the `customer` field in a future version").
    ...(customerId ? { customer: { toAssociate: { id: customerId } } } : {}),
    ...(email ? { email } : {}),
    lineItems,
    shippingLines: order.shippingLines.map((line) => ({
      title: line.title,
      priceSet: money(line.price),
      taxLines: taxLines(line.taxLines, cents(line.price)),
    })),
    ...(discountCode ? { discountCode } : {}),
    ...(billing.input ? { billingAddress: billing.input } : {}),
    ...(shipping.input ? { shippingAddress: shipping.input } : {}),
    financialStatus: status.financialStatus,
    ...(status.fulfillmentStatus ? { fulfillmentStatus: status.fulfillmentStatus } : {}),
    ...(transactions.length > 0 ? { transactions } : {}),
    ...(notes.length > 0 ? { note: notes.join('\n\n') } : {}),
    ...(order.sourceStatus === 'cancelled' ? { tags: ['cancelled'] } : {}),
    metafields: [sourceReferenceMetafield(context.platform, order.sourceId)],
  };
  return {
    variables: {
      order: input,
      options: { sendReceipt: false, sendFulfillmentReceipt: false, inventoryBehaviour: 'BYPASS' },
    },
    notKept,
    customLines,
  };
}

type Money = (amount: string | number) => ReturnType<typeof moneyBag>;

/**
 * The order's one discount code (OrderCreateDiscountCodeInput: "Only one type of discount can be
 * applied to an order"; Shopify takes no discount per line, so the lines' discounts add up into it).
 * A code that took nothing off, as a free-shipping coupon does, is still recorded: as a free-shipping
 * code when the order's shipping cost nothing (so it takes nothing off in Shopify either), else as a
 * fixed code of 0.
 */
function discountFor(
  order: OrderRecord,
  discount: number,
  feeTitle: string | undefined,
  money: Money,
  notKept: string[],
): Record<string, unknown> | undefined {
  // The code that took money off names the discount; one that took nothing comes after it.
  const codes = [...order.discountCodes].sort((a, b) => Number(cents(b.amount) > 0) - Number(cents(a.amount) > 0));
  if (codes.length > 1)
    notKept.push(
      `Codes ${codes.map((item) => item.code).join(', ')} were used together; Shopify orders hold one code, so the order shows ${codes[0]?.code}${discount > 0 ? ' with the whole discount' : ''}.`,
    );
  const chosen = codes[0];
  if (discount > 0)
    return { itemFixedDiscountCode: { code: chosen?.code ?? feeTitle ?? 'Discount', amountSet: money(discount) } };
  if (!chosen) return undefined;
  // Shipping that cost nothing is free; older WooCommerce versions do not say whether the coupon made it so, and then that says it.
  const shippingFree = order.shippingLines.every((line) => cents(line.price) === 0);
  const gaveFreeShipping = chosen.freeShipping ?? order.shippingLines.length > 0;
  return shippingFree && gaveFreeShipping
    ? { freeShippingDiscountCode: { code: chosen.code } }
    : { itemFixedDiscountCode: { code: chosen.code, amountSet: money(0) } };
}

/**
 * A date the old store gives in the future, which Shopify sets to the moment the order was created
 * ("As of API version 2026-07, values in the future are clamped to the current time",
 * OrderCreateOrderInput.processedAt): said in the merchant's words, from Shopify's answer; null otherwise.
 */
export function futureDateClamped(order: OrderRecord, shopifyProcessedAt: string): string | null {
  if (Date.parse(order.processedAt) <= Date.parse(shopifyProcessedAt) + 1000) return null;
  return `The old store dates this order ${order.processedAt}, in the future; Shopify records it as processed when it was written (${shopifyProcessedAt}).`;
}

/** Shopify's total in the order's own currency (presentment money) against the source's, in cents: null when they agree. */
export function totalsDiffer(order: OrderRecord, shopifyTotal: string): string | null {
  if (cents(order.total) === cents(shopifyTotal)) return null;
  return `Shopify computes a total of ${decimal(cents(shopifyTotal))} ${order.currency}; the old store recorded ${decimal(cents(order.total))} ${order.currency}.`;
}
