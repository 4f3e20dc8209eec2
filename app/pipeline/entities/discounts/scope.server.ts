// Which items a coupon's code may apply to without giving more than the coupon did (decision 0024):
// excluded products and categories become the products left once they are taken out, and what a
// Shopify code cannot hold exactly (maximum spend, an item limit, sale items, a cart coupon's
// exclusions) keeps the coupon back unless the merchant chose to create broader codes knowingly.
import type { DiscountRecord } from '../../../../connectors/model.ts';

/** A product that moved to Shopify, with what decides whether a coupon's restrictions cover it. */
export interface MovedProduct {
  gid: string;
  /** Source ids of the categories the product is in (not their ancestors). */
  categorySourceIds: string[];
  /** Source ids of its variants (WooCommerce: its variations; a simple product's is its own id). */
  variantSourceIds: string[];
}

/** Every product that moved, and the category tree, for coupons with exclusions. */
export interface CouponCatalog {
  products: Map<string, MovedProduct>;
  /** Category source id → its parent's (null at the top). A category missing here sits somewhere unknown. */
  categoryParents: Map<string, string | null>;
}

export const NO_CATALOG: CouponCatalog = { products: new Map(), categoryParents: new Map() };

const list = (ids: string[]) => ids.join(', ');

export function hasExclusions(discount: DiscountRecord): boolean {
  return discount.excludedProductSourceIds.length > 0 || discount.excludedCollectionSourceIds.length > 0;
}

function describeExclusions(discount: DiscountRecord): string {
  const parts = [
    ...(discount.excludedProductSourceIds.length > 0 ? [`products ${list(discount.excludedProductSourceIds)}`] : []),
    ...(discount.excludedCollectionSourceIds.length > 0
      ? [`categories ${list(discount.excludedCollectionSourceIds)}`]
      : []),
  ];
  return `Excludes ${parts.join(' and ')}`;
}

/**
 * WooCommerce's percentage and fixed product coupons leave an excluded item out of the discount and
 * discount the rest of the cart; a fixed cart coupon is refused for a whole cart that holds an
 * excluded item (WC_Discounts::validate_coupon_eligible_items: "Sorry, this coupon is not applicable
 * to the products: …"), which no Shopify code can say.
 */
function excludesWholeCart(discount: DiscountRecord): boolean {
  return discount.value.kind === 'fixed_amount' && discount.value.appliesOncePerOrder;
}

/** Excluded ids that are single variations of a product that moved: a product-by-product selection cannot leave them out. */
function excludedVariations(discount: DiscountRecord, catalog: CouponCatalog): string[] {
  const variations = new Set<string>();
  for (const [sourceId, product] of catalog.products) {
    for (const variant of product.variantSourceIds) if (variant !== sourceId) variations.add(variant);
  }
  return discount.excludedProductSourceIds.filter((id) => variations.has(id) && !catalog.products.has(id));
}

/**
 * What the coupon restricts that a Shopify code has no exact equivalent for: made anyway, each would
 * make the code give more than the coupon did. Said in the merchant's words, one sentence each.
 */
export function broaderThanTheCoupon(
  discount: DiscountRecord,
  catalog: CouponCatalog,
  freeShippingOnly: boolean,
): string[] {
  const reasons: string[] = [];
  if (discount.maximumSubtotal !== null)
    reasons.push(
      `Maximum spend ${discount.maximumSubtotal}: Shopify codes have no maximum order amount, so larger orders would get the discount too.`,
    );
  if (discount.itemLimit !== null && !freeShippingOnly) {
    reasons.push(
      `Discounts at most ${discount.itemLimit} ${discount.itemLimit === 1 ? 'item' : 'items'} per order: Shopify's amount off codes discount every eligible item, so more items would be discounted.`,
    );
  }
  if (discount.excludesSaleItems)
    reasons.push(
      'Excludes sale items: a Shopify code cannot leave out products on sale, and which products are on sale changes, so the code would discount sale items too.',
    );
  if (hasExclusions(discount)) {
    if (freeShippingOnly)
      reasons.push(
        `${describeExclusions(discount)}: a Shopify free shipping code cannot leave out products, so it would give free shipping on carts the coupon was refused for.`,
      );
    else if (excludesWholeCart(discount))
      reasons.push(
        `${describeExclusions(discount)}: your old store refuses this fixed cart coupon for any cart holding one of them; a Shopify code would still take the amount off the other items.`,
      );
    const variations = freeShippingOnly ? [] : excludedVariations(discount, catalog);
    if (variations.length > 0)
      reasons.push(
        `Excludes single variations ${list(variations)}: the code is chosen product by product, so the other variations' products would take the discount on these variations too.`,
      );
  }
  return reasons;
}

