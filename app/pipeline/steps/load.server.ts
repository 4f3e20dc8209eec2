// Writing as chains of jobs, started when the merchant approves the plan (or by an unattended
// analysis): one batch of one entity per job; the entity's counts and the job for its next batch
// (or, at its end, the entities that waited for it, or the verification: schedule.server.ts) are
// committed together. Products written or published in bulk go on in steps/bulk-poll.server.ts.
import type { Entity } from '../../../connectors/model.ts';
import { db } from '../../db/db.server.ts';
import { MigrationStateError, ownedMigration, transition } from '../lifecycle.server.ts';
import { notifyProgress } from '../staging/progress.server.ts';
import { AdminApiError } from '../../shopify-admin/client.server.ts';
import { submitProductBulk, usesBulk } from '../entities/products/bulk-write.server.ts';
import {
  customerDataNotice,
  customerDataRefusedWhileWriting,
  holdBackCustomerData,
} from '../analysis/customer-data.server.ts';
import { isCustomerDataEntity } from '../analysis/customer-data-notice.ts';
import {
  publishWhileWriting,
  publishingUnderWay,
  submitPlacementBulk,
} from '../entities/products/bulk-publishing.server.ts';
import { loadCollectionBatch } from '../entities/collections/write.server.ts';
import { loadCustomerBatch } from '../entities/customers/write.server.ts';
import { loadDiscountBatch } from '../entities/discounts/write.server.ts';
import { loadOrderBatch } from '../entities/orders/write.server.ts';
import { loadBlogPostBatch, loadPageBatch } from '../entities/pages/write.server.ts';
import { loadProductBatch } from '../entities/products/write.server.ts';
import { deriveRedirects, loadRedirectBatch } from '../entities/redirects/write.server.ts';
import { loadReviewBatch } from '../entities/reviews/write.server.ts';
import { deriveStorePageRedirects } from '../entities/redirects/store-pages.server.ts';
import type { BatchResult } from '../staging/outcomes.server.ts';
import { recordSample } from '../staging/samples.server.ts';
import { queueBulkPoll, queueLoad } from '../queue.server.ts';
import { advanceWriting, startsFirst } from '../schedule.server.ts';
import { writerFor, type Writer } from '../../shopify-admin/writer.server.ts';
import { ensureSourceReferenceDefinitions } from '../../shopify-admin/metafield-definitions.server.ts';

type Loader = (migrationId: string, afterId: bigint | null, writer: Writer) => Promise<BatchResult>;

const LOADERS: Record<Entity, Loader> = {
  collections: loadCollectionBatch,
  products: loadProductBatch,
  redirects: loadRedirectBatch,
  customers: loadCustomerBatch,
  orders: loadOrderBatch,
  pages: loadPageBatch,
  blogPosts: loadBlogPostBatch,
  discounts: loadDiscountBatch,
  reviews: loadReviewBatch,
};

/** The merchant read the analysis and the plan: write to Shopify. */
export async function approveMigration(shop: string, id: string) {
  const migration = await ownedMigration(shop, id);
  if (migration.status !== 'ready')
    throw new MigrationStateError(`The migration is ${migration.status}; only one ready for review can start writing.`);
  return db().$transaction(async (tx) => {
    const approved = await transition(tx, migration, 'running', { phase: 'loading' });
    await advanceWriting(tx, approved);
    return approved;
  });
}

/** What a load or bulk-poll job did: `entity-done` when its entity is done and others are still under way. */
export type LoadOutcome =
  'next-batch' | 'next-entity' | 'entity-done' | 'verifying' | 'not-running' | 'failed' | 'bulk-running';

