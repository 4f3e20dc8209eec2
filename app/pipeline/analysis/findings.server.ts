// Analyze: before anything is written, find every problem in the staged records that the merchant
// should know about, with the records it affects and what Shipyard will do about it. Runs in
// bounded batches (one job each); checks that need the whole catalog run as SQL over staging.
import { type CanonicalRecord, type ProductRecord, visibleAtSource } from '../../../connectors/model.ts';
import { platformLimits } from '../../../connectors/registry.ts';
import { decryptCredentials } from '../../db/credentials.server.ts';
import { db } from '../../db/db.server.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { customerAddressFindings, orderAddressFindings } from './addresses.server.ts';
import { customerLongTextFindings, productLongTextFindings } from './long-text.server.ts';
import { productKindFindings } from './product-kinds.server.ts';
import { findBrokenHtml } from './html.server.ts';
import { DISCOUNT_ACTIONS, foreseenNotKept } from '../entities/discounts/input.server.ts';
import { currencyFindings, orderCurrencies } from './order-currencies.server.ts';
import { isHandle } from '../entities/products/input.server.ts';
import { shopifysOwnPage, storePageFinding } from '../entities/policies/store-pages.server.ts';
import { bodyReferences } from '../entities/pages/body.server.ts';
import { oldSiteImage } from '../entities/pages/body-images.server.ts';
import { TEXT_LIMITS, characters } from '../../shopify-admin/limits/text-limits.server.ts';
import { MAX_OPTIONS, MAX_VARIANTS } from '../../shopify-admin/limits/input-limits.server.ts';
import { optionLayout } from '../entities/products/options.server.ts';
import { migrationOptions } from '../options.server.ts';
import { stagedRecord } from '../staging/records.server.ts';

export const ANALYZE_BATCH = 250;

export interface Finding {
  entity: string;
  sourceId: string | null;
  code: string;
  subject?: string;
  message: string;
  action: string;
}

/** Answers whether an image URL can be fetched; a string is the reason it cannot. */
export type ImageCheck = (url: string) => Promise<true | string>;

export const fetchImageCheck: ImageCheck = async (url) => {
  try {
    const response = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(10_000) });
    if (response.ok) return true;
    return `the server answered ${response.status}`;
  } catch (error) {
    return error instanceof Error && error.name === 'TimeoutError'
      ? 'no answer within 10 seconds'
      : 'the address could not be reached';
  }
};

export function productFindings(product: ProductRecord): Finding[] {
  const found: Finding[] = [];
  const add = (code: string, message: string, action: string) =>
    found.push({ entity: 'products', sourceId: product.sourceId, code, message, action });
  if (product.options.length > MAX_OPTIONS) {
    const layout = optionLayout(product);
    const extra = layout.extra.join(', ');
    const action = layout.joined
      ? `The first ${MAX_OPTIONS} attributes do not tell the variants apart, so the third option becomes “${layout.options.at(-1)?.name}” (values such as “${layout.options.at(-1)?.values[0]}”); ${extra} ${layout.extra.length > 1 ? 'are' : 'is'} also kept as variant metafields.`
      : `The first ${MAX_OPTIONS} become options; ${extra} ${layout.extra.length > 1 ? 'are' : 'is'} kept as variant metafields.`;
    add(
      'too-many-options',
      `“${product.title}” varies by ${product.options.length} attributes; Shopify allows ${MAX_OPTIONS} options.`,
      action,
    );
  }
  if (product.variants.length > MAX_VARIANTS) {
    add(
      'too-many-variants',
      `“${product.title}” has ${product.variants.length} variations; Shopify allows ${MAX_VARIANTS}.`,
      `The first ${MAX_VARIANTS} move; the others are listed in the report.`,
    );
  }
  const withoutSku = product.variants.filter((variant) => !variant.sku).length;
  if (withoutSku > 0) {
    add(
      'missing-sku',
      `“${product.title}”: ${withoutSku} of ${product.variants.length} variant${product.variants.length > 1 ? 's have' : ' has'} no SKU.`,
      'Moved without a SKU (Shopify does not require one).',
    );
  }
  if (!isHandle(product.handle)) {
    const why =
      characters(product.handle) > TEXT_LIMITS.handle
        ? `has ${characters(product.handle)} characters; Shopify allows ${TEXT_LIMITS.handle}`
        : 'is not a Shopify handle as it stands (Shopify lowercases handles, takes accents off Latin letters and turns other signs into hyphens)';
    add(
      'invalid-handle',
      `“${product.title}”: the URL slug “${product.handle}” ${why}.`,
      'Shopify makes a handle from the title; the old URL redirects to it.',
    );
  }
  const broken = findBrokenHtml(product.descriptionHtml);
  if (broken)
    add(
      'broken-html',
      `“${product.title}”: the description’s HTML is broken (${broken}).`,
      'Moved as it is; Shopify’s editor repairs the markup when the product is saved.',
    );
  // An affiliate product's own finding says why it stays unpublished.
  if (!visibleAtSource(product) && !product.soldElsewhere) {
    add(
      'stays-unpublished',
      product.hidden
        ? `“${product.title}” is hidden from your old store’s shop and search.`
        : `“${product.title}” is not published in your old store (a draft, pending, private or scheduled product).`,
      'Moves unpublished, on no sales channel: shoppers do not see it until you publish it in Shopify.',
    );
  }
  found.push(...productKindFindings(product));
  return found;
}

