// Orders: `orderCreate` for importing history (processed date, line items by variant or custom,
// taxes, shipping, one discount code, payment transactions, financial and fulfillment status, order name; at most 5 new
// orders a minute on development and trial stores), `order`, `orderByIdentifier` (by id or custom
// ID) and `orders`, with addresses and metafields; `orderDelete`.
import type { PoolClient } from 'pg';
import type { Args, RequestContext, ResolverModule } from '../graphql/context.ts';
import { ArgumentError, NotImplementedError, ResourceLimitError } from '../graphql/errors.ts';
import { moneyV2 } from '../graphql/money.ts';
import { CustomIdError, type CustomId, ownerByCustomId } from '../catalog/custom-ids.ts';
import { connectionOf } from '../catalog/connection.ts';
import { dateFilter, idFilter, listRows, type ListSpec } from '../catalog/listing.ts';
import { gid, parseGid } from '../catalog/ids.ts';
import { metafieldFields, writeMetafields, type MetafieldInput } from '../catalog/metafields.ts';
import { MAX_PRICE, normalizeTags } from '../catalog/product-input.ts';
import { TEXT_LIMITS, customerTextErrors, tooLong as tooLongText } from '../catalog/text-limits.ts';
import { productObject, productOf, variantObject } from '../catalog/product-objects.ts';
import { variantsByIds } from '../catalog/product-rows.ts';
import { inTransaction } from '../catalog/product-writer.ts';
import { addressObject, customerObject, normalizePhone, type CustomerRow } from '../customers/customers.ts';
import { regionErrors } from '../customers/zones.ts';
import { customerFor, type OrderCustomerInput } from './order-customer.ts';
import {
  planOrder,
  type LineItem,
  type OrderInput,
  type OrderPlan,
  type OrderProblem,
  type ShippingLine,
  type TaxLine,
} from './order-input.ts';
import { checkCurrencies } from './order-money.ts';
import {
  type StoredTransaction,
  type TransactionInput,
  transactionObject,
  transactionsFor,
} from './order-transactions.ts';

/**
 * Shopify's documented ceiling for orderCreate on development and trial stores: "If you're using
 * the `orderCreate` mutation with a trial or development store, then you can create a maximum of
 * five new orders per minute." (the mutation's description in the schema).
 */
export const ORDERS_PER_MINUTE_ON_TRIAL_AND_DEVELOPMENT_STORES = 5;

interface OrderRow {
  id: string;
  number: number;
  name: string;
  email: string | null;
  phone: string | null;
  customer_id: string | null;
  currency_code: string;
  financial_status: string;
  fulfillment_status: string;
  processed_at: Date;
  closed_at: Date | null;
  note: string | null;
  tags: string[];
  taxes_included: boolean;
  test: boolean;
  source_name: string | null;
  source_identifier: string | null;
  line_items: LineItem[];
  shipping_lines: ShippingLine[];
  tax_lines: TaxLine[];
  discount_codes: { code: string; amount: string; type: string }[];
  billing_address: Record<string, string | null> | null;
  shipping_address: Record<string, string | null> | null;
  /** The customer's currency and the order priced in it; null: the shop's currency and amounts. */
  presentment_currency_code: string | null;
  presentment: OrderPlan | null;
  transactions: StoredTransaction[];
  subtotal: string;
  total_tax: string;
  total_shipping: string;
  total_discounts: string;
  total_price: string;
  created_at: Date;
  updated_at: Date;
}

/** An order's lines and totals in one currency: the row's own (shop money), or its presentment plan. */
type Priced = Pick<OrderPlan, 'lineItems' | 'shippingLines' | 'taxLines'> &
  Record<'subtotal' | 'totalTax' | 'totalShipping' | 'totalDiscounts' | 'totalPrice', string | number>;
type Amount = (priced: Priced) => string | number | undefined;

/** MoneyBags of the order: each amount in shop money and in presentment money, taken alike from both pricings. */
function moneyBags(row: OrderRow) {
  const shop: Priced = {
    lineItems: row.line_items,
    shippingLines: row.shipping_lines,
    taxLines: row.tax_lines,
    subtotal: row.subtotal,
    totalTax: row.total_tax,
    totalShipping: row.total_shipping,
    totalDiscounts: row.total_discounts,
    totalPrice: row.total_price,
  };
  const presentment = row.presentment ?? shop;
  const presentmentCurrency = row.presentment_currency_code ?? row.currency_code;
  return (amount: Amount) => ({
    __typename: 'MoneyBag',
    shopMoney: moneyV2(amount(shop) ?? 0, row.currency_code),
    presentmentMoney: moneyV2(amount(presentment) ?? 0, presentmentCurrency),
  });
}

