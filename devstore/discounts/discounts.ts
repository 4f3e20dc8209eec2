// Basic discount codes: `discountCodeBasicCreate`, `discountCodeBasicUpdate`, `discountCodeDelete`,
// `codeDiscountNode`, `codeDiscountNodeByCode`. All buyers only; no usage is ever counted.
import type { Args, RequestContext, ResolverModule } from '../graphql/context.ts';
import { NotImplementedError } from '../graphql/errors.ts';
import { connectionOf } from '../catalog/connection.ts';
import { gid, parseGid } from '../catalog/ids.ts';
import { collectionObject, type CollectionRow } from '../catalog/collection-objects.ts';
import { productObject } from '../catalog/product-objects.ts';
import { productsByIds } from '../catalog/product-rows.ts';

interface DiscountRow {
  id: string;
  title: string;
  code: string;
  percentage: string | null;
  amount: string | null;
  applies_on_each_item: boolean;
  items: { all?: boolean; productIds?: string[]; collectionIds?: string[] };
  minimum_subtotal: string | null;
  minimum_quantity: number | null;
  usage_limit: number | null;
  applies_once_per_customer: boolean;
  combines_with: { orderDiscounts?: boolean; productDiscounts?: boolean; shippingDiscounts?: boolean };
  starts_at: Date;
  ends_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

interface BasicInput {
  title?: string | null;
  code?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
  usageLimit?: number | null;
  appliesOncePerCustomer?: boolean | null;
  combinesWith?: { orderDiscounts?: boolean | null; productDiscounts?: boolean | null; shippingDiscounts?: boolean | null; productDiscountsWithTagsOnSameCartLine?: unknown } | null;
  context?: { all?: string | null; customers?: unknown; customerSegments?: unknown; markets?: unknown } | null;
  customerSelection?: { all?: boolean | null; customers?: unknown; customerSegments?: unknown } | null;
  customerGets?: {
    value?: { percentage?: number | null; discountAmount?: { amount?: unknown; appliesOnEachItem?: boolean | null } | null; discountOnQuantity?: unknown } | null;
    items?: { all?: boolean | null; products?: { productsToAdd?: string[] | null; productVariantsToAdd?: string[] | null } | null; collections?: { add?: string[] | null } | null } | null;
  } | null;
  minimumRequirement?: { subtotal?: { greaterThanOrEqualToSubtotal?: unknown } | null; quantity?: { greaterThanOrEqualToQuantity?: unknown } | null } | null;
  recurringCycleLimit?: number | null;
  tags?: string[] | null;
}

type Problem = { __typename: 'DiscountUserError'; field: string[]; message: string; code: string; extraInfo: null };
const problem = (field: string[], message: string, code: string): Problem => ({ __typename: 'DiscountUserError', field: ['basicCodeDiscount', ...field], message, code, extraInfo: null });

function status(row: DiscountRow): string {
  const now = Date.now();
  if (row.starts_at.getTime() > now) return 'SCHEDULED';
  if (row.ends_at && row.ends_at.getTime() <= now) return 'EXPIRED';
  return 'ACTIVE';
}

function nodeObject(row: DiscountRow, currencyCode: string) {
  const money = (amount: string) => ({ __typename: 'MoneyV2', amount: Number(amount).toFixed(2), currencyCode });
  const value = row.percentage !== null
    ? { __typename: 'DiscountPercentage', percentage: Number(row.percentage) }
    : { __typename: 'DiscountAmount', amount: money(row.amount ?? '0'), appliesOnEachItem: row.applies_on_each_item };
  const items = row.items.all
    ? { __typename: 'AllDiscountItems', allItems: true }
    : row.items.productIds
      ? {
          __typename: 'DiscountProducts',
          products: async (args: Args, context: RequestContext) => {
            const found = await productsByIds(context.pool, context.shop.domain, row.items.productIds ?? []);
            return connectionOf([...found.values()], args, (product) => product.id, productObject);
          },
        }
      : {
          __typename: 'DiscountCollections',
          collections: async (args: Args, context: RequestContext) => {
            const { rows } = await context.pool.query<CollectionRow>('SELECT * FROM devstore.collections WHERE shop = $1 AND id = ANY($2::bigint[]) ORDER BY id', [context.shop.domain, row.items.collectionIds ?? []]);
            return connectionOf(rows, args, (collection) => collection.id, collectionObject);
          },
        };
  const off = row.percentage !== null ? `${Math.round(Number(row.percentage) * 100)}% off` : `${money(row.amount ?? '0').amount} ${currencyCode} off`;
  const codeObject = { __typename: 'DiscountRedeemCode', id: gid('DiscountRedeemCode', row.id), code: row.code, asyncUsageCount: 0 };
  return {
    __typename: 'DiscountCodeNode',
    id: gid('DiscountCodeNode', row.id),
    codeDiscount: {
      __typename: 'DiscountCodeBasic',
      title: row.title,
      status: status(row),
      summary: `${off} ${row.items.all ? 'entire order' : 'selected items'}`,
      shortSummary: off,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at?.toISOString() ?? null,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      usageLimit: row.usage_limit,
      asyncUsageCount: 0,
      appliesOncePerCustomer: row.applies_once_per_customer,
      discountClass: row.items.all ? 'ORDER' : 'PRODUCT',
      codes: (args: Args) => connectionOf([codeObject], args, (code) => code.code, (code) => code),
      codesCount: { __typename: 'Count', count: 1, precision: 'EXACT' },
      customerGets: { __typename: 'DiscountCustomerGets', value, items, appliesOnOneTimePurchase: true, appliesOnSubscription: false },
      minimumRequirement: row.minimum_subtotal !== null
        ? { __typename: 'DiscountMinimumSubtotal', greaterThanOrEqualToSubtotal: money(row.minimum_subtotal) }
        : row.minimum_quantity !== null
          ? { __typename: 'DiscountMinimumQuantity', greaterThanOrEqualToQuantity: String(row.minimum_quantity) }
          : null,
      combinesWith: {
        __typename: 'DiscountCombinesWith',
        orderDiscounts: row.combines_with.orderDiscounts ?? false,
        productDiscounts: row.combines_with.productDiscounts ?? false,
        shippingDiscounts: row.combines_with.shippingDiscounts ?? false,
        productDiscountsWithTagsOnSameCartLine: [],
      },
    },
  };
}

/** Checks the input and turns it into column values; `existing` for an update keeps what is not given. */
async function plan(context: RequestContext, input: BasicInput, existing: DiscountRow | undefined): Promise<{ values?: unknown[]; errors: Problem[] }> {
  const errors: Problem[] = [];
  const unsupported = input.context && (input.context.customers || input.context.customerSegments || input.context.markets);
  if (unsupported || input.customerSelection?.customers || input.customerSelection?.customerSegments) throw new NotImplementedError('discount codes for chosen customers, segments or markets');
  if (input.customerGets?.value?.discountOnQuantity) throw new NotImplementedError('discountOnQuantity');
  if (input.customerGets?.items?.products?.productVariantsToAdd?.length) throw new NotImplementedError('discounts on chosen variants');
  if ((!existing || input.title !== undefined) && !input.title?.trim()) errors.push(problem(['title'], "Title can't be blank", 'BLANK'));
  if ((!existing || input.code !== undefined) && !input.code?.trim()) errors.push(problem(['code'], "Code can't be blank", 'BLANK'));
  if (input.code?.trim()) {
    const { rowCount } = await context.pool.query('SELECT 1 FROM devstore.discount_codes WHERE shop = $1 AND lower(code) = lower($2) AND ($3::bigint IS NULL OR id <> $3)', [context.shop.domain, input.code.trim(), existing?.id ?? null]);
    if (rowCount) errors.push(problem(['code'], 'Code must be unique. Please try a different code.', 'TAKEN'));
  }
  const value = input.customerGets?.value;
  const percentage = value?.percentage ?? undefined;
  const amount = value?.discountAmount?.amount !== undefined ? Number(value.discountAmount.amount) : undefined;
  if (!existing && percentage === undefined && amount === undefined) errors.push(problem(['customerGets', 'value'], 'A percentage or an amount must be given', 'MISSING_ARGUMENT'));
  if (percentage !== undefined && (percentage <= 0 || percentage > 1)) errors.push(problem(['customerGets', 'value', 'percentage'], 'Value must be between 0.0 and 1.0', 'VALUE_OUTSIDE_RANGE'));
  if (amount !== undefined && !(amount > 0)) errors.push(problem(['customerGets', 'value', 'discountAmount', 'amount'], 'Value must be greater than 0', 'GREATER_THAN'));
  const itemsInput = input.customerGets?.items;
  const productIds = itemsInput?.products?.productsToAdd?.map((id) => parseGid(id, 'Product') ?? '0');
  const collectionIds = itemsInput?.collections?.add?.map((id) => parseGid(id, 'Collection') ?? '0');
  const items = itemsInput?.all ? { all: true } : productIds?.length ? { productIds } : collectionIds?.length ? { collectionIds } : undefined;
  if (!existing && !items) errors.push(problem(['customerGets', 'items'], 'The discount must apply to something', 'APPLIES_ON_NOTHING'));
  const startsAt = input.startsAt ? new Date(input.startsAt) : (existing?.starts_at ?? new Date());
  const endsAt = input.endsAt !== undefined ? (input.endsAt ? new Date(input.endsAt) : null) : (existing?.ends_at ?? null);
  if (endsAt && endsAt <= startsAt) errors.push(problem(['endsAt'], 'Ends at needs to be after starts_at', 'END_DATE_BEFORE_START_DATE'));
  const subtotal = input.minimumRequirement?.subtotal?.greaterThanOrEqualToSubtotal;
  const quantity = input.minimumRequirement?.quantity?.greaterThanOrEqualToQuantity;
  if (subtotal !== undefined && subtotal !== null && quantity !== undefined && quantity !== null) errors.push(problem(['minimumRequirement'], 'Minimum subtotal and quantity cannot both be present', 'MINIMUM_SUBTOTAL_AND_QUANTITY_RANGE_BOTH_PRESENT'));
  if (errors.length) return { errors };
  const combines = input.combinesWith ? { orderDiscounts: input.combinesWith.orderDiscounts ?? false, productDiscounts: input.combinesWith.productDiscounts ?? false, shippingDiscounts: input.combinesWith.shippingDiscounts ?? false } : existing?.combines_with ?? {};
  return {
    errors,
    values: [
      input.title?.trim() ?? existing?.title, input.code?.trim() ?? existing?.code,
      percentage ?? (amount !== undefined ? null : existing?.percentage ?? null), amount ?? (percentage !== undefined ? null : existing?.amount ?? null),
      value?.discountAmount?.appliesOnEachItem ?? existing?.applies_on_each_item ?? false, JSON.stringify(items ?? existing?.items),
      subtotal ?? (input.minimumRequirement ? null : existing?.minimum_subtotal ?? null), quantity ?? (input.minimumRequirement ? null : existing?.minimum_quantity ?? null),
      input.usageLimit !== undefined ? input.usageLimit : existing?.usage_limit ?? null, input.appliesOncePerCustomer ?? existing?.applies_once_per_customer ?? false,
      JSON.stringify(combines), startsAt, endsAt,
    ],
  };
}

const COLUMNS = 'title, code, percentage, amount, applies_on_each_item, items, minimum_subtotal, minimum_quantity, usage_limit, applies_once_per_customer, combines_with, starts_at, ends_at';

async function find(context: RequestContext, id: unknown): Promise<DiscountRow | undefined> {
  const numeric = parseGid(id, 'DiscountCodeNode') ?? parseGid(id, 'DiscountCodeBasic');
  const { rows } = numeric ? await context.pool.query<DiscountRow>('SELECT * FROM devstore.discount_codes WHERE shop = $1 AND id = $2', [context.shop.domain, numeric]) : { rows: [] };
  return rows[0];
}

export const discountsModule: ResolverModule = {
  nodes: {
    DiscountCodeNode: async (context, id) => {
      const row = await find(context, gid('DiscountCodeNode', id));
      return row ? nodeObject(row, context.shop.currencyCode) : null;
    },
  },
  queries: {
    codeDiscountNode: async (args, context) => {
      const row = await find(context, args.id);
      return row ? nodeObject(row, context.shop.currencyCode) : null;
    },
    codeDiscountNodeByCode: async (args, context) => {
      const { rows } = await context.pool.query<DiscountRow>('SELECT * FROM devstore.discount_codes WHERE shop = $1 AND lower(code) = lower($2)', [context.shop.domain, args.code]);
      return rows[0] ? nodeObject(rows[0], context.shop.currencyCode) : null;
    },
  },
  mutations: {
    discountCodeBasicCreate: async (args, context) => {
      const { values, errors } = await plan(context, args.basicCodeDiscount as BasicInput, undefined);
      if (!values) return { __typename: 'DiscountCodeBasicCreatePayload', codeDiscountNode: null, userErrors: errors };
      const { rows } = await context.pool.query<DiscountRow>(
        `INSERT INTO devstore.discount_codes (shop, ${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING *`,
        [context.shop.domain, ...values],
      );
      return { __typename: 'DiscountCodeBasicCreatePayload', codeDiscountNode: nodeObject(rows[0] as DiscountRow, context.shop.currencyCode), userErrors: [] };
    },
    discountCodeBasicUpdate: async (args, context) => {
      const existing = await find(context, args.id);
      if (!existing) return { __typename: 'DiscountCodeBasicUpdatePayload', codeDiscountNode: null, userErrors: [{ ...problem([], 'Discount does not exist', 'INVALID'), field: ['id'] }] };
      const { values, errors } = await plan(context, args.basicCodeDiscount as BasicInput, existing);
      if (!values) return { __typename: 'DiscountCodeBasicUpdatePayload', codeDiscountNode: null, userErrors: errors };
      const { rows } = await context.pool.query<DiscountRow>(
        `UPDATE devstore.discount_codes SET (${COLUMNS}, updated_at) = ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now()) WHERE id = $1 RETURNING *`,
        [existing.id, ...values],
      );
      return { __typename: 'DiscountCodeBasicUpdatePayload', codeDiscountNode: nodeObject(rows[0] as DiscountRow, context.shop.currencyCode), userErrors: [] };
    },
    discountCodeDelete: async (args, context) => {
      const existing = await find(context, args.id);
      if (!existing) return { __typename: 'DiscountCodeDeletePayload', deletedCodeDiscountId: null, userErrors: [{ ...problem([], 'Discount does not exist', 'INVALID'), field: ['id'] }] };
      await context.pool.query('DELETE FROM devstore.discount_codes WHERE id = $1', [existing.id]);
      return { __typename: 'DiscountCodeDeletePayload', deletedCodeDiscountId: gid('DiscountCodeNode', existing.id), userErrors: [] };
    },
  },
};
