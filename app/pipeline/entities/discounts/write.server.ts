// Load discounts: one Shopify discount code per coupon, found again by id map, or by its code when a
// crash came between Shopify's answer and the id map (the code's source tag says Shipyard wrote it);
// a changed coupon updates its code. A coupon for chosen email addresses becomes a code for the
// customers with them (decision 0012). A coupon with exclusions applies to the products that moved
// less those (decision 0024), a list written 250 ids a request and kept current on later runs. What
// Shopify's codes cannot hold is kept as problems; what would make a code broader keeps it back.
import type { DiscountRecord } from '../../../../connectors/model.ts';
import { db } from '../../../db/db.server.ts';
import { AdminApiError } from '../../../shopify-admin/client.server.ts';
import { contentHash, stagedRecord } from '../../staging/records.server.ts';
import { customerDataNotice } from '../../analysis/customer-data.server.ts';
import {
  DISCOUNT_ACTIONS,
  DISCOUNT_TYPENAME,
  type DiscountContext,
  type DiscountKind,
  type NotKept,
  addressLike,
  allowedAddressKey,
  sourceTag,
  toDiscountInput,
} from './input.server.ts';
import { stillInShopify } from '../../steps/verify.server.ts';
import { NO_CATALOG, hasExclusions } from './scope.server.ts';
import { inChunks } from './chunks.server.ts';
import { movedCatalog } from './coupon-catalog.server.ts';
import { chosenItems, withItemsLeftOff } from './items.server.ts';
import { idMapFor, recordWritten } from '../../staging/id-map.server.ts';
import {
  type BatchResult,
  batchResult,
  eachRecord,
  nextBatch,
  recordFailed,
  recordSkipped,
  settledWithoutWriting,
} from '../../staging/outcomes.server.ts';
import { keepProblems } from '../../staging/problems.server.ts';
import { type UserError, describeUserErrors } from '../../../shopify-admin/user-errors.server.ts';
import { type Writer, inParallel } from '../../../shopify-admin/writer.server.ts';
import { CUSTOMER_BY_REFERENCE } from '../../../shopify-admin/graphql/customers.ts';
import {
  DISCOUNT_BASIC_CREATE,
  DISCOUNT_BASIC_UPDATE,
  DISCOUNT_BY_CODE,
  DISCOUNT_DELETE,
  DISCOUNT_FREE_SHIPPING_CREATE,
  DISCOUNT_FREE_SHIPPING_UPDATE,
  DISCOUNT_KIND,
} from '../../../shopify-admin/graphql/discounts.ts';
import { migrationOptions } from '../../options.server.ts';

const PROBLEM_CODES: NotKept['code'][] = [
  'discount-restriction-not-kept',
  'discount-limit-changed',
  'discount-products-missing',
  'discount-free-shipping-not-kept',
  'discount-customers-missing',
  'discount-made-broader',
  'discount-exclusions-as-products',
];

const MUTATIONS: Record<DiscountKind, { create: string; update: string; field: { create: string; update: string } }> = {
  basic: {
    create: DISCOUNT_BASIC_CREATE,
    update: DISCOUNT_BASIC_UPDATE,
    field: { create: 'discountCodeBasicCreate', update: 'discountCodeBasicUpdate' },
  },
  freeShipping: {
    create: DISCOUNT_FREE_SHIPPING_CREATE,
    update: DISCOUNT_FREE_SHIPPING_UPDATE,
    field: { create: 'discountCodeFreeShippingCreate', update: 'discountCodeFreeShippingUpdate' },
  },
};

type Payload = { codeDiscountNode: { id: string } | null; userErrors: UserError[] };
type Outcome = { id: string; failure: null } | { id: null; failure: string };

async function discountContext(
  shop: string,
  writer: Writer,
  rows: { data: unknown }[],
  customerDataRefused: boolean,
  broaderCoupons: boolean,
): Promise<DiscountContext> {
  const discounts = rows.map((row) => stagedRecord('discounts', row));
  const products = await idMapFor(
    shop,
    writer.platform,
    'products',
    discounts.flatMap((discount) => discount.productSourceIds),
  );
  const collections = await idMapFor(
    shop,
    writer.platform,
    'collections',
    discounts.flatMap((discount) => discount.collectionSourceIds),
  );
  return {
    platform: writer.platform,
    productIds: new Map([...products].map(([sourceId, entry]) => [sourceId, entry.shopifyGid])),
    collectionIds: new Map([...collections].map(([sourceId, entry]) => [sourceId, entry.shopifyGid])),
    // Without protected customer data Shopify answers no question about a customer: the coupons
    // limited to addresses have nobody to be for, and are kept back with that reason (decision 0014).
    customersFor: customerDataRefused ? new Map() : await customersFor(shop, writer, discounts),
    catalog: discounts.some(hasExclusions) ? await movedCatalog(shop, writer.platform) : NO_CATALOG,
    broaderCoupons,
  };
}

