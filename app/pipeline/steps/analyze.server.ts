// The analysis as a chain of jobs: one batch of records per job, the findings and the job for the
// next batch committed together; after the last batch the catalog-wide checks, the plan (with the
// store's variant count, for Shopify's daily limit on new variants), and the migration waits for
// the merchant (or goes straight on when it was started to run unattended).
import type { Entity } from '../../../connectors/model.ts';
import { db } from '../../db/db.server.ts';
import { transition } from '../lifecycle.server.ts';
import { notifyProgress } from '../staging/progress.server.ts';
import { analyzeBatch, catalogFindings, saveFindings } from '../analysis/findings.server.ts';
import { AdminApiError } from '../../shopify-admin/client.server.ts';
import { adminClientFor } from '../../shopify-admin/connection.server.ts';
import { salesChannelsOf } from '../../shopify-admin/sales-channels.server.ts';
import { channelNames } from '../../migrations/sales-channels.ts';
import { plannedPublishing } from '../analysis/catalog-publishing.server.ts';
import { currencyPlanNote, orderCurrencies } from '../analysis/order-currencies.server.ts';
import {
  customerDataAtPlanTime,
  customerDataFindings,
  planWithCustomerData,
} from '../analysis/customer-data.server.ts';
import { chosenChannels } from '../entities/products/publishing.server.ts';
import { type CatalogSize, planMigration } from '../analysis/plan.server.ts';
import { stagedPoints } from '../analysis/plan-points.server.ts';
import { queueAnalyze } from '../queue.server.ts';
import { advanceWriting } from '../schedule.server.ts';
import { MAX_VARIANTS } from '../../shopify-admin/limits/input-limits.server.ts';
import { VARIANTS_IN_SHOP } from '../../shopify-admin/graphql/products.ts';
import { migrationOptions } from '../options.server.ts';

export async function analyzeStep(
  migrationId: string,
  afterId: bigint | null,
): Promise<'next-batch' | 'ready' | 'loading' | 'not-running'> {
  const migration = await db().migration.findUnique({ where: { id: migrationId } });
  // A second analysis job (a resume racing the first) finds the phase moved on and does nothing.
  if (!migration || migration.status !== 'running' || migration.phase !== 'analyzing') return 'not-running';
  const { findings, next } = await analyzeBatch(migrationId, afterId);
  const last = next === null;
  // The last batch also asks Shopify whether customers' personal data may be written, before anything is.
  const customerData = last ? await customerDataAtPlanTime(migration.shop, migration.entities as Entity[]) : null;
  const catalog = last ? [...(await catalogFindings(migrationId)), ...customerDataFindings(customerData)] : [];
  const plan = last
    ? planWithCustomerData(
        await planFor(
          migrationId,
          migration.shop,
          migration.sourcePlatform,
          migration.entities as Entity[],
          migration.options,
        ),
        customerData,
      )
    : null;
  const unattended = migrationOptions(migration.options).unattended;

  return db().$transaction(async (tx) => {
    await notifyProgress(tx, migrationId);
    // A fresh analysis replaces an earlier one (a re-run after the source changed).
    if (afterId === null) await tx.migrationProblem.deleteMany({ where: { migrationId } });
    await saveFindings(tx, migration.shop, migrationId, [...findings, ...catalog]);
    if (!last) {
      await queueAnalyze(tx, migrationId, next);
      return 'next-batch';
    }
    if (unattended && migration.entities.length > 0) {
      await tx.migration.update({ where: { id: migrationId }, data: { phase: 'loading', plan: plan as object } });
      await advanceWriting(tx, migration);
      return 'loading';
    }
    await transition(tx, migration, 'ready', { phase: 'ready', plan: plan as object });
    return 'ready';
  });
}

/**
 * How many variants the store has and how many the products will add (those not written before),
 * for Shopify's daily limit on new variants past 50,000. A store that cannot be asked now counts as
 * unknown; the writing will meet the limit anyway, and the plan says what it did not count.
 */
