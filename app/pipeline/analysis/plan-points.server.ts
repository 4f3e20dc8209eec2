// The points writing the staged records will cost where that depends on the records themselves, by
// Shopify's documented rules (docs/decisions/0017-costs-by-the-documented-rules.md): each product's
// productSet (its variants, files and metafields), the customers whose email consent takes a call
// of its own, and the products the reviews go onto.
import type { Entity } from '../../../connectors/model.ts';
import { db } from '../../db/db.server.ts';
import { MUTATION_COST, productSetCost } from '../../shopify-admin/costs.server.ts';
import { PRODUCTS_PER_CALL } from '../entities/reviews/write.server.ts';
import { POINTS_PER_RECORD } from './plan.server.ts';
import { type ProductContext, toProductSetVariables } from '../entities/products/input.server.ts';
import { stagedRecord } from '../staging/records.server.ts';

const PAGE = 500;

/** A review metafieldsSet pays 4 for each product it writes to. */
const REVIEW_OWNER_WEIGHT = 4;

/** Each staged product's productSet as the load will send it (collections and location do not change its price). */
async function productPoints(migrationId: string, platform: string): Promise<number> {
  const unreachable = await db().migrationProblem.findMany({
    where: { migrationId, code: 'image-unreachable' },
    select: { subject: true },
  });
  const context: ProductContext = {
    platform,
    locationId: 'gid://shopify/Location/0',
    collectionIds: new Map(),
    collectionParents: new Map(),
    unreachableImages: new Set(unreachable.flatMap((problem) => (problem.subject ? [problem.subject] : []))),
    handlesLeftToShopify: new Set(),
  };
  let points = 0;
  for (let after: bigint | null = null; ;) {
    const rows: { id: bigint; data: unknown }[] = await db().sourceRecord.findMany({
      where: {
        migrationId,
        entity: 'products',
        status: { not: 'invalid' },
        ...(after === null ? {} : { id: { gt: after } }),
      },
      select: { id: true, data: true },
      orderBy: { id: 'asc' },
      take: PAGE,
    });
    for (const row of rows)
      points += productSetCost(toProductSetVariables(stagedRecord('products', row), context, null));
    if (rows.length < PAGE) return points;
    after = rows.at(-1)?.id ?? null;
  }
}

/** Every customer's own calls, and one customerEmailMarketingConsentUpdate for each with a recorded consent. */
async function customerPoints(migrationId: string): Promise<number> {
  const [row] = await db().$queryRaw<{ customers: bigint; consents: bigint }[]>`
    SELECT count(*) AS customers, count(*) FILTER (WHERE jsonb_typeof(data -> 'emailMarketing') = 'object') AS consents FROM "SourceRecord"
    WHERE "migrationId" = ${migrationId} AND entity = 'customers' AND status <> 'invalid'`;
  return Number(row?.customers ?? 0) * POINTS_PER_RECORD.customers + Number(row?.consents ?? 0) * MUTATION_COST;
}

/** The products the published reviews go onto, PRODUCTS_PER_CALL to a metafieldsSet: 10 a call and 4 a product. */
async function reviewPoints(migrationId: string): Promise<number> {
  const [row] = await db().$queryRaw<{ count: bigint }[]>`
    SELECT count(DISTINCT data ->> 'productSourceId') AS count FROM "SourceRecord"
    WHERE "migrationId" = ${migrationId} AND entity = 'reviews' AND status <> 'invalid' AND (data ->> 'published')::boolean`;
  const products = Number(row?.count ?? 0);
  return Math.ceil(products / PRODUCTS_PER_CALL) * MUTATION_COST + products * REVIEW_OWNER_WEIGHT;
}

/** Points for the entities whose price depends on their records; the plan prices the others by the record. */
export async function stagedPoints(
  migrationId: string,
  platform: string,
  entities: Entity[],
): Promise<Partial<Record<Entity, number>>> {
  const points: Partial<Record<Entity, number>> = {};
  if (entities.includes('products')) points.products = await productPoints(migrationId, platform);
  if (entities.includes('customers')) points.customers = await customerPoints(migrationId);
  if (entities.includes('reviews')) points.reviews = await reviewPoints(migrationId);
  return points;
}