interface ImageUse {
  entity: string;
  sourceId: string;
  title: string;
  url: string;
  action: string;
}

/** The old site's images inside a page's or post's body: uploaded to Shopify when written, if they can be fetched. */
function bodyImageUses(entity: 'pages' | 'blogPosts', record: CanonicalRecord<'pages'>, sourceUrl: string): ImageUse[] {
  if (record.storePage && shopifysOwnPage(record)) return [];
  const what = entity === 'pages' ? 'page' : 'post';
  const urls = new Set(bodyReferences(record.bodyHtml).images.flatMap((src) => oldSiteImage(src, sourceUrl) ?? []));
  const action = `The ${what} moves with the image’s old address, which stops working when the old site goes; upload the picture in Shopify and put it in by hand.`;
  return [...urls].map((url) => ({ entity, sourceId: record.sourceId, title: record.title, url, action }));
}

async function imageFindings(uses: ImageUse[], checkImage: ImageCheck): Promise<Finding[]> {
  const found: Finding[] = [];
  const CONCURRENCY = 8;
  for (let start = 0; start < uses.length; start += CONCURRENCY) {
    const slice = uses.slice(start, start + CONCURRENCY);
    const answers = await Promise.all(slice.map((use) => checkImage(use.url)));
    answers.forEach((answer, index) => {
      const use = slice[index];
      if (answer === true || !use) return;
      found.push({
        entity: use.entity,
        sourceId: use.sourceId,
        code: 'image-unreachable',
        subject: use.url,
        message: `“${use.title}”: the image ${use.url} cannot be fetched (${answer}).`,
        action: use.action,
      });
    });
  }
  return found;
}

/**
 * Analyzes the batch of staged records after `afterId`: its findings, and the id to continue from
 * (null when this was the last batch). Saving is the caller's, with the job for the next batch.
 */
