// Shopify's variant-creation throttle, as the product writer meets it: in a store past 50,000
// variants Shopify creates at most 1,000 new variants a day and refuses the rest
// (https://shopify.dev/docs/api/admin-graphql/latest/mutations/productCreate, decision 0016). The
// writer does not fail those products: it keeps them staged, says why, and tries again later.
import { db } from '../../db/db.server.ts';
import { AdminApiError } from '../client.server.ts';

/**
 * Shopify's variant-creation throttle (productCreate's documentation): once a store has 50,000
 * variants, "no more than 1,000 new product variants can be created per day" (decision 0016).
 */
export const VARIANT_THROTTLE_THRESHOLD = 50_000;
export const NEW_VARIANTS_PER_DAY = 1_000;
/**
 * How long the writer waits before trying again: Shopify's day is rolling and its answer does not
 * say when room frees up, so it asks again each hour (a refused call costs one request).
 */
export const VARIANT_LIMIT_RETRY_MS = 60 * 60_000;

const CODE = 'VARIANT_THROTTLE_EXCEEDED';
const PROBLEM = 'variant-limit';

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

/** When to try again, and the merchant told why products are waiting (once per migration). */
export async function waitForVariantLimit(migrationId: string): Promise<Date> {
  const { shop } = await db().migration.findUniqueOrThrow({ where: { id: migrationId }, select: { shop: true } });
  const retryAt = new Date(Date.now() + VARIANT_LIMIT_RETRY_MS);
  await db().$transaction([
    db().migrationProblem.deleteMany({ where: { migrationId, code: PROBLEM } }),
    db().migrationProblem.create({
      data: {
        shop, migrationId, entity: 'products', sourceId: null, code: PROBLEM,
        message: `Your store has more than 50,000 variants, and Shopify creates at most ${NEW_VARIANTS_PER_DAY.toLocaleString('en')} new variants a day in such a store; today's are used up.`,
        action: `The remaining products wait and are written as Shopify makes room; Shipyard tries again every hour (next at ${retryAt.toISOString()}). Nothing needs doing.`,
      },
    }),
  ]);
  return retryAt;
}
