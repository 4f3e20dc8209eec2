// Turns a canonical discount (a source's coupon) into a Shopify discount code: a basic code
// (percentage or amount off the order, products or collections) or a free shipping code. What
// Shopify's codes cannot hold is listed per coupon, with what it means for shoppers; what would make
// a code broader than its coupon keeps the coupon back unless the merchant chose so (decision 0024).
import type { AllowedCustomer, DiscountRecord } from '../../../../connectors/model.ts';
import { sourceReference } from '../../../shopify-admin/source-reference.server.ts';
import {
  type CouponCatalog,
  NO_CATALOG,
  broaderThanTheCoupon,
  exclusionScope,
  hasExclusions,
  keptBackReason,
} from './scope.server.ts';

export type DiscountKind = 'basic' | 'freeShipping';

/** Shopify's type name for each kind, as `codeDiscount { __typename }` answers. */
export const DISCOUNT_TYPENAME: Record<DiscountKind, string> = {
  basic: 'DiscountCodeBasic',
  freeShipping: 'DiscountCodeFreeShipping',
};

export interface DiscountContext {
  platform: string;
  /** Source product id → Shopify product GID, for the products that moved. */
  productIds: Map<string, string>;
  /** Source category id → Shopify collection GID, for the collections that moved. */
  collectionIds: Map<string, string>;
  /**
   * Each address a coupon is limited to (lower case, as `allowedAddressKey` makes it) → the Shopify
   * customers it stands for: the one with that email, or for a pattern ("*@example.com") those with
   * a matching email. An address missing here has no customer in Shopify.
   */
  customersFor: Map<string, string[]>;
  /** Every product that moved and the category tree, for coupons with exclusions (else empty). */
  catalog: CouponCatalog;
  /** The merchant chose to create codes broader than their coupons, each with a warning (setup option, --broader-coupons). */
  broaderCoupons: boolean;
}

export function allowedAddressKey(allowed: AllowedCustomer): string {
  return allowed.value.trim().toLowerCase();
}

/** An allowed customer as a SQL LIKE pattern over lower-cased emails: in a pattern `*` is any run of characters; `%` and `_` are themselves. */
export function addressLike(allowed: AllowedCustomer): string {
  const escaped = allowedAddressKey(allowed).replace(/[\\%_]/g, '\\$&');
  return allowed.kind === 'pattern' ? escaped.replace(/\*/g, '%') : escaped;
}

export type DiscountPlan =
  /** Nothing to write, and rightly so (a code used up on the old store). */
  | { kind: 'skip'; reason: string }
  /** Shopify would get a code that does something else than the coupon: kept back with the reason. */
  | { kind: 'refuse'; reason: string; forWantOfCustomers?: boolean }
  | { kind: DiscountKind; discount: Record<string, unknown>; notKept: NotKept[] };

export interface NotKept {
  /** MigrationProblem code. */
  code:
    | 'discount-restriction-not-kept'
    | 'discount-limit-changed'
    | 'discount-products-missing'
    | 'discount-free-shipping-not-kept'
    | 'discount-customers-missing'
    | 'discount-kept-back'
    | 'discount-made-broader'
    | 'discount-exclusions-as-products';
  message: string;
}

/** What the merchant can do about each thing a code does not keep, for the report. */
export const DISCOUNT_ACTIONS: Record<NotKept['code'], string> = {
  'discount-restriction-not-kept':
    'Check the code in Shopify’s Discounts page; narrow it there (customer eligibility, products) if it should stay limited.',
  'discount-limit-changed': 'Nothing to do unless the limit should be different.',
  'discount-products-missing': 'Move the missing products, then run the migration again to add them to the code.',
  'discount-free-shipping-not-kept': 'Create a free shipping code in Shopify if shoppers should keep free shipping.',
  'discount-customers-missing':
    'Move these customers too (or add them in Shopify), then run the migration again: the code is limited to the customers Shopify has.',
  'discount-kept-back':
    'Create the code in Shopify by hand with what it can hold, or choose “Create broader discount codes” (--broader-coupons) to have it made broader, knowingly.',
  'discount-made-broader':
    'You chose to create broader codes: check the code in Shopify’s Discounts page and narrow it there, or deactivate it, if it should not give more than the coupon did.',
  'discount-exclusions-as-products':
    'When you add products to Shopify, add them to this code too if the discount should cover them.',
};

