// Load reviews onto their products: for each product with a review in the batch, all its published
// reviews of the migration become its review metafields (metafieldsSet, several products per call).
// A product's reviews are written again only when one of them was added, changed or removed. A review
// awaiting moderation is kept back with the reason: the metafields are shown to every shopper.
import { db } from '../../../db/db.server.ts';
import { metafieldsSetCost } from '../../../shopify-admin/costs.server.ts';
import { METAFIELDS_PER_PRODUCT, type ProductReviews, productReviewMetafields, reviewsHash } from './input.server.ts';
import { idMapFor, recordWritten } from '../../staging/id-map.server.ts';
import {
  IN_SHOPIFY,
  type BatchResult,
  batchResult,
  nextBatch,
  recordFailed,
  recordSkipped,
  recordUnchanged,
} from '../../staging/outcomes.server.ts';
import { type UserError, describeUserErrors } from '../../../shopify-admin/user-errors.server.ts';
import { type Writer, inParallel } from '../../../shopify-admin/writer.server.ts';
import { PRODUCT_REVIEWS_SET } from '../../../shopify-admin/graphql/metafields.ts';
import { stagedRecord } from '../../staging/records.server.ts';

/**
 * metafieldsSet takes 25 metafields per call. A call costs 10 plus 4 per product it writes to
 * (Shopify's price since 2026-09-15), so eight products together cost 42 where eight calls would
 * cost 112: grouping still saves the base price of every call but one.
 */
export const PRODUCTS_PER_CALL = Math.floor(25 / METAFIELDS_PER_PRODUCT);

interface Row {
  id: bigint;
  migrationId: string;
  sourceId: string;
  status: string;
  contentHash: string | null;
  data: unknown;
}

interface ProductWrite {
  productId: string;
  rows: Row[];
  hash: string;
  reviews: ProductReviews;
}

const review = (row: Row) => stagedRecord('reviews', row);

/** Every review of these products in the migration, by product: a product's metafields hold all of them, not one batch. */
async function reviewsOf(migrationId: string, productSourceIds: string[]): Promise<Map<string, Row[]>> {
  const rows =
    productSourceIds.length === 0
      ? []
      : await db().sourceRecord.findMany({
          where: {
            migrationId,
            entity: 'reviews',
            status: { in: ['staged', ...IN_SHOPIFY, 'failed', 'skipped'] },
            OR: productSourceIds.map((sourceId) => ({ data: { path: ['productSourceId'], equals: sourceId } })),
          },
          orderBy: { id: 'asc' },
        });
  const groups = new Map<string, Row[]>();
  for (const row of rows)
    groups.set(review(row).productSourceId, [...(groups.get(review(row).productSourceId) ?? []), row]);
  return groups;
}

/** This migration and the runs it re-syncs, newest first: a re-sync reads only what changed, so an unchanged product's fate is in an earlier run. */
async function runsOfChain(migrationId: string): Promise<string[]> {
  const runs: string[] = [];
  for (let id: string | null = migrationId; id && !runs.includes(id);) {
    runs.push(id);
    id = (await db().migration.findUnique({ where: { id }, select: { resyncOf: true } }))?.resyncOf ?? null;
  }
  return runs;
}

/**
 * Why a product is not in Shopify: refused or skipped in this migration or, for a re-sync, in the
 * latest earlier run that read it (its reason); absent when no run read it, so it is not on the old
 * store any more.
 */
async function productsLeftBehind(
  migrationId: string,
  productSourceIds: string[],
): Promise<Map<string, { status: string; reason: string | null }>> {
  if (productSourceIds.length === 0) return new Map();
  const runs = await runsOfChain(migrationId);
  const rows = await db().sourceRecord.findMany({
    where: { migrationId: { in: runs }, entity: 'products', sourceId: { in: productSourceIds } },
    select: { migrationId: true, sourceId: true, status: true, reason: true },
  });
  // The newest run that read the product says what became of it.
  rows.sort((a, b) => runs.indexOf(b.migrationId) - runs.indexOf(a.migrationId));
  return new Map(rows.map((row) => [row.sourceId, row]));
}

async function keepReviewsOfMissingProduct(
  rows: Row[],
  productSourceId: string,
  product: { status: string; reason: string | null } | undefined,
  productsChosen: boolean,
): Promise<void> {
  for (const row of rows) {
    if (!productsChosen)
      await recordFailed(
        row,
        `Product ${productSourceId} is not in Shopify and products are not part of this migration; the review is kept here and moves once its product has.`,
      );
    // A deleted product's reviews have nowhere to go; a product that failed may still move on a later run.
    else if (!product)
      await recordSkipped(
        row,
        `Product ${productSourceId} is not on the old store any more (deleted), so this review has no product in Shopify to go on; it is kept here.`,
      );
    else
      await recordFailed(
        row,
        `Product ${productSourceId} did not move to Shopify (${product.reason ?? product.status}), so this review has no product to go on; it is kept here and moves with the product on a later run.`,
      );
  }
}

