// Pages and blog posts against devstore: written once, changed in place, and after a crash between
// Shopify's answer and the id map found again by their source reference instead of doubled.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Devstore } from '../../../../devstore/server.ts';
import { type TestShop, admin, createShop, startTestDevstore } from '../../../../devstore/testing.ts';
import { db } from '../../../db/db.server.ts';
import { createAdminClient } from '../../../shopify-admin/client.server.ts';
import { contentHash } from '../../staging/records.server.ts';
import { loadBlogPostBatch, loadPageBatch } from './write.server.ts';
import type { Writer } from '../../../shopify-admin/writer.server.ts';

let devstore: Devstore;
let shop: TestShop;
let writer: Writer;
let migrationId: string;

beforeAll(async () => {
  devstore = await startTestDevstore();
});
afterAll(() => devstore.stop());

const page = (sourceId: string, title: string, handle: string) => ({
  sourceId,
  title,
  handle,
  bodyHtml: `<p>${title}</p>`,
  published: true,
  publishedAt: '2024-03-01T10:00:00.000Z',
  sourcePath: `/${handle}/`,
  seo: { title: null, description: null },
});
const post = (sourceId: string, title: string, handle: string) => ({
  ...page(sourceId, title, handle),
  excerptHtml: null,
  author: 'Ingrid',
  tags: ['Linen'],
  image: null,
});

async function stage(entity: string, records: Record<string, unknown>[], into = migrationId) {
  await db().sourceRecord.deleteMany({ where: { migrationId: into, entity } });
  for (const record of records) {
    await db().sourceRecord.create({
      data: {
        shop: shop.domain,
        migrationId: into,
        entity,
        sourceId: String(record.sourceId),
        status: 'staged',
        data: record as object,
        contentHash: contentHash(record),
      },
    });
  }
}

async function statuses(entity: string, of = migrationId): Promise<string[]> {
  return (await db().sourceRecord.findMany({ where: { migrationId: of, entity }, orderBy: { sourceId: 'asc' } })).map(
    (row) => row.status,
  );
}

async function count(connection: 'pages' | 'articles' | 'blogs'): Promise<number> {
  const { body } = await admin(devstore, shop, `{ ${connection}(first: 50) { nodes { id } } }`);
  return body.data[connection].nodes.length;
}

/** As if the worker died after Shopify wrote but before the id map recorded it. */
async function forgetWrites(entity: string) {
  await db().idMapEntry.deleteMany({ where: { shop: shop.domain, entity } });
  await db().sourceRecord.updateMany({ where: { migrationId, entity }, data: { status: 'staged' } });
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
});

describe('pages', () => {
  it('writes once, updates in place when the source changed, and after a crash finds what it wrote', async () => {
    await stage('pages', [page('1', 'About', 'about'), page('2', 'Доставка', 'доставка')]);
    expect(await loadPageBatch(migrationId, null, writer)).toMatchObject({ written: 2, failed: 0 });
    // The same batch tried again (a crash after the writes were kept, before the batch's counts):
    // nothing is sent, and what this migration wrote stays written, not unchanged.
    expect(await loadPageBatch(migrationId, null, writer)).toMatchObject({ written: 0, unchanged: 2 });
    expect(await statuses('pages')).toEqual(['written', 'written']);
    // A later migration reading the same pages finds them in Shopify as they are: unchanged, nothing sent.
    const later = (
      await db().migration.create({
        data: { shop: shop.domain, sourcePlatform: 'woocommerce', status: 'running', phase: 'loading' },
      })
    ).id;
    await stage('pages', [page('1', 'About', 'about'), page('2', 'Доставка', 'доставка')], later);
    expect(await loadPageBatch(later, null, writer)).toMatchObject({ written: 0, unchanged: 2 });
    expect(await statuses('pages', later)).toEqual(['unchanged', 'unchanged']);

    await stage('pages', [page('1', 'About us', 'about'), page('2', 'Доставка', 'доставка')]);
    expect(await loadPageBatch(migrationId, null, writer)).toMatchObject({ written: 1, unchanged: 1 });
    const { body } = await admin(devstore, shop, '{ pages(first: 5, query: "handle:about") { nodes { title } } }');
    expect(body.data.pages.nodes).toEqual([{ title: 'About us' }]);

    await forgetWrites('pages');
    expect(await loadPageBatch(migrationId, null, writer)).toMatchObject({ written: 2 });
    expect(await count('pages')).toBe(2);
  });
});

describe('blog posts', () => {
  it('makes the blog once, and after a crash finds the articles it wrote instead of doubling them', async () => {
    await stage('blogPosts', [post('10', 'First', 'first'), post('11', 'Вторник', 'вторник')]);
    expect(await loadBlogPostBatch(migrationId, null, writer)).toMatchObject({ written: 2 });
    await forgetWrites('blogPosts');
    expect(await loadBlogPostBatch(migrationId, null, writer)).toMatchObject({ written: 2 });
    expect([await count('blogs'), await count('articles')]).toEqual([1, 2]);
    const links = await db().idMapEntry.findMany({
      where: { shop: shop.domain, entity: { in: ['blogs', 'blogPosts'] } },
      orderBy: { sourceId: 'asc' },
    });
    expect(links.map((link) => [link.entity, link.handle])).toEqual([
      ['blogPosts', 'news/first'],
      ['blogPosts', 'news/вторник'],
      ['blogs', 'news'],
    ]);
  });

  it('writes into the store’s own News blog, which stays the merchant’s', async () => {
    await admin(devstore, shop, 'mutation { blogCreate(blog: { title: "News" }) { userErrors { message } } }');
    await stage('blogPosts', [post('12', 'Third', 'third')]);
    expect(await loadBlogPostBatch(migrationId, null, writer)).toMatchObject({ written: 1 });
    expect(await count('blogs')).toBe(1);
    const blog = await db().idMapEntry.findFirstOrThrow({ where: { shop: shop.domain, entity: 'blogs' } });
    expect(blog.createdBy).toBeNull();
  });
});
