// Shopify's variant-creation throttle, and the count of a shop's variants it turns on.
// productCreate: "has a throttle (https://shopify.dev/docs/api/usage/rate-limits#resource-based-rate-limits)
// that takes effect when a store has 50,000 product variants. After this threshold is reached, no
// more than 1,000 new product variants can be created per day." The docs do not give the answer's
// shape; apps see a top-level error "Daily variant creation limit reached. Please try again later."
// with code VARIANT_THROTTLE_EXCEEDED (the REST API's 429 carries the same sentence), so devstore
// answers that. The docs exempt no plan, so neither does devstore (decision 0016).
import type { Pool, PoolClient } from 'pg';
import type { Args, RequestContext, ResolverModule } from '../graphql/context.ts';
import { NotImplementedError, ResourceThrottledError } from '../graphql/errors.ts';
import type { Shop } from '../shops.ts';

export const THROTTLE_THRESHOLD = 50_000;
export const NEW_VARIANTS_PER_DAY = 1_000;
export const VARIANT_THROTTLE_MESSAGE = 'Daily variant creation limit reached. Please try again later.';

/** The shop's variants (its rows and those it is configured to hold besides), counted no further than `limit`. */
async function variantCount(db: Pool | PoolClient, shop: Shop, limit: number | null): Promise<number> {
  const rowsWanted = limit === null ? null : Math.max(0, limit - shop.extraVariants);
  if (rowsWanted === 0) return shop.extraVariants;
  const { rows } = await db.query<{ count: string }>(
    'SELECT count(*) FROM (SELECT 1 FROM devstore.variants WHERE shop = $1 LIMIT $2) counted',
    [shop.domain, rowsWanted],
  );
  return shop.extraVariants + Number(rows[0]?.count ?? 0);
}

/**
 * Called inside the transaction that creates `count` variants, before it writes them: records the
 * creation, and in a store past the threshold refuses it (the transaction rolls back) when it would
 * take the rolling day's new variants past 1,000. Creations in a large store are serialised on the
 * shop so two at once cannot both slip under the limit.
 */
export async function admitNewVariants(client: PoolClient, shop: Shop, count: number): Promise<void> {
  if (count <= 0 || shop.variantLimitLifted) return;
  if ((await variantCount(client, shop, THROTTLE_THRESHOLD)) >= THROTTLE_THRESHOLD) {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('devstore variant creations ' || $1))", [shop.domain]);
    await client.query(
      "DELETE FROM devstore.variant_creations WHERE shop = $1 AND created_at <= now() - interval '1 day'",
      [shop.domain],
    );
    const { rows } = await client.query<{ created: string | null }>(
      "SELECT sum(count) AS created FROM devstore.variant_creations WHERE shop = $1 AND created_at > now() - interval '1 day'",
      [shop.domain],
    );
    if (Number(rows[0]?.created ?? 0) + count > NEW_VARIANTS_PER_DAY)
      throw new ResourceThrottledError(VARIANT_THROTTLE_MESSAGE, 'VARIANT_THROTTLE_EXCEEDED');
  }
  await client.query('INSERT INTO devstore.variant_creations (shop, count) VALUES ($1, $2)', [shop.domain, count]);
}

/** `productVariantsCount`: "Limited to a maximum of 10000 by default"; `limit: null` counts them all. */
async function productVariantsCount(args: Args, context: RequestContext) {
  if (typeof args.query === 'string' && args.query.trim()) throw new NotImplementedError('productVariantsCount query');
  const limit = args.limit === null ? null : typeof args.limit === 'number' ? args.limit : 10_000;
  const counted = await variantCount(context.pool, context.shop, limit === null ? null : limit + 1);
  const reached = limit !== null && counted > limit;
  return { __typename: 'Count', count: reached ? limit : counted, precision: reached ? 'AT_LEAST' : 'EXACT' };
}

export const variantCountModule: ResolverModule = { queries: { productVariantsCount } };
