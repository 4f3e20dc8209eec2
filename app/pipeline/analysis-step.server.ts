// The analysis as a chain of jobs: one batch of records per job, the findings and the job for the
// next batch committed together; after the last batch the catalog-wide checks, the plan, and the
// migration waits for the merchant (or goes straight on when it was started to run unattended).
import type { Entity } from '../../connectors/model.ts';
import { db } from '../db.server.ts';
import { notifyProgress } from './progress.server.ts';
import { analyzeBatch, catalogFindings, saveFindings } from './analyze.server.ts';
import { planMigration } from './plan.server.ts';
import { channelNames } from '../sales-channels.ts';
import { adminClientFor } from '../shopify-admin/connection.server.ts';
import { salesChannelsOf } from '../shopify-admin/sales-channels.server.ts';
import { plannedPublishing } from './catalog-publishing.server.ts';
import { chosenChannels } from './load/publishing.server.ts';
import { queueAnalyze, queueLoad } from './queue.server.ts';

export async function analyzeStep(migrationId: string, afterId: bigint | null): Promise<'next-batch' | 'ready' | 'loading' | 'not-running'> {
  const migration = await db().migration.findUnique({ where: { id: migrationId } });
  // A second analysis job (a resume racing the first) finds the phase moved on and does nothing.
  if (!migration || migration.status !== 'running' || migration.phase !== 'analyzing') return 'not-running';
  const { findings, next } = await analyzeBatch(migrationId, afterId);
  const last = next === null;
  const catalog = last ? await catalogFindings(migrationId) : [];
  const plan = last ? await planFor(migrationId, migration.shop, migration.entities as Entity[], migration.options) : null;
  const unattended = (migration.options as { unattended?: boolean }).unattended === true;

  return db().$transaction(async (tx) => {
    await notifyProgress(tx, migrationId);
    // A fresh analysis replaces an earlier one (a re-run after the source changed).
    if (afterId === null) await tx.migrationProblem.deleteMany({ where: { migrationId } });
    await saveFindings(tx, migration.shop, migrationId, [...findings, ...catalog]);
    if (!last) {
      await queueAnalyze(tx, migrationId, next);
      return 'next-batch';
    }
    const first = migration.entities[0] as Entity | undefined;
    if (unattended && first) {
      await tx.migration.update({ where: { id: migrationId }, data: { phase: 'loading', plan: plan as object } });
      await queueLoad(tx, migrationId, first);
      return 'loading';
    }
    await tx.migration.update({ where: { id: migrationId }, data: { status: 'ready', phase: 'ready', plan: plan as object } });
    return 'ready';
  });
}

async function planFor(migrationId: string, shop: string, entities: Entity[], options: unknown) {
  const staged = await db().sourceRecord.groupBy({ by: ['entity'], where: { migrationId, status: { not: 'invalid' } }, _count: true });
  const counts = Object.fromEntries(staged.map((row) => [row.entity, row._count]));
  // Redirects are derived later, one for each product, collection, page and post that had a URL.
  if (entities.includes('redirects')) counts.redirects = (counts.products ?? 0) + (counts.collections ?? 0) + (counts.pages ?? 0) + (counts.blogPosts ?? 0);
  const record = await db().shop.findUnique({ where: { shop } });
  const plan = { planName: record?.planName ?? null, shopifyPlus: record?.shopifyPlus ?? false, partnerDevelopment: record?.partnerDevelopment ?? false };
  if (!entities.includes('products') && !entities.includes('collections')) return planMigration(counts, entities, plan);
  // What will be published where: the chosen channels by name, as the shop calls them now.
  const client = await adminClientFor(shop);
  const chosen = await chosenChannels(options, shop, client);
  return planMigration(counts, entities, plan, await plannedPublishing(migrationId, channelNames(chosen, await salesChannelsOf(shop, client))));
}