/** Why the coupon is kept back, with how to create the broader code knowingly. */
export function keptBackReason(reasons: string[]): string {
  return `Kept back: ${reasons.join(' ')} A code that gives more than the coupon did is not made unless you choose “Create broader discount codes” (--broader-coupons); then it is made with a warning.`;
}

/** The categories a product is in for WooCommerce's coupon rules: its own and all their ancestors (wc_get_product_cat_ids); null when a parent chain is unknown. */
function categoriesWithAncestors(categories: string[], parents: Map<string, string | null>): Set<string> | null {
  const all = new Set<string>();
  for (const category of categories) {
    let current: string | null = category;
    while (current !== null && !all.has(current)) {
      if (!parents.has(current)) return null;
      all.add(current);
      current = parents.get(current) ?? null;
    }
  }
  return all;
}

export type ExclusionScope = { productIds: string[]; notice: string; missing: string[] } | { refuse: string };

/**
 * The products the code applies to, exactly as WooCommerce decides an item is covered
 * (WC_Coupon::is_valid_for_product): one of its products or in one of its categories (or every
 * product when it names neither), and not an excluded product nor in an excluded category — a
 * product in an excluded category and in another is excluded. Only products that moved count.
 */
export function exclusionScope(discount: DiscountRecord, catalog: CouponCatalog): ExclusionScope {
  const chosen = new Set(discount.productSourceIds);
  const chosenCategories = new Set(discount.collectionSourceIds);
  const excluded = new Set(discount.excludedProductSourceIds);
  const excludedCategories = new Set(discount.excludedCollectionSourceIds);
  const everything = chosen.size === 0 && chosenCategories.size === 0;
  const needsCategories = chosenCategories.size > 0 || excludedCategories.size > 0;
  const productIds: string[] = [];
  const unplaced = new Set<string>();
  for (const [sourceId, product] of [...catalog.products].sort(([a], [b]) =>
    a.localeCompare(b, 'en', { numeric: true }),
  )) {
    const categories = needsCategories
      ? categoriesWithAncestors(product.categorySourceIds, catalog.categoryParents)
      : new Set<string>();
    if (categories === null) {
      for (const category of product.categorySourceIds)
        if (!catalog.categoryParents.has(category)) unplaced.add(category);
      continue;
    }
    const covered =
      everything || chosen.has(sourceId) || [...categories].some((category) => chosenCategories.has(category));
    const left = excluded.has(sourceId) || [...categories].some((category) => excludedCategories.has(category));
    if (covered && !left) productIds.push(product.gid);
  }
  // Without knowing which categories hold a product, it could be in an excluded one.
  if (unplaced.size > 0) {
    return {
      refuse: `${describeExclusions(discount)}, and where categories ${list([...unplaced])} sit in the category tree is not known (they were not read from the store), so which products they hold cannot be told. Move the collections too, then run the migration again.`,
    };
  }
  if (productIds.length === 0)
    return {
      refuse: `${describeExclusions(discount)}, and none of the products that moved to Shopify is left for the code to apply to.`,
    };
  const missing = discount.productSourceIds.filter((sourceId) => !catalog.products.has(sourceId));
  const base = everything ? 'every other product' : 'the other products it applied to';
  const notice = `${describeExclusions(discount)}: the code applies to ${base} that moved to Shopify (${productIds.length}), chosen one by one. A product added to Shopify later is not in the code; add it there if the discount should cover it.`;
  return { productIds, notice, missing };
}
