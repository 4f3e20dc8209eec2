// The price of one mutation field, from its input: 10 points, or the dynamic cost Shopify documents
// for it. What the payload reads back is priced apart (cost.ts), like any selection.
// https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits ("Mutation: 10").

type Input = Record<string, unknown>;

/** Every mutation without a documented dynamic cost. */
export const MUTATION_COST = 10;

const list = (value: unknown): Input[] => (Array.isArray(value) ? (value as Input[]) : []);
const count = (value: unknown) => list(value).length;
const sum = (items: Input[], of: (item: Input) => number) => items.reduce((total, item) => total + of(item), 0);

/**
 * metafieldsSet, since 2026-09-15: 10 + Σ (distinct owners of a type × that type's weight); an owner
 * counts once however many of its metafields are set. The changelog's table gives Order 10, Product 4,
 * Collection 1, Customer 1, Shop 1 and every other type 0, plus a row of weight 2 whose type name the
 * stored page lost: it sits between Product and Collection and can only be a product's variant
 * (PRODUCTVARIANT owner), so devstore weighs variants 2 (the stricter reading).
 * https://shopify.dev/changelog/dynamic-complexity-cost-for-metafieldsset-mutation
 */
export const METAFIELD_OWNER_WEIGHTS: Record<string, number> = {
  Order: 10,
  Product: 4,
  ProductVariant: 2,
  Collection: 1,
  Customer: 1,
  Shop: 1,
};

function metafieldsSetCost(args: Input): number {
  const owners = new Set(list(args.metafields).map((metafield) => String(metafield.ownerId)));
  let cost = MUTATION_COST;
  for (const owner of owners) cost += METAFIELD_OWNER_WEIGHTS[/^gid:\/\/shopify\/(\w+)\//.exec(owner)?.[1] ?? ''] ?? 0;
  return cost;
}

/**
 * productSet: 10 + 0.2 per variant + 0.6 per variant file + 0.4 per variant metafield + 0.4 per
 * product metafield + 1.9 per product file, rounded up (the schema's own "Complexity cost" lines on
 * ProductSetInput.variants/metafields/files and ProductVariantSetInput.file/metafields).
 * https://shopify.dev/changelog/dynamic-complexity-cost-for-productset-mutation
 */
function productSetCost(args: Input): number {
  const input = (args.input ?? {}) as Input;
  const variants = list(input.variants);
  return Math.ceil(
    MUTATION_COST +
      variants.length * 0.2 +
      variants.filter((variant) => variant.file).length * 0.6 +
      sum(variants, (variant) => count(variant.metafields)) * 0.4 +
      count(input.metafields) * 0.4 +
      count(input.files) * 1.9,
  );
}

/**
 * productCreate / productUpdate: 10 + 0.4 per product metafield + 1.9 per media, rounded up.
 * https://shopify.dev/changelog/dynamic-complexity-cost-for-productcreate-and-productupdate-mutations
 */
function productCreateCost(args: Input): number {
  const input = (args.product ?? args.input ?? {}) as Input;
  return Math.ceil(MUTATION_COST + count(input.metafields) * 0.4 + count(args.media) * 1.9);
}

/**
 * productVariantsBulkCreate / productVariantsBulkUpdate: 10 + 0.2 per variant + 0.6 per variant media
 * + 0.4 per variant metafield + 1.9 per product media, rounded up. A variant's media is its `mediaId`
 * and each `mediaSrc` URL (the changelog does not say how a list of sources counts; each is counted).
 * https://shopify.dev/changelog/dynamic-complexity-for-productvariantsbulkcreate-and-productvariantsbulkupdate-mutations
 */
function productVariantsBulkCost(args: Input): number {
  const variants = list(args.variants);
  const variantMedia = sum(
    variants,
    (variant) => (variant.mediaId ? 1 : 0) + (Array.isArray(variant.mediaSrc) ? variant.mediaSrc.length : 0),
  );
  return Math.ceil(
    MUTATION_COST +
      variants.length * 0.2 +
      variantMedia * 0.6 +
      sum(variants, (variant) => count(variant.metafields)) * 0.4 +
      count(args.media) * 1.9,
  );
}

const DYNAMIC_COSTS: Record<string, (args: Input) => number> = {
  metafieldsSet: metafieldsSetCost,
  productSet: productSetCost,
  productCreate: productCreateCost,
  productUpdate: productCreateCost,
  productVariantsBulkCreate: productVariantsBulkCost,
  productVariantsBulkUpdate: productVariantsBulkCost,
};

/** One mutation field's own price, from its coerced arguments. Each alias is priced on its own, as Shopify does. */
export function mutationFieldCost(name: string, args: Input): number {
  return DYNAMIC_COSTS[name]?.(args) ?? MUTATION_COST;
}
