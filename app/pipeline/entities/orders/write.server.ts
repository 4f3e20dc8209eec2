// Load orders as history: orderCreate per order not written before (found again by id map or source
// reference, so a retry never doubles one), linked to the migrated customers and variants (a line of
// a variation sold in any value to the variant of the value the shopper chose), its
// amounts in the shop's currency and the customer's; totals Shopify computes differently are
// flagged with both. An order in another currency without the merchant's exchange rate is kept
// back with the reason. Paced for development and trial stores (order-pacing.server.ts).
import type { OrderRecord } from '../../../../connectors/model.ts';
import { db } from '../../../db/db.server.ts';
import { customIdentifier } from '../../../shopify-admin/source-reference.server.ts';
import { checkContact } from '../customers/input.server.ts';
import { OrderKeptBack } from './money.server.ts';
import type { MadeVariant } from '../products/made-variant.server.ts';
import { type OrderContext, futureDateClamped, toOrderCreateVariables, totalsDiffer } from './input.server.ts';
import { customerExists, recordGuestCustomer } from '../customers/guests.server.ts';
import { MINUTE, shopForOrders, tooManyOrders } from '../../../shopify-admin/limits/order-pacing.server.ts';
import { idMapFor, recordWritten } from '../../staging/id-map.server.ts';
import {
  type BatchResult,
  batchResult,
  eachRecord,
  nextBatch,
  recordFailed,
  IN_SHOPIFY,
  recordSkipped,
  recordUnchanged,
} from '../../staging/outcomes.server.ts';
import { type FoundProblem, keepProblems } from '../../staging/problems.server.ts';
import { describeUserErrors } from '../../../shopify-admin/user-errors.server.ts';
import type { Writer } from '../../../shopify-admin/writer.server.ts';
import {
  type CreatedOrder,
  type OrderCreateData,
  ORDER_BY_REFERENCE,
  ORDER_CREATE,
} from '../../../shopify-admin/graphql/orders.ts';
import { ORDER_CREATE_COST } from '../../../shopify-admin/costs.server.ts';
import { orderAllowance } from './pacing.server.ts';
import { migrationOptions } from '../../options.server.ts';
import { stagedRecord } from '../../staging/records.server.ts';

const PROBLEM_CODES = ['order-total-differs', 'order-product-missing', 'order-future-date'];

/** What the merchant should check about an order as Shopify wrote it, for the report. */
function writtenOrderProblems(order: OrderRecord, customLines: string[], created: CreatedOrder): FoundProblem[] {
  const problems: FoundProblem[] = [];
  const differs = totalsDiffer(order, created.totalPriceSet.presentmentMoney.amount);
  if (differs)
    problems.push({
      code: 'order-total-differs',
      subject: order.number,
      message: differs,
      action: 'Check the order in Shopify; the old store’s total is kept in this report.',
    });
  if (customLines.length > 0) {
    problems.push({
      code: 'order-product-missing',
      subject: order.number,
      message: `${customLines.length} line${customLines.length > 1 ? 's' : ''} became custom items: the product or variant did not move to Shopify.`,
      action: 'Nothing to do; the line keeps its title, SKU, price and tax.',
    });
  }
  const clamped = futureDateClamped(order, created.processedAt);
  if (clamped)
    problems.push({
      code: 'order-future-date',
      subject: order.number,
      message: clamped,
      action:
        'Check the date on the old store (a clock or time zone setting); Shopify takes no order dated in the future.',
    });
  return problems;
}

/** The email each of these customers moved with (null: none, theirs was not valid), from their latest staged record. */
async function emailsMovedWith(shop: string, sourceIds: string[]): Promise<Map<string, string | null>> {
  const records = await db().sourceRecord.findMany({
    where: { shop, entity: 'customers', sourceId: { in: sourceIds }, status: { in: [...IN_SHOPIFY, 'skipped'] } },
    orderBy: { id: 'asc' },
    select: { sourceId: true, data: true },
  });
  return new Map(records.map((record) => [record.sourceId, checkContact(stagedRecord('customers', record)).email]));
}

