// Load discounts: one Shopify discount code per coupon, found again by id map, or by its code when a
// crash came between Shopify's answer and the id map (the code's source tag says Shipyard wrote it);
// a changed coupon updates its code. What Shopify's codes cannot hold is kept as problems.
import type { DiscountRecord } from '../../../connectors/model.ts';
import { db } from '../../db.server.ts';
import {
  DISCOUNT_BASIC_CREATE, DISCOUNT_BASIC_UPDATE, DISCOUNT_BY_CODE, DISCOUNT_DELETE, DISCOUNT_FREE_SHIPPING_CREATE, DISCOUNT_FREE_SHIPPING_UPDATE, DISCOUNT_KIND,
  DISCOUNT_ACTIONS, DISCOUNT_TYPENAME, type DiscountContext, type DiscountKind, type NotKept, sourceTag, toDiscountInput,
} from '../transform/discount.server.ts';
import {
  type BatchResult, type UserError, type Writer, batchResult, describeUserErrors, idMapFor, inParallel, keepProblems, nextBatch, recordFailed, recordSkipped, recordWritten, settledWithoutWriting, skipsExisting,
} from './shared.server.ts';

const PROBLEM_CODES: NotKept['code'][] = ['discount-restriction-not-kept', 'discount-limit-changed', 'discount-products-missing', 'discount-free-shipping-not-kept'];

const MUTATIONS: Record<DiscountKind, { create: string; update: string; field: { create: string; update: string } }> = {
  basic: { create: DISCOUNT_BASIC_CREATE, update: DISCOUNT_BASIC_UPDATE, field: { create: 'discountCodeBasicCreate', update: 'discountCodeBasicUpdate' } },
  freeShipping: { create: DISCOUNT_FREE_SHIPPING_CREATE, update: DISCOUNT_FREE_SHIPPING_UPDATE, field: { create: 'discountCodeFreeShippingCreate', update: 'discountCodeFreeShippingUpdate' } },
};

type Payload = { codeDiscountNode: { id: string } | null; userErrors: UserError[] };
type Outcome = { id: string; failure: null } | { id: null; failure: string };

async function discountContext(shop: string, writer: Writer, rows: { data: unknown }[]): Promise<DiscountContext> {
  const discounts = rows.map((row) => row.data as DiscountRecord);
  const products = await idMapFor(shop, writer.platform, 'products', discounts.flatMap((discount) => discount.productSourceIds));
  const collections = await idMapFor(shop, writer.platform, 'collections', discounts.flatMap((discount) => discount.collectionSourceIds));
  return {
    platform: writer.platform,
    productIds: new Map([...products].map(([sourceId, entry]) => [sourceId, entry.shopifyGid])),
    collectionIds: new Map([...collections].map(([sourceId, entry]) => [sourceId, entry.shopifyGid])),
  };
}

async function send(writer: Writer, kind: DiscountKind, discount: Record<string, unknown>, id: string | null): Promise<Payload & { taken: boolean }> {
  const mutation = MUTATIONS[kind];
  const { data } = await writer.client.request<Record<string, Payload>>(id ? mutation.update : mutation.create, id ? { id, discount } : { discount }, { estimatedCost: 10 });
  const payload = data[id ? mutation.field.update : mutation.field.create] ?? { codeDiscountNode: null, userErrors: [{ field: null, message: 'Shopify returned no answer' }] };
  return { ...payload, taken: payload.userErrors.some((error) => error.code === 'TAKEN' && error.field?.at(-1) === 'code') };
}