/**
 * The Shopify customers each address these coupons are limited to stands for. Shopify itself is
 * asked for an address (a customer the migration moved, or one the merchant already had); a pattern
 * ("*@example.com") has no search in Shopify, so it stands for the customers that moved with a
 * matching email and that Shopify still has.
 */
async function customersFor(shop: string, writer: Writer, discounts: DiscountRecord[]): Promise<Map<string, string[]>> {
  const allowed = [
    ...new Map(
      discounts.flatMap((discount) => discount.allowedCustomers).map((entry) => [allowedAddressKey(entry), entry]),
    ).values(),
  ];
  const found = new Map<string, string[]>();
  await inParallel(
    allowed.filter((entry) => entry.kind === 'email').map(allowedAddressKey),
    writer.concurrency,
    async (address) => {
      const { data } = await writer.client.request<{ customerByIdentifier: { id: string } | null }>(
        CUSTOMER_BY_REFERENCE,
        { identifier: { emailAddress: address } },
        { estimatedCost: 1 },
      );
      if (data.customerByIdentifier) found.set(address, [data.customerByIdentifier.id]);
    },
  );
  for (const pattern of allowed.filter((entry) => entry.kind === 'pattern')) {
    const like = addressLike(pattern);
    const moved = await db().$queryRaw<{ shopifyGid: string }[]>`
      SELECT DISTINCT m."shopifyGid" FROM "SourceRecord" r
      JOIN "IdMapEntry" m ON m.shop = r.shop AND m.platform = ${writer.platform} AND m.entity = 'customers' AND m."sourceId" = r."sourceId"
      WHERE r.shop = ${shop} AND r.entity = 'customers' AND lower(r.email) LIKE ${like}`;
    const stillThere = await stillInShopify(
      writer.client,
      moved.map((row) => row.shopifyGid),
    );
    if (stillThere.size > 0) found.set(allowedAddressKey(pattern), [...stillThere]);
  }
  return found;
}

/** The customers a coupon's code is for, sorted: part of what decides whether the code needs writing again. */
function customersOf(discount: DiscountRecord, context: DiscountContext): string[] {
  return [
    ...new Set(
      discount.allowedCustomers.flatMap((allowed) => context.customersFor.get(allowedAddressKey(allowed)) ?? []),
    ),
  ].sort();
}

/** An update adds to the customers a code has; those the coupon no longer stands for are taken off. */
function withCustomersLeftOff(input: Record<string, unknown>, current: string[]): Record<string, unknown> {
  const customers = (input.context as { customers?: { add: string[] } } | undefined)?.customers;
  if (!customers) return input;
  const remove = current.filter((id) => !customers.add.includes(id));
  return remove.length > 0 ? { ...input, context: { customers: { ...customers, remove } } } : input;
}

async function send(
  writer: Writer,
  kind: DiscountKind,
  discount: Record<string, unknown>,
  id: string | null,
): Promise<Payload & { taken: boolean }> {
  const mutation = MUTATIONS[kind];
  const { data } = await writer.client.request<Record<string, Payload>>(
    id ? mutation.update : mutation.create,
    id ? { id, discount } : { discount },
    { estimatedCost: 10 },
  );
  const payload = data[id ? mutation.field.update : mutation.field.create] ?? {
    codeDiscountNode: null,
    userErrors: [{ field: null, message: 'Shopify returned no answer' }],
  };
  return {
    ...payload,
    taken: payload.userErrors.some((error) => error.code === 'TAKEN' && error.field?.at(-1) === 'code'),
  };
}

/** The code Shopify already has, when Shipyard wrote it for this coupon (its source tag); else why it cannot be used. */
async function foundByCode(
  writer: Writer,
  discount: DiscountRecord,
): Promise<{ id: string; typename: string } | { failure: string }> {
  const { data } = await writer.client.request<{
    codeDiscountNodeByCode: { id: string; codeDiscount: { __typename: string; tags?: string[] } } | null;
  }>(DISCOUNT_BY_CODE, { code: discount.code }, { estimatedCost: 2 }); // the node and its codeDiscount
  const found = data.codeDiscountNodeByCode;
  if (found && found.codeDiscount.tags?.includes(sourceTag(writer.platform, discount.sourceId)))
    return { id: found.id, typename: found.codeDiscount.__typename };
  return {
    failure: `Shopify already has a discount with the code "${discount.code}" that Shipyard did not make from this coupon; rename one of them and run the migration again.`,
  };
}

