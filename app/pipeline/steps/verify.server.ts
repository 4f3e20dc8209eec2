// Verify: after writing (the last load step queues it), check Shopify against the source — every written record still there, a
// sample compared field by field, the sample and the collections on the right sales channels
// (catalog-publishing.server.ts) — and finish the migration with the result.
import type { CollectionRecord, ProductRecord } from '../../../connectors/model.ts';
import { db } from '../../db/db.server.ts';
import { transition } from '../lifecycle.server.ts';
import { notifyProgress } from '../staging/progress.server.ts';
import type { AdminClient } from '../../shopify-admin/client.server.ts';
import { adminClientFor } from '../../shopify-admin/connection.server.ts';
import { salesChannelsOf } from '../../shopify-admin/sales-channels.server.ts';
import type { CatalogPublishing } from '../../migrations/sales-channels.ts';
import {
  type PublishedCheck,
  publicationMismatches,
  publishingSummary,
} from '../analysis/catalog-publishing.server.ts';
import { customerDataNotice } from '../analysis/customer-data.server.ts';
import { isCustomerDataEntity } from '../analysis/customer-data-notice.ts';
import { chosenChannels } from '../entities/products/publishing.server.ts';
import { kindTags, productStatus } from '../entities/products/input.server.ts';
import { inParallel } from '../../shopify-admin/writer.server.ts';
import { MAX_VARIANTS } from '../../shopify-admin/limits/input-limits.server.ts';
import { optionLayout } from '../entities/products/options.server.ts';
import { VERIFY_PRODUCT } from '../../shopify-admin/graphql/products.ts';
import { FIND_NODES } from '../../shopify-admin/graphql/nodes.ts';
import { migrationOptions } from '../options.server.ts';

const SAMPLE_SIZE = 20;
const NODES_PAGE = 100;

export interface EntityCheck {
  entity: string;
  read: number;
  /** As on the progress card: written by this run, unchanged since an earlier run, skipped, not moved (refused or unreadable). */
  written: number;
  /** Absent in verifications made before they were counted apart (written counted them, not moved the skipped). */
  unchanged?: number;
  skipped?: number;
  notMoved: number;
  foundInShopify: number;
  missingInShopify: string[];
  /** Why these records were not looked for in Shopify (Shopify refuses customer data to Shipyard). */
  notChecked?: string;
}

export interface Mismatch {
  sourceId: string;
  /** The product's or collection's name at the source (verifications before it was kept have none). */
  name?: string;
  field: string;
  expected: string;
  found: string;
}

export interface Verification {
  checkedAt: string;
  entities: EntityCheck[];
  sampled: number;
  mismatches: Mismatch[];
  /** Where the catalog was published (verifications before publishing have none). */
  publishing?: CatalogPublishing;
}

/**
 * Reads in flight at once. Each page is one round trip that costs almost nothing, so one after the
 * other a 10,000-product catalog (with its redirects) kept the merchant waiting ~25 s for answers
 * while the plan's points went unused; the shop's budget still decides when each may go.
 */
const READS_IN_FLIGHT = 10;

/** Which of `gids` Shopify still has, asked a page of ids at a time, several pages at once. */
export async function stillInShopify(client: AdminClient, gids: string[]): Promise<Set<string>> {
  const pages: string[][] = [];
  for (let start = 0; start < gids.length; start += NODES_PAGE) pages.push(gids.slice(start, start + NODES_PAGE));
  const found = new Set<string>();
  await inParallel(pages, READS_IN_FLIGHT, async (ids) => {
    const { data } = await client.request<{ nodes: ({ id: string } | null)[] }>(FIND_NODES, { ids });
    for (const node of data.nodes) if (node) found.add(node.id);
  });
  return found;
}