function taxLineObject(tax: TaxLine, priceSet: object) {
  return {
    __typename: 'TaxLine',
    title: tax.title,
    rate: Number(tax.rate),
    ratePercentage: Number(tax.rate) * 100,
    priceSet,
    channelLiable: false,
  };
}

function orderObject(row: OrderRow) {
  const currency = row.currency_code;
  const bag = moneyBags(row);
  const lineItems = row.line_items.map((item, index) => ({
    __typename: 'LineItem',
    id: gid('LineItem', item.id),
    title: item.title,
    name: item.variantTitle ? `${item.title} - ${item.variantTitle}` : item.title,
    variantTitle: item.variantTitle,
    sku: item.sku,
    vendor: item.vendor,
    quantity: item.quantity,
    currentQuantity: item.quantity,
    requiresShipping: item.requiresShipping,
    taxable: item.taxable,
    originalUnitPriceSet: bag((priced) => priced.lineItems[index]?.price),
    originalTotalSet: bag((priced) => Number(priced.lineItems[index]?.price ?? 0) * item.quantity),
    taxLines: item.taxLines.map((tax, position) =>
      taxLineObject(
        tax,
        bag((priced) => priced.lineItems[index]?.taxLines[position]?.price),
      ),
    ),
    variant: async (_args: Args, context: RequestContext) => {
      const variant = item.variantId
        ? (await variantsByIds(context.pool, context.shop.domain, [item.variantId])).get(item.variantId)
        : undefined;
      return variant ? variantObject(variant) : null;
    },
    product: async (_args: Args, context: RequestContext) => {
      const product = item.productId ? await productOf(context, item.productId) : null;
      return product ? productObject(product) : null;
    },
  }));
  return {
    __typename: 'Order',
    id: gid('Order', row.id),
    legacyResourceId: String(row.id),
    name: row.name,
    email: row.email,
    phone: row.phone,
    note: row.note,
    tags: row.tags,
    test: row.test,
    sourceName: row.source_name,
    sourceIdentifier: row.source_identifier,
    currencyCode: currency,
    presentmentCurrencyCode: row.presentment_currency_code ?? currency,
    taxesIncluded: row.taxes_included,
    displayFinancialStatus: row.financial_status,
    displayFulfillmentStatus: row.fulfillment_status,
    processedAt: row.processed_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    closed: row.closed_at !== null,
    lineItems: (args: Args) =>
      connectionOf(
        lineItems,
        args,
        (item) => item.id.split('/').pop() ?? item.id,
        (item) => item,
      ),
    shippingLines: (args: Args) =>
      connectionOf(
        row.shipping_lines.map((line, index) => ({ ...line, index, position: index + 1 })),
        args,
        (line) => line.position,
        (line) => ({
          __typename: 'ShippingLine',
          id: gid('ShippingLine', `${row.id}${line.position}`),
          title: line.title,
          code: line.code,
          source: line.source,
          originalPriceSet: bag((priced) => priced.shippingLines[line.index]?.price),
          discountedPriceSet: bag((priced) => priced.shippingLines[line.index]?.price),
          taxLines: line.taxLines.map((tax, position) =>
            taxLineObject(
              tax,
              bag((priced) => priced.shippingLines[line.index]?.taxLines[position]?.price),
            ),
          ),
        }),
      ),
    taxLines: row.tax_lines.map((tax, position) =>
      taxLineObject(
        tax,
        bag((priced) => priced.taxLines[position]?.price),
      ),
    ),
    transactions: (args: Args) => {
      const all = row.transactions.map((transaction) =>
        transactionObject(transaction, {
          processedAt: row.processed_at,
          createdAt: row.created_at,
          shopCurrency: currency,
          presentmentCurrency: row.presentment_currency_code ?? currency,
        }),
      );
      return typeof args.first === 'number' ? all.slice(0, args.first) : all;
    },
    transactionsCount: { __typename: 'Count', count: row.transactions.length, precision: 'EXACT' },
    discountCode: row.discount_codes[0]?.code ?? null,
    discountCodes: row.discount_codes.map((code) => code.code),
    subtotalPriceSet: bag((priced) => priced.subtotal),
    totalTaxSet: bag((priced) => priced.totalTax),
    totalShippingPriceSet: bag((priced) => priced.totalShipping),
    totalDiscountsSet: bag((priced) => priced.totalDiscounts),
    totalPriceSet: bag((priced) => priced.totalPrice),
    currentTotalPriceSet: bag((priced) => priced.totalPrice),
    billingAddress: row.billing_address
      ? addressObject({ ...row.billing_address, id: gid('MailingAddress', `${row.id}1`) })
      : null,
    shippingAddress: row.shipping_address
      ? addressObject({ ...row.shipping_address, id: gid('MailingAddress', `${row.id}2`) })
      : null,
    ...metafieldFields(String(row.id)),
    customer: async (_args: Args, context: RequestContext) => {
      if (!row.customer_id) return null;
      const { rows } = await context.pool.query<CustomerRow>('SELECT * FROM devstore.customers WHERE id = $1', [
        row.customer_id,
      ]);
      return rows[0] ? customerObject(rows[0]) : null;
    },
  };
}

