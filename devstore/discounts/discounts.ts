// Code discounts: `discountCodeBasicCreate`/`Update` (amount or percentage off all items, some
// products or some collections), `discountCodeFreeShippingCreate`/`Update`, `discountCodeDelete`,
// `codeDiscountNode`, `codeDiscountNodeByCode`, `codeDiscountNodes` (no search query). For every
// buyer or for chosen customers (not segments or markets); no usage is ever counted.
import type { RequestContext, ResolverModule } from '../graphql/context.ts';
import { NotImplementedError } from '../graphql/errors.ts';
import { connectionOf } from '../catalog/connection.ts';
import { gid, parseGid } from '../catalog/ids.ts';
import { normalizeTags } from '../catalog/product-input.ts';
import { type DiscountRow, discountNodeObject } from './discount-objects.ts';

interface CommonInput {
  title?: string | null;
  code?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
  usageLimit?: number | null;
  appliesOncePerCustomer?: boolean | null;
  combinesWith?: {
    orderDiscounts?: boolean | null;
    productDiscounts?: boolean | null;
    shippingDiscounts?: boolean | null;
    productDiscountsWithTagsOnSameCartLine?: unknown;
  } | null;
  context?: { all?: string | null; customers?: unknown; customerSegments?: unknown; markets?: unknown } | null;
  customerSelection?: { all?: boolean | null; customers?: unknown; customerSegments?: unknown } | null;
  minimumRequirement?: {
    subtotal?: { greaterThanOrEqualToSubtotal?: unknown } | null;
    quantity?: { greaterThanOrEqualToQuantity?: unknown } | null;
  } | null;
  recurringCycleLimit?: number | null;
  tags?: string[] | null;
}

interface BasicInput extends CommonInput {
  customerGets?: {
    value?: {
      percentage?: number | null;
      discountAmount?: { amount?: unknown; appliesOnEachItem?: boolean | null } | null;
      discountOnQuantity?: unknown;
    } | null;
    items?: {
      all?: boolean | null;
      products?: {
        productsToAdd?: string[] | null;
        productsToRemove?: string[] | null;
        productVariantsToAdd?: string[] | null;
      } | null;
      collections?: { add?: string[] | null; remove?: string[] | null } | null;
    } | null;
  } | null;
}

interface FreeShippingInput extends CommonInput {
  destination?: {
    all?: boolean | null;
    countries?: { add?: string[] | null; remove?: string[] | null; includeRestOfWorld?: boolean | null } | null;
  } | null;
  maximumShippingPrice?: unknown;
  appliesOnOneTimePurchase?: boolean | null;
  appliesOnSubscription?: boolean | null;
}

type Problem = { __typename: 'DiscountUserError'; field: string[]; message: string; code: string; extraInfo: null };

/**
 * What devstore can keep: amounts below 10^18 (two decimals) and a minimum quantity of at most
 * 2,147,483,647. Shopify documents no ceiling for these; a larger value is refused with
 * EXCEEDED_MAX ("The value exceeded the maximum allowed value.") rather than failing the request.
 */
const MAX_AMOUNT = 1e18;
const MAX_QUANTITY = 2_147_483_647;
const tooLarge = (value: unknown, max: number) => value !== undefined && value !== null && Number(value) >= max;
type Kind = DiscountRow['kind'];
/** The argument a mutation's input comes in, which userErrors' fields start with. */
const ARGUMENT: Record<Kind, string> = { basic: 'basicCodeDiscount', free_shipping: 'freeShippingCodeDiscount' };

const COLUMNS = [
  'kind',
  'title',
  'code',
  'percentage',
  'amount',
  'applies_on_each_item',
  'items',
  'minimum_subtotal',
  'minimum_quantity',
  'usage_limit',
  'applies_once_per_customer',
  'combines_with',
  'starts_at',
  'ends_at',
  'tags',
  'destination_countries',
  'maximum_shipping_price',
  'customer_ids',
] as const;
type Values = Record<(typeof COLUMNS)[number], unknown>;

