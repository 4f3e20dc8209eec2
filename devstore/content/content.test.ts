import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
});
afterAll(() => devstore.stop());

const PAGE =
  'mutation($page: PageCreateInput!) { pageCreate(page: $page) { page { id title handle body isPublished } userErrors { field message code } } }';

describe('pages', () => {
  it('creates a published page with a handle from its title, de-duplicated', async () => {
    const first = await admin(devstore, shop, PAGE, { page: { title: 'About Us', body: '<p>We make teapots.</p>' } });
    expect(first.body.data.pageCreate).toMatchObject({
      page: { title: 'About Us', handle: 'about-us', isPublished: true },
      userErrors: [],
    });
    const second = await admin(devstore, shop, PAGE, { page: { title: 'About us' } });
    expect(second.body.data.pageCreate.page.handle).toBe('about-us-1');
  });

  it('answers BLANK, TAKEN and INVALID_PUBLISH_DATE', async () => {
    expect((await admin(devstore, shop, PAGE, { page: { title: ' ' } })).body.data.pageCreate.userErrors[0].code).toBe(
      'BLANK',
    );
    expect(
      (await admin(devstore, shop, PAGE, { page: { title: 'FAQ', handle: 'about-us' } })).body.data.pageCreate
        .userErrors[0],
    ).toEqual({ field: ['page', 'handle'], message: 'Handle has already been taken', code: 'TAKEN' });
    const future = await admin(devstore, shop, PAGE, {
      page: { title: 'Soon', isPublished: true, publishDate: '2999-01-01T00:00:00Z' },
    });
    expect(future.body.data.pageCreate.userErrors[0].code).toBe('INVALID_PUBLISH_DATE');
  });

  it('updates, lists and deletes a page', async () => {
    const created = await admin(devstore, shop, PAGE, { page: { title: 'Shipping', isPublished: false } });
    const id = created.body.data.pageCreate.page.id;
    const updated = await admin(
      devstore,
      shop,
      'mutation($id: ID!) { pageUpdate(id: $id, page: { title: "Shipping & Returns", isPublished: true }) { page { title isPublished } userErrors { code } } }',
      { id },
    );
    expect(updated.body.data.pageUpdate).toEqual({
      page: { title: 'Shipping & Returns', isPublished: true },
      userErrors: [],
    });
    expect(
      (await admin(devstore, shop, '{ pages(first: 5, query: "handle:shipping") { nodes { title } } }')).body.data.pages
        .nodes,
    ).toEqual([{ title: 'Shipping & Returns' }]);
    const deleted = await admin(
      devstore,
      shop,
      'mutation($id: ID!) { pageDelete(id: $id) { deletedPageId userErrors { code } } }',
      { id },
    );
    expect(deleted.body.data.pageDelete).toEqual({ deletedPageId: id, userErrors: [] });
  });
});