export async function analyzeBatch(
  migrationId: string,
  afterId: bigint | null,
  checkImage: ImageCheck = fetchImageCheck,
): Promise<{ findings: Finding[]; next: bigint | null }> {
  const rows = await db().sourceRecord.findMany({
    where: { migrationId, ...(afterId === null ? {} : { id: { gt: afterId } }) },
    orderBy: { id: 'asc' },
    take: ANALYZE_BATCH,
  });
  const findings: Finding[] = [];
  const products: ProductRecord[] = [];
  const images: ImageUse[] = [];
  const {
    options: stored,
    sourceUrl,
    sourcePlatform,
  } = await db().migration.findUniqueOrThrow({
    where: { id: migrationId },
    select: { options: true, sourceUrl: true, sourcePlatform: true },
  });
  const options = migrationOptions(stored);
  const rule = options.longText;
  for (const row of rows) {
    if (row.status === 'invalid') {
      findings.push({
        entity: row.entity,
        sourceId: row.sourceId,
        code: 'unreadable-record',
        message: row.reason ?? 'the record could not be read',
        action: 'Not migrated; listed in the report with its data.',
      });
    } else if (row.entity === 'products') {
      const product = stagedRecord('products', row);
      products.push(product);
      const action = 'The product moves without this image; it is listed in the report.';
      images.push(
        ...product.images.map((image) => ({
          entity: 'products',
          sourceId: product.sourceId,
          title: product.title,
          url: image.url,
          action,
        })),
      );
    } else if (row.entity === 'discounts') {
      const discount = stagedRecord('discounts', row);
      findings.push(
        ...foreseenNotKept(discount, { broaderCoupons: options.broaderCoupons }).map((item) => ({
          entity: 'discounts',
          sourceId: discount.sourceId,
          code: item.code,
          subject: discount.code,
          message: item.message,
          action: DISCOUNT_ACTIONS[item.code],
        })),
      );
    } else if (row.entity === 'orders') {
      const order = stagedRecord('orders', row);
      if (Date.parse(order.processedAt) > Date.now()) findings.push(futureOrderFinding(order));
      findings.push(...orderAddressFindings(order));
    } else if (row.entity === 'reviews') {
      const review = stagedRecord('reviews', row);
      if (review.published === false) findings.push(heldReviewFinding(review));
    } else if (row.entity === 'pages') {
      const page = stagedRecord('pages', row);
      if (page.access === 'password') findings.push(protectedFinding('pages', page));
      const storePage = storePageFinding(page, sourcePlatform, options.policies === 'policies');
      if (storePage) findings.push(storePage);
      if (sourceUrl) images.push(...bodyImageUses('pages', page, sourceUrl));
    } else if (row.entity === 'blogPosts') {
      const post = stagedRecord('blogPosts', row);
      if (post.access === 'password') findings.push(protectedFinding('blogPosts', post));
      if (sourceUrl) images.push(...bodyImageUses('blogPosts', post, sourceUrl));
      if (post.image)
        images.push({
          entity: 'blogPosts',
          sourceId: post.sourceId,
          title: post.title,
          url: post.image.url,
          action: 'The post moves without its featured image; add it in Shopify by hand.',
        });
    }
  }
  findings.push(
    ...products.flatMap(productFindings),
    ...productLongTextFindings(products, rule),
    ...(await customerLongTextFindings(
      migrationId,
      rows.filter((row) => row.entity === 'customers' && row.status !== 'invalid'),
      rule,
    )),
    ...(await customerAddressFindings(
      migrationId,
      rows.filter((row) => row.entity === 'customers' && row.status !== 'invalid'),
    )),
    ...(await imageFindings(images, checkImage)),
  );
  return { findings, next: rows.length === ANALYZE_BATCH ? (rows.at(-1)?.id ?? null) : null };
}

/**
 * An order dated in the future moves dated when it is written: "As of API version 2026-07, values in
 * the future are clamped to the current time" (OrderCreateOrderInput.processedAt). The order loader
 * replaces this with what Shopify recorded.
 */
function futureOrderFinding(order: CanonicalRecord<'orders'>): Finding {
  return {
    entity: 'orders',
    sourceId: order.sourceId,
    code: 'order-future-date',
    subject: order.number,
    message: `The old store dates order ${order.number} ${order.processedAt}, in the future.`,
    action:
      'Shopify takes no order dated in the future: it is recorded as processed when it is written. Check the date on the old store (a clock or time zone setting).',
  };
}

/** A review awaiting moderation at the source is read and kept back, never put on its product unapproved (decision 0027). */
function heldReviewFinding(review: CanonicalRecord<'reviews'>): Finding {
  return {
    entity: 'reviews',
    sourceId: review.sourceId,
    code: 'review-awaiting-moderation',
    subject: `${review.author}, ${review.rating} stars`,
    message: `The review by ${review.author} is awaiting moderation on the old store: Shopify shows a product’s reviews to every shopper, so it is not put on its product.`,
    action:
      'It is kept in the report with its text. Approve it on the old store and re-sync to move it, or leave it out.',
  };
}

/** A page or post with a password moves hidden: Shopify pages and articles cannot have one. */
function protectedFinding(entity: 'pages' | 'blogPosts', record: { sourceId: string; title: string }): Finding {
  const kind = entity === 'pages' ? 'page' : 'post';
  return {
    entity,
    sourceId: record.sourceId,
    code: 'password-protected',
    subject: record.title,
    message: `The ${kind} “${record.title}” is password-protected in WordPress, and Shopify ${kind === 'page' ? 'pages' : 'articles'} cannot have a password: it moves hidden.`,
    action: `Publish it in Shopify if everyone may read it, or keep it hidden (a customer-only page needs an app or a theme change).`,
  };
}