/** The fields every code discount has; `existing` for an update keeps what is not given. */
async function planCommon(
  context: RequestContext,
  kind: Kind,
  input: CommonInput,
  existing: DiscountRow | undefined,
  errors: Problem[],
): Promise<
  Omit<
    Values,
    'percentage' | 'amount' | 'applies_on_each_item' | 'items' | 'destination_countries' | 'maximum_shipping_price'
  >
> {
  const problem = (field: string[], message: string, code: string) =>
    errors.push({ __typename: 'DiscountUserError', field: [ARGUMENT[kind], ...field], message, code, extraInfo: null });
  const unsupported = input.context && (input.context.customerSegments || input.context.markets);
  if (unsupported || input.customerSelection?.customerSegments)
    throw new NotImplementedError('discount codes for customer segments or markets');
  const customerIds = await chosenCustomers(context, input, existing, problem);
  if ((!existing || input.title !== undefined) && !input.title?.trim())
    problem(['title'], "Title can't be blank", 'BLANK');
  if ((!existing || input.code !== undefined) && !input.code?.trim()) problem(['code'], "Code can't be blank", 'BLANK');
  if (input.code?.trim()) {
    // Codes are unique in the shop across every kind of code discount, whatever their case.
    const { rowCount } = await context.pool.query(
      'SELECT 1 FROM devstore.discount_codes WHERE shop = $1 AND lower(code) = lower($2) AND ($3::bigint IS NULL OR id <> $3)',
      [context.shop.domain, input.code.trim(), existing?.id ?? null],
    );
    if (rowCount) problem(['code'], 'Code must be unique. Please try a different code.', 'TAKEN');
  }
  if (input.usageLimit !== undefined && input.usageLimit !== null && input.usageLimit <= 0)
    problem(['usageLimit'], 'Usage limit must be greater than 0', 'GREATER_THAN');
  const startsAt = input.startsAt ? new Date(input.startsAt) : (existing?.starts_at ?? new Date());
  const endsAt =
    input.endsAt !== undefined ? (input.endsAt ? new Date(input.endsAt) : null) : (existing?.ends_at ?? null);
  if (endsAt && endsAt <= startsAt)
    problem(['endsAt'], 'Ends at needs to be after starts_at', 'END_DATE_BEFORE_START_DATE');
  const subtotal = input.minimumRequirement?.subtotal?.greaterThanOrEqualToSubtotal;
  const quantity = input.minimumRequirement?.quantity?.greaterThanOrEqualToQuantity;
  if (subtotal !== undefined && subtotal !== null && quantity !== undefined && quantity !== null)
    problem(
      ['minimumRequirement'],
      'Minimum subtotal and quantity cannot both be present',
      'MINIMUM_SUBTOTAL_AND_QUANTITY_RANGE_BOTH_PRESENT',
    );
  if (subtotal !== undefined && subtotal !== null && !(Number(subtotal) > 0))
    problem(
      ['minimumRequirement', 'subtotal', 'greaterThanOrEqualToSubtotal'],
      'Minimum subtotal must be greater than 0',
      'GREATER_THAN',
    );
  if (tooLarge(subtotal, MAX_AMOUNT))
    problem(
      ['minimumRequirement', 'subtotal', 'greaterThanOrEqualToSubtotal'],
      'Minimum subtotal is too large',
      'EXCEEDED_MAX',
    );
  // An UnsignedInt64 (checked as one before anything runs): 0 asks for nothing.
  if (quantity !== undefined && quantity !== null && !(Number(quantity) > 0))
    problem(
      ['minimumRequirement', 'quantity', 'greaterThanOrEqualToQuantity'],
      'Minimum quantity must be greater than 0',
      'GREATER_THAN',
    );
  if (tooLarge(quantity, MAX_QUANTITY + 1))
    problem(
      ['minimumRequirement', 'quantity', 'greaterThanOrEqualToQuantity'],
      'Minimum quantity is too large',
      'EXCEEDED_MAX',
    );
  const combines = input.combinesWith
    ? {
        orderDiscounts: input.combinesWith.orderDiscounts ?? false,
        productDiscounts: input.combinesWith.productDiscounts ?? false,
        shippingDiscounts: input.combinesWith.shippingDiscounts ?? false,
      }
    : (existing?.combines_with ?? {});
  return {
    kind,
    title: input.title?.trim() ?? existing?.title,
    code: input.code?.trim() ?? existing?.code,
    minimum_subtotal: subtotal ?? (input.minimumRequirement ? null : (existing?.minimum_subtotal ?? null)),
    minimum_quantity: quantity ?? (input.minimumRequirement ? null : (existing?.minimum_quantity ?? null)),
    usage_limit: input.usageLimit !== undefined ? input.usageLimit : (existing?.usage_limit ?? null),
    applies_once_per_customer: input.appliesOncePerCustomer ?? existing?.applies_once_per_customer ?? false,
    combines_with: JSON.stringify(combines),
    starts_at: startsAt,
    ends_at: endsAt,
    tags: input.tags !== undefined ? (normalizeTags(input.tags) ?? []) : (existing?.tags ?? []),
    customer_ids: customerIds,
  };
}

