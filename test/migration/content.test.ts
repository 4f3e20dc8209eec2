// WordPress pages and blog posts → Shopify (devstore), end to end: every published page and post
// checked against the source (title, body, handle, author, tags, excerpt, image, published state and
// date), the blog made once, 301s from the old URLs and the category and tag pages, a post without
// a title and a protected one reported with their reason, a dead featured image and a handle the
// shop already had moving without them; a second run creates nothing twice.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/db/db.server.ts';
import { toShopifyHandle } from '../../app/shopify-admin/handles.server.ts';
import { redirectPath } from '../../app/pipeline/entities/redirects/input.server.ts';
import { decodeEntities } from '../../connectors/woocommerce/text.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, startTestDevstore } from '../../devstore/testing.ts';
import { type SeededContent, pageId, postId } from '../../connectors/woocommerce/fake/content.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { installedShop, migrate, startTestWorker, untilSettled } from './harness.ts';

const PAGES = 12;
const POSTS = 24;

let woo: WooCommerceTestServer;
let devstore: Devstore;
let shop: TestShop;
let runner: Runner;
let migrationId: string;

async function query(document: string, variables: Record<string, unknown> = {}) {
  const { body } = await admin(devstore, shop, document, variables);
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const PAGE = `query Page($id: ID!) {
  page(id: $id) { title handle body isPublished publishedAt reference: metafield(namespace: "shipyard", key: "source_reference") { value } }
}`;

const ARTICLE = `query Article($id: ID!) {
  article(id: $id) {
    title handle body summary tags isPublished publishedAt
    author { name }
    image { url altText }
    blog { handle }
    reference: metafield(namespace: "shipyard", key: "source_reference") { value }
  }
}`;

const published = (items: SeededContent[]) => items.filter((item) => item.status === 'publish');
const sourcePages = () => published(Array.from({ length: PAGES }, (_, k) => woo.catalog.pageAt(k + 1)));
const sourcePosts = () => published(Array.from({ length: POSTS }, (_, k) => woo.catalog.postAt(k + 1)));
/** The posts Shopify cannot take: no title (post 1), and a password (post 5). */
const REFUSED = [postId(1), postId(5)];

const links = async (entity: string) =>
  new Map(
    (await db().idMapEntry.findMany({ where: { shop: shop.domain, entity } })).map((entry) => [entry.sourceId, entry]),
  );

async function inShopify() {
  const data = await query(
    'query Content { pages(first: 100) { nodes { id } } articles(first: 100) { nodes { id } } blogs(first: 10) { nodes { id title handle } } urlRedirects(first: 100) { nodes { path target } } }',
  );
  return {
    pages: data.pages.nodes.length as number,
    articles: data.articles.nodes.length as number,
    blogs: data.blogs.nodes as { title: string; handle: string }[],
    redirects: (data.urlRedirects.nodes as { path: string; target: string }[])
      .map((node) => `${node.path} -> ${node.target}`)
      .sort(),
  };
}

beforeAll(async () => {
  woo = await startWooCommerceServer({ catalog: { products: 2, pages: PAGES, posts: POSTS } });
  devstore = await startTestDevstore();
  shop = await installedShop(devstore);
  // The merchant already made a "Shipping & Returns" page in Shopify, with the handle WordPress's has.
  await query(
    'mutation Existing { pageCreate(page: { title: "Shipping", handle: "shipping-returns" }) { userErrors { message } } }',
  );
  runner = await startTestWorker();
  migrationId = await migrate(woo, shop, { entities: ['pages', 'blogPosts'] });
  await untilSettled(migrationId);
}, 180_000);

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

describe('WordPress pages and posts migrated into Shopify', () => {
  it('completes, writing pages and posts before the redirects from their old URLs', async () => {
    const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
    expect([migration.status, migration.error]).toEqual(['completed', null]);
    expect(migration.entities).toEqual(['pages', 'blogPosts', 'redirects']);
    const pages = await db().sourceRecord.findMany({ where: { migrationId, entity: 'pages' } });
    expect(pages.map((row) => [row.sourceId, row.status]).sort()).toEqual(
      sourcePages()
        .map((page) => [String(page.id), 'written'])
        .sort(),
    );
  });

  it('moves every published page with its title, body, handle, published state and date', async () => {
    const pages = await links('pages');
    for (const source of sourcePages()) {
      const { page } = await query(PAGE, { id: pages.get(String(source.id))?.shopifyGid });
      const expectedHandle =
        source.id === pageId(2) ? 'shipping-returns-1' : source.id === pageId(4) ? 'доставка' : source.slug;
      expect(page, source.title).toEqual({
        title: decodeEntities(source.title),
        handle: expectedHandle,
        body: source.content,
        isPublished: true,
        publishedAt: source.created.toISOString(),
        reference: { value: `woocommerce:${source.id}` },
      });
    }
    expect((await inShopify()).pages).toBe(sourcePages().length + 1);
  });

  it('moves every published post into one blog, with author, tags, excerpt, image, published state and date', async () => {
    const articles = await links('blogPosts');
    const moved = sourcePosts().filter((post) => !REFUSED.includes(post.id));
    expect([...articles.keys()].sort()).toEqual(moved.map((post) => String(post.id)).sort());
    for (const source of moved) {
      const { article } = await query(ARTICLE, { id: articles.get(String(source.id))?.shopifyGid });
      const tags = [...source.categories.filter((term) => term.slug !== 'uncategorized'), ...source.tags].map((term) =>
        decodeEntities(term.name),
      );
      const image =
        source.media && source.media.broken === null
          ? { url: `${woo.url}/wp-content/uploads/2024/03/${source.media.file}`, altText: source.media.alt || null }
          : null;
      const words = source.content
        .replace(/<[^>]*>/g, ' ')
        .split(/\s+/)
        .filter(Boolean)
        .join(' ');
      expect(article, source.title).toEqual({
        title: decodeEntities(source.title),
        handle: source.slug,
        body: source.content,
        summary: source.excerpt || `<p>${words}</p>`,
        tags: expect.arrayContaining(tags),
        isPublished: true,
        publishedAt: source.created.toISOString(),
        author: { name: source.id === postId(6) ? 'Atelier Nord' : source.author === 1 ? 'Ingrid Nord' : 'Lars Berg' },
        image,
        blog: { handle: 'news' },
        reference: { value: `woocommerce:${source.id}` },
      });
      expect(article.tags).toHaveLength(tags.length);
    }
    expect(await inShopify()).toMatchObject({ articles: moved.length, blogs: [{ title: 'News', handle: 'news' }] });
  });

  it('redirects every old page and post URL to its new one; the front page has none', async () => {
    const pages = await links('pages');
    const expected = [
      ...sourcePages()
        .filter((page) => page.path !== '/')
        .map((page) => `${redirectPath(page.path)} -> /pages/${pages.get(String(page.id))?.handle}`),
      ...sourcePosts()
        .filter((post) => !REFUSED.includes(post.id))
        .map((post) => `${redirectPath(post.path)} -> /blogs/news/${post.slug}`),
      // Each category and tag page that listed a moved post, to the blog's page for that tag (decision 0025).
      ...new Set(
        sourcePosts()
          .filter((post) => !REFUSED.includes(post.id))
          .flatMap((post) => [...post.categories, ...post.tags])
          .map(
            (term) =>
              `/${term.taxonomy === 'category' ? 'category' : 'tag'}/${term.slug} -> ${term.slug === 'uncategorized' ? '/blogs/news' : `/blogs/news/tagged/${toShopifyHandle(decodeEntities(term.name))}`}`,
          ),
      ),
    ].sort();
    expect((await inShopify()).redirects).toEqual(expected);
    expect(expected).toContain('/shipping-returns/size-guide -> /pages/size-guide');
    expect(expected).toContain('/shipping-returns -> /pages/shipping-returns-1');
  });

  it('reports the post without a title and the protected one, with their reasons, and loses nothing else', async () => {
    const refused = await db().sourceRecord.findMany({
      where: { migrationId, entity: 'blogPosts', status: { not: 'written' } },
      orderBy: { sourceId: 'asc' },
    });
    expect(refused.map((row) => [row.sourceId, row.status])).toEqual(REFUSED.map((id) => [String(id), 'invalid']));
    expect(refused[0]?.reason).toContain('has no title, and Shopify needs one');
    expect(refused[1]?.reason).toContain('is password-protected');
    const problems = await db().migrationProblem.findMany({ where: { migrationId, code: 'unreadable-record' } });
    expect(problems.map((problem) => problem.sourceId).sort()).toEqual(REFUSED.map(String));
  });

  it('moves the post whose featured image is gone without it, and the page whose handle the shop had under a new one, saying so', async () => {
    const post = await db().sourceRecord.findUniqueOrThrow({
      where: { migrationId_entity_sourceId: { migrationId, entity: 'blogPosts', sourceId: String(postId(2)) } },
    });
    expect(post).toMatchObject({
      status: 'written',
      reason: expect.stringContaining('could not download the featured image'),
    });
    const codes = async (sourceId: number) =>
      (await db().migrationProblem.findMany({ where: { migrationId, sourceId: String(sourceId) } }))
        .map((problem) => problem.code)
        .sort();
    expect(await codes(postId(2))).toEqual(['image-not-moved', 'image-unreachable']);
    expect(await codes(pageId(2))).toEqual(['handle-taken']);
    const limits = await db().migrationProblem.findMany({ where: { migrationId, code: 'source-limit' } });
    expect(limits.map((problem) => problem.entity).sort()).toEqual(['blogPosts', 'pages']);
    expect(limits[0]?.message).toMatch(/^Only published/);
  });

  it('a second run creates nothing twice: no page, article, blog or redirect is doubled', async () => {
    const before = await inShopify();
    const again = await migrate(woo, shop, { entities: ['pages', 'blogPosts'] });
    expect((await untilSettled(again)).status).toBe('completed');
    expect(await inShopify()).toEqual(before);
    const counts = await db().migrationEntity.findMany({ where: { migrationId: again }, orderBy: { entity: 'asc' } });
    // Nothing changed on the old store: nothing is written, every record is unchanged.
    expect(counts.map((entity) => [entity.entity, entity.written, entity.unchanged, entity.failed])).toEqual([
      ['blogPosts', 0, sourcePosts().length - REFUSED.length, 0],
      ['pages', 0, sourcePages().length, 0],
      ['redirects', 0, before.redirects.length, 0],
    ]);
  });
});
