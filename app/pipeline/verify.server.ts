// Verify: after writing, check Shopify against the source — every written record still there, and
// a sample compared field by field — and finish the migration with the result.
import type { ProductRecord } from '../../connectors/model.ts';
import { db } from '../db.server.ts';
import type { AdminClient } from '../shopify-admin/client.server.ts';
import { optionLayout } from './transform/options.server.ts';

export const FIND_NODES = `#graphql
  query VerifyNodes($ids: [ID!]!) {
    nodes(ids: $ids) {
      id
    }
  }
`;

export const VERIFY_PRODUCT = `#graphql
  query VerifyProduct($id: ID!) {
    product(id: $id) {
      title
      status
      vendor
      tags
      seo {
        title
        description
      }
      options {
        name
      }
      variants(first: 250) {
        nodes {
          sku
          price
          compareAtPrice
        }
      }
    }
  }
`;

const SAMPLE_SIZE = 20;
const NODES_PAGE = 100;

export interface EntityCheck {
  entity: string;
  read: number;
  written: number;
  notMoved: number;
  foundInShopify: number;
  missingInShopify: string[];
}

export interface Mismatch {
  sourceId: string;
  field: string;
  expected: string;
  found: string;
}

export interface Verification {
  checkedAt: string;
  entities: EntityCheck[];
  sampled: number;
  mismatches: Mismatch[];
}

async function existing(client: AdminClient, gids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < gids.length; start += NODES_PAGE) {
    const { data } = await client.request<{ nodes: ({ id: string } | null)[] }>(FIND_NODES, { ids: gids.slice(start, start + NODES_PAGE) });
    for (const node of data.nodes) if (node) found.add(node.id);
  }
  return found;
}

function compareProduct(sourceId: string, expected: ProductRecord, found: Record<string, unknown>): Mismatch[] {
  const mismatches: Mismatch[] = [];
  const check = (field: string, want: unknown, got: unknown) => {
    const a = JSON.stringify(want ?? null);
    const b = JSON.stringify(got ?? null);
    if (a !== b) mismatches.push({ sourceId, field, expected: a, found: b });
  };
  const variants = ((found.variants as { nodes: { sku: string | null; price: string; compareAtPrice: string | null }[] }).nodes ?? []);
  check('title', expected.title, found.title);
  check('status', expected.status.toUpperCase(), found.status);
  check('tags', [...expected.tags].sort(), [...((found.tags as string[]) ?? [])].sort());
  check('options', optionLayout(expected).options.map((option) => option.name), (found.options as { name: string }[]).map((option) => option.name).filter((name) => name !== 'Title'));
  check('variant count', Math.min(expected.variants.length, 2048), variants.length);
  check('SKUs', expected.variants.map((variant) => variant.sku ?? '').sort(), variants.map((variant) => variant.sku ?? '').sort());
  check('prices', expected.variants.map((variant) => Number(variant.price)).sort(), variants.map((variant) => Number(variant.price)).sort());
  if (expected.seo.title) check('SEO title', expected.seo.title, (found.seo as { title: string | null }).title);
  return mismatches;
}

export async function verifyMigration(migrationId: string, client: AdminClient, platform: string): Promise<Verification> {
  const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
  const entities: EntityCheck[] = [];
  for (const entity of migration.entities) {
    const records = await db().sourceRecord.groupBy({ by: ['status'], where: { migrationId, entity }, _count: true });
    const count = (status: string) => records.find((row) => row.status === status)?._count ?? 0;
    const links = await db().$queryRaw<{ sourceId: string; shopifyGid: string }[]>`
      SELECT m."sourceId", m."shopifyGid" FROM "IdMapEntry" m
      JOIN "SourceRecord" r ON r."migrationId" = ${migrationId} AND r.entity = m.entity AND r."sourceId" = m."sourceId" AND r.status = 'written'
      WHERE m.shop = ${migration.shop} AND m.platform = ${platform} AND m.entity = ${entity}`;
    const found = await existing(client, links.map((link) => link.shopifyGid));
    entities.push({
      entity,
      read: records.reduce((sum, row) => sum + row._count, 0),
      written: count('written'),
      notMoved: count('invalid') + count('failed') + count('skipped'),
      // Records, not objects: reviews share their product, merged customers one customer.
      foundInShopify: links.filter((link) => found.has(link.shopifyGid)).length,
      missingInShopify: links.filter((link) => !found.has(link.shopifyGid)).map((link) => link.sourceId),
    });
  }

  const sample = await db().$queryRaw<{ sourceId: string; data: ProductRecord; shopifyGid: string }[]>`
    SELECT r."sourceId", r.data, m."shopifyGid" FROM "SourceRecord" r
    JOIN "IdMapEntry" m ON m.shop = r.shop AND m.platform = ${platform} AND m.entity = 'products' AND m."sourceId" = r."sourceId"
    WHERE r."migrationId" = ${migrationId} AND r.entity = 'products' AND r.status = 'written'
    ORDER BY md5(r."sourceId") LIMIT ${SAMPLE_SIZE}`;
  const mismatches: Mismatch[] = [];
  for (const row of sample) {
    const { data } = await client.request<{ product: Record<string, unknown> | null }>(VERIFY_PRODUCT, { id: row.shopifyGid });
    if (!data.product) mismatches.push({ sourceId: row.sourceId, field: 'product', expected: row.shopifyGid, found: 'missing' });
    else mismatches.push(...compareProduct(row.sourceId, row.data, data.product));
  }
  return { checkedAt: new Date().toISOString(), entities, sampled: sample.length, mismatches };
}