/**
 * Who may use the code: every buyer (null), or the customers `context.customers` (or the older
 * `customerSelection.customers`) adds to those it had, less those it removes. Each must be a
 * customer of this shop; Shopify documents no wording for one that is not, so this is devstore's.
 */
async function chosenCustomers(
  context: RequestContext,
  input: CommonInput,
  existing: DiscountRow | undefined,
  problem: (field: string[], message: string, code: string) => void,
): Promise<string[] | null> {
  const [selection, field] = input.context
    ? [input.context, 'context']
    : [input.customerSelection, 'customerSelection'];
  const customers = selection?.customers as { add?: string[] | null; remove?: string[] | null } | null | undefined;
  const all = input.context ? input.context.all === 'ALL' : input.customerSelection?.all === true;
  if (all && customers) problem([field], 'Only one of all or customers can be given', 'TOO_MANY_ARGUMENTS');
  if (!customers) return all || !existing ? null : (existing.customer_ids ?? null);
  const added = (customers.add ?? []).map((id) => parseGid(id, 'Customer'));
  const { rows } = await context.pool.query<{ id: string }>(
    'SELECT id FROM devstore.customers WHERE shop = $1 AND id = ANY($2::bigint[])',
    [context.shop.domain, added.filter(Boolean)],
  );
  const known = new Set(rows.map((row) => String(row.id)));
  if (added.some((id) => !id || !known.has(id)))
    problem([field, 'customers', 'add'], 'Customer does not exist', 'INVALID');
  const removed = new Set((customers.remove ?? []).map((id) => parseGid(id, 'Customer')));
  const chosen = [...new Set([...(existing?.customer_ids ?? []).map(String), ...known])].filter(
    (id) => !removed.has(id),
  );
  if (chosen.length === 0) problem([field, 'customers'], 'At least one customer must be given', 'BLANK');
  return chosen;
}

