// The dry run: every staged record through the transform the write would use, its variables checked
// against the pinned Admin schema (the mutation's own variable definitions) and the limits Shopify
// documents, and nothing sent to Shopify. A chain of jobs, one batch each, like the analysis; the
// records Shopify would refuse are kept with the reason, the others counted.
import type { AllowedCustomer, CustomerRecord, DiscountRecord, ReviewRecord } from '../../../connectors/model.ts';
import { db } from '../../db/db.server.ts';
import { shopCurrency } from '../../shopify-app/shop-details.server.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import {
  type CheckContext,
  type ProductFate,
  checkRecord,
  checkRedirect,
  placeholder,
} from '../analysis/dry-run-checks.server.ts';
import { movedCatalog } from '../entities/discounts/coupon-catalog.server.ts';
import { MigrationNotFound, MigrationStateError } from '../lifecycle.server.ts';
import { idMapFor } from '../staging/id-map.server.ts';
import { notifyProgress } from '../staging/progress.server.ts';
import { queueDryRun } from '../queue.server.ts';
import { addressLike, allowedAddressKey } from '../entities/discounts/input.server.ts';
import { type CouponCatalog, NO_CATALOG, hasExclusions } from '../entities/discounts/scope.server.ts';
import { REDIRECTED_ENTITIES } from '../entities/redirects/input.server.ts';
import { type StagedCustomer, customerGroups, groupOf } from '../entities/customers/groups.server.ts';
import { migrationOptions } from '../options.server.ts';
import { stagedRecord } from '../staging/records.server.ts';

export { limitRefusals } from '../analysis/dry-run-checks.server.ts';

export const DRY_RUN_BATCH = 250;
/** What the dry run checks: every entity Shipyard writes from a staged record (redirects come from those records' old URLs). */
export const DRY_RUN_ENTITIES = [
  'collections',
  'products',
  'customers',
  'orders',
  'pages',
  'blogPosts',
  'discounts',
  'reviews',
];

interface Row {
  entity: string;
  sourceId: string;
  data: unknown;
}

const sourceIdsOf = (rows: Row[], entity: string, pick: (data: never) => string[]) => [
  ...new Set(rows.filter((row) => row.entity === entity).flatMap((row) => pick(row.data as never))),
];

/** Which of these source ids would be in Shopify: staged (and valid) in this migration, or linked by an earlier one. */
async function inShopify(
  migration: { id: string; shop: string; sourcePlatform: string },
  entity: string,
  sourceIds: string[],
) {
  if (sourceIds.length === 0) return { found: new Set<string>(), invalid: new Map<string, string | null>() };
  const [staged, linked] = await Promise.all([
    db().sourceRecord.findMany({
      where: { migrationId: migration.id, entity, sourceId: { in: sourceIds } },
      select: { sourceId: true, status: true, reason: true },
    }),
    idMapFor(migration.shop, migration.sourcePlatform, entity, sourceIds),
  ]);
  const found = new Set([
    ...linked.keys(),
    ...staged.filter((row) => row.status !== 'invalid').map((row) => row.sourceId),
  ]);
  const invalid = new Map(
    staged
      .filter((row) => row.status === 'invalid' && !found.has(row.sourceId))
      .map((row) => [row.sourceId, row.reason]),
  );
  return { found, invalid };
}

/** The first record of the migration with each of these codes, whatever their case: Shopify keeps one code per store. */
async function firstWithCodes(migrationId: string, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db().$queryRaw<{ code: string; sourceId: string }[]>`
    SELECT DISTINCT ON (lower(trim(data->>'code'))) lower(trim(data->>'code')) AS code, "sourceId"
    FROM "SourceRecord"
    WHERE "migrationId" = ${migrationId} AND entity = 'discounts' AND status <> 'invalid' AND lower(trim(data->>'code')) = ANY(${codes})
    ORDER BY lower(trim(data->>'code')), id`;
  return new Map(rows.map((row) => [row.code, row.sourceId]));
}

/**
 * Which of these allowed addresses (or patterns) a customer in Shopify would have: one this migration
 * moves, or one an earlier migration of the shop wrote. The store's own customers only the write can see.
 */