async function recordProductWritten(shop: string, platform: string, write: ProductWrite): Promise<void> {
  const leftOut = new Set(write.reviews.leftOut.map((item) => item.sourceId));
  for (const row of write.rows) {
    const reason = leftOut.has(row.sourceId)
      ? `Counted in the product’s rating; its text is not on the product: the product’s reviews outgrow Shopify’s 128KB limit for one metafield, so only the newest ${write.reviews.shown.length} are kept there.`
      : null;
    // The link points at the product, which the reviews do not own: an undo must leave the product alone.
    await recordWritten(shop, platform, 'reviews', { ...row, contentHash: write.hash }, write.productId, null, reason, {
      adopted: true,
    });
  }
}

/** Writes several products' reviews in one call; when Shopify refuses the call, each product alone, so one refusal stays with its product. */
async function writeReviews(
  shop: string,
  writer: Writer,
  writes: ProductWrite[],
): Promise<{ written: number; failed: number }> {
  const metafields = writes.flatMap((write) => write.reviews.metafields);
  const { data } = await writer.client.request<{ metafieldsSet: { userErrors: UserError[] } }>(
    PRODUCT_REVIEWS_SET,
    { metafields },
    { estimatedCost: metafieldsSetCost(metafields) },
  );
  const errors = data.metafieldsSet.userErrors;
  if (errors.length === 0) {
    for (const write of writes) await recordProductWritten(shop, writer.platform, write);
    return { written: writes.reduce((sum, write) => sum + write.rows.length, 0), failed: 0 };
  }
  if (writes.length > 1) {
    const counts = { written: 0, failed: 0 };
    for (const write of writes) {
      const one = await writeReviews(shop, writer, [write]);
      counts.written += one.written;
      counts.failed += one.failed;
    }
    return counts;
  }
  for (const row of writes[0]?.rows ?? [])
    await recordFailed(row, `Shopify refused the product’s reviews: ${describeUserErrors(errors)}`);
  return { written: 0, failed: writes[0]?.rows.length ?? 0 };
}

/** Why a review not approved at the source stays in staging, whatever became of its product. */
export const HELD_REVIEW_REASON =
  'Awaiting moderation on the old store (not approved), so it is not put on its product: Shopify shows a product’s reviews to every shopper and has no unapproved ones. It is kept here with its text; approve it on the old store and re-sync to move it.';

export async function loadReviewBatch(
  migrationId: string,
  afterId: bigint | null,
  writer: Writer,
): Promise<BatchResult> {
  const { shop, entities } = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
  const batch = await nextBatch(migrationId, 'reviews', afterId);
  const result = batchResult(batch);
  for (const row of batch.filter((item) => !review(item).published)) await recordSkipped(row, HELD_REVIEW_REASON);
  const rows = batch.filter((item) => review(item).published);
  const productSourceIds = [...new Set(rows.map((row) => review(row).productSourceId))];
  const products = await idMapFor(shop, writer.platform, 'products', productSourceIds);

  const missing = productSourceIds.filter((sourceId) => !products.has(sourceId));
  const leftBehind = await productsLeftBehind(migrationId, missing);
  for (const sourceId of missing) {
    const orphans = rows.filter((row) => review(row).productSourceId === sourceId);
    await keepReviewsOfMissingProduct(orphans, sourceId, leftBehind.get(sourceId), entities.includes('products'));
    result.failed += orphans.length;
  }

  const groups = await reviewsOf(migrationId, [...products.keys()]);
  const known = await idMapFor(
    shop,
    writer.platform,
    'reviews',
    [...groups.values()].flat().map((row) => row.sourceId),
  );
  const writes: ProductWrite[] = [];
  for (const [productSourceId, group] of groups) {
    const productId = products.get(productSourceId)?.shopifyGid;
    if (!productId) continue;
    const published = group.filter((item) => review(item).published);
    if (published.length === 0) continue;
    const hash = reviewsHash(productId, published);
    if (
      published.every(
        (row) => known.get(row.sourceId)?.contentHash === hash && known.get(row.sourceId)?.shopifyGid === productId,
      )
    ) {
      for (const row of published) await recordUnchanged(row);
      result.unchanged += published.length;
      continue;
    }
    writes.push({
      productId,
      rows: published,
      hash,
      reviews: productReviewMetafields(productId, published.map(review)),
    });
  }

  const calls = Array.from({ length: Math.ceil(writes.length / PRODUCTS_PER_CALL) }, (_, index) =>
    writes.slice(index * PRODUCTS_PER_CALL, (index + 1) * PRODUCTS_PER_CALL),
  );
  await inParallel(calls, writer.concurrency, async (call) => {
    const counts = await writeReviews(shop, writer, call);
    result.written += counts.written;
    result.failed += counts.failed;
  });
  return result;
}
