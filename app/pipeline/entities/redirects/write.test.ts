// Redirects against devstore: derived from what moved, written once, adopted after a crash, and a
// path Shopify refuses kept with Shopify's reason.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Devstore } from '../../../../devstore/server.ts';
import { type TestShop, admin, createShop, startTestDevstore } from '../../../../devstore/testing.ts';
import { db } from '../../../db/db.server.ts';
import { createAdminClient } from '../../../shopify-admin/client.server.ts';
import { deriveRedirects, loadRedirectBatch } from './write.server.ts';
import type { Writer } from '../../../shopify-admin/writer.server.ts';

let devstore: Devstore;
let shop: TestShop;
let writer: Writer;
let migrationId: string;

beforeAll(async () => {
  devstore = await startTestDevstore();
});
afterAll(() => devstore.stop());

async function written(entity: string, sourceId: string, sourcePath: string | null, handle: string) {
  await db().sourceRecord.create({
    data: { shop: shop.domain, migrationId, entity, sourceId, status: 'written', data: { sourceId, sourcePath } },
  });
  await db().idMapEntry.create({
    data: {
      shop: shop.domain,
      platform: 'woocommerce',
      entity,
      sourceId,
      shopifyGid: `gid://shopify/X/${sourceId}`,
      handle,
      contentHash: 'h',
    },
  });
}

async function redirectsInShopify(): Promise<string[]> {
  const { body } = await admin(devstore, shop, '{ urlRedirects(first: 50) { nodes { path target } } }');
  return body.data.urlRedirects.nodes
    .map((node: { path: string; target: string }) => `${node.path} -> ${node.target}`)
    .sort();
}

beforeEach(async () => {
  shop = await createShop(devstore);
  writer = {
    client: createAdminClient({
      shop: shop.domain,
      accessToken: shop.accessToken,
      endpoint: devstore.url,
      headers: { 'X-Devstore-Shop': shop.domain },
    }),
    platform: 'woocommerce',
    locationId: 'gid://shopify/Location/1',
    concurrency: 4,
  };
  migrationId = (
    await db().migration.create({
      data: { shop: shop.domain, sourcePlatform: 'woocommerce', status: 'running', phase: 'loading' },
    })
  ).id;
  await written('products', '1', '/product/blue-mug/', 'blue-mug');
  await written('products', '2', 'https://old.example.com/product/red-mug/?ref=home', 'red-mug');
  await written('products', '3', null, 'no-old-url');
  await written('collections', '9', '/product-category/mugs/', 'mugs');
  await written('products', '4', '/admin/secret-product', 'secret');
});

describe('redirects', () => {
  it('derives one per moved product and collection with an old URL, and writes them', async () => {
    expect(await deriveRedirects(migrationId, 'woocommerce')).toBe(4);
    const result = await loadRedirectBatch(migrationId, null, writer);
    expect(result).toMatchObject({ written: 3, failed: 1, next: null });
    expect(await redirectsInShopify()).toEqual([
      '/product-category/mugs -> /collections/mugs',
      '/product/blue-mug -> /products/blue-mug',
      '/product/red-mug?ref=home -> /products/red-mug',
    ]);
    const refused = await db().sourceRecord.findFirstOrThrow({
      where: { migrationId, entity: 'redirects', sourceId: 'products:4' },
    });
    expect(refused).toMatchObject({ status: 'failed', reason: "urlRedirect.path: Path can't be under /admin" });
  });

  it('writes nothing twice: a re-run skips them, and after a crash it adopts what Shopify already has', async () => {
    await deriveRedirects(migrationId, 'woocommerce');
    await loadRedirectBatch(migrationId, null, writer);
    expect(await loadRedirectBatch(migrationId, null, writer)).toMatchObject({ written: 0, unchanged: 3 });

    // As if the worker died after Shopify created the redirects but before the id map recorded them.
    await db().idMapEntry.deleteMany({ where: { shop: shop.domain, entity: 'redirects' } });
    await db().sourceRecord.updateMany({ where: { migrationId, entity: 'redirects' }, data: { status: 'staged' } });
    expect(await loadRedirectBatch(migrationId, null, writer)).toMatchObject({ written: 3, failed: 1 });
    expect(await redirectsInShopify()).toHaveLength(3);
  });

  it('keeps no redirect for a unicode handle whose old URL is the same address, and redirects a percent-encoded one that is not', async () => {
    await written('products', '5', '/products/%E6%9D%B1%E4%BA%AC/', '東京');
    await written('products', '6', '/product/%e6%9d%b1%e4%ba%ac-cafe-tasse/', '東京-cafe-tasse');
    await deriveRedirects(migrationId, 'woocommerce');
    expect(await loadRedirectBatch(migrationId, null, writer)).toMatchObject({ written: 4, unchanged: 1, failed: 1 });
    const inShopify = await redirectsInShopify();
    expect(inShopify).toContain('/product/%e6%9d%b1%e4%ba%ac-cafe-tasse -> /products/東京-cafe-tasse');
    expect(inShopify.filter((redirect) => redirect.startsWith('/products/'))).toEqual([]);
  });

  it('updates the redirect when a re-run gave the product a new handle', async () => {
    await deriveRedirects(migrationId, 'woocommerce');
    await loadRedirectBatch(migrationId, null, writer);
    await db().idMapEntry.updateMany({
      where: { shop: shop.domain, entity: 'products', sourceId: '1' },
      data: { handle: 'blue-mug-1' },
    });
    await deriveRedirects(migrationId, 'woocommerce');
    const changed = await db().sourceRecord.findFirstOrThrow({
      where: { migrationId, entity: 'redirects', sourceId: 'products:1' },
    });
    expect(changed.status).toBe('staged');
  });
});