export async function loadStep(
  migrationId: string,
  entity: Entity,
  afterId: bigint | null,
  connect: typeof writerFor = writerFor,
): Promise<LoadOutcome> {
  const migration = await db().migration.findUnique({ where: { id: migrationId } });
  if (!migration || migration.status !== 'running' || migration.phase !== 'loading') return 'not-running';

  let next: bigint | null;
  let notBefore: Date | undefined;
  try {
    const writer = await connect(migration.shop, migration.sourcePlatform);
    // Entities that need nothing may start side by side: each makes sure of the definitions ("taken" is fine).
    if (afterId === null && startsFirst(entity, migration.entities))
      await ensureSourceReferenceDefinitions(writer.client);
    if (entity === 'redirects' && afterId === null) {
      // Redirects are not read from the source: how many were derived is their total, so every progress view can say "of N".
      const derived =
        (await deriveRedirects(migrationId, migration.sourcePlatform)) + (await deriveStorePageRedirects(migrationId));
      const total = { extractDone: true, sourceTotal: derived, extracted: derived };
      await db().migrationEntity.upsert({
        where: { migrationId_entity: { migrationId, entity } },
        create: { migrationId, shop: migration.shop, entity, ...total },
        update: total,
      });
    }
    const customerData = isCustomerDataEntity(entity) ? customerDataNotice(migration.plan) : null;
    if (customerData) {
      // Shopify refuses them: kept back all at once, with one reason, instead of refused one by one.
      await holdBackCustomerData(migrationId, entity, customerData);
      next = null;
    } else if (entity === 'products' && (await usesBulk(migrationId))) {
      const submitted = await submitProductBulk(migrationId, afterId, writer);
      if ('batchId' in submitted) {
        await db().$transaction((tx) => queueBulkPoll(tx, migrationId, submitted.batchId));
        return 'bulk-running';
      }
      next = submitted.next;
    } else {
      ({ next, notBefore } = await LOADERS[entity](migrationId, afterId, writer));
      // The products written so far go on their sales channels by a bulk operation while the points
      // write the rest, so few are left to publish at the end (bulk-publishing.server.ts).
      if (entity === 'products' && next !== null) {
        const publishing = await publishWhileWriting(migrationId, next, writer);
        if (publishing) await db().$transaction((tx) => queueBulkPoll(tx, migrationId, publishing));
      }
    }
    // Every product is written, request by request or in bulk: they go on their sales channels by a
    // bulk operation, which spends no request points (bulk-publishing.server.ts). The entities that
    // need products written go on meanwhile. One already publishing goes on with the rest when it ends.
    if (entity === 'products' && next === null) {
      const underWay = await publishingUnderWay(migrationId);
      if (underWay) return scheduleAfter(migration, entity, null, undefined, underWay);
      const placing = await submitPlacementBulk(migrationId, null, writer);
      if ('batchId' in placing) return scheduleAfter(migration, entity, null, undefined, placing.batchId);
    }
  } catch (error) {
    if (error instanceof AdminApiError && error.kind === 'customer-data') {
      // The approval was taken back while writing: said once, and what is left of customers and
      // orders is kept back. Another entity's job is tried again and then knows it (discount codes for customers).
      const notice = await customerDataRefusedWhileWriting(migrationId, error.message);
      if (!isCustomerDataEntity(entity)) throw error;
      await holdBackCustomerData(migrationId, entity, notice);
      return scheduleAfter(migration, entity, null);
    }
    if (await stoppedByShopify(migration, entity, error)) return 'failed';
    throw error;
  }
  return scheduleAfter(migration, entity, next, notBefore);
}

/** The shop revoked the app, or Shopify keeps refusing: stop and say why; the queue would only repeat it. */
export async function stoppedByShopify(
  migration: { id: string; status: string },
  entity: Entity,
  error: unknown,
): Promise<boolean> {
  if (!(
    error instanceof AdminApiError &&
    (error.kind === 'unauthorized' || error.kind === 'graphql' || error.kind === 'max-cost')
  ))
    return false;
  await transition(db(), migration, 'failed', { error: `Writing ${entity} to Shopify stopped: ${error.message}` });
  return true;
}

/**
 * After a batch of `entity`: its counts, and the job for its next batch; at its end, the entities
 * that waited for it or the verification. `publishing`: the bulk operation publishing the products
 * just written, which the verification waits for and the entities after products do not.
 */
export async function scheduleAfter(
  migration: { id: string; shop: string; entities: string[] },
  entity: Entity,
  next: bigint | null,
  notBefore?: Date,
  publishing?: string,
): Promise<LoadOutcome> {
  const migrationId = migration.id;
  const counts = await db().sourceRecord.groupBy({ by: ['status'], where: { migrationId, entity }, _count: true });
  const count = (status: string) => counts.find((row) => row.status === status)?._count ?? 0;
  return db().$transaction(async (tx) => {
    await notifyProgress(tx, migrationId);
    await tx.migrationEntity.upsert({
      where: { migrationId_entity: { migrationId, entity } },
      create: {
        migrationId,
        shop: migration.shop,
        entity,
        extractDone: true,
        written: count('written'),
        unchanged: count('unchanged'),
        failed: count('failed'),
        skipped: count('skipped'),
      },
      update: {
        written: count('written'),
        unchanged: count('unchanged'),
        failed: count('failed'),
        skipped: count('skipped'),
      },
    });
    await recordSample(tx, migration.shop, migrationId);
    if (next !== null) {
      await queueLoad(tx, migrationId, entity, next, notBefore);
      return 'next-batch';
    }
    if (publishing) {
      await queueBulkPoll(tx, migrationId, publishing);
      await advanceWriting(tx, migration, { entity, state: 'written' });
      return 'bulk-running';
    }
    const scheduled = await advanceWriting(tx, migration, { entity, state: 'done' });
    return scheduled === 'verifying' ? 'verifying' : scheduled === 'started' ? 'next-entity' : 'entity-done';
  });
}
