// The verification at the end of a migration tells the merchant what Shopify no longer matches:
// a product deleted since it was written is missing, one edited since differs field by field, and
// every other record (checked several pages at a time) is found.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/db/db.server.ts';
import { verifyMigration } from '../../app/pipeline/steps/verify.server.ts';
import { adminClientFor } from '../../app/shopify-admin/connection.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, startTestDevstore } from '../../devstore/testing.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { installedShop, migrate, startTestWorker, untilSettled } from './harness.ts';

let woo: WooCommerceTestServer;
let devstore: Devstore;
let shop: TestShop;
let runner: Runner;
let migrationId: string;

beforeAll(async () => {
  // More products than the sample of 20, so the existence check and the sample differ.
  woo = await startWooCommerceServer({
    catalog: { products: 260, variationsPerProduct: 1, imagesPerProduct: 0, categories: 3, awkward: false },
  });
  devstore = await startTestDevstore();
  shop = await installedShop(devstore);
  runner = await startTestWorker();
  migrationId = await migrate(woo, shop);
  const migration = await untilSettled(migrationId, 180_000);
  expect(migration.status).toBe('completed');
}, 240_000);

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

/** Products of the verification's sample, in its order (the same md5 order verify.server.ts uses). */
async function sampledProducts(): Promise<{ sourceId: string; shopifyGid: string; title: string }[]> {
  return db().$queryRaw`
    SELECT r."sourceId", m."shopifyGid", r.data->>'title' AS title FROM "SourceRecord" r
    JOIN "IdMapEntry" m ON m.shop = r.shop AND m.entity = 'products' AND m."sourceId" = r."sourceId"
    WHERE r."migrationId" = ${migrationId} AND r.entity = 'products' AND r.status = 'written'
    ORDER BY md5(r."sourceId") LIMIT 2`;
}

describe('verifying a migration against Shopify', () => {
  it('finds every record of a catalog larger than one page of ids', async () => {
    const verification = await verifyMigration(migrationId, await adminClientFor(shop.domain), 'woocommerce');
    const products = verification.entities.find((entity) => entity.entity === 'products');
    expect(products).toMatchObject({ read: 260, written: 260, foundInShopify: 260, missingInShopify: [] });
    const redirects = verification.entities.find((entity) => entity.entity === 'redirects');
    expect(redirects?.written).toBeGreaterThan(200);
    expect(redirects?.foundInShopify).toBe(redirects?.written);
    expect(verification.sampled).toBe(20);
    expect(verification.mismatches).toEqual([]);
  });

  it('names a product deleted in Shopify since, and the field of one edited since', async () => {
    const [edited, deleted] = await sampledProducts();
    if (!edited || !deleted) throw new Error('no products written');
    const update = await admin(
      devstore,
      shop,
      'mutation($product: ProductUpdateInput!) { productUpdate(product: $product) { userErrors { message } } }',
      { product: { id: edited.shopifyGid, title: 'Renamed by the merchant' } },
    );
    expect(update.body.data.productUpdate.userErrors).toEqual([]);
    const removal = await admin(
      devstore,
      shop,
      'mutation($input: ProductDeleteInput!) { productDelete(input: $input) { userErrors { message } } }',
      { input: { id: deleted.shopifyGid } },
    );
    expect(removal.body.data.productDelete.userErrors).toEqual([]);

    const verification = await verifyMigration(migrationId, await adminClientFor(shop.domain), 'woocommerce');
    const products = verification.entities.find((entity) => entity.entity === 'products');
    expect(products).toMatchObject({ written: 260, foundInShopify: 259, missingInShopify: [deleted.sourceId] });
    expect(verification.mismatches).toEqual([
      {
        sourceId: edited.sourceId,
        name: edited.title,
        field: 'title',
        expected: JSON.stringify(edited.title),
        found: JSON.stringify('Renamed by the merchant'),
      },
      {
        sourceId: deleted.sourceId,
        name: deleted.title,
        field: 'product',
        expected: deleted.shopifyGid,
        found: 'missing',
      },
    ]);
  });
});