function compareProduct(sourceId: string, expected: ProductRecord, found: Record<string, unknown>): Mismatch[] {
  const mismatches: Mismatch[] = [];
  const check = (field: string, want: unknown, got: unknown) => {
    const a = JSON.stringify(want ?? null);
    const b = JSON.stringify(got ?? null);
    if (a !== b) mismatches.push({ sourceId, name: expected.title, field, expected: a, found: b });
  };
  const variants =
    (found.variants as { nodes: { sku: string | null; price: string; compareAtPrice: string | null }[] }).nodes ?? [];
  check('title', expected.title, found.title);
  check('status', productStatus(expected), found.status);
  check('tags', [...expected.tags, ...kindTags(expected)].sort(), [...((found.tags as string[]) ?? [])].sort());
  const layout = optionLayout(expected);
  const options = (found.options as { name: string; values: string[] }[]).filter((option) => option.name !== 'Title');
  check(
    'options',
    layout.options.map((option) => option.name),
    options.map((option) => option.name),
  );
  // Shopify's `values` are the values variants use; an attribute value no variant has stays an
  // option value without variants (hasVariants false), which is not a difference.
  const used = layout.options.map((_, index) =>
    [
      ...new Set(expected.variants.slice(0, MAX_VARIANTS).map((variant) => layout.valuesOf(variant)[index] ?? '')),
    ].sort(),
  );
  check(
    'option values',
    used,
    options.map((option) => [...option.values].sort()),
  );
  check('variant count', Math.min(expected.variants.length, MAX_VARIANTS), variants.length);
  check(
    'SKUs',
    expected.variants.map((variant) => variant.sku ?? '').sort(),
    variants.map((variant) => variant.sku ?? '').sort(),
  );
  check(
    'prices',
    expected.variants.map((variant) => Number(variant.price)).sort(),
    variants.map((variant) => Number(variant.price)).sort(),
  );
  if (expected.seo.title) check('SEO title', expected.seo.title, (found.seo as { title: string | null }).title);
  return mismatches;
}