async function catalogSize(migrationId: string, shop: string, platform: string): Promise<CatalogSize> {
  const [created] = await db().$queryRaw<{ variants: bigint }[]>`
    SELECT coalesce(sum(greatest(1, least(jsonb_array_length(coalesce(r.data->'variants', '[]'::jsonb)), ${MAX_VARIANTS}))), 0)::bigint AS variants
    FROM "SourceRecord" r
    LEFT JOIN "IdMapEntry" m ON m.shop = r.shop AND m.platform = ${platform} AND m.entity = 'products' AND m."sourceId" = r."sourceId"
    WHERE r."migrationId" = ${migrationId} AND r.entity = 'products' AND r.status <> 'invalid' AND m."sourceId" IS NULL`;
  let variantsInShop: number | null = null;
  try {
    const { data } = await (
      await adminClientFor(shop)
    ).request<{ productVariantsCount: { count: number } }>(VARIANTS_IN_SHOP, {}, { estimatedCost: 1 });
    variantsInShop = data.productVariantsCount.count;
  } catch (error) {
    if (!(error instanceof AdminApiError)) throw error;
  }
  return { variantsInShop, newVariants: Number(created?.variants ?? 0) };
}

/** The distinct old listing pages the staged products and posts were shown on: each becomes a redirect. */
async function listingPages(migrationId: string): Promise<number> {
  const [row] = await db().$queryRaw<{ pages: bigint }[]>`
    SELECT count(DISTINCT listing->>'path')::bigint AS pages
    FROM "SourceRecord" r, jsonb_array_elements(coalesce(r.data->'listedAt', '[]'::jsonb)) listing
    WHERE r."migrationId" = ${migrationId} AND r.entity IN ('products', 'blogPosts') AND r.status <> 'invalid'`;
  return Number(row?.pages ?? 0);
}

async function planFor(migrationId: string, shop: string, platform: string, entities: Entity[], options: unknown) {
  const staged = await db().sourceRecord.groupBy({
    by: ['entity'],
    where: { migrationId, status: { not: 'invalid' } },
    _count: true,
  });
  const counts = Object.fromEntries(staged.map((row) => [row.entity, row._count]));
  // Redirects are derived later, one for each product, collection, page and post that had a URL,
  // and one for each old listing page (tag, category, shop page) that listed them (decision 0025).
  if (entities.includes('redirects'))
    counts.redirects =
      (counts.products ?? 0) +
      (counts.collections ?? 0) +
      (counts.pages ?? 0) +
      (counts.blogPosts ?? 0) +
      (await listingPages(migrationId));
  const record = await db().shop.findUnique({ where: { shop } });
  const currencies = entities.includes('orders') ? currencyPlanNote(await orderCurrencies(migrationId)) : null;
  const shopPlan = {
    planName: record?.planName ?? null,
    shopifyPlus: record?.shopifyPlus ?? false,
    partnerDevelopment: record?.partnerDevelopment ?? false,
  };
  const catalogChosen = entities.includes('products') || entities.includes('collections');
  return planMigration(counts, entities, shopPlan, {
    priced: await stagedPoints(migrationId, platform, entities),
    notes: currencies ? { orders: currencies } : {},
    ...(entities.includes('products') ? { catalog: await catalogSize(migrationId, shop, platform) } : {}),
    ...(catalogChosen ? { publishing: await publishingPlan(migrationId, shop, options) } : {}),
    bulk: migrationOptions(options).bulk,
  });
}

/** What will be published where: the chosen channels by name, as the shop calls them now. */
async function publishingPlan(migrationId: string, shop: string, options: unknown) {
  const client = await adminClientFor(shop);
  const chosen = await chosenChannels(migrationOptions(options).channels, shop, client);
  return plannedPublishing(migrationId, channelNames(chosen, await salesChannelsOf(shop, client)));
}
