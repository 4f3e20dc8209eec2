// Undo, asked for by the merchant, as a chain of jobs like writing: one batch of one entity's id map entries per job, deleted
// from Shopify through the shop's Admin client (its budget paces the requests), the report and the
// job for the next batch (or entity) committed together. Only entries a migration of the chain
// created are deleted (IdMapEntry.createdBy); what the merchant had before stays, and when a
// migration wrote into it ("Update them") it is put back as it was kept (record-before.server.ts).
import { db } from '../../db/db.server.ts';
import {
  type Tx,
  MigrationStateError,
  UNDER_WAY,
  ownedMigration,
  resyncChain,
  statusesBefore,
  transition,
} from '../lifecycle.server.ts';
import { AdminApiError } from '../../shopify-admin/client.server.ts';
import { notifyProgress } from '../staging/progress.server.ts';
import { queueUndo } from '../queue.server.ts';
import { writerFor, inParallel } from '../../shopify-admin/writer.server.ts';
import { putBack } from '../staging/record-before.server.ts';
import { stagedRecord } from '../staging/records.server.ts';
import { deleteObject } from '../../shopify-admin/deleters.server.ts';

export const UNDO_BATCH = 50;

/**
 * What points at what goes first: redirects and reviews point at products, discounts and orders
 * at products and customers, blog posts at the blog Shipyard made for them, products at
 * collections; the customers Shopify made for guest orders can go once those orders have.
 * Entities not listed (a loader added later) come after these, by name.
 */
export const UNDO_ORDER = [
  'redirects',
  'reviews',
  'discounts',
  'blogPosts',
  'blogs',
  'pages',
  'orders',
  'guestCustomers',
  'customers',
  'products',
  'collections',
];

export interface UndoProblem {
  entity: string;
  sourceId: string;
  shopifyGid: string;
  reason: string;
}

export interface UndoCounts {
  deleted: number;
  alreadyGone: number;
  failed: number;
  restored?: number;
}

export interface UndoReport {
  status: 'running' | 'done' | 'stopped';
  startedAt: string;
  finishedAt: string | null;
  /**
   * Per entity: deleted now, already gone from Shopify, could not be deleted (or put back), and
   * (when there were any) the store's own records put back as they were before the migration.
   */
  entities: Record<string, UndoCounts>;
  /** The first of those that could not be deleted, with Shopify's reason. */
  problems: UndoProblem[];
  error: string | null;
}

const MAX_PROBLEMS = 500;

export function newUndoReport(): UndoReport {
  return {
    status: 'running',
    startedAt: new Date().toISOString(),
    finishedAt: null,
    entities: {},
    problems: [],
    error: null,
  };
}

const rank = (entity: string) => {
  const index = UNDO_ORDER.indexOf(entity);
  return index === -1 ? UNDO_ORDER.length : index;
};
const byUndoOrder = (a: string, b: string) => rank(a) - rank(b) || a.localeCompare(b);

/** Records of the store the chain wrote into, still to be put back (not those an undo of this run could not). */
const toPutBack = (shop: string, chain: string[], entity?: string) => ({
  shop,
  migrationId: { in: chain },
  restoreFailedAt: null,
  ...(entity ? { entity } : {}),
});

/** The next entity, after `after` in undo order, that still has objects the chain created or records to put back. */
export async function nextUndoEntity(shop: string, chain: string[], after: string | null): Promise<string | null> {
  const [created, written] = await Promise.all([
    db().idMapEntry.groupBy({ by: ['entity'], where: { shop, createdBy: { in: chain } } }),
    db().recordBefore.groupBy({ by: ['entity'], where: toPutBack(shop, chain) }),
  ]);
  const remaining = [...new Set([...created, ...written].map((group) => group.entity))].sort(byUndoOrder);
  return remaining.find((entity) => after === null || byUndoOrder(entity, after) > 0) ?? null;
}

/**
 * Deletes from Shopify what the migration and its re-syncs created, in reverse dependency order,
 * one batch per job (undoStep below); objects Shipyard found in the store and wrote
 * into stay, put back as they were. Allowed once nothing of the chain is running; again after a
 * partial undo.
 */