describe('blogs and articles', () => {
  const ARTICLE = `mutation($article: ArticleCreateInput!, $blog: ArticleBlogInput) {
    articleCreate(article: $article, blog: $blog) { article { id title handle tags author { name } isPublished blog { title handle } } userErrors { field message code } }
  }`;

  it('creates an article in a new blog named by title, then another in it by blogId', async () => {
    const first = await admin(devstore, shop, ARTICLE, {
      blog: { title: 'Journal' },
      article: { title: 'Brewing Guide', author: { name: 'Mei' }, body: '<p>Steep.</p>', tags: ['tea', 'guide'] },
    });
    const article = first.body.data.articleCreate.article;
    expect(article).toMatchObject({
      title: 'Brewing Guide',
      handle: 'brewing-guide',
      tags: ['tea', 'guide'],
      author: { name: 'Mei' },
      isPublished: true,
      blog: { title: 'Journal', handle: 'journal' },
    });
    const blogs = await admin(devstore, shop, '{ blogs(first: 5) { nodes { id title articlesCount { count } } } }');
    const blog = blogs.body.data.blogs.nodes[0];
    expect(blog).toMatchObject({ title: 'Journal', articlesCount: { count: 1 } });
    const second = await admin(devstore, shop, ARTICLE, {
      article: { blogId: blog.id, title: 'Brewing Guide', author: { name: 'Mei' } },
    });
    expect(second.body.data.articleCreate.article.handle).toBe('brewing-guide-1');
    const tagged = await admin(devstore, shop, '{ articles(first: 5, query: "tag:tea") { nodes { title } } }');
    expect(tagged.body.data.articles.nodes).toEqual([{ title: 'Brewing Guide' }]);
  });

  it('schedules an article: isPublished false with a publishDate still to come keeps that date and stays hidden; a draft has none', async () => {
    const DATED =
      'mutation($article: ArticleCreateInput!, $blog: ArticleBlogInput) { articleCreate(article: $article, blog: $blog) { article { isPublished publishedAt } userErrors { code } } }';
    const scheduled = await admin(devstore, shop, DATED, {
      blog: { title: 'Scheduled' },
      article: { title: 'Winter sale', author: { name: 'A' }, isPublished: false, publishDate: '2031-03-01T09:00:00Z' },
    });
    expect(scheduled.body.data.articleCreate).toEqual({
      article: { isPublished: false, publishedAt: '2031-03-01T09:00:00.000Z' },
      userErrors: [],
    });
    const draft = await admin(devstore, shop, DATED, {
      blog: { title: 'Drafts' },
      article: { title: 'Half-written', author: { name: 'A' }, isPublished: false },
    });
    expect(draft.body.data.articleCreate).toEqual({
      article: { isPublished: false, publishedAt: null },
      userErrors: [],
    });
    const both = await admin(devstore, shop, DATED, {
      blog: { title: 'Both' },
      article: {
        title: 'Now and later',
        author: { name: 'A' },
        isPublished: true,
        publishDate: '2031-03-01T09:00:00Z',
      },
    });
    expect(both.body.data.articleCreate.userErrors.map((error: { code: string }) => error.code)).toEqual([
      'INVALID_PUBLISH_DATE',
    ]);
  });

  it('answers BLOG_REFERENCE_REQUIRED, AMBIGUOUS_BLOG and AUTHOR_FIELD_REQUIRED', async () => {
    const noBlog = await admin(devstore, shop, ARTICLE, { article: { title: 'Orphan', author: { name: 'A' } } });
    expect(noBlog.body.data.articleCreate.userErrors[0].code).toBe('BLOG_REFERENCE_REQUIRED');
    const both = await admin(devstore, shop, ARTICLE, {
      blog: { title: 'X' },
      article: { blogId: 'gid://shopify/Blog/1', title: 'Both', author: { name: 'A' } },
    });
    expect(both.body.data.articleCreate.userErrors.map((error: { code: string }) => error.code)).toContain(
      'AMBIGUOUS_BLOG',
    );
    const noAuthor = await admin(devstore, shop, ARTICLE, {
      blog: { title: 'Y' },
      article: { title: 'Anonymous', author: {} },
    });
    expect(noAuthor.body.data.articleCreate.userErrors[0].code).toBe('AUTHOR_FIELD_REQUIRED');
  });

  it('downloads the article’s image while answering: one that cannot be had is UPLOAD_FAILED and nothing is written', async () => {
    const pictures = http.createServer((request, response) => {
      if (request.url === '/ok.png') {
        response.writeHead(200, { 'Content-Type': 'image/png' });
        return void response.end(
          Buffer.from(
            'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
            'base64',
          ),
        );
      }
      response.writeHead(404, { 'Content-Type': 'text/html' });
      response.end('<h1>Not found</h1>');
    });
    pictures.listen(0, '127.0.0.1');
    await once(pictures, 'listening');
    const base = `http://127.0.0.1:${(pictures.address() as AddressInfo).port}`;
    try {
      const IMAGE = `mutation($article: ArticleCreateInput!, $blog: ArticleBlogInput) {
        articleCreate(article: $article, blog: $blog) { article { title image { url altText } } userErrors { field message code } }
      }`;
      const good = await admin(devstore, shop, IMAGE, {
        blog: { title: 'Pictures' },
        article: {
          title: 'With a picture',
          author: { name: 'Mei' },
          image: { url: `${base}/ok.png`, altText: 'A pot' },
        },
      });
      expect(good.body.data.articleCreate).toEqual({
        article: { title: 'With a picture', image: { url: `${base}/ok.png`, altText: 'A pot' } },
        userErrors: [],
      });
      const dead = await admin(devstore, shop, IMAGE, {
        blog: { title: 'Pictures' },
        article: { title: 'Dead picture', author: { name: 'Mei' }, image: { url: `${base}/gone.png` } },
      });
      expect(dead.body.data.articleCreate).toEqual({
        article: null,
        userErrors: [{ field: ['article', 'image'], message: 'Image upload failed.', code: 'UPLOAD_FAILED' }],
      });
      const titles = await admin(devstore, shop, '{ articles(first: 50) { nodes { title } } }');
      expect(titles.body.data.articles.nodes).not.toContainEqual({ title: 'Dead picture' });
    } finally {
      pictures.close();
    }
  });
});
