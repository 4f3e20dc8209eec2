// Shopify's variant-creation throttle, as the product writer meets it: in a store past 50,000
// variants Shopify creates at most 1,000 new variants a day and refuses the rest
// (https://shopify.dev/docs/api/admin-graphql/latest/mutations/productCreate, decision 0016), and how
// its refusal is told apart. What the migration does about it is app/pipeline/entities/products/variant-limit-wait.server.ts.
import { AdminApiError } from '../client.server.ts';

/**
 * Shopify's variant-creation throttle (productCreate's documentation): once a store has 50,000
 * variants, "no more than 1,000 new product variants can be created per day" (decision 0016).
 */
export const VARIANT_THROTTLE_THRESHOLD = 50_000;
export const NEW_VARIANTS_PER_DAY = 1_000;
const CODE = 'VARIANT_THROTTLE_EXCEEDED';

/** Shopify refused a product because the day's new variants are used up. */
export function isVariantLimit(error: unknown): boolean {
  return error instanceof AdminApiError && error.codes.includes(CODE);
}

/** A bulk operation's result line refused for the same reason. */
export function isVariantLimitLine(errors: { extensions?: { code?: string } }[] | undefined): boolean {
  return (errors ?? []).some((error) => error.extensions?.code === CODE);
}

/**
 * A product with more new variants than a day allows can never pass the limit: it is reported, not
 * waited for. Null when the product only has to wait.
 */
export function neverFits(variantCount: number): string | null {
  if (variantCount <= NEW_VARIANTS_PER_DAY) return null;
  return `This product has ${variantCount} variants, and Shopify creates at most ${NEW_VARIANTS_PER_DAY.toLocaleString('en')} new variants a day in a store past 50,000 variants, so it cannot be created; ask Shopify Support to lift the limit, then run the migration again.`;
}
