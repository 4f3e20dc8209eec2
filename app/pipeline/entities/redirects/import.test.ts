// Redirects by Shopify's CSV import against devstore: a batch worth it is imported and every redirect
// linked with its own id, rows the import refused are created one by one and kept with Shopify's
// reason, the merchant's redirects are never overwritten, undo removes what the import created, and
// a re-run imports nothing twice. Each test prints the points it spent per redirect.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Devstore } from '../../../../devstore/server.ts';
import { type TestShop, admin, createShop, startTestDevstore } from '../../../../devstore/testing.ts';
import { db } from '../../../db/db.server.ts';
import { type AdminClient, createAdminClient } from '../../../shopify-admin/client.server.ts';
import type { Writer } from '../../../shopify-admin/writer.server.ts';
import { undoStep } from '../../steps/undo.server.ts';
import { IMPORT_FROM } from './import.server.ts';
import { deriveRedirects, loadRedirectBatch } from './write.server.ts';

let devstore: Devstore;
let shop: TestShop;
let writer: Writer;
let migrationId: string;
/** Every request the loader sent: the operation's name and the points Shopify charged for it. */
let sent: { operation: string; points: number }[];

beforeAll(async () => {
  devstore = await startTestDevstore();
});
afterAll(() => devstore.stop());

/** The loader's client, with each request's operation and actual cost noted. */
function countingClient(client: AdminClient): AdminClient {
  return {
    budget: client.budget,
    throttledRetries: client.throttledRetries,
    request: async (document, variables, options) => {
      const answer = await client.request(document, variables, options);
      sent.push({ operation: /(?:query|mutation)\s+(\w+)/.exec(document)?.[1] ?? '?', points: answer.actualCost });
      return answer as never;
    },
  };
}

const operations = (name: string) => sent.filter((request) => request.operation === name).length;
const points = () => sent.reduce((total, request) => total + request.points, 0);

async function written(sourceId: string, sourcePath: string, handle: string) {
  await db().sourceRecord.create({
    data: {
      shop: shop.domain,
      migrationId,
      entity: 'products',
      sourceId,
      status: 'written',
      data: { sourceId, sourcePath },
    },
  });
  await db().idMapEntry.create({
    data: {
      shop: shop.domain,
      platform: 'woocommerce',
      entity: 'products',
      sourceId,
      shopifyGid: `gid://shopify/Product/${sourceId}`,
      handle,
      contentHash: 'h',
    },
  });
}

/** `count` moved products, each with an old URL /product/mug-N/ and the handle mug-N. */
async function products(count: number, from = 1) {
  for (let n = from; n < from + count; n++) await written(String(n), `/product/mug-${n}/`, `mug-${n}`);
}

async function redirectsInShopify(): Promise<{ id: string; path: string; target: string }[]> {
  const found: { id: string; path: string; target: string }[] = [];
  let after: string | null = null;
  for (;;) {
    const { body } = await admin(
      devstore,
      shop,
      'query($after: String) { urlRedirects(first: 250, after: $after) { nodes { id path target } pageInfo { hasNextPage endCursor } } }',
      { after },
    );
    found.push(...body.data.urlRedirects.nodes);
    if (!body.data.urlRedirects.pageInfo.hasNextPage) return found;
    after = body.data.urlRedirects.pageInfo.endCursor;
  }
}

async function merchantRedirect(path: string, target: string): Promise<string> {
  const { body } = await admin(
    devstore,
    shop,
    'mutation($r: UrlRedirectInput!) { urlRedirectCreate(urlRedirect: $r) { urlRedirect { id } } }',
    { r: { path, target } },
  );
  return body.data.urlRedirectCreate.urlRedirect.id;
}

const redirectRow = (sourceId: string) =>
  db().sourceRecord.findFirstOrThrow({ where: { migrationId, entity: 'redirects', sourceId } });

function note(what: string, redirects: number) {
  const byOperation = new Map<string, number>();
  for (const request of sent)
    byOperation.set(request.operation, (byOperation.get(request.operation) ?? 0) + request.points);
  const spent = [...byOperation].map(([operation, total]) => `${operation} ${total}`).join(', ');
  console.log(
    `${what}: ${points()} points for ${redirects} redirects, ${(points() / redirects).toFixed(2)} a redirect (${spent})`,
  );
}

/** A shop on `plan` (Basic unless said) with the loader's writer and a running migration. */
async function start(plan: 'Basic' | 'Plus' = 'Basic') {
  shop = await createShop(devstore, { plan });
  sent = [];
  writer = {
    client: countingClient(
      createAdminClient({
        shop: shop.domain,
        accessToken: shop.accessToken,
        endpoint: devstore.url,
        headers: { 'X-Devstore-Shop': shop.domain },
      }),
    ),
    platform: 'woocommerce',
    locationId: 'gid://shopify/Location/1',
    concurrency: 4,
  };
  migrationId = (
    await db().migration.create({
      data: { shop: shop.domain, sourcePlatform: 'woocommerce', status: 'running', phase: 'loading' },
    })
  ).id;
}