/** The code Shopify already has, when Shipyard wrote it for this coupon (its source tag); else why it cannot be used. */
async function foundByCode(writer: Writer, discount: DiscountRecord): Promise<{ id: string; typename: string } | { failure: string }> {
  const { data } = await writer.client.request<{ codeDiscountNodeByCode: { id: string; codeDiscount: { __typename: string; tags?: string[] } } | null }>(DISCOUNT_BY_CODE, { code: discount.code }, { estimatedCost: 1 });
  const found = data.codeDiscountNodeByCode;
  if (found && found.codeDiscount.tags?.includes(sourceTag(writer.platform, discount.sourceId))) return { id: found.id, typename: found.codeDiscount.__typename };
  return { failure: `Shopify already has a discount with the code "${discount.code}" that Shipyard did not make from this coupon; rename one of them and run the migration again.` };
}

/** Writes the code: updates the one Shipyard made before (recreated if its kind changed), else creates it. */
async function writeDiscount(writer: Writer, kind: DiscountKind, discount: DiscountRecord, input: Record<string, unknown>, knownId: string | null): Promise<Outcome> {
  let id = knownId;
  let typename: string | null = null;
  if (id) {
    const { data } = await writer.client.request<{ codeDiscountNode: { codeDiscount: { __typename: string } } | null }>(DISCOUNT_KIND, { id }, { estimatedCost: 1 });
    // Deleted in Shopify since: made again below.
    typename = data.codeDiscountNode?.codeDiscount.__typename ?? null;
    if (!typename) id = null;
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    if (id && typename !== DISCOUNT_TYPENAME[kind]) {
      // Shopify changes a code's kind only by making it again (a coupon that now also takes money off).
      await writer.client.request(DISCOUNT_DELETE, { id }, { estimatedCost: 10 });
      id = null;
    }
    const result = await send(writer, kind, input, id);
    if (result.codeDiscountNode) return { id: result.codeDiscountNode.id, failure: null };
    if (!result.taken || id) return { id: null, failure: describeUserErrors(result.userErrors) || 'Shopify returned no discount' };
    const found = await foundByCode(writer, discount);
    if ('failure' in found) return { id: null, failure: found.failure };
    ({ id, typename } = found);
  }
  return { id: null, failure: `Shopify kept answering that the code "${discount.code}" is taken` };
}

export async function loadDiscountBatch(migrationId: string, afterId: bigint | null, writer: Writer): Promise<BatchResult> {
  const { shop, options } = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
  const skipExisting = skipsExisting(options);
  const rows = await nextBatch(migrationId, 'discounts', afterId);
  const mapped = await idMapFor(shop, writer.platform, 'discounts', rows.map((row) => row.sourceId));
  const context = await discountContext(shop, writer, rows);
  const result = batchResult(rows);

  await inParallel(rows, writer.concurrency, async (row) => {
    const known = mapped.get(row.sourceId);
    if (await settledWithoutWriting(row, known, { skipExisting }, result)) return;
    const discount = row.data as unknown as DiscountRecord;
    const plan = toDiscountInput(discount, context);
    if (plan.kind === 'skip' || plan.kind === 'refuse') {
      await keepProblems(migrationId, 'discounts', row.sourceId, PROBLEM_CODES, []);
      // Shipyard never deletes a code shoppers may hold; the merchant decides about the earlier one.
      const reason = known ? `${plan.reason} The code an earlier run made stays in Shopify as it was; deactivate it there if it should no longer work.` : plan.reason;
      if (plan.kind === 'skip') await recordSkipped(row, reason);
      else await recordFailed(row, reason);
      if (plan.kind === 'refuse') result.failed++;
      return;
    }
    const written = await writeDiscount(writer, plan.kind, discount, plan.discount, known?.shopifyGid ?? null);
    if (written.failure !== null) {
      await recordFailed(row, written.failure);
      result.failed++;
      return;
    }
    await keepProblems(migrationId, 'discounts', row.sourceId, PROBLEM_CODES, plan.notKept.map((item) => ({ code: item.code, subject: discount.code, message: item.message, action: DISCOUNT_ACTIONS[item.code] })));
    await recordWritten(shop, writer.platform, 'discounts', row, written.id, discount.code, plan.notKept.map((item) => item.message).join(' ') || null);
    result.written++;
  });
  return result;
}