/** Writes the code: updates the one Shipyard made before (recreated if its kind changed), else creates it. */
async function writeDiscount(
  writer: Writer,
  kind: DiscountKind,
  discount: DiscountRecord,
  input: Record<string, unknown>,
  knownId: string | null,
): Promise<Outcome> {
  let id = knownId;
  let typename: string | null = null;
  if (id) {
    const { data } = await writer.client.request<{
      codeDiscountNode: { codeDiscount: { __typename: string; context?: { customers?: { id: string }[] } } } | null;
    }>(DISCOUNT_KIND, { id }, { estimatedCost: 1 });
    // Deleted in Shopify since: made again below.
    typename = data.codeDiscountNode?.codeDiscount.__typename ?? null;
    if (!typename) id = null;
    input = withCustomersLeftOff(
      input,
      data.codeDiscountNode?.codeDiscount.context?.customers?.map((customer) => customer.id) ?? [],
    );
    if (id && typename === DISCOUNT_TYPENAME[kind]) input = await withItemsLeftOff(writer, id, input);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    if (id && typename !== DISCOUNT_TYPENAME[kind]) {
      // Shopify changes a code's kind only by making it again (a coupon that now also takes money off).
      await writer.client.request(DISCOUNT_DELETE, { id }, { estimatedCost: 10 });
      id = null;
    }
    const { first, rest } = inChunks(input);
    const result = await send(writer, kind, first, id);
    if (result.codeDiscountNode) return moreIds(writer, kind, result.codeDiscountNode.id, rest);
    if (!result.taken || id)
      return { id: null, failure: describeUserErrors(result.userErrors) || 'Shopify returned no discount' };
    const found = await foundByCode(writer, discount);
    if ('failure' in found) return { id: null, failure: found.failure };
    ({ id, typename } = found);
  }
  return { id: null, failure: `Shopify kept answering that the code "${discount.code}" is taken` };
}

/** The customers and products that did not fit in the request that wrote the code, 250 of each an update. */
async function moreIds(
  writer: Writer,
  kind: DiscountKind,
  id: string,
  updates: Record<string, unknown>[],
): Promise<Outcome> {
  for (const update of updates) {
    const result = await send(writer, kind, update, id);
    if (!result.codeDiscountNode)
      return {
        id: null,
        failure: `Shopify made the code but refused some of its customers or products: ${describeUserErrors(result.userErrors) || 'no answer'}`,
      };
  }
  return { id, failure: null };
}

export async function loadDiscountBatch(
  migrationId: string,
  afterId: bigint | null,
  writer: Writer,
): Promise<BatchResult> {
  const {
    shop,
    options: stored,
    plan: accessPlan,
  } = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
  const options = migrationOptions(stored);
  const skipExisting = options.existingRecords === 'skip';
  const rows = await nextBatch(migrationId, 'discounts', afterId);
  const mapped = await idMapFor(
    shop,
    writer.platform,
    'discounts',
    rows.map((row) => row.sourceId),
  );
  const context = await discountContext(
    shop,
    writer,
    rows,
    customerDataNotice(accessPlan) !== null,
    options.broaderCoupons,
  );
  const result = batchResult(rows);

  await eachRecord(rows, writer.concurrency, result, async (row) => {
    const known = mapped.get(row.sourceId);
    const discount = stagedRecord('discounts', row);
    const plan = toDiscountInput(discount, context);
    // A code for chosen customers, products or collections is written again when they change (one
    // moved since, or the products an exclusion leaves), not only when the coupon does.
    const chosen = [
      ...customersOf(discount, context),
      ...(plan.kind === 'basic' ? [...(chosenItems(plan.discount)?.ids ?? [])].sort() : []),
    ];
    const hash = chosen.length === 0 ? row.contentHash : contentHash([row.contentHash, ...chosen]);
    if (await settledWithoutWriting(row, known, { skipExisting, hash }, result)) return;
    if (plan.kind === 'skip' || plan.kind === 'refuse') {
      await keepProblems(migrationId, 'discounts', row.sourceId, PROBLEM_CODES, []);
      // Shipyard never deletes a code shoppers may hold; the merchant decides about the earlier one.
      const reason = known
        ? `${plan.reason} The code an earlier run made stays in Shopify as it was; deactivate it there if it should no longer work.`
        : plan.reason;
      if (plan.kind === 'skip') await recordSkipped(row, reason);
      else await recordFailed(row, reason);
      if (plan.kind === 'refuse') result.failed++;
      return;
    }
    let written: Outcome;
    try {
      written = await writeDiscount(writer, plan.kind, discount, plan.discount, known?.shopifyGid ?? null);
    } catch (error) {
      // Updating a code an earlier run made reads the customers it is limited to; without customer
      // data access Shopify refuses that, every time: the code is kept back with why, not retried.
      if (!(error instanceof AdminApiError && error.kind === 'customer-data')) throw error;
      written = {
        id: null,
        failure: `Shopify refused to show the customers the code an earlier run made is limited to (${error.message}); it stays in Shopify as it was.`,
      };
    }
    if (written.failure !== null) {
      await recordFailed(row, written.failure);
      result.failed++;
      return;
    }
    await keepProblems(
      migrationId,
      'discounts',
      row.sourceId,
      PROBLEM_CODES,
      plan.notKept.map((item) => ({
        code: item.code,
        subject: discount.code,
        message: item.message,
        action: DISCOUNT_ACTIONS[item.code],
      })),
    );
    await recordWritten(
      shop,
      writer.platform,
      'discounts',
      { ...row, contentHash: hash },
      written.id,
      discount.code,
      plan.notKept.map((item) => item.message).join(' ') || null,
    );
    result.written++;
  });
  return result;
}