async function planBasic(
  context: RequestContext,
  input: BasicInput,
  existing: DiscountRow | undefined,
): Promise<{ values?: Values; errors: Problem[] }> {
  const errors: Problem[] = [];
  const problem = (field: string[], message: string, code: string) =>
    errors.push({ __typename: 'DiscountUserError', field: [ARGUMENT.basic, ...field], message, code, extraInfo: null });
  if (input.customerGets?.value?.discountOnQuantity) throw new NotImplementedError('discountOnQuantity');
  if (input.customerGets?.items?.products?.productVariantsToAdd?.length)
    throw new NotImplementedError('discounts on chosen variants');
  const common = await planCommon(context, 'basic', input, existing, errors);
  const value = input.customerGets?.value;
  const percentage = value?.percentage ?? undefined;
  const amount = value?.discountAmount?.amount !== undefined ? Number(value.discountAmount.amount) : undefined;
  if (!existing && percentage === undefined && amount === undefined)
    problem(['customerGets', 'value'], 'A percentage or an amount must be given', 'MISSING_ARGUMENT');
  if (percentage !== undefined && (percentage <= 0 || percentage > 1))
    problem(['customerGets', 'value', 'percentage'], 'Value must be between 0.0 and 1.0', 'VALUE_OUTSIDE_RANGE');
  if (amount !== undefined && !(amount > 0))
    problem(['customerGets', 'value', 'discountAmount', 'amount'], 'Value must be greater than 0', 'GREATER_THAN');
  if (tooLarge(amount, MAX_AMOUNT))
    problem(['customerGets', 'value', 'discountAmount', 'amount'], 'Value is too large', 'EXCEEDED_MAX');
  const items = chosenItems(input.customerGets?.items, existing);
  if ((!existing || input.customerGets?.items) && !items)
    problem(['customerGets', 'items'], 'The discount must apply to something', 'APPLIES_ON_NOTHING');
  await unknownItems(context, input.customerGets?.items, problem);
  if (errors.length) return { errors };
  return {
    errors,
    values: {
      ...common,
      percentage: percentage ?? (amount !== undefined ? null : (existing?.percentage ?? null)),
      amount: amount ?? (percentage !== undefined ? null : (existing?.amount ?? null)),
      applies_on_each_item: value?.discountAmount?.appliesOnEachItem ?? existing?.applies_on_each_item ?? false,
      items: JSON.stringify(items ?? existing?.items),
      destination_countries: null,
      maximum_shipping_price: null,
    },
  };
}

/**
 * The items a basic code applies to. DiscountProductsInput and DiscountCollectionsInput add to and
 * remove from what the code has ("The IDs of the products to add … to remove", "Specifies list of
 * collection ids to add/remove", the pinned schema's descriptions): an update changes the code's
 * products or collections, it does not replace them; a code that had all items or the other kind
 * starts from none. Each list is at most 250 ids a request (input-limits.ts), so a code for more
 * products is built over several updates. Undefined: no items given, or none left.
 */
function chosenItems(
  input: NonNullable<BasicInput['customerGets']>['items'],
  existing: DiscountRow | undefined,
): DiscountRow['items'] | undefined {
  if (!input) return existing?.items;
  if (input.all) return { all: true };
  const ids = (list: string[] | null | undefined, type: string) => (list ?? []).map((id) => parseGid(id, type) ?? '0');
  const change = (had: string[] | undefined, add: string[], remove: string[]) => {
    const removed = new Set(remove);
    const chosen = [...new Set([...(had ?? []), ...add])].filter((id) => !removed.has(id));
    return chosen.length > 0 ? chosen : undefined;
  };
  if (input.products) {
    const productIds = change(
      existing?.items.productIds,
      ids(input.products.productsToAdd, 'Product'),
      ids(input.products.productsToRemove, 'Product'),
    );
    return productIds ? { productIds } : undefined;
  }
  if (input.collections) {
    const collectionIds = change(
      existing?.items.collectionIds,
      ids(input.collections.add, 'Collection'),
      ids(input.collections.remove, 'Collection'),
    );
    return collectionIds ? { collectionIds } : undefined;
  }
  return existing?.items;
}

/**
 * Each product and collection added must be one of this shop's. Shopify documents no wording for one
 * that is not; like a customer the shop lacks, it is refused with INVALID in devstore's words.
 */
async function unknownItems(
  context: RequestContext,
  input: NonNullable<BasicInput['customerGets']>['items'],
  problem: (field: string[], message: string, code: string) => void,
) {
  const check = async (
    ids: string[] | null | undefined,
    type: 'Product' | 'Collection',
    table: string,
    field: string[],
  ) => {
    if (!ids?.length) return;
    const numeric = ids.map((id) => parseGid(id, type));
    const { rows } = await context.pool.query<{ id: string }>(
      `SELECT id FROM devstore.${table} WHERE shop = $1 AND id = ANY($2::bigint[])`,
      [context.shop.domain, numeric.filter(Boolean)],
    );
    const known = new Set(rows.map((row) => String(row.id)));
    if (numeric.some((id) => !id || !known.has(id)))
      problem(['customerGets', 'items', ...field], `${type} does not exist`, 'INVALID');
  };
  await check(input?.products?.productsToAdd, 'Product', 'products', ['products', 'productsToAdd']);
  await check(input?.collections?.add, 'Collection', 'collections', ['collections', 'add']);
}