export async function verifyMigration(
  migrationId: string,
  client: AdminClient,
  platform: string,
): Promise<Verification> {
  const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
  // Every entity's links first, then one existence check over all of them, so the pages of a small
  // entity go out beside a large one's instead of waiting their turn.
  const checked = await Promise.all(
    migration.entities.map(async (entity) => {
      const records = await db().sourceRecord.groupBy({ by: ['status'], where: { migrationId, entity }, _count: true });
      const links = await db().$queryRaw<{ sourceId: string; shopifyGid: string }[]>`
        SELECT m."sourceId", m."shopifyGid" FROM "IdMapEntry" m
        JOIN "SourceRecord" r ON r."migrationId" = ${migrationId} AND r.entity = m.entity AND r."sourceId" = m."sourceId" AND r.status IN ('written', 'unchanged')
        WHERE m.shop = ${migration.shop} AND m.platform = ${platform} AND m.entity = ${entity}`;
      return { entity, records, links };
    }),
  );
  // Without protected customer data Shopify refuses to say whether a customer or an order is there.
  const unchecked = (entity: string) => customerDataNotice(migration.plan) !== null && isCustomerDataEntity(entity);
  const found = await stillInShopify(client, [
    ...new Set(
      checked.filter(({ entity }) => !unchecked(entity)).flatMap(({ links }) => links.map((link) => link.shopifyGid)),
    ),
  ]);
  const entities: EntityCheck[] = checked.map(({ entity, records, links }) => {
    const count = (status: string) => records.find((row) => row.status === status)?._count ?? 0;
    const counts = {
      entity,
      read: records.reduce((sum, row) => sum + row._count, 0),
      written: count('written'),
      unchanged: count('unchanged'),
      skipped: count('skipped'),
      notMoved: count('invalid') + count('failed'),
    };
    if (unchecked(entity))
      return {
        ...counts,
        foundInShopify: 0,
        missingInShopify: [],
        notChecked: 'Shopify does not let Shipyard read customers and orders on this store (protected customer data).',
      };
    return {
      ...counts,
      // Records, not objects: reviews share their product, merged customers one customer.
      foundInShopify: links.filter((link) => found.has(link.shopifyGid)).length,
      missingInShopify: links.filter((link) => !found.has(link.shopifyGid)).map((link) => link.sourceId),
    };
  });

  const sample = await db().$queryRaw<{ sourceId: string; data: ProductRecord; shopifyGid: string }[]>`
    SELECT r."sourceId", r.data, m."shopifyGid" FROM "SourceRecord" r
    JOIN "IdMapEntry" m ON m.shop = r.shop AND m.platform = ${platform} AND m.entity = 'products' AND m."sourceId" = r."sourceId"
    WHERE r."migrationId" = ${migrationId} AND r.entity = 'products' AND r.status IN ('written', 'unchanged')
    ORDER BY md5(r."sourceId") LIMIT ${SAMPLE_SIZE}`;
  const compared = new Map<string, Mismatch[]>();
  await inParallel(sample, READS_IN_FLIGHT, async (row) => {
    const { data } = await client.request<{ product: Record<string, unknown> | null }>(VERIFY_PRODUCT, {
      id: row.shopifyGid,
    });
    compared.set(
      row.sourceId,
      data.product
        ? compareProduct(row.sourceId, row.data, data.product)
        : [
            {
              sourceId: row.sourceId,
              name: row.data.title,
              field: 'product',
              expected: row.shopifyGid,
              found: 'missing',
            },
          ],
    );
  });

  const checkedAt = new Date().toISOString();
  if (!migration.entities.includes('products') && !migration.entities.includes('collections')) {
    return {
      checkedAt,
      entities,
      sampled: sample.length,
      mismatches: sample.flatMap((row) => compared.get(row.sourceId) ?? []),
    };
  }
  // The storefront: the sample and every collection on the channels they belong on, and no others.
  const chosen = await chosenChannels(migrationOptions(migration.options).channels, migration.shop, client);
  const channels = (await salesChannelsOf(migration.shop, client)).filter((channel) => chosen.includes(channel.id));
  const collections = migration.entities.includes('collections') ? await writtenCollections(migrationId, platform) : [];
  const sampled = sample.map((row) => ({
    sourceId: row.sourceId,
    name: row.data.title,
    shopifyGid: row.shopifyGid,
    record: row.data,
  }));
  // Products and collections apart: a category may have the same source id as a product.
  const [productsOff, collectionsOff] = await Promise.all([
    publicationMismatches(client, sampled, channels),
    publicationMismatches(client, collections, channels),
  ]);
  for (const mismatch of productsOff) compared.get(mismatch.sourceId)?.push(mismatch);
  // In the sample's order, whichever answer came first; the collections after.
  const mismatches = [...sample.flatMap((row) => compared.get(row.sourceId) ?? []), ...collectionsOff];
  const publishing = await publishingSummary(
    migrationId,
    migration.shop,
    platform,
    channels.map((channel) => channel.name),
  );
  return { checkedAt, entities, sampled: sample.length, mismatches, publishing };
}

/** The collections the migration wrote, to check where each is published. */
async function writtenCollections(migrationId: string, platform: string): Promise<PublishedCheck[]> {
  const rows = await db().$queryRaw<{ sourceId: string; data: CollectionRecord; shopifyGid: string }[]>`
    SELECT r."sourceId", r.data, m."shopifyGid" FROM "SourceRecord" r
    JOIN "IdMapEntry" m ON m.shop = r.shop AND m.platform = ${platform} AND m.entity = 'collections' AND m."sourceId" = r."sourceId"
    WHERE r."migrationId" = ${migrationId} AND r.entity = 'collections' AND r.status IN ('written', 'unchanged')
    ORDER BY r.id`;
  return rows.map((row) => ({
    sourceId: row.sourceId,
    name: row.data.title,
    shopifyGid: row.shopifyGid,
    record: row.data,
  }));
}

/** The verification job: checks, then completes the migration with the result; null when it is not verifying (any more). */
export async function verifyStep(migrationId: string): Promise<Verification | null> {
  const migration = await db().migration.findUnique({ where: { id: migrationId } });
  if (!migration || migration.status !== 'running' || migration.phase !== 'verifying') return null;
  const verification = await verifyMigration(
    migrationId,
    await adminClientFor(migration.shop),
    migration.sourcePlatform,
  );
  await transition(db(), migration, 'completed', {
    phase: 'done',
    finishedAt: new Date(),
    verification: verification as object,
  });
  await notifyProgress(db(), migrationId);
  return verification;
}