async function addressesWithCustomers(
  migrationId: string,
  shop: string,
  allowed: AllowedCustomer[],
): Promise<Set<string>> {
  if (allowed.length === 0) return new Set();
  // One query for the batch, not one per address.
  const found = await db().$queryRaw<{ address: string }[]>`
    SELECT a.address FROM unnest(${allowed.map(allowedAddressKey)}::text[], ${allowed.map(addressLike)}::text[]) AS a(address, pattern)
    WHERE EXISTS (
      SELECT 1 FROM "SourceRecord"
      WHERE shop = ${shop} AND entity = 'customers' AND lower(email) LIKE a.pattern
        AND (("migrationId" = ${migrationId} AND status <> 'invalid') OR status IN ('written', 'unchanged')))`;
  return new Set(found.map((row) => row.address));
}

/** The customers merged into each of these that leads its group (same email or phone), as the write merges them. */
async function mergedCustomers(migrationId: string, rows: StagedCustomer[]): Promise<Map<string, CustomerRecord[]>> {
  if (rows.length === 0) return new Map();
  const groups = await customerGroups(migrationId, rows);
  return new Map(
    rows.flatMap((row) => {
      const { leader, group } = groupOf(row, groups);
      const others = group.filter((member) => member.id !== row.id);
      return leader.id === row.id && others.length > 0
        ? [[row.sourceId, others.map((member) => stagedRecord('customers', member))] as const]
        : [];
    }),
  );
}

/**
 * The products a coupon's exclusions would leave: those earlier migrations moved and those this one
 * would move (placeholder ids), with the category tree as staged.
 */
async function couponCatalog(
  migration: { id: string; shop: string; sourcePlatform: string; entities: string[] },
  collections: { sourceId: string; data: unknown }[],
): Promise<CouponCatalog> {
  const moved = await movedCatalog(migration.shop, migration.sourcePlatform);
  const staged = migration.entities.includes('products')
    ? await db().sourceRecord.findMany({
        where: { migrationId: migration.id, entity: 'products', status: { not: 'invalid' } },
        select: { sourceId: true, data: true },
      })
    : [];
  for (const row of staged) {
    const product = stagedRecord('products', row);
    moved.products.set(row.sourceId, {
      gid: moved.products.get(row.sourceId)?.gid ?? placeholder('Product', row.sourceId),
      categorySourceIds: product.collectionSourceIds,
      variantSourceIds: product.variants.map((variant) => variant.sourceId),
    });
  }
  for (const row of collections)
    moved.categoryParents.set(row.sourceId, stagedRecord('collections', row).parentSourceId ?? null);
  return moved;
}