/** What the source platform's connector cannot read of the chosen entities (with the credentials given), said once each. */
async function sourceLimitFindings(migrationId: string): Promise<Finding[]> {
  const migration = await db().migration.findUniqueOrThrow({
    where: { id: migrationId },
    select: { shop: true, sourcePlatform: true, entities: true, sourceCredentials: true },
  });
  const credentials = migration.sourceCredentials
    ? decryptCredentials(migration.shop, migration.sourceCredentials)
    : null;
  return Object.entries(platformLimits(migration.sourcePlatform, credentials))
    .filter(([entity]) => migration.entities.includes(entity))
    .map(([entity, limit]) => ({
      entity,
      sourceId: null,
      code: 'source-limit',
      message: limit ?? '',
      action: 'Publish in the source what should move and run the migration again, or copy the rest by hand.',
    }));
}

/** Checks across the whole catalog: SKUs and handles that several products share; what the source could not give; orders in another currency. */
export async function catalogFindings(migrationId: string): Promise<Finding[]> {
  const duplicateSkus = await db().$queryRaw<{ sku: string; products: string[]; titles: string[] }[]>`
    SELECT v->>'sku' AS sku, array_agg(DISTINCT r."sourceId") AS products, array_agg(DISTINCT r.data->>'title') AS titles
    FROM "SourceRecord" r, jsonb_array_elements(r.data->'variants') v
    WHERE r."migrationId" = ${migrationId} AND r.entity = 'products' AND r.status <> 'invalid' AND coalesce(v->>'sku', '') <> ''
    GROUP BY 1 HAVING count(*) > 1 ORDER BY 1`;
  const duplicateHandles = await db().$queryRaw<{ handle: string; products: string[] }[]>`
    SELECT r.data->>'handle' AS handle, array_agg(r."sourceId" ORDER BY r.id) AS products
    FROM "SourceRecord" r
    WHERE r."migrationId" = ${migrationId} AND r.entity = 'products' AND r.status <> 'invalid'
    GROUP BY 1 HAVING count(*) > 1 ORDER BY 1`;
  return [
    ...duplicateSkus.flatMap((row) =>
      row.products.map((sourceId) => ({
        entity: 'products',
        sourceId,
        code: 'duplicate-sku',
        subject: row.sku,
        message: `SKU “${row.sku}” is used by ${row.products.length > 1 ? `${row.products.length} products` : 'several variants of one product'} (${row.titles.slice(0, 3).join(', ')}).`,
        action:
          'Moved as it is: Shopify allows a SKU twice, but stock and fulfilment apps may not. Consider fixing it in the source.',
      })),
    ),
    ...duplicateHandles.flatMap((row) =>
      row.products.slice(1).map((sourceId) => ({
        entity: 'products',
        sourceId,
        code: 'duplicate-handle',
        subject: row.handle,
        message: `The URL slug “${row.handle}” belongs to ${row.products.length} products.`,
        action:
          'The first keeps it; Shopify makes a handle for each later one from its title (adding “-1”, “-2”…, or counting on from a number it ends in, when that is taken too); their old URLs redirect to the new ones.',
      })),
    ),
    ...(await sourceLimitFindings(migrationId)),
    ...currencyFindings(await orderCurrencies(migrationId)),
  ];
}

export async function saveFindings(
  tx: Prisma.TransactionClient,
  shop: string,
  migrationId: string,
  findings: Finding[],
): Promise<void> {
  if (findings.length === 0) return;
  const data: Prisma.MigrationProblemCreateManyInput[] = findings.map((finding) => ({ shop, migrationId, ...finding }));
  await tx.migrationProblem.createMany({ data });
}

export interface ProblemGroup {
  code: string;
  action: string;
  records: number;
  examples: string[];
}

/** The analysis as the merchant reads it: one line per kind of problem, most frequent first. */
export async function problemSummary(migrationId: string): Promise<ProblemGroup[]> {
  const groups = await db().$queryRaw<{ code: string; action: string; records: bigint; examples: string[] }[]>`
    SELECT code, min(action) AS action, count(*) AS records, (array_agg(DISTINCT message))[1:3] AS examples
    FROM "MigrationProblem" WHERE "migrationId" = ${migrationId}
    GROUP BY code ORDER BY count(*) DESC, code`;
  return groups.map((group) => ({ ...group, records: Number(group.records) }));
}