const FREE_SHIPPING_NOT_KEPT: NotKept = {
  code: 'discount-free-shipping-not-kept',
  message:
    'Also gave free shipping; a Shopify code gives one kind of discount, so it takes the amount off and shipping is charged. Create a separate free shipping code if shoppers should keep both.',
};

/** Tags the code with where it came from, so a code Shipyard wrote is told apart from the merchant's own. */
export function sourceTag(platform: string, sourceId: string): string {
  return `shipyard:${sourceReference(platform, sourceId)}`;
}

const list = (ids: string[]) => ids.join(', ');
const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

/** Which products or collections the code applies to, from those that moved; refused when that would widen the discount. */
function appliesTo(
  discount: DiscountRecord,
  context: DiscountContext,
  notKept: NotKept[],
): { items: Record<string, unknown> } | { refuse: string } {
  if (hasExclusions(discount)) return allButExcluded(discount, context, notKept);
  const restrictedTo =
    discount.productSourceIds.length > 0 ? 'products' : discount.collectionSourceIds.length > 0 ? 'collections' : null;
  if (restrictedTo === null) return { items: { all: true } };
  const sourceIds = restrictedTo === 'products' ? discount.productSourceIds : discount.collectionSourceIds;
  const ids = restrictedTo === 'products' ? context.productIds : context.collectionIds;
  const moved = sourceIds.flatMap((sourceId) => ids.get(sourceId) ?? []);
  const missing = sourceIds.filter((sourceId) => !ids.has(sourceId));
  const [one, many] = restrictedTo === 'products' ? ['product', 'products'] : ['category', 'categories'];
  // Without its products the code would apply to the whole store: a bigger discount than the merchant gave.
  if (moved.length === 0)
    return {
      refuse: `Applies only to ${plural(sourceIds.length, one, many)} ${list(sourceIds)}, which did not move to Shopify; without them the code would apply to everything.`,
    };
  if (missing.length > 0)
    notKept.push({
      code: 'discount-products-missing',
      message:
        `${plural(missing.length, one, many)} ${list(missing)} did not move to Shopify, so the code no longer applies to ${plural(missing.length, 'it', 'them')}.`.replace(
          /^./,
          (first) => first.toUpperCase(),
        ),
    });
  if (restrictedTo === 'products' && discount.collectionSourceIds.length > 0) {
    notKept.push({
      code: 'discount-restriction-not-kept',
      message: `Also applied to categories ${list(discount.collectionSourceIds)}; a Shopify code applies to chosen products or to collections, not both, so it applies to the chosen products only.`,
    });
  }
  return {
    items: restrictedTo === 'products' ? { products: { productsToAdd: moved } } : { collections: { add: moved } },
  };
}

/** A coupon with exclusions: the products that moved less those it leaves out, exact at the time of the migration (decision 0024). */
function allButExcluded(
  discount: DiscountRecord,
  context: DiscountContext,
  notKept: NotKept[],
): { items: Record<string, unknown> } | { refuse: string } {
  const scope = exclusionScope(discount, context.catalog);
  if ('refuse' in scope) return scope;
  if (scope.missing.length > 0)
    notKept.push({
      code: 'discount-products-missing',
      message: `${plural(scope.missing.length, 'Product', 'Products')} ${list(scope.missing)} did not move to Shopify, so the code does not apply to ${plural(scope.missing.length, 'it', 'them')}.`,
    });
  notKept.push({ code: 'discount-exclusions-as-products', message: scope.notice });
  return { items: { products: { productsToAdd: scope.productIds } } };
}

/** Restrictions that do not widen the code but that Shopify's discounts have no field for. */
function restrictionsNotKept(discount: DiscountRecord, notKept: NotKept[]) {
  if (discount.description.trim() !== '')
    notKept.push({
      code: 'discount-restriction-not-kept',
      message: `Description "${discount.description.trim()}": Shopify discounts have no description.`,
    });
}

const madeBroader = (reason: string): NotKept => ({
  code: 'discount-made-broader',
  message: `Made broader than the coupon, as you chose: ${reason}`,
});

/**
 * What the code cannot hold exactly and would be broader for: the coupon is kept back with why,
 * unless the merchant chose broader codes, and then each is a warning on the code made.
 */
