// WordPress pages and posts through wp/v2 as a visitor: paged oldest first with everything embedded,
// only what is published, the awkward ones mapped or kept with their reason, delta runs by
// modified_after, and a site whose plugins shut visitors out of the REST API said in words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageId, postId, seededPost } from './fake/content.ts';
import { startWooCommerceServer, type WooCommerceTestServer } from './fake/server.ts';
import type { Entity } from '../model.ts';
import { createConnector } from '../registry.server.ts';
import type { Extracted, SourceConnector } from '../source-connector.ts';

let store: WooCommerceTestServer;
let connector: SourceConnector;

beforeAll(async () => {
  store = await startWooCommerceServer({ catalog: { products: 3, pages: 12, posts: 230 } });
  connector = createConnector(
    'woocommerce',
    { url: store.url, consumerKey: store.consumerKey, consumerSecret: store.consumerSecret },
    { retryDelaysMs: [10] },
  );
});
afterAll(() => store.close());

async function extractAll(entity: Entity, modifiedAfter?: Date): Promise<Extracted[]> {
  const records: Extracted[] = [];
  let cursor: string | null = null;
  do {
    const page = await connector.extract(entity, cursor, { modifiedAfter });
    records.push(...page.records);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return records;
}

function find(records: Extracted[], id: number): Extracted {
  const found = records.find((record) => record.sourceId === String(id));
  if (!found) throw new Error(`${id} was not extracted`);
  return found;
}

const record = (records: Extracted[], id: number) => {
  const found = find(records, id);
  if (!found.ok) throw new Error(`${id} was kept out: ${found.reason}`);
  return found.record as Record<string, unknown>;
};

describe('blog posts', () => {
  let posts: Extracted[];
  beforeAll(async () => {
    posts = await extractAll('blogPosts');
  });

  it('reads every published post (196 of 230) in pages of 100, oldest first, without WooCommerce’s keys, with author, image and terms embedded', () => {
    const published = Array.from({ length: 230 }, (_, k) => seededPost(k + 1)).filter(
      (post) => post.status === 'publish',
    );
    expect(posts.map((post) => post.sourceId)).toEqual(published.map((post) => String(post.id)));
    const reads = store.requests.filter(
      (request) => request.path === '/wp-json/wp/v2/posts' && request.query.get('per_page') === '100',
    );
    expect(reads.map((request) => request.query.get('page'))).toEqual(['1', '2']);
    for (const request of reads) {
      expect(Object.fromEntries(request.query)).toEqual({
        page: request.query.get('page'),
        per_page: '100',
        orderby: 'id',
        order: 'asc',
        _embed: 'author,wp:featuredmedia,wp:term',
      });
    }
  });

  it('maps a post: decoded title, body, excerpt, author, tags with categories, featured image, date and old URL', () => {
    const post = seededPost(10);
    expect(record(posts, postId(10))).toEqual({
      sourceId: String(postId(10)),
      title: 'Journal entry 10',
      handle: 'journal-entry-10',
      bodyHtml: post.content,
      excerptHtml: '<p>A short look at entry 10.</p>',
      author: 'Ingrid Nord',
      tags: ['Journal', 'Behind the scenes', 'Slow & Steady'],
      image: {
        sourceId: '50010',
        url: `${store.url}/wp-content/uploads/2024/03/journal-10.jpg`,
        alt: 'Photo for entry 10',
        position: 0,
      },
      published: true,
      publishedAt: post.created.toISOString(),
      sourcePath: post.path,
      seo: { title: null, description: null },
      // Its category and tag pages, named by the tag each becomes: their redirects lead to the blog's tag pages.
      listedAt: [
        { path: '/category/journal/', tag: 'Journal' },
        { path: '/tag/behind-the-scenes/', tag: 'Behind the scenes' },
        { path: '/tag/slow-steady/', tag: 'Slow & Steady' },
      ],
    });
  });

  it('keeps the awkward ones: texturized titles decoded, a deleted image or author left to the site, WordPress’s own excerpt', () => {
    expect(record(posts, postId(4))).toMatchObject({
      title: 'Autumn’s collection – a first look',
      excerptHtml: '<p>Wool, linen &amp; a little colour.</p>',
      tags: [],
    });
    expect(record(posts, postId(3))).toMatchObject({ title: 'Our new workshop', image: null });
    expect(record(posts, postId(6))).toMatchObject({ author: 'Atelier Nord' });
    expect(record(posts, postId(2)).image).toMatchObject({
      url: expect.stringContaining('gone-linen-care.jpg'),
      alt: 'Linen drying on a line',
    });
    expect(record(posts, postId(11)).excerptHtml).toBe(
      '<p>Notes from the workshop, entry 11. More words follow here.</p>',
    );
  });

  it('keeps out a post without a title and a password-protected one, saying why', () => {
    expect(find(posts, postId(1))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('has no title, and Shopify needs one'),
    });
    expect(find(posts, postId(5))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('“Friends & family sale” is password-protected'),
    });
  });

  it('a delta run asks for what changed since, with the zone, and gets only that', async () => {
    store.catalog.store.now = new Date('2030-01-01T10:00:00Z');
    store.catalog.editContent(postId(12), { title: 'Journal entry 12, revised' });
    const changed = await extractAll('blogPosts', new Date('2029-12-31T00:00:00Z'));
    expect(changed.map((post) => post.ok && (post.record as { title: string }).title)).toEqual([
      'Journal entry 12, revised',
    ]);
    expect(store.requests.at(-1)?.query.get('modified_after')).toBe('2029-12-31T00:00:00Z');
  });
});