async function dryRunContext(
  migration: { id: string; shop: string; sourcePlatform: string; entities: string[]; options: unknown },
  rows: (Row & StagedCustomer)[],
): Promise<CheckContext> {
  const migrationId = migration.id;
  const reviewProducts = sourceIdsOf(rows, 'reviews', (review: ReviewRecord) => [review.productSourceId]);
  const couponProducts = sourceIdsOf(rows, 'discounts', (discount: DiscountRecord) => discount.productSourceIds);
  const couponCollections = sourceIdsOf(rows, 'discounts', (discount: DiscountRecord) => discount.collectionSourceIds);
  const codes = sourceIdsOf(rows, 'discounts', (discount: DiscountRecord) => [discount.code.trim().toLowerCase()]);
  const allowedCustomers = [
    ...new Map(
      rows
        .filter((row) => row.entity === 'discounts')
        .flatMap((row) => stagedRecord('discounts', row).allowedCustomers)
        .map((allowed) => [allowedAddressKey(allowed), allowed]),
    ).values(),
  ];
  const [
    collections,
    unreachable,
    sharedHandles,
    products,
    couponCollectionsFound,
    firstWithCode,
    withCustomers,
    currency,
    mergedWith,
  ] = await Promise.all([
    db().sourceRecord.findMany({
      where: { migrationId, entity: 'collections', status: { not: 'invalid' } },
      select: { sourceId: true, data: true },
    }),
    db().migrationProblem.findMany({ where: { migrationId, code: 'image-unreachable' }, select: { subject: true } }),
    db().migrationProblem.findMany({ where: { migrationId, code: 'duplicate-handle' }, select: { sourceId: true } }),
    inShopify(migration, 'products', [...new Set([...reviewProducts, ...couponProducts])]),
    inShopify(migration, 'collections', couponCollections),
    firstWithCodes(migrationId, codes),
    addressesWithCustomers(migrationId, migration.shop, allowedCustomers),
    shopCurrency(migration.shop),
    mergedCustomers(
      migrationId,
      rows.filter((row) => row.entity === 'customers'),
    ),
  ]);
  const productsLeftOut = new Map<string, ProductFate>();
  for (const sourceId of reviewProducts) {
    if (products.found.has(sourceId)) continue;
    productsLeftOut.set(
      sourceId,
      products.invalid.has(sourceId)
        ? { status: 'invalid', reason: products.invalid.get(sourceId) ?? null }
        : { status: 'not-in-migration' },
    );
  }
  const options = migrationOptions(migration.options);
  return {
    platform: migration.sourcePlatform,
    orderOptions: options,
    shopCurrency: currency,
    collectionParents: new Map(
      collections.map((row) => [row.sourceId, stagedRecord('collections', row).parentSourceId ?? null]),
    ),
    collectionTitles: new Map(collections.map((row) => [row.sourceId, stagedRecord('collections', row).title])),
    unreachableImages: new Set(unreachable.flatMap((problem) => (problem.subject ? [problem.subject] : []))),
    handlesLeftToShopify: new Set(sharedHandles.flatMap((problem) => (problem.sourceId ? [problem.sourceId] : []))),
    productsChosen: migration.entities.includes('products'),
    productsInShopify: products.found,
    collectionsInShopify: couponCollectionsFound.found,
    productsLeftOut,
    firstWithCode,
    addressesWithCustomers: withCustomers,
    longText: options.longText,
    couponCatalog: rows.some((row) => row.entity === 'discounts' && hasExclusions(stagedRecord('discounts', row)))
      ? await couponCatalog(migration, collections)
      : NO_CATALOG,
    broaderCoupons: options.broaderCoupons,
    mergedWith,
  };
}

/** Records the dry run checks in all: the staged records, and the redirects their old URLs become when redirects are on. */
async function dryRunTotal(shop: string, migrationId: string): Promise<number> {
  const [migration, records] = await Promise.all([
    db().migration.findFirst({ where: { id: migrationId, shop }, select: { entities: true } }),
    db().sourceRecord.count({
      where: { migrationId, shop, entity: { in: DRY_RUN_ENTITIES }, status: { not: 'invalid' } },
    }),
  ]);
  if (!migration?.entities.includes('redirects')) return records;
  const [{ count }] = await db().$queryRaw<[{ count: bigint }]>`
    SELECT count(*) FROM "SourceRecord"
    WHERE "migrationId" = ${migrationId} AND shop = ${shop} AND entity IN (${Prisma.join(REDIRECTED_ENTITIES)}) AND status <> 'invalid'
      AND coalesce(trim(data->>'sourcePath'), '') <> ''`;
  return records + Number(count);
}

/** Starts (or starts again) the dry run of a migration ready for review; its first job is queued with it. */
export async function startDryRun(shop: string, migrationId: string) {
  const migration = await db().migration.findFirst({ where: { id: migrationId, shop } });
  if (!migration) throw new MigrationNotFound(migrationId);
  if (migration.status !== 'ready')
    throw new MigrationStateError(
      `The migration is ${migration.status}; a dry run checks a migration waiting for your review.`,
    );
  return db().$transaction(async (tx) => {
    await tx.dryRunRefusal.deleteMany({ where: { migrationId } });
    const run = await tx.dryRun.upsert({
      where: { migrationId },
      create: { migrationId, shop },
      update: { status: 'running', checked: 0, passed: 0, refused: 0, cut: 0, startedAt: new Date(), finishedAt: null },
    });
    await queueDryRun(tx, migrationId);
    await notifyProgress(tx, migrationId);
    return run;
  });
}