/**
 * The variants made from each variation sold in any value that these lines name and no variant
 * link covers (decision 0025), read from the products as they were last staged, by variation id.
 */
async function madeVariantsFor(
  shop: string,
  platform: string,
  lines: OrderRecord['lineItems'],
  linked: ReadonlyMap<string, unknown>,
): Promise<Map<string, MadeVariant[]>> {
  const unlinked = lines.filter(
    (line) =>
      line.variantSourceId !== null &&
      !linked.has(line.variantSourceId) &&
      line.productSourceId !== null &&
      line.chosenOptions.length > 0,
  );
  const variations = new Set(unlinked.map((line) => line.variantSourceId));
  if (variations.size === 0) return new Map();
  const products = await db().sourceRecord.findMany({
    where: {
      shop,
      entity: 'products',
      sourceId: { in: [...new Set(unlinked.map((line) => line.productSourceId as string))] },
    },
    orderBy: { id: 'asc' },
    select: { sourceId: true, data: true },
  });
  // The latest staged version of each product says which variants it was written with.
  const latest = new Map(products.map((record) => [record.sourceId, stagedRecord('products', record)]));
  const made = [...latest.values()].flatMap((product) =>
    product.variants.filter((variant) => variant.madeFrom && variations.has(variant.madeFrom.sourceId)),
  );
  const links = await idMapFor(
    shop,
    platform,
    'variants',
    made.map((variant) => variant.sourceId),
  );
  const byVariation = new Map<string, MadeVariant[]>();
  for (const variant of made) {
    const link = links.get(variant.sourceId);
    if (!link || !variant.madeFrom) continue;
    const { sourceId, open } = variant.madeFrom;
    const values = variant.optionValues
      .filter((pick) => open.includes(pick.option))
      .map((pick) => ({ name: pick.option, value: pick.value }));
    byVariation.set(sourceId, [...(byVariation.get(sourceId) ?? []), { shopifyGid: link.shopifyGid, open: values }]);
  }
  return byVariation;
}

async function orderContext(
  migrationId: string,
  shop: string,
  shopCurrency: string,
  writer: Writer,
  rows: { data: unknown }[],
): Promise<OrderContext> {
  const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId }, select: { options: true } });
  const orders = rows.map((row) => stagedRecord('orders', row));
  const customerSourceIds = orders.flatMap((order) => (order.customerSourceId ? [order.customerSourceId] : []));
  const customerIds = await idMapFor(shop, writer.platform, 'customers', customerSourceIds);
  const variantIds = await idMapFor(
    shop,
    writer.platform,
    'variants',
    orders.flatMap((order) =>
      order.lineItems.flatMap((line) =>
        [line.variantSourceId, line.productSourceId].filter((id): id is string => id !== null),
      ),
    ),
  );
  return {
    platform: writer.platform,
    options: migrationOptions(migration.options),
    shopCurrency,
    customerIds: new Map([...customerIds].map(([sourceId, entry]) => [sourceId, entry.shopifyGid])),
    customerEmails: await emailsMovedWith(shop, [...customerIds.keys()]),
    variantIds: new Map([...variantIds].map(([sourceId, entry]) => [sourceId, entry.shopifyGid])),
    madeVariants: await madeVariantsFor(
      shop,
      writer.platform,
      orders.flatMap((order) => order.lineItems),
      variantIds,
    ),
  };
}