function broader(
  discount: DiscountRecord,
  context: Pick<DiscountContext, 'catalog' | 'broaderCoupons'>,
  freeShippingOnly: boolean,
  notKept: NotKept[],
): { refuse: string } | null {
  const reasons = broaderThanTheCoupon(discount, context.catalog, freeShippingOnly);
  if (reasons.length === 0) return null;
  if (!context.broaderCoupons) return { refuse: keptBackReason(reasons) };
  notKept.push(...reasons.map(madeBroader));
  return null;
}

/** The allowed addresses and patterns as the source wrote them, for the merchant. */
function allowedValues(discount: DiscountRecord): string[] {
  return discount.allowedCustomers.map((allowed) => allowed.value);
}

/**
 * Who may use the code. A coupon limited to email addresses becomes a code for the customers with
 * those addresses in Shopify; an address without one cannot use it (a narrower code, said in the
 * report), and when no address has one the code is not made: open to everyone it would be a bigger
 * discount than the merchant gave.
 */
function buyers(
  discount: DiscountRecord,
  context: DiscountContext,
  notKept: NotKept[],
): { context: Record<string, unknown> } | { refuse: string } {
  if (discount.allowedCustomers.length === 0) return { context: { all: 'ALL' } };
  const customers = new Set<string>();
  const withoutCustomer: string[] = [];
  const patterns: string[] = [];
  for (const allowed of discount.allowedCustomers) {
    const found = context.customersFor.get(allowedAddressKey(allowed)) ?? [];
    for (const id of found) customers.add(id);
    if (allowed.kind === 'pattern') patterns.push(allowed.value);
    else if (found.length === 0) withoutCustomer.push(allowed.value);
  }
  if (customers.size === 0) {
    return {
      refuse: `Only for ${list(allowedValues(discount))}, and no customer in Shopify has ${discount.allowedCustomers.length === 1 && patterns.length === 0 ? 'that address' : 'any of those addresses'}; without its customers the code would be open to everyone. Move those customers (or add them in Shopify), then run the migration again.`,
    };
  }
  if (withoutCustomer.length > 0) {
    notKept.push({
      code: 'discount-customers-missing',
      message: `Also for ${list(withoutCustomer)}, who ${plural(withoutCustomer.length, 'has', 'have')} no customer account in Shopify, so the code does not work for ${plural(withoutCustomer.length, 'that address', 'those addresses')} until you add ${plural(withoutCustomer.length, 'it', 'them')} to the code there.`,
    });
  }
  if (patterns.length > 0) {
    notKept.push({
      code: 'discount-restriction-not-kept',
      message: `For any address like ${list(patterns)}: limited to the customers with such an address in Shopify when it was written; a Shopify code cannot admit later customers by their address, so add them to the code there.`,
    });
  }
  return { context: { customers: { add: [...customers] } } };
}

/** Total and per-customer limits; a limit counts only the uses left after those on the old store. */
function limits(
  discount: DiscountRecord,
  notKept: NotKept[],
): { usageLimit: number | null; appliesOncePerCustomer: boolean } | { skip: string } {
  let usageLimit: number | null = null;
  if (discount.usageLimit !== null) {
    usageLimit = discount.usageLimit - discount.timesUsed;
    if (usageLimit <= 0)
      return {
        skip: `Used up on the old store (${discount.timesUsed} of ${discount.usageLimit} uses), so there is nothing left to redeem in Shopify.`,
      };
    if (discount.timesUsed > 0)
      notKept.push({
        code: 'discount-limit-changed',
        message: `Limited to the ${usageLimit} ${plural(usageLimit, 'use', 'uses')} left of ${discount.usageLimit} (${discount.timesUsed} used on the old store).`,
      });
  }
  const perCustomer = discount.usageLimitPerCustomer;
  // Shopify limits a code to once per customer or not at all: a higher limit becomes once, the safer side.
  if (perCustomer !== null && perCustomer > 1)
    notKept.push({
      code: 'discount-limit-changed',
      message: `Limited to ${perCustomer} uses per customer on the old store; Shopify can only limit a code to one use per customer, so each customer may now use it once.`,
    });
  return { usageLimit, appliesOncePerCustomer: perCustomer !== null && perCustomer > 0 };
}