describe('pages', () => {
  it('reads published pages: the front page without an old URL to redirect, a child page’s nested path, a non-Latin slug decoded', async () => {
    const pages = await extractAll('pages');
    expect(pages.map((page) => Number(page.sourceId))).not.toContain(pageId(5));
    expect(pages.map((page) => Number(page.sourceId))).not.toContain(pageId(6));
    expect(record(pages, pageId(1))).toMatchObject({ title: 'Home', sourcePath: null, published: true });
    expect(record(pages, pageId(2))).toMatchObject({
      title: 'Shipping & Returns',
      handle: 'shipping-returns',
      sourcePath: '/shipping-returns/',
    });
    expect(record(pages, pageId(3))).toMatchObject({
      title: 'Size Guide',
      sourcePath: '/shipping-returns/size-guide/',
    });
    expect(record(pages, pageId(4))).toMatchObject({
      title: 'Доставка',
      handle: 'доставка',
      sourcePath: '/%d0%b4%d0%be%d1%81%d1%82%d0%b0%d0%b2%d0%ba%d0%b0/',
    });
  });

  it('the store description counts published pages and posts', async () => {
    const description = await connector.describe();
    // Every seventh regular post is a draft or private, and three of the awkward ones are not published.
    expect(description.counts).toMatchObject({ pages: 10, blogPosts: 230 - 3 - Math.floor((230 - 9) / 7) });
  });
});

describe('a WordPress that keeps visitors out', () => {
  it('asking for drafts as a visitor is forbidden, as WordPress answers', async () => {
    const answer = await fetch(`${store.url}/wp-json/wp/v2/posts?status=draft`);
    expect([answer.status, await answer.json()]).toEqual([
      401,
      { code: 'rest_forbidden_status', message: 'Status is forbidden.', data: { status: 401 } },
    ]);
  });

  it('a plugin that lets only logged-in users read the REST API: reading posts stops with words, the description leaves them out', async () => {
    store.setFault({ kind: 'rest-login-required' }, { paths: /^\/wp-json\/wp\/v2\// });
    try {
      await expect(connector.extract('blogPosts', null)).rejects.toMatchObject({
        problem: 'api-disabled',
        retryable: false,
        message: expect.stringContaining('lets only logged-in users read pages and posts'),
      });
      const description = await connector.describe();
      expect(description.counts).not.toHaveProperty('pages');
      expect(description.counts).toHaveProperty('products');
    } finally {
      store.setFault(null);
    }
  });
});