/** Over the limit of new orders a minute: the request is answered 429 and the transaction rolls back. */
async function withinOrderLimit(client: PoolClient, shop: string) {
  const { rows } = await client.query<{ count: string }>(
    "SELECT count(*) FROM devstore.orders WHERE shop = $1 AND created_at > now() - interval '1 minute'",
    [shop],
  );
  if (Number(rows[0]?.count ?? 0) >= ORDERS_PER_MINUTE_ON_TRIAL_AND_DEVELOPMENT_STORES) {
    throw new ResourceLimitError(
      `Too many orders: development and trial stores can create ${ORDERS_PER_MINUTE_ON_TRIAL_AND_DEVELOPMENT_STORES} new orders a minute. Try again later.`,
    );
  }
}

const FULFILLMENT_DISPLAY: Record<string, string> = {
  FULFILLED: 'FULFILLED',
  PARTIAL: 'PARTIALLY_FULFILLED',
  RESTOCKED: 'RESTOCKED',
};

/** An order refused with userErrors once inside its transaction: rolled back, then answered with them. */
class OrderRefused extends Error {
  readonly problems: OrderProblem[];
  constructor(problems: OrderProblem[]) {
    super('order refused');
    this.problems = problems;
  }
}

async function orderCreate(args: Args, context: RequestContext) {
  const input = args.order as OrderInput &
    Record<string, unknown> & {
      name?: string | null;
      email?: string | null;
      phone?: string | null;
      note?: string | null;
      tags?: string[] | null;
      currency?: string | null;
      presentmentCurrency?: string | null;
      financialStatus?: string | null;
      fulfillmentStatus?: string | null;
      closedAt?: string | null;
      test?: boolean | null;
      sourceName?: string | null;
      sourceIdentifier?: string | null;
      billingAddress?: unknown;
      shippingAddress?: unknown;
      metafields?: MetafieldInput[] | null;
    } & OrderCustomerInput;
  const options = (args.options ?? {}) as { inventoryBehaviour?: string | null };
  if (options.inventoryBehaviour && options.inventoryBehaviour !== 'BYPASS')
    throw new NotImplementedError(`orderCreate inventoryBehaviour ${options.inventoryBehaviour}`);
  const failed = (userErrors: OrderProblem[]) => ({
    __typename: 'OrderCreatePayload',
    order: null,
    userErrors: userErrors.map((error) => ({ __typename: 'OrderCreateUserError', ...error })),
  });

  const { currencies, problems: moneyProblems } = checkCurrencies(input, context.shop.currencyCode);
  if (moneyProblems.length) return failed(moneyProblems);
  const regions = (['billingAddress', 'shippingAddress'] as const).flatMap((key) =>
    input[key] ? regionErrors(input[key] as Record<string, string | null>, ['order', key]) : [],
  );
  if (regions.length) return failed(regions.map((error) => ({ ...error, code: 'INVALID' })));
  let lineNumber = 0;
  const nextLineId = async () => `${Date.now()}${String(lineNumber++).padStart(3, '0')}`;
  const planned = await planOrder(context, input, nextLineId);
  const paid = transactionsFor(
    input.transactions as TransactionInput[] | null | undefined,
    () => `${Date.now()}${String(lineNumber++).padStart(3, '0')}`,
  );
  // Order.note: "The maximum length is 5000 characters"; a customer upserted with the order keeps a customer's lengths.
  const tooLong = [
    ...tooLongText([{ field: ['order', 'note'], label: 'Note', value: input.note, limit: TEXT_LIMITS.note }]),
    ...(input.customer?.toUpsert ? customerTextErrors(input.customer.toUpsert, ['order', 'customer', 'toUpsert']) : []),
  ].map((error) => ({ ...error, code: 'INVALID' }));
  if (!planned.plan || tooLong.length || paid.problems.length)
    return failed([...planned.errors, ...tooLong, ...paid.problems]);
  const plan = planned.plan;
  // devstore keeps amounts below 10^18; Shopify documents no ceiling, so this refusal and its words are devstore's.
  if (
    [plan.subtotal, plan.totalTax, plan.totalShipping, plan.totalDiscounts, plan.totalPrice].some(
      (amount) => !(Math.abs(amount) < MAX_PRICE),
    )
  ) {
    return failed([
      {
        field: ['order'],
        message: "The order's amounts are too large (each must be less than 1000000000000000000)",
        code: 'INVALID',
      },
    ]);
  }
  const foreign = currencies.presentment !== currencies.shop;
  const presentment = foreign ? ((await planOrder(context, input, nextLineId, 'presentment')).plan ?? null) : null;
  // "As of API version 2026-07, values in the future are clamped to the current time. In earlier
  // versions, future values return a `PROCESSED_AT_INVALID` error." (OrderCreateOrderInput.processedAt;
  // devstore serves 2026-10 only): the INSERT takes the earlier of the two.
  const hasTransactions = Array.isArray(input.transactions) && input.transactions.length > 0;

  const client = await context.pool.connect();
  try {
    const row = await inTransaction(client, async () => {
      const { rows: numbers } = await client.query<{ number: number }>(
        'UPDATE devstore.shops SET next_order_number = next_order_number + 1 WHERE domain = $1 RETURNING next_order_number - 1 AS number',
        [context.shop.domain],
      );
      const number = (numbers[0] as { number: number }).number;
      // Counted under the shop row's lock (taken just above), so orders created side by side cannot slip past the limit.
      if (context.shop.devStore || context.shop.trial) await withinOrderLimit(client, context.shop.domain);
      const problems: OrderProblem[] = [];
      const customer = await customerFor(client, context.shop.domain, input, problems);
      if (problems.length) throw new OrderRefused(problems);
      const { rows } = await client.query<OrderRow>(
        `INSERT INTO devstore.orders (shop, number, name, email, phone, customer_id, currency_code, financial_status, fulfillment_status, processed_at, closed_at,
           note, tags, taxes_included, test, source_name, source_identifier, line_items, shipping_lines, tax_lines, discount_codes, billing_address, shipping_address,
           subtotal, total_tax, total_shipping, total_discounts, total_price, presentment_currency_code, presentment, transactions)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, least(coalesce($10, now()), now()), $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31)
         RETURNING *`,
        [
          context.shop.domain,
          number,
          input.name ?? `#${number}`,
          input.email ?? null,
          input.phone ? (normalizePhone(input.phone) ?? input.phone) : null,
          customer.id,
          currencies.shop,
          input.financialStatus ?? (hasTransactions ? 'PAID' : 'PENDING'),
          FULFILLMENT_DISPLAY[input.fulfillmentStatus ?? ''] ?? 'UNFULFILLED',
          input.processedAt ?? null,
          input.closedAt ?? null,
          input.note ?? null,
          normalizeTags(input.tags) ?? [],
          input.taxesIncluded ?? false,
          input.test ?? false,
          input.sourceName ?? null,
          input.sourceIdentifier ?? null,
          JSON.stringify(plan.lineItems),
          JSON.stringify(plan.shippingLines),
          JSON.stringify(plan.taxLines),
          JSON.stringify(plan.discountCodes),
          input.billingAddress ? JSON.stringify(input.billingAddress) : null,
          input.shippingAddress ? JSON.stringify(input.shippingAddress) : null,
          plan.subtotal,
          plan.totalTax,
          plan.totalShipping,
          plan.totalDiscounts,
          plan.totalPrice,
          foreign ? currencies.presentment : null,
          presentment ? JSON.stringify(presentment) : null,
          JSON.stringify(paid.transactions),
        ],
      );
      const created = rows[0] as OrderRow;
      if (input.metafields?.length)
        await writeMetafields(client, context.shop.domain, String(created.id), 'ORDER', input.metafields, false);
      return { ...created, customerCreated: customer.created };
    });
    if (row.customerCreated && row.customer_id)
      context.emit('customers/create', {
        id: Number(row.customer_id),
        email: row.email,
        admin_graphql_api_id: gid('Customer', row.customer_id),
      });
    context.emit('orders/create', { id: Number(row.id), name: row.name, admin_graphql_api_id: gid('Order', row.id) });
    return { __typename: 'OrderCreatePayload', order: orderObject(row), userErrors: [] };
  } catch (error) {
    if (error instanceof OrderRefused) return failed(error.problems);
    throw error;
  } finally {
    client.release();
  }
}

