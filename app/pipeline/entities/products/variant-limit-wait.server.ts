// What the product writer does when Shopify's variant-creation throttle refuses a product (decision
// 0016): it does not fail it, but keeps it staged, tells the merchant why, and tries again later.
import { db } from '../../../db/db.server.ts';
import { NEW_VARIANTS_PER_DAY } from '../../../shopify-admin/limits/variant-limit.server.ts';

/**
 * How long the writer waits before trying again: Shopify's day is rolling and its answer does not
 * say when room frees up, so it asks again each hour (a refused call costs one request).
 */
export const VARIANT_LIMIT_RETRY_MS = 60 * 60_000;

const PROBLEM = 'variant-limit';

/** When to try again, and the merchant told why products are waiting (once per migration). */
export async function waitForVariantLimit(migrationId: string): Promise<Date> {
  const { shop } = await db().migration.findUniqueOrThrow({ where: { id: migrationId }, select: { shop: true } });
  const retryAt = new Date(Date.now() + VARIANT_LIMIT_RETRY_MS);
  await db().$transaction([
    db().migrationProblem.deleteMany({ where: { migrationId, code: PROBLEM } }),
    db().migrationProblem.create({
      data: {
        shop,
        migrationId,
        entity: 'products',
        sourceId: null,
        code: PROBLEM,
        message: `Your store has more than 50,000 variants, and Shopify creates at most ${NEW_VARIANTS_PER_DAY.toLocaleString('en')} new variants a day in such a store; today's are used up.`,
        action: `The remaining products wait and are written as Shopify makes room; Shipyard tries again every hour (next at ${retryAt.toISOString()}). Nothing needs doing.`,
      },
    }),
  ]);
  return retryAt;
}