beforeEach(() => start());

describe('redirects by import', () => {
  it('imports a batch worth it and links each redirect to its own id in Shopify, read back in bulk on Basic', async () => {
    await products(300);
    expect(await deriveRedirects(migrationId, 'woocommerce')).toBe(300);
    expect(await loadRedirectBatch(migrationId, null, writer)).toMatchObject({ written: 300, failed: 0, next: null });
    expect(operations('SubmitRedirectImport')).toBe(1);
    expect(operations('MigrateRedirect')).toBe(0);
    // 300 points of pages would hold Basic's 100 a second for 3 s: a bulk query reads them instead.
    expect(operations('ExportRedirects')).toBe(1);
    expect(operations('RedirectsPage')).toBe(0);
    note('a new store on Basic', 300);
    expect(points() / 300).toBeLessThan(0.5);

    const inShopify = new Map((await redirectsInShopify()).map((redirect) => [redirect.id, redirect]));
    expect(inShopify.size).toBe(300);
    const links = await db().idMapEntry.findMany({ where: { shop: shop.domain, entity: 'redirects' } });
    expect(links).toHaveLength(300);
    for (const link of links) {
      const n = link.sourceId.replace('products:', '');
      expect(inShopify.get(link.shopifyGid)).toMatchObject({ path: `/product/mug-${n}`, target: `/products/mug-${n}` });
      expect(link).toMatchObject({ handle: `/product/mug-${n}`, createdBy: migrationId });
    }
  });

  it('looks up the paths a store with redirects already has, and on Plus reads the new ones back by pages, under 2 points a redirect', async () => {
    await start('Plus');
    for (let n = 0; n < 20; n++) await merchantRedirect(`/old-${n}`, '/');
    await products(300);
    await deriveRedirects(migrationId, 'woocommerce');
    expect(await loadRedirectBatch(migrationId, null, writer)).toMatchObject({ written: 300, failed: 0 });
    // 300 points are a third of a second of Plus's 1,000 a second: paging is quicker than a bulk query.
    expect(operations('ExportRedirects')).toBe(0);
    expect(operations('RedirectsPage')).toBe(6 + 2); // the look-up, 50 paths a page; the read-back, 250 a page
    note('a Plus store with redirects of its own', 300);
    expect(points() / 300).toBeLessThan(1.5);
    expect(await redirectsInShopify()).toHaveLength(320);
  });

  it('creates the rows the import refused one by one, each kept with Shopify’s reason, and writes the rest', async () => {
    await products(IMPORT_FROM + 5);
    await written('admin', '/admin/settings', 'settings');
    await written('long', `/product/${'x'.repeat(1100)}`, 'long');
    await deriveRedirects(migrationId, 'woocommerce');
    expect(await loadRedirectBatch(migrationId, null, writer)).toMatchObject({
      written: IMPORT_FROM + 5,
      failed: 2,
    });
    expect(operations('SubmitRedirectImport')).toBe(1);
    expect(operations('MigrateRedirect')).toBe(2); // only the two the import refused
    expect(await redirectRow('products:admin')).toMatchObject({
      status: 'failed',
      reason: "urlRedirect.path: Path can't be under /admin",
    });
    expect(await redirectRow('products:long')).toMatchObject({
      status: 'failed',
      reason: 'urlRedirect.path: Path is too long (maximum is 1024 characters)',
    });
    expect(await redirectsInShopify()).toHaveLength(IMPORT_FROM + 5);
  });

  it('never overwrites the merchant’s redirect: one to the same page is adopted, one elsewhere is left and reported', async () => {
    await products(IMPORT_FROM + 5);
    const same = await merchantRedirect('/product/mug-1', '/products/mug-1');
    const elsewhere = await merchantRedirect('/PRODUCT/MUG-2', '/pages/sale');
    await deriveRedirects(migrationId, 'woocommerce');
    expect(await loadRedirectBatch(migrationId, null, writer)).toMatchObject({ written: IMPORT_FROM + 4, failed: 1 });
    const inShopify = await redirectsInShopify();
    expect(inShopify).toHaveLength(IMPORT_FROM + 5);
    expect(inShopify.find((redirect) => redirect.id === elsewhere)).toMatchObject({ target: '/pages/sale' });
    expect(await redirectRow('products:2')).toMatchObject({
      status: 'failed',
      reason: '/product/mug-2 already redirects to /pages/sale in Shopify; it was left as it is.',
    });
    expect(
      await db().idMapEntry.findFirstOrThrow({
        where: { shop: shop.domain, entity: 'redirects', sourceId: 'products:1' },
      }),
    ).toMatchObject({ shopifyGid: same, createdBy: null });
    expect(operations('MigrateRedirect')).toBe(0);
  });

  it('a job that died while Shopify imported, tried again, links the imported redirects as its own and imports nothing twice', async () => {
    await products(IMPORT_FROM + 5);
    await deriveRedirects(migrationId, 'woocommerce');
    const working = writer.client;
    const dying: AdminClient = {
      ...working,
      request: (document, variables, options) => {
        // The worker goes away after submitting the import, before reading back what it created.
        if (operations('SubmitRedirectImport') > 0 && /RedirectsPage|ExportRedirects/.test(document))
          throw new Error('worker died');
        return working.request(document, variables, options);
      },
    };
    await expect(loadRedirectBatch(migrationId, null, { ...writer, client: dying })).rejects.toThrow('worker died');
    await devstore.bulkSettled();

    sent = [];
    expect(await loadRedirectBatch(migrationId, null, writer)).toMatchObject({ written: IMPORT_FROM + 5, failed: 0 });
    expect(operations('SubmitRedirectImport')).toBe(0);
    expect(await redirectsInShopify()).toHaveLength(IMPORT_FROM + 5);
    const links = await db().idMapEntry.findMany({ where: { shop: shop.domain, entity: 'redirects' } });
    expect(links.map((link) => link.createdBy)).toEqual(Array(IMPORT_FROM + 5).fill(migrationId));
    expect(await redirectRow('products:1')).toMatchObject({ status: 'written', reason: null });
  });

  it('undo removes the imported redirects and leaves the adopted one', async () => {
    await products(IMPORT_FROM + 5);
    const same = await merchantRedirect('/product/mug-1', '/products/mug-1');
    const own = await merchantRedirect('/contact-us', '/pages/contact');
    await deriveRedirects(migrationId, 'woocommerce');
    await loadRedirectBatch(migrationId, null, writer);
    expect(await redirectsInShopify()).toHaveLength(IMPORT_FROM + 6);

    await db().migration.update({ where: { id: migrationId }, data: { status: 'undoing', phase: 'undoing' } });
    let outcome = await undoStep(migrationId, 'redirects', null, async () => writer);
    while (outcome === 'next-batch') outcome = await undoStep(migrationId, 'redirects', null, async () => writer);
    expect(outcome).toBe('done');
    expect((await redirectsInShopify()).map((redirect) => redirect.id).sort()).toEqual([same, own].sort());
  });

  it('a re-run imports nothing twice, and a changed handle retargets its redirect', async () => {
    await products(IMPORT_FROM + 5);
    await deriveRedirects(migrationId, 'woocommerce');
    await loadRedirectBatch(migrationId, null, writer);
    const before = await redirectsInShopify();

    sent = [];
    await deriveRedirects(migrationId, 'woocommerce');
    expect(await loadRedirectBatch(migrationId, null, writer)).toMatchObject({
      written: 0,
      unchanged: IMPORT_FROM + 5,
    });
    expect(sent).toEqual([]);

    // As if the worker died after Shopify imported them but before the id map recorded them: the
    // same paths are found in the store and adopted, never imported again.
    await db().idMapEntry.deleteMany({ where: { shop: shop.domain, entity: 'redirects' } });
    await db().sourceRecord.updateMany({ where: { migrationId, entity: 'redirects' }, data: { status: 'staged' } });
    expect(await loadRedirectBatch(migrationId, null, writer)).toMatchObject({ written: IMPORT_FROM + 5, failed: 0 });
    expect(operations('SubmitRedirectImport')).toBe(0);
    expect(await redirectsInShopify()).toEqual(before);

    sent = [];
    await db().idMapEntry.updateMany({
      where: { shop: shop.domain, entity: 'products', sourceId: '3' },
      data: { handle: 'mug-3-blue' },
    });
    await deriveRedirects(migrationId, 'woocommerce');
    expect(await loadRedirectBatch(migrationId, null, writer)).toMatchObject({
      written: 1,
      unchanged: IMPORT_FROM + 4,
    });
    expect(operations('RetargetRedirect')).toBe(1);
    const after = await redirectsInShopify();
    expect(after).toHaveLength(before.length);
    const moved = before.find((redirect) => redirect.path === '/product/mug-3');
    expect(after.find((redirect) => redirect.id === moved?.id)).toMatchObject({ target: '/products/mug-3-blue' });
  });
});