/** Shopify's default order for `orders` is PROCESSED_AT; ID is the other sort key devstore knows. */
const ORDERS: ListSpec = {
  name: 'orders',
  table: 'devstore.orders',
  filters: {
    name: (value, param) => `name = ${param(value.startsWith('#') ? value : `#${value}`)} OR name = ${param(value)}`,
    email: (value, param) => `lower(email) = lower(${param(value)})`,
    customer_id: idFilter('customer_id'),
    financial_status: (value, param) => `financial_status = ${param(value.toUpperCase())}`,
    processed_at: dateFilter('processed_at'),
  },
  sorts: { PROCESSED_AT: { idColumn: 'id', column: 'processed_at', kind: 'timestamp' } },
  defaultSort: 'PROCESSED_AT',
};

async function orderById(context: RequestContext, id: string | null | undefined) {
  const { rows } = id
    ? await context.pool.query<OrderRow>('SELECT * FROM devstore.orders WHERE shop = $1 AND id = $2', [
        context.shop.domain,
        id,
      ])
    : { rows: [] };
  return rows[0] ? orderObject(rows[0]) : null;
}

async function orderByIdentifier(args: Args, context: RequestContext) {
  const identifier = args.identifier as { id?: string | null; customId?: unknown };
  if (identifier.customId) {
    const ownerId = await ownerByCustomId(
      context.pool,
      context.shop.domain,
      'ORDER',
      identifier.customId as CustomId,
    ).catch((error: unknown) => {
      throw error instanceof CustomIdError ? new ArgumentError(error.message) : error;
    });
    return orderById(context, ownerId);
  }
  if (identifier.id) return orderById(context, parseGid(identifier.id, 'Order'));
  throw new ArgumentError('One of id or customId must be provided');
}