async function planFreeShipping(
  context: RequestContext,
  input: FreeShippingInput,
  existing: DiscountRow | undefined,
): Promise<{ values?: Values; errors: Problem[] }> {
  const errors: Problem[] = [];
  const problem = (field: string[], message: string, code: string) =>
    errors.push({
      __typename: 'DiscountUserError',
      field: [ARGUMENT.free_shipping, ...field],
      message,
      code,
      extraInfo: null,
    });
  const common = await planCommon(context, 'free_shipping', input, existing, errors);
  const destination = input.destination;
  if (destination?.all && destination.countries)
    problem(['destination'], 'Only one of all or countries can be given', 'TOO_MANY_ARGUMENTS');
  let countries = existing?.destination_countries ?? null;
  if (destination?.all) countries = null;
  else if (destination?.countries) {
    const removed = new Set(destination.countries.remove ?? []);
    countries = [...new Set([...(countries ?? []), ...(destination.countries.add ?? [])])].filter(
      (country) => !removed.has(country),
    );
    if (countries.length === 0) problem(['destination', 'countries'], 'At least one country must be given', 'BLANK');
  }
  const maximum = input.maximumShippingPrice;
  if (maximum !== undefined && maximum !== null && !(Number(maximum) > 0))
    problem(['maximumShippingPrice'], 'Maximum shipping price must be greater than 0', 'GREATER_THAN');
  if (tooLarge(maximum, MAX_AMOUNT))
    problem(['maximumShippingPrice'], 'Maximum shipping price is too large', 'EXCEEDED_MAX');
  // A shipping discount does not combine with another shipping discount (Shopify's discount classes:
  // https://help.shopify.com/manual/discounts/combining-discounts/discount-combinations); the code is
  // DiscountErrorCode's INVALID_COMBINES_WITH_FOR_DISCOUNT_CLASS, the message its description
  // ("The `combinesWith` settings are invalid for the discount class."). `false` is the field's
  // schema default, so only `true` can be refused.
  if (input.combinesWith?.shippingDiscounts === true) {
    problem(
      ['combinesWith', 'shippingDiscounts'],
      'The combinesWith settings are invalid for the discount class.',
      'INVALID_COMBINES_WITH_FOR_DISCOUNT_CLASS',
    );
  }
  if (errors.length) return { errors };
  return {
    errors,
    values: {
      ...common,
      percentage: null,
      amount: null,
      applies_on_each_item: false,
      items: JSON.stringify({ all: true }),
      destination_countries: countries,
      maximum_shipping_price: maximum !== undefined ? maximum : (existing?.maximum_shipping_price ?? null),
    },
  };
}

async function find(context: RequestContext, id: unknown): Promise<DiscountRow | undefined> {
  const numeric =
    parseGid(id, 'DiscountCodeNode') ?? parseGid(id, 'DiscountCodeBasic') ?? parseGid(id, 'DiscountCodeFreeShipping');
  const { rows } = numeric
    ? await context.pool.query<DiscountRow>('SELECT * FROM devstore.discount_codes WHERE shop = $1 AND id = $2', [
        context.shop.domain,
        numeric,
      ])
    : { rows: [] };
  return rows[0];
}

const placeholders = (from: number) => COLUMNS.map((_, index) => `$${index + from}`).join(', ');
const MISSING = {
  __typename: 'DiscountUserError',
  field: ['id'],
  message: 'Discount does not exist',
  code: 'INVALID',
  extraInfo: null,
};

