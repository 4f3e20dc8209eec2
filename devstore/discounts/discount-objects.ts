// Code discounts as the Admin API shows them: a DiscountCodeNode around a DiscountCodeBasic or a
// DiscountCodeFreeShipping, from one row of devstore.discount_codes.
import type { Args, RequestContext } from '../graphql/context.ts';
import { moneyV2 } from '../graphql/money.ts';
import { connectionOf } from '../catalog/connection.ts';
import { gid } from '../catalog/ids.ts';
import { collectionObject, type CollectionRow } from '../catalog/collection-objects.ts';
import { productObject } from '../catalog/product-objects.ts';
import { productsByIds } from '../catalog/product-rows.ts';
import { customerObject, type CustomerRow } from '../customers/customers.ts';

export interface DiscountRow {
  id: string;
  kind: 'basic' | 'free_shipping';
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
  tags: string[];
  destination_countries: string[] | null;
  maximum_shipping_price: string | null;
  /** Null: every buyer. */
  customer_ids: string[] | null;
  starts_at: Date;
  ends_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** The customers the code is limited to that the shop still has, or null when every buyer may use it. */
async function chosenCustomers(row: DiscountRow, context: RequestContext) {
  if (row.customer_ids === null) return null;
  const { rows } = await context.pool.query<CustomerRow>(
    'SELECT * FROM devstore.customers WHERE shop = $1 AND id = ANY($2::bigint[]) ORDER BY id',
    [context.shop.domain, row.customer_ids],
  );
  return rows.map(customerObject);
}

function status(row: DiscountRow): string {
  const now = Date.now();
  if (row.starts_at.getTime() > now) return 'SCHEDULED';
  if (row.ends_at && row.ends_at.getTime() <= now) return 'EXPIRED';
  return 'ACTIVE';
}

function items(row: DiscountRow) {
  if (row.items.all) return { __typename: 'AllDiscountItems', allItems: true };
  if (row.items.productIds) {
    return {
      __typename: 'DiscountProducts',
      products: async (args: Args, context: RequestContext) => {
        const found = await productsByIds(context.pool, context.shop.domain, row.items.productIds ?? []);
        return connectionOf([...found.values()], args, (product) => product.id, productObject);
      },
      productVariants: (args: Args) =>
        connectionOf(
          [],
          args,
          () => '',
          (variant) => variant,
        ),
    };
  }
  return {
    __typename: 'DiscountCollections',
    collections: async (args: Args, context: RequestContext) => {
      const { rows } = await context.pool.query<CollectionRow>(
        'SELECT * FROM devstore.collections WHERE shop = $1 AND id = ANY($2::bigint[]) ORDER BY id',
        [context.shop.domain, row.items.collectionIds ?? []],
      );
      return connectionOf(rows, args, (collection) => collection.id, collectionObject);
    },
  };
}

/** What every code discount shows, whatever its kind. */
function common(row: DiscountRow, money: (amount: string) => object) {
  const codeObject = {
    __typename: 'DiscountRedeemCode',
    id: gid('DiscountRedeemCode', row.id),
    code: row.code,
    asyncUsageCount: 0,
  };
  return {
    title: row.title,
    status: status(row),
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    usageLimit: row.usage_limit,
    asyncUsageCount: 0,
    appliesOncePerCustomer: row.applies_once_per_customer,
    appliesOnOneTimePurchase: true,
    appliesOnSubscription: false,
    tags: row.tags,
    codes: (args: Args) =>
      connectionOf(
        [codeObject],
        args,
        () => row.id,
        (code) => code,
      ),
    codesCount: { __typename: 'Count', count: 1, precision: 'EXACT' },
    // The newer `context` and the older `customerSelection` say the same: every buyer, or these customers.
    context: async (_args: Args, context: RequestContext) => {
      const customers = await chosenCustomers(row, context);
      return customers
        ? { __typename: 'DiscountCustomers', customers }
        : { __typename: 'DiscountBuyerSelectionAll', all: 'ALL' };
    },
    customerSelection: async (_args: Args, context: RequestContext) => {
      const customers = await chosenCustomers(row, context);
      return customers
        ? { __typename: 'DiscountCustomers', customers }
        : { __typename: 'DiscountCustomerAll', allCustomers: true };
    },
    minimumRequirement:
      row.minimum_subtotal !== null
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
  };
}

function basicDiscount(row: DiscountRow, currencyCode: string, money: (amount: string) => object) {
  const value =
    row.percentage !== null
      ? { __typename: 'DiscountPercentage', percentage: Number(row.percentage) }
      : { __typename: 'DiscountAmount', amount: money(row.amount ?? '0'), appliesOnEachItem: row.applies_on_each_item };
  // The summary is text, written as a price ("10.00 USD off"); the amount itself is a Decimal.
  const off =
    row.percentage !== null
      ? `${Math.round(Number(row.percentage) * 100)}% off`
      : `${Number(row.amount ?? '0').toFixed(2)} ${currencyCode} off`;
  const discountClass = row.items.all ? 'ORDER' : 'PRODUCT';
  return {
    __typename: 'DiscountCodeBasic',
    ...common(row, money),
    summary: `${off} ${row.items.all ? 'entire order' : 'selected items'}`,
    shortSummary: off,
    discountClass,
    discountClasses: [discountClass],
    customerGets: {
      __typename: 'DiscountCustomerGets',
      value,
      items: items(row),
      appliesOnOneTimePurchase: true,
      appliesOnSubscription: false,
    },
  };
}

function freeShippingDiscount(row: DiscountRow, money: (amount: string) => object) {
  const countries = row.destination_countries;
  return {
    __typename: 'DiscountCodeFreeShipping',
    ...common(row, money),
    summary: `Free shipping on all products${countries ? ` • For ${countries.length} countr${countries.length === 1 ? 'y' : 'ies'}` : ''}`,
    shortSummary: 'Free shipping',
    discountClass: 'SHIPPING',
    discountClasses: ['SHIPPING'],
    destinationSelection: countries
      ? { __typename: 'DiscountCountries', countries, includeRestOfWorld: false }
      : { __typename: 'DiscountCountryAll', allCountries: true },
    maximumShippingPrice: row.maximum_shipping_price === null ? null : money(row.maximum_shipping_price),
  };
}

export function discountNodeObject(row: DiscountRow, currencyCode: string) {
  const money = (amount: string) => moneyV2(amount, currencyCode);
  return {
    __typename: 'DiscountCodeNode',
    id: gid('DiscountCodeNode', row.id),
    codeDiscount:
      row.kind === 'free_shipping' ? freeShippingDiscount(row, money) : basicDiscount(row, currencyCode, money),
  };
}