export function toDiscountInput(discount: DiscountRecord, context: DiscountContext): DiscountPlan {
  const notKept: NotKept[] = [];
  const off = discount.value.kind === 'percentage' ? discount.value.percent : Number(discount.value.amount);
  if (!(off > 0) && !discount.freeShipping)
    return {
      kind: 'skip',
      reason: 'Takes nothing off and gives no free shipping, so Shopify has no discount to make of it.',
    };
  if (discount.startsAt && discount.endsAt && Date.parse(discount.endsAt) <= Date.parse(discount.startsAt)) {
    return {
      kind: 'refuse',
      reason: `Expires (${discount.endsAt}) before it was created (${discount.startsAt}); Shopify needs the end after the start.`,
    };
  }
  const limit = limits(discount, notKept);
  if ('skip' in limit) return { kind: 'skip', reason: limit.skip };
  const freeShippingOnly = !(off > 0);
  const widened = broader(discount, context, freeShippingOnly, notKept);
  if (widened) return { kind: 'refuse', reason: widened.refuse };
  const applies = freeShippingOnly ? { items: { all: true } } : appliesTo(discount, context, notKept);
  if ('refuse' in applies) return { kind: 'refuse', reason: applies.refuse };
  restrictionsNotKept(discount, notKept);
  const who = buyers(discount, context, notKept);
  if ('refuse' in who) return { kind: 'refuse', reason: who.refuse, forWantOfCustomers: true };

  const common: Record<string, unknown> = {
    title: discount.code,
    code: discount.code,
    ...(discount.startsAt ? { startsAt: discount.startsAt } : {}),
    endsAt: discount.endsAt,
    usageLimit: limit.usageLimit,
    appliesOncePerCustomer: limit.appliesOncePerCustomer,
    context: who.context,
    minimumRequirement:
      discount.minimumSubtotal === null
        ? null
        : { subtotal: { greaterThanOrEqualToSubtotal: discount.minimumSubtotal } },
    tags: [sourceTag(context.platform, discount.sourceId)],
  };
  // A coupon for individual use combines with nothing; any other combines with every class Shopify
  // allows. A shipping discount cannot combine with shipping discounts (a free shipping code saying
  // so is refused): the field is left out, which Shopify takes as false.
  const combines = discount.combinesWithOtherCodes;
  if (freeShippingOnly) {
    return {
      kind: 'freeShipping',
      discount: {
        ...common,
        destination: { all: true },
        combinesWith: { orderDiscounts: combines, productDiscounts: combines },
      },
      notKept,
    };
  }
  if (discount.freeShipping) notKept.push(FREE_SHIPPING_NOT_KEPT);
  const value =
    discount.value.kind === 'percentage'
      ? { percentage: Math.round(discount.value.percent * 100) / 10_000 }
      : // An amount off each item (a fixed product discount), or once per order (a fixed cart discount), as the model says.
        { discountAmount: { amount: discount.value.amount, appliesOnEachItem: !discount.value.appliesOncePerOrder } };
  return {
    kind: 'basic',
    discount: {
      ...common,
      customerGets: { value, items: applies.items },
      combinesWith: { orderDiscounts: combines, productDiscounts: combines, shippingDiscounts: combines },
    },
    notKept,
  };
}

/**
 * What Shopify's codes will not hold of a coupon, known before anything is written: for the analysis.
 * Which products moved is not known yet, so single excluded variations are told at write time.
 */
export function foreseenNotKept(discount: DiscountRecord, options: { broaderCoupons: boolean }): NotKept[] {
  const notKept: NotKept[] = [];
  limits(discount, notKept);
  const off = discount.value.kind === 'percentage' ? discount.value.percent : Number(discount.value.amount);
  const reasons = broaderThanTheCoupon(discount, NO_CATALOG, !(off > 0));
  if (reasons.length > 0 && !options.broaderCoupons)
    return [{ code: 'discount-kept-back', message: keptBackReason(reasons) }];
  notKept.push(...reasons.map(madeBroader));
  if (off > 0 && hasExclusions(discount)) {
    notKept.push({
      code: 'discount-exclusions-as-products',
      message:
        'Has excluded products or categories: the code will apply to the products that move to Shopify less those, chosen one by one; a product added to Shopify later is not in the code.',
    });
  }
  if (off > 0 && discount.freeShipping) notKept.push(FREE_SHIPPING_NOT_KEPT);
  restrictionsNotKept(discount, notKept);
  if (discount.allowedCustomers.length > 0) {
    notKept.push({
      code: 'discount-customers-missing',
      message: `Only for ${list(allowedValues(discount))}: the Shopify code is limited to the customers with ${plural(discount.allowedCustomers.length, 'that address', 'those addresses')} in Shopify, so they need to move too (or be there already); without any of them the code is not made.`,
    });
  }
  return notKept;
}