export async function loadOrderBatch(
  migrationId: string,
  afterId: bigint | null,
  writer: Writer,
): Promise<BatchResult> {
  const { shop } = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
  const rows = await nextBatch(migrationId, 'orders', afterId);
  const mapped = await idMapFor(
    shop,
    writer.platform,
    'orders',
    rows.map((row) => row.sourceId),
  );
  const shopNow = await shopForOrders(writer);
  const context = await orderContext(migrationId, shop, shopNow.currencyCode, writer, rows);
  const result = batchResult(rows);
  const limit = shopNow.limited ? await orderAllowance(shop, writer) : null;
  let creates = 0;
  // On a development or trial store orders go one at a time, so the batch can stop at the one the limit holds back.
  let stoppedAt: bigint | null = null;
  let retryAt: Date | null = null;
  const stopAt = (id: bigint) => {
    if (stoppedAt === null || id < stoppedAt) stoppedAt = id;
  };

  await eachRecord(rows, limit ? 1 : writer.concurrency, result, async (row) => {
    if (stoppedAt !== null) return;
    const order = stagedRecord('orders', row);
    const known = mapped.get(row.sourceId);
    if (known) {
      // Shopify cannot rewrite an imported order: a later change in the source is reported, not written.
      if (known.contentHash === row.contentHash) await recordUnchanged(row);
      else
        await recordWritten(
          shop,
          writer.platform,
          'orders',
          { ...row, contentHash: known.contentHash },
          known.shopifyGid,
          known.handle,
          'Changed on the old store after it moved; Shopify cannot rewrite an imported order, so the first version stays.',
        );
      result.unchanged++;
      return;
    }
    const found = await writer.client.request<{ orderByIdentifier: { id: string; name: string } | null }>(
      ORDER_BY_REFERENCE,
      { identifier: customIdentifier(writer.platform, row.sourceId) },
      { estimatedCost: 1 },
    );
    if (found.data.orderByIdentifier) {
      await recordWritten(
        shop,
        writer.platform,
        'orders',
        row,
        found.data.orderByIdentifier.id,
        found.data.orderByIdentifier.name,
      );
      result.written++;
      return;
    }
    if (limit && creates >= limit.allowed) {
      stopAt(row.id);
      return;
    }
    let transform: ReturnType<typeof toOrderCreateVariables>;
    try {
      transform = toOrderCreateVariables(order, context);
    } catch (error) {
      if (!(error instanceof OrderKeptBack)) throw error;
      await recordSkipped(row, error.message);
      return;
    }
    creates++;
    // An order without a customer but with an email gets one from Shopify: new ones are the migration's to undo.
    const guestEmail = transform.variables.order.customer
      ? null
      : (transform.variables.order.email as string | undefined);
    const newGuest = guestEmail ? !(await customerExists(writer.client, guestEmail)) : false;
    let created: OrderCreateData['orderCreate'];
    try {
      created = (
        await writer.client.request<OrderCreateData>(
          ORDER_CREATE,
          { ...transform.variables },
          { estimatedCost: ORDER_CREATE_COST, onTooManyRequests: 'throw' },
        )
      ).data.orderCreate;
    } catch (error) {
      const notBefore = tooManyOrders(error);
      if (!notBefore) throw error;
      // Other orders (the merchant's, another app's) used up this minute: this one waits for the next.
      stopAt(row.id);
      if (!retryAt || notBefore > retryAt) retryAt = notBefore;
      return;
    }
    if (created.userErrors.length > 0 || !created.order) {
      await recordFailed(row, describeUserErrors(created.userErrors) || 'Shopify returned no order');
      result.failed++;
      return;
    }
    if (newGuest && created.order.customer)
      await recordGuestCustomer(shop, writer.platform, migrationId, row.sourceId, created.order.customer.id);
    const problems = writtenOrderProblems(order, transform.customLines, created.order);
    await keepProblems(migrationId, 'orders', row.sourceId, PROBLEM_CODES, problems);
    const reason = [...problems.map((problem) => problem.message), ...transform.notKept].join(' ') || null;
    await recordWritten(shop, writer.platform, 'orders', row, created.order.id, created.order.name, reason);
    result.written++;
  });

  if (stoppedAt !== null) {
    const previous = rows.filter((row) => row.id < (stoppedAt as bigint)).at(-1)?.id ?? afterId ?? 0n;
    const allowance = retryAt || !shopNow.limited ? null : await orderAllowance(shop, writer);
    return { ...result, next: previous, notBefore: retryAt ?? allowance?.notBefore ?? new Date(Date.now() + MINUTE) };
  }
  return result;
}