function creator(
  kind: Kind,
  plan: (context: RequestContext, input: never, existing: undefined) => Promise<{ values?: Values; errors: Problem[] }>,
  payload: string,
) {
  return async (args: Record<string, unknown>, context: RequestContext) => {
    const { values, errors } = await plan(context, args[ARGUMENT[kind]] as never, undefined);
    if (!values) return { __typename: payload, codeDiscountNode: null, userErrors: errors };
    const { rows } = await context.pool.query<DiscountRow>(
      `INSERT INTO devstore.discount_codes (shop, ${COLUMNS.join(', ')}) VALUES ($1, ${placeholders(2)}) RETURNING *`,
      [context.shop.domain, ...COLUMNS.map((column) => values[column])],
    );
    return {
      __typename: payload,
      codeDiscountNode: discountNodeObject(rows[0] as DiscountRow, context.shop.currencyCode),
      userErrors: [],
    };
  };
}

function updater(
  kind: Kind,
  plan: (
    context: RequestContext,
    input: never,
    existing: DiscountRow,
  ) => Promise<{ values?: Values; errors: Problem[] }>,
  payload: string,
) {
  return async (args: Record<string, unknown>, context: RequestContext) => {
    const existing = await find(context, args.id);
    // A free shipping code is not a basic one: each kind is changed through its own mutation.
    if (!existing || existing.kind !== kind)
      return { __typename: payload, codeDiscountNode: null, userErrors: [MISSING] };
    const { values, errors } = await plan(context, args[ARGUMENT[kind]] as never, existing);
    if (!values) return { __typename: payload, codeDiscountNode: null, userErrors: errors };
    const { rows } = await context.pool.query<DiscountRow>(
      `UPDATE devstore.discount_codes SET (${COLUMNS.join(', ')}, updated_at) = (${placeholders(2)}, now()) WHERE id = $1 RETURNING *`,
      [existing.id, ...COLUMNS.map((column) => values[column])],
    );
    return {
      __typename: payload,
      codeDiscountNode: discountNodeObject(rows[0] as DiscountRow, context.shop.currencyCode),
      userErrors: [],
    };
  };
}

export const discountsModule: ResolverModule = {
  nodes: {
    DiscountCodeNode: async (context, id) => {
      const row = await find(context, gid('DiscountCodeNode', id));
      return row ? discountNodeObject(row, context.shop.currencyCode) : null;
    },
  },
  queries: {
    codeDiscountNode: async (args, context) => {
      const row = await find(context, args.id);
      return row ? discountNodeObject(row, context.shop.currencyCode) : null;
    },
    codeDiscountNodeByCode: async (args, context) => {
      const { rows } = await context.pool.query<DiscountRow>(
        'SELECT * FROM devstore.discount_codes WHERE shop = $1 AND lower(code) = lower($2)',
        [context.shop.domain, args.code],
      );
      return rows[0] ? discountNodeObject(rows[0], context.shop.currencyCode) : null;
    },
    codeDiscountNodes: async (args, context) => {
      if (args.query) throw new NotImplementedError('codeDiscountNodes with a search query');
      const { rows } = await context.pool.query<DiscountRow>(
        'SELECT * FROM devstore.discount_codes WHERE shop = $1 ORDER BY id',
        [context.shop.domain],
      );
      return connectionOf(
        rows,
        args,
        (row) => row.id,
        (row) => discountNodeObject(row, context.shop.currencyCode),
      );
    },
  },
  mutations: {
    discountCodeBasicCreate: creator('basic', planBasic, 'DiscountCodeBasicCreatePayload'),
    discountCodeBasicUpdate: updater('basic', planBasic, 'DiscountCodeBasicUpdatePayload'),
    discountCodeFreeShippingCreate: creator('free_shipping', planFreeShipping, 'DiscountCodeFreeShippingCreatePayload'),
    discountCodeFreeShippingUpdate: updater('free_shipping', planFreeShipping, 'DiscountCodeFreeShippingUpdatePayload'),
    discountCodeDelete: async (args, context) => {
      const existing = await find(context, args.id);
      if (!existing)
        return { __typename: 'DiscountCodeDeletePayload', deletedCodeDiscountId: null, userErrors: [MISSING] };
      await context.pool.query('DELETE FROM devstore.discount_codes WHERE id = $1', [existing.id]);
      return {
        __typename: 'DiscountCodeDeletePayload',
        deletedCodeDiscountId: gid('DiscountCodeNode', existing.id),
        userErrors: [],
      };
    },
  },
};
