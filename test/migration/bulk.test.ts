// Products written through Shopify bulk operations (staged JSONL + bulkOperationRunMutation),
// results matched to records by __lineNumber; the same products as the request-by-request path.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/db/db.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, startTestDevstore } from '../../devstore/testing.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { installedShop, migrate, startTestWorker, untilSettled } from './harness.ts';

let woo: WooCommerceTestServer;
let devstore: Devstore;
let shop: TestShop;
let runner: Runner;

async function sourceReferencesInShopify(): Promise<string[]> {
  const found: string[] = [];
  let after: string | null = null;
  do {
    const { body } = await admin(
      devstore,
      shop,
      'query Page($after: String) { products(first: 50, after: $after) { pageInfo { hasNextPage endCursor } nodes { metafield(namespace: "shipyard", key: "source_reference") { value } variants(first: 5) { nodes { sku } } } } }',
      { after },
    );
    for (const node of body.data.products.nodes as { metafield: { value: string } | null }[])
      found.push(node.metafield?.value ?? 'none');
    after = body.data.products.pageInfo.hasNextPage ? body.data.products.pageInfo.endCursor : null;
  } while (after);
  return found;
}

beforeAll(async () => {
  woo = await startWooCommerceServer({ catalog: { products: 60, variationsPerProduct: 3, imagesPerProduct: 1 } });
  devstore = await startTestDevstore();
  shop = await installedShop(devstore);
  runner = await startTestWorker();
});

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

describe('products in bulk', () => {
  it('writes every readable product through a bulk operation, failures kept per record', async () => {
    const migrationId = await migrate(woo, shop, { bulk: true });
    const migration = await untilSettled(migrationId);
    expect(migration.error).toBeNull();
    expect(migration.status).toBe('completed');

    const batches = await db().bulkBatch.findMany({ where: { migrationId } });
    expect(batches.length).toBeGreaterThan(0);
    expect(
      batches.every(
        (batch) => batch.status === 'collected' && batch.operationId?.startsWith('gid://shopify/BulkOperation/'),
      ),
    ).toBe(true);

    const staged = await db().sourceRecord.count({
      where: { migrationId, entity: 'products', status: { not: 'invalid' } },
    });
    const written = await db().sourceRecord.findMany({ where: { migrationId, entity: 'products', status: 'written' } });
    const failed = await db().sourceRecord.findMany({ where: { migrationId, entity: 'products', status: 'failed' } });
    // A title longer than Shopify allows is kept back unsent by default (decision 0019): the seeded 449-character one.
    const keptBack = await db().sourceRecord.findMany({
      where: { migrationId, entity: 'products', status: 'skipped' },
    });
    expect(keptBack.map((row) => [row.sourceId, row.reason?.slice(0, 40)])).toEqual([
      [String(woo.catalog.awkwardId('long-title')), 'Kept back: The title has 449 characters;'],
    ]);
    expect(written.length + failed.length + keptBack.length).toBe(staged);
    for (const row of failed) expect(row.reason).toBeTruthy();
    const references = await sourceReferencesInShopify();
    expect(references.sort()).toEqual(written.map((row) => `woocommerce:${row.sourceId}`).sort());
    const verification = migration.verification as { mismatches: unknown[] };
    expect(verification.mismatches).toEqual([]);
  });

  it('on a second run sends again only what Shopify refused, and duplicates nothing', async () => {
    const before = await sourceReferencesInShopify();
    const refusedBefore = await db().sourceRecord.count({
      where: { entity: 'products', status: 'failed', shop: shop.domain },
    });
    const again = await migrate(woo, shop, { bulk: true });
    expect((await untilSettled(again)).status).toBe('completed');
    const resent = (await db().bulkBatch.findMany({ where: { migrationId: again, entity: 'products' } })).reduce(
      (sum, batch) => sum + batch.recordIds.length,
      0,
    );
    expect(resent).toBe(refusedBefore);
    expect((await sourceReferencesInShopify()).length).toBe(before.length);
  });
});
