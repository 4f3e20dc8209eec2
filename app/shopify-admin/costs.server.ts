// What Shopify charges for what Shipyard sends, by the rules it documents
// (docs/decisions/0017-costs-by-the-documented-rules.md): the budget reserves these up front, and
// the plan adds them up before anything is written.
import type { ProductSetVariables } from './graphql/products.ts';

/** A mutation without a documented dynamic cost. https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits */
export const MUTATION_COST = 10;

/** Shopify refuses a request whose requested cost is over this (MAX_COST_EXCEEDED), before running it. */
export const MAX_QUERY_COST = 1000;

/**
 * metafieldsSet since 2026-09-15: 10 plus, for each distinct owner, its type's weight (order 10,
 * product 4, variant 2, collection 1, customer 1, shop 1, anything else 0). An owner counts once
 * however many of its metafields the call sets.
 * https://shopify.dev/changelog/dynamic-complexity-cost-for-metafieldsset-mutation
 */
const OWNER_WEIGHTS: Record<string, number> = {
  Order: 10,
  Product: 4,
  ProductVariant: 2,
  Collection: 1,
  Customer: 1,
  Shop: 1,
};

export function metafieldsSetCost(metafields: { ownerId: string }[]): number {
  const owners = new Set(metafields.map((metafield) => metafield.ownerId));
  let cost = MUTATION_COST;
  for (const owner of owners) cost += OWNER_WEIGHTS[/^gid:\/\/shopify\/(\w+)\//.exec(owner)?.[1] ?? ''] ?? 0;
  return cost;
}

type Input = Record<string, unknown>;
const count = (list: unknown) => (Array.isArray(list) ? list.length : 0);

/**
 * productSet's own price, from its input: 10 + 0.2 per variant + 0.6 per variant file + 0.4 per
 * variant metafield + 0.4 per product metafield + 1.9 per product file, rounded up.
 * https://shopify.dev/changelog/dynamic-complexity-cost-for-productset-mutation
 */
export function productSetInputCost(input: Input): number {
  const variants = Array.isArray(input.variants) ? (input.variants as Input[]) : [];
  const variantFiles = variants.filter((variant) => variant.file).length;
  const variantMetafields = variants.reduce((sum, variant) => sum + count(variant.metafields), 0);
  return Math.ceil(
    MUTATION_COST +
      variants.length * 0.2 +
      variantFiles * 0.6 +
      variantMetafields * 0.4 +
      count(input.metafields) * 0.4 +
      count(input.files) * 1.9,
  );
}

/**
 * A connection read back in a payload (or a query): 2, plus one node's cost for each of the page
 * asked for. Shopify answered a productCreate reading `variants(first: 1)` back at 13 (10 + 2 + 1).
 */
export function connectionCost(pageSize: number, perNode: number): number {
  return 2 + pageSize * perNode;
}

/**
 * What Shopify will charge for PRODUCT_SET with these variables, by its documented cost rules:
 * productSet's dynamic cost for the input, plus the variants read back (a connection: 2, and 1 per
 * variant asked for, its node with the id); the payload's own objects are free.
 * The budget reserves this rather than the cost the last product had, so a product with many
 * variants does not go out on the points of a small one.
 */
export function productSetCost(variables: ProductSetVariables): number {
  return productSetInputCost(variables.input) + connectionCost(variables.variantCount, VARIANT_READ_BACK);
}

/**
 * Each variant read back: its node (the id). Its selectedOptions (1 more) are not read: variants are
 * paired with the input by position (docs/decisions/0036-variants-matched-by-position.md).
 */
const VARIANT_READ_BACK = 1;

/** Variants the call can read back: a page (250) at most, and no more than keeps it within 1,000 points. */
export function variantsToReadBack(input: Record<string, unknown>, variants: number): number {
  const room = Math.floor((MAX_QUERY_COST - productSetInputCost(input) - connectionCost(0, 0)) / VARIANT_READ_BACK);
  return Math.max(0, Math.min(variants, 250, room));
}

/**
 * What Shopify charges for ORDER_CREATE: the mutation (10) and the objects its answer reads inside the
 * order — the total, its presentment amount, the customer (1 each; docs/decisions/0017).
 */
export const ORDER_CREATE_COST = 13;