export async function undoMigration(shop: string, id: string) {
  const migration = await ownedMigration(shop, id);
  if (!['completed', 'failed', 'cancelled', 'undone'].includes(migration.status)) {
    throw new MigrationStateError(
      `The migration is ${migration.status}; ${migration.status === 'draft' ? 'nothing was written yet' : 'cancel it before undoing it'}.`,
    );
  }
  const chain = await resyncChain(shop, id);
  const busy = await db().migration.count({ where: { shop, id: { in: chain }, status: { in: UNDER_WAY } } });
  if (busy > 0) throw new MigrationStateError('A re-sync of this migration is under way; cancel it before undoing.');
  // What an earlier undo could not put back is tried again.
  await db().recordBefore.updateMany({ where: { shop, migrationId: { in: chain } }, data: { restoreFailedAt: null } });
  const first = await nextUndoEntity(shop, chain, null);
  return db().$transaction(async (tx) => {
    await tx.migration.updateMany({
      where: { shop, id: { in: chain } },
      data: { resyncEvery: null, nextResyncAt: null },
    });
    const report = newUndoReport();
    if (!first) {
      return transition(tx, migration, 'undone', {
        phase: 'done',
        error: null,
        finishedAt: new Date(),
        undo: { ...report, status: 'done', finishedAt: new Date().toISOString() } as object,
      });
    }
    const undoing = await transition(tx, migration, 'undoing', {
      phase: 'undoing',
      error: null,
      undo: report as object,
    });
    await queueUndo(tx, id, first, null);
    return undoing;
  });
}

export type UndoOutcome = 'next-batch' | 'next-entity' | 'done' | 'not-running' | 'stopped';

export async function undoStep(
  migrationId: string,
  entity: string,
  afterId: bigint | null,
  connect: typeof writerFor = writerFor,
): Promise<UndoOutcome> {
  const migration = await db().migration.findUnique({ where: { id: migrationId } });
  if (!migration || migration.status !== 'undoing') return 'not-running';
  const { shop } = migration;
  const chain = await resyncChain(shop, migrationId);
  const entries = await db().idMapEntry.findMany({
    where: { shop, createdBy: { in: chain }, entity, ...(afterId === null ? {} : { id: { gt: afterId } }) },
    orderBy: { id: 'asc' },
    take: UNDO_BATCH,
  });

  const counts = { deleted: 0, alreadyGone: 0, failed: 0, restored: 0 };
  const problems: UndoProblem[] = [];
  // Once the entity's deletions are done, the store's own records a migration wrote into, a batch at a time.
  const restoring =
    entries.length < UNDO_BATCH
      ? await db().recordBefore.findMany({
          where: toPutBack(shop, chain, entity),
          orderBy: { id: 'asc' },
          take: UNDO_BATCH,
        })
      : [];
  try {
    const writer = await connect(shop, migration.sourcePlatform);
    const seen = new Set<string>();
    await inParallel(entries, writer.concurrency, async (entry) => {
      if (seen.has(entry.shopifyGid)) return;
      seen.add(entry.shopifyGid);
      const result = await deleteObject(writer.client, entry.shopifyGid);
      if (result.outcome === 'failed') {
        counts.failed++;
        problems.push({ entity, sourceId: entry.sourceId, shopifyGid: entry.shopifyGid, reason: result.reason });
        return;
      }
      counts[result.outcome === 'deleted' ? 'deleted' : 'alreadyGone']++;
      // Every link to the object goes with it (merged customers share one), so a later migration creates it afresh.
      await db().idMapEntry.deleteMany({ where: { shop, shopifyGid: entry.shopifyGid } });
      if (entity === 'products') await forgetVariants(shop, entry.platform, chain, entry.sourceId);
    });
    await inParallel(restoring, writer.concurrency, async (row) => {
      const result = await putBack(writer.client, row);
      if (result.outcome === 'failed') {
        counts.failed++;
        const link = await db().idMapEntry.findFirst({
          where: { shop, shopifyGid: row.shopifyGid },
          select: { sourceId: true },
        });
        problems.push({
          entity,
          sourceId: link?.sourceId ?? '',
          shopifyGid: row.shopifyGid,
          reason: `Not put back as it was before the migration: ${result.reason}`,
        });
        // Kept for the next undo to try again; this one goes on without it.
        await db().recordBefore.update({
          where: { id: row.id },
          data: { restoreFailedAt: new Date(), restoreError: result.reason },
        });
        return;
      }
      counts[result.outcome === 'restored' ? 'restored' : 'alreadyGone']++;
      // As before the migration: no link, so a later migration finds the customer (and keeps it) afresh.
      await db().$transaction([
        db().idMapEntry.deleteMany({ where: { shop, shopifyGid: row.shopifyGid } }),
        db().recordBefore.delete({ where: { id: row.id } }),
      ]);
    });
  } catch (error) {
    if (!(error instanceof AdminApiError && ['unauthorized', 'graphql', 'max-cost'].includes(error.kind))) throw error;
    await finish(migrationId, counts, problems, entity, {
      stopped: `Deleting ${entity} from Shopify stopped: ${error.message}`,
    });
    return 'stopped';
  }

  const last = entries.at(-1);
  if ((entries.length === UNDO_BATCH && last) || restoring.length === UNDO_BATCH) {
    // The deletions' cursor stays past what was tried, so a record Shopify would not delete is not tried again.
    const cursor = last?.id ?? afterId;
    await record(migrationId, entity, counts, problems, (tx) => queueUndo(tx, migrationId, entity, cursor));
    return 'next-batch';
  }
  const following = await nextUndoEntity(shop, chain, entity);
  if (following) {
    await record(migrationId, entity, counts, problems, (tx) => queueUndo(tx, migrationId, following, null));
    return 'next-entity';
  }
  await finish(migrationId, counts, problems, entity, {});
  return 'done';
}