/** One batch of the dry run: its records checked, the refusals and counts saved with the job for the next batch. */
export async function dryRunStep(
  migrationId: string,
  afterId: bigint | null,
): Promise<'next-batch' | 'done' | 'not-running'> {
  const [migration, run] = await Promise.all([
    db().migration.findUnique({ where: { id: migrationId } }),
    db().dryRun.findUnique({ where: { migrationId } }),
  ]);
  if (!migration || !run || run.status !== 'running') return 'not-running';
  const rows = await db().sourceRecord.findMany({
    where: {
      migrationId,
      entity: { in: DRY_RUN_ENTITIES },
      status: { not: 'invalid' },
      ...(afterId === null ? {} : { id: { gt: afterId } }),
    },
    orderBy: { id: 'asc' },
    take: DRY_RUN_BATCH,
  });
  const context = await dryRunContext(migration, rows);
  const redirectsOn = migration.entities.includes('redirects');
  const checks = rows.flatMap((row) => {
    const own = { entity: row.entity, sourceId: row.sourceId, ...checkRecord(row.entity, row.data, context) };
    // The redirect its old URL becomes is checked as a record of its own, named as the write names it.
    const redirect =
      redirectsOn && (REDIRECTED_ENTITIES as string[]).includes(row.entity)
        ? checkRedirect(row.data as { sourcePath?: string | null })
        : null;
    return redirect ? [own, { entity: 'redirects', sourceId: `${row.entity}:${row.sourceId}`, ...redirect }] : [own];
  });
  // A record Shopify would refuse is listed with why; one that moves with text cut, with what is cut.
  const refusals = checks.flatMap(({ entity, sourceId, name, reasons, cuts }) =>
    reasons.length > 0
      ? [
          {
            shop: migration.shop,
            migrationId,
            entity,
            sourceId,
            name,
            reason: [...new Set(reasons)].join(' '),
            kind: 'refused',
          },
        ]
      : cuts?.length
        ? [{ shop: migration.shop, migrationId, entity, sourceId, name, reason: cuts.join(' '), kind: 'cut' }]
        : [],
  );
  const refused = refusals.filter((row) => row.kind === 'refused').length;
  const next = rows.length === DRY_RUN_BATCH ? (rows.at(-1)?.id ?? null) : null;

  return db().$transaction(async (tx) => {
    // A dry run started again meanwhile has its own chain; this one's batch no longer counts.
    const current = await tx.dryRun.findUnique({ where: { migrationId } });
    if (!current || current.status !== 'running' || current.startedAt.getTime() !== run.startedAt.getTime())
      return 'not-running';
    await tx.dryRunRefusal.createMany({ data: refusals });
    await tx.dryRun.update({
      where: { migrationId },
      data: {
        checked: { increment: checks.length },
        passed: { increment: checks.length - refused },
        refused: { increment: refused },
        cut: { increment: refusals.length - refused },
        ...(next === null ? { status: 'done', finishedAt: new Date() } : {}),
      },
    });
    await notifyProgress(tx, migrationId);
    if (next === null) return 'done';
    await queueDryRun(tx, migrationId, next);
    return 'next-batch';
  });
}

export interface DryRunRefusalRow {
  id: string;
  entity: string;
  sourceId: string;
  name: string;
  reason: string;
  /** refused: Shopify would refuse it (or it is kept back); cut: it moves with text cut to fit. */
  kind: 'refused' | 'cut';
}

export interface DryRunView {
  status: string;
  checked: number;
  passed: number;
  refused: number;
  /** Of those that pass, the ones that move with text cut to fit Shopify. */
  cut: number;
  /** Records to check in all, for the progress while it runs. */
  total: number;
  startedAt: string;
  finishedAt: string | null;
  refusals: DryRunRefusalRow[];
}

/** The shop's dry run of this migration, with its first refusals; null when none was run. */
export async function dryRunView(shop: string, migrationId: string, limit = 50): Promise<DryRunView | null> {
  const run = await db().dryRun.findFirst({ where: { migrationId, shop } });
  if (!run) return null;
  const [refusals, total] = await Promise.all([
    db().dryRunRefusal.findMany({ where: { migrationId, shop }, orderBy: { id: 'asc' }, take: limit }),
    dryRunTotal(shop, migrationId),
  ]);
  return {
    status: run.status,
    checked: run.checked,
    passed: run.passed,
    refused: run.refused,
    cut: run.cut,
    total,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    refusals: refusals.map((row) => ({
      id: row.id.toString(),
      entity: row.entity,
      sourceId: row.sourceId,
      name: row.name,
      reason: row.reason,
      kind: row.kind === 'cut' ? 'cut' : 'refused',
    })),
  };
}