/** Deletes an order for good (Shopify answers NOT_FOUND for one it does not have). */
async function orderDelete(args: Args, context: RequestContext) {
  const id = parseGid(args.orderId, 'Order');
  const { rows } = id
    ? await context.pool.query<{ id: string }>('DELETE FROM devstore.orders WHERE shop = $1 AND id = $2 RETURNING id', [
        context.shop.domain,
        id,
      ])
    : { rows: [] };
  const deleted = rows[0];
  if (!deleted)
    return {
      __typename: 'OrderDeletePayload',
      deletedId: null,
      userErrors: [
        { __typename: 'OrderDeleteUserError', field: ['orderId'], message: 'Order does not exist', code: 'NOT_FOUND' },
      ],
    };
  await context.pool.query('DELETE FROM devstore.metafields WHERE shop = $1 AND owner_id = $2', [
    context.shop.domain,
    deleted.id,
  ]);
  context.emit('orders/delete', { id: Number(deleted.id) });
  return { __typename: 'OrderDeletePayload', deletedId: gid('Order', deleted.id), userErrors: [] };
}

export const ordersModule: ResolverModule = {
  queries: {
    orders: (args, context) => listRows<OrderRow>(context, args, ORDERS, orderObject),
    order: (args, context) => orderById(context, parseGid(args.id, 'Order')),
    orderByIdentifier,
  },
  mutations: { orderCreate, orderDelete },
  nodes: {
    Order: async (context, id) => {
      const { rows } = await context.pool.query<OrderRow>('SELECT * FROM devstore.orders WHERE shop = $1 AND id = $2', [
        context.shop.domain,
        id,
      ]);
      return rows[0] ? orderObject(rows[0]) : null;
    },
  },
};