/** A product's variants go with it; their links (which orders use) must not outlive it. */
async function forgetVariants(shop: string, platform: string, chain: string[], productSourceId: string) {
  const records = await db().sourceRecord.findMany({
    where: { shop, migrationId: { in: chain }, entity: 'products', sourceId: productSourceId },
    select: { data: true },
  });
  const variantIds = records.flatMap((record) =>
    (stagedRecord('products', record).variants ?? []).map((variant) => variant.sourceId),
  );
  if (variantIds.length > 0)
    await db().idMapEntry.deleteMany({ where: { shop, platform, entity: 'variants', sourceId: { in: variantIds } } });
}

/** Adds a batch's counts and problems to the report, with whatever must be committed beside them. */
async function record(
  migrationId: string,
  entity: string,
  counts: Required<UndoCounts>,
  problems: UndoProblem[],
  then: (tx: Tx) => Promise<unknown>,
  finished?: { stopped?: string },
) {
  await db().$transaction(async (tx) => {
    // One batch at a time per migration (its write queue), but the lock keeps the report whole regardless.
    await tx.$executeRaw`SELECT 1 FROM "Migration" WHERE id = ${migrationId} FOR UPDATE`;
    const { undo } = await tx.migration.findUniqueOrThrow({ where: { id: migrationId }, select: { undo: true } });
    const report = (undo ?? newUndoReport()) as unknown as UndoReport;
    const before = report.entities[entity] ?? { deleted: 0, alreadyGone: 0, failed: 0 };
    const restored = (before.restored ?? 0) + counts.restored;
    report.entities[entity] = {
      deleted: before.deleted + counts.deleted,
      alreadyGone: before.alreadyGone + counts.alreadyGone,
      failed: before.failed + counts.failed,
      ...(restored > 0 ? { restored } : {}),
    };
    report.problems = [...report.problems, ...problems].slice(0, MAX_PROBLEMS);
    if (finished) {
      report.status = finished.stopped ? 'stopped' : 'done';
      report.finishedAt = new Date().toISOString();
      report.error = finished.stopped ?? null;
    }
    const migration = await tx.migration.findUniqueOrThrow({
      where: { id: migrationId },
      select: { id: true, status: true },
    });
    if (finished)
      await transition(tx, migration, finished.stopped ? 'failed' : 'undone', {
        undo: report as object,
        phase: 'done',
        error: finished.stopped ?? null,
        finishedAt: new Date(),
      });
    else await tx.migration.update({ where: { id: migrationId }, data: { undo: report as object } });
    // The re-syncs the undo covered are undone with it: re-syncing one would bring it all back.
    if (finished && !finished.stopped) {
      const { shop } = await tx.migration.findUniqueOrThrow({ where: { id: migrationId }, select: { shop: true } });
      const later = (await resyncChain(shop, migrationId)).filter((id) => id !== migrationId);
      await tx.migration.updateMany({
        where: { shop, id: { in: later }, status: { in: statusesBefore('undone') } },
        data: { status: 'undone', resyncEvery: null, nextResyncAt: null },
      });
    }
    await notifyProgress(tx, migrationId);
    await then(tx);
  });
}

function finish(
  migrationId: string,
  counts: Required<UndoCounts>,
  problems: UndoProblem[],
  entity: string,
  how: { stopped?: string },
) {
  return record(migrationId, entity, counts, problems, async () => undefined, how);
}
