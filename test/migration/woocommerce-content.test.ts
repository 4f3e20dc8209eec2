// A real WooCommerce store's pages and posts → Shopify (devstore), end to end (issue 11): WooCommerce's
// own shop, cart, checkout and account pages are not moved and their URLs lead to Shopify's own; the
// privacy and refund pages are offered as policies in the analysis; images inside bodies are uploaded
// to Shopify's Files once each and their src rewritten, one that cannot be fetched is reported and
// leaves no broken file; links to products, categories, pages and posts lead to their Shopify paths;
// Yoast SEO's title and description move; an undo deletes the uploaded files.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/db/db.server.ts';
import { resyncMigration } from '../../app/pipeline/steps/resync.server.ts';
import { undoMigration } from '../../app/pipeline/steps/undo.server.ts';
import { redirectPath } from '../../app/pipeline/entities/redirects/input.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, startTestDevstore } from '../../devstore/testing.ts';
import { pageId, postId } from '../../connectors/woocommerce/fake/content.ts';
import {
  REAL_PAGES,
  REAL_POST_INDEX,
  RETIRED_PRODUCT_PATH,
  STORY_IMAGE,
  STORY_IMAGE_GONE,
  realPageId,
  storyProduct,
} from '../../connectors/woocommerce/fake/real-content.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { installedShop, migrate, startTestWorker, untilSettled } from './harness.ts';

const PAGES = 4;
const POSTS = 12;

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

const link = async (entity: string, sourceId: string | number) =>
  db().idMapEntry.findUnique({
    where: {
      shop_platform_entity_sourceId: { shop: shop.domain, platform: 'woocommerce', entity, sourceId: String(sourceId) },
    },
  });
const record = async (entity: string, sourceId: number) =>
  db().sourceRecord.findUniqueOrThrow({
    where: { migrationId_entity_sourceId: { migrationId, entity, sourceId: String(sourceId) } },
  });

const PAGE = `query Page($id: ID!) {
  page(id: $id) { title body title_tag: metafield(namespace: "global", key: "title_tag") { value } description_tag: metafield(namespace: "global", key: "description_tag") { value } }
}`;
const ARTICLE = `query Article($id: ID!) {
  article(id: $id) { body title_tag: metafield(namespace: "global", key: "title_tag") { value } description_tag: metafield(namespace: "global", key: "description_tag") { value } }
}`;
const FILES = `{ files(first: 100) { nodes { id fileStatus ... on MediaImage { image { url } originalSource { url } } } } }`;
/** The files made from pages' and posts' bodies (the seeded products' images live elsewhere). */
async function bodyFiles() {
  const nodes = (await query(FILES)).files.nodes as {
    id: string;
    fileStatus: string;
    image: { url: string } | null;
    originalSource: { url: string };
  }[];
  return nodes.filter((node) => node.originalSource.url.includes('/wp-content/uploads/2024/05/'));
}

const storyId = () => realPageId(PAGES, 'our-story');
const hrefs = (html: string) =>
  [...html.matchAll(/<a\b[^>]*href="([^"]*)"/g)].map((match) => (match[1] ?? '').replace(/&amp;/g, '&'));
const srcs = (html: string) => [...html.matchAll(/<img\b[^>]*src="([^"]*)"/g)].map((match) => match[1] ?? '');

beforeAll(async () => {
  woo = await startWooCommerceServer({ catalog: { products: 4, pages: PAGES, posts: POSTS, realContent: true } });
  devstore = await startTestDevstore();
  shop = await installedShop(devstore);
  runner = await startTestWorker();
  migrationId = await migrate(woo, shop, { entities: ['collections', 'products', 'pages', 'blogPosts'] });
  await untilSettled(migrationId);
}, 180_000);

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

describe('a real WooCommerce store’s pages and posts', () => {
  it('completes', async () => {
    const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
    expect([migration.status, migration.error]).toEqual(['completed', null]);
  });

  it('does not move WooCommerce’s own pages as pages, says why, and leads their URLs to Shopify’s own', async () => {
    const own = {
      shop: '/collections/all',
      cart: '/cart',
      checkout: '/cart',
      'my-account': '/account',
      basket: '/cart',
    } as const;
    for (const [kind, path] of Object.entries(own)) {
      const row = await record('pages', realPageId(PAGES, kind as keyof typeof own));
      expect(row.status, kind).toBe('skipped');
      expect(row.reason, kind).toContain(`Shopify has its own at ${path}`);
      expect(await link('pages', row.sourceId), kind).toBeNull();
    }
    const titles = ((await query('{ pages(first: 50) { nodes { title } } }')).pages.nodes as { title: string }[]).map(
      (page) => page.title,
    );
    for (const title of ['Shop', 'Cart', 'Checkout', 'My account', 'Basket']) expect(titles).not.toContain(title);
    expect(titles).toEqual(expect.arrayContaining(['Our story', 'Privacy Policy', 'Refund and Returns Policy']));

    const redirects = (
      (await query('{ urlRedirects(first: 100) { nodes { path target } } }')).urlRedirects.nodes as {
        path: string;
        target: string;
      }[]
    ).map((node) => `${node.path} -> ${node.target}`);
    expect(redirects).toEqual(
      expect.arrayContaining([
        '/shop -> /collections/all',
        '/checkout -> /cart',
        '/my-account -> /account',
        '/basket -> /cart',
      ]),
    );
    // The old cart page already is Shopify's cart address: nothing to redirect.
    expect(redirects.filter((redirect) => redirect.startsWith('/cart '))).toEqual([]);

    const findings = await db().migrationProblem.findMany({
      where: { migrationId, code: { in: ['store-page-not-moved', 'store-page-policy'] } },
      orderBy: { sourceId: 'asc' },
    });
    expect(findings.map((finding) => [finding.code, finding.subject])).toEqual([
      ['store-page-not-moved', 'Shop'],
      ['store-page-not-moved', 'Cart'],
      ['store-page-not-moved', 'Checkout'],
      ['store-page-not-moved', 'My account'],
      ['store-page-not-moved', 'Basket'],
      ['store-page-policy', 'Privacy Policy'],
      ['store-page-policy', 'Refund and Returns Policy'],
    ]);
    expect(findings[1]?.action).toBe('Its old URL /cart/ redirects to /cart.');
  });

  it('uploads the old site’s images in bodies to Shopify’s Files once each, and rewrites their src without the old srcset', async () => {
    const imageUrl = `${woo.url}${STORY_IMAGE}`;
    const file = await link('files', imageUrl);
    expect(file?.createdBy).toBe(migrationId);
    const uploaded = (await bodyFiles()).filter((candidate) => candidate.originalSource.url === imageUrl);
    expect(uploaded.map((candidate) => [candidate.id, candidate.fileStatus])).toEqual([[file?.shopifyGid, 'READY']]);
    const cdnUrl = uploaded[0]?.image?.url as string;
    expect(file?.handle).toBe(cdnUrl);
    // As on Shopify, the file lives on the CDN (devstore's stand-in for https://cdn.shopify.com/s/files/…),
    // not at the old site's address, which only originalSource keeps; and the CDN serves the old image.
    expect(cdnUrl).toBe(
      `${devstore.url}/cdn/shop/files/${file?.shopifyGid.split('/').pop()}/${STORY_IMAGE.split('/').pop()}`,
    );
    expect(cdnUrl).not.toBe(imageUrl);
    const [served, original] = await Promise.all([fetch(cdnUrl), fetch(imageUrl)]);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(Buffer.from(await original.arrayBuffer()));

    const { page } = await query(PAGE, { id: (await link('pages', storyId()))?.shopifyGid });
    // Used twice in the page and once in a post: the same Shopify file every time.
    expect(srcs(page.body)).toEqual([cdnUrl, `${woo.url}${STORY_IMAGE_GONE}`, cdnUrl]);
    expect(page.body).not.toContain('srcset');
    expect(page.body).not.toContain('workshop-300x200.jpg');
    const { article } = await query(ARTICLE, { id: (await link('blogPosts', postId(REAL_POST_INDEX)))?.shopifyGid });
    expect(srcs(article.body)).toEqual([cdnUrl]);
    expect(`${page.body}${article.body}`).not.toContain(`src="${imageUrl}"`);
  });

  it('reports an image that cannot be fetched and leaves no broken file behind', async () => {
    const gone = `${woo.url}${STORY_IMAGE_GONE}`;
    expect(
      (await bodyFiles()).filter((file) => file.originalSource.url === gone || file.fileStatus !== 'READY'),
    ).toEqual([]);
    expect(await link('files', gone)).toBeNull();
    const problems = await db().migrationProblem.findMany({ where: { migrationId, code: 'body-image-not-moved' } });
    expect(problems.map((problem) => [problem.entity, problem.sourceId, problem.subject])).toEqual([
      ['pages', String(storyId()), gone],
    ]);
    expect(problems[0]?.message).toContain('Shopify could not download it');
    // The analysis said so before anything was written.
    const foreseen = await db().migrationProblem.findMany({
      where: { migrationId, code: 'image-unreachable', subject: gone },
    });
    expect(foreseen.map((finding) => [finding.entity, finding.sourceId])).toEqual([['pages', String(storyId())]]);
  });

  it('rewrites links to what moved to its Shopify path, and leaves and reports a link to what did not', async () => {
    const productHandle = (await link('products', storyProduct(woo.catalog).id))?.handle;
    const shipping = woo.catalog.pageAt(2);
    const sizeGuide = woo.catalog.pageAt(3);
    const later = woo.catalog.postAt(11);
    const scheduledLater = woo.catalog.postAt(12);
    const { page } = await query(PAGE, { id: (await link('pages', storyId()))?.shopifyGid });
    expect(hrefs(page.body)).toEqual([
      `/products/${productHandle}`,
      '/collections/clothing',
      // Pages written beside this one and posts (written after pages) are not in Shopify yet when its
      // body is written: their old paths on the new domain, which the redirects lead to their new ones.
      redirectPath(shipping.path),
      redirectPath(sizeGuide.path),
      redirectPath(later.path),
      redirectPath(scheduledLater.path),
      '/cart',
      `${woo.url}${RETIRED_PRODUCT_PATH}`,
      'https://example.org/weavers/',
    ]);
    const redirects = (
      (await query('{ urlRedirects(first: 100) { nodes { path target } } }')).urlRedirects.nodes as {
        path: string;
        target: string;
      }[]
    ).map((node) => `${node.path} -> ${node.target}`);
    expect(redirects).toEqual(
      expect.arrayContaining([
        `${redirectPath(shipping.path)} -> /pages/${shipping.slug}`,
        `${redirectPath(sizeGuide.path)} -> /pages/${sizeGuide.slug}`,
        `${redirectPath(later.path)} -> /blogs/news/${later.slug}`,
        `${redirectPath(scheduledLater.path)} -> /blogs/news/${scheduledLater.slug}`,
      ]),
    );

    const { article } = await query(ARTICLE, { id: (await link('blogPosts', postId(REAL_POST_INDEX)))?.shopifyGid });
    expect(hrefs(article.body)).toEqual(['/pages/our-story']);

    const problems = await db().migrationProblem.findMany({ where: { migrationId, code: 'link-not-moved' } });
    expect(problems.map((problem) => [problem.entity, problem.sourceId, problem.subject])).toEqual([
      ['pages', String(storyId()), `${woo.url}${RETIRED_PRODUCT_PATH}`],
    ]);
  });

  it('moves Yoast SEO’s title and description to the page’s and article’s SEO fields', async () => {
    const { page } = await query(PAGE, { id: (await link('pages', storyId()))?.shopifyGid });
    expect([page.title_tag?.value, page.description_tag?.value]).toEqual([
      'The story of Atelier Nord - handmade since 1998',
      'How a small weaving workshop in the north became Atelier Nord.',
    ]);
    const { article } = await query(ARTICLE, { id: (await link('blogPosts', postId(REAL_POST_INDEX)))?.shopifyGid });
    expect([article.title_tag?.value, article.description_tag?.value]).toEqual([
      'Workshop notes | Atelier Nord',
      'What we learned at the loom this month.',
    ]);
    // A page without Yoast fields keeps Shopify's defaults.
    const plain = await query(PAGE, { id: (await link('pages', pageId(3)))?.shopifyGid });
    expect([plain.page.title_tag, plain.page.description_tag]).toEqual([null, null]);
  });

  it('a re-sync of a changed page uses the images already uploaded, uploading none twice', async () => {
    const story = woo.catalog.pageAt(PAGES + REAL_PAGES.indexOf('our-story') + 1);
    // Edited in wp-admin after the migration read the store.
    woo.catalog.store.now = new Date();
    woo.catalog.editContent(story.id, { content: `${story.content}\n<p>Now with a new closing line.</p>` });
    const resync = await resyncMigration(shop.domain, migrationId);
    expect((await untilSettled(resync.id)).status).toBe('completed');
    const imageUrl = `${woo.url}${STORY_IMAGE}`;
    expect((await bodyFiles()).filter((file) => file.originalSource.url === imageUrl)).toHaveLength(1);
    const { page } = await query(PAGE, { id: (await link('pages', storyId()))?.shopifyGid });
    expect(page.body).toContain('Now with a new closing line.');
    expect(srcs(page.body)[0]).toBe((await link('files', imageUrl))?.handle);
  });

  it('undo deletes the files the migration uploaded', async () => {
    await undoMigration(shop.domain, migrationId);
    expect((await untilSettled(migrationId, 120_000, ['undone', 'failed'])).status).toBe('undone');
    expect(await bodyFiles()).toEqual([]);
    expect(await link('files', `${woo.url}${STORY_IMAGE}`)).toBeNull();
  });
});

describe('the privacy and refund pages written as the shop’s policies, when chosen', () => {
  let policyShop: TestShop;
  let policyMigration: string;
  const POLICIES = '{ shop { shopPolicies { type body url } } }';
  const policiesOf = async () => {
    const { body } = await admin(devstore, policyShop, POLICIES);
    return (body.data?.shop.shopPolicies ?? []) as { type: string; body: string; url: string }[];
  };

  beforeAll(async () => {
    policyShop = await installedShop(devstore);
    // The merchant already wrote a privacy policy in Shopify; there is no refund policy yet.
    const { body } = await admin(
      devstore,
      policyShop,
      'mutation { shopPolicyUpdate(shopPolicy: { type: PRIVACY_POLICY, body: "<p>Our own privacy words.</p>" }) { userErrors { message } } }',
    );
    expect(body.data?.shopPolicyUpdate.userErrors).toEqual([]);
    policyMigration = await migrate(woo, policyShop, { entities: ['pages'], policies: 'policies' });
    await untilSettled(policyMigration);
  }, 180_000);

  it('writes them as the shop’s privacy and refund policies, not as pages, and redirects their old URLs there', async () => {
    const privacy = woo.catalog.pageAt(PAGES + 6);
    const refund = woo.catalog.pageAt(PAGES + 7);
    expect(await policiesOf()).toEqual([
      { type: 'PRIVACY_POLICY', body: privacy.content, url: `https://${policyShop.domain}/policies/privacy-policy` },
      { type: 'REFUND_POLICY', body: refund.content, url: `https://${policyShop.domain}/policies/refund-policy` },
    ]);
    const { body } = await admin(
      devstore,
      policyShop,
      '{ pages(first: 50) { nodes { title } } urlRedirects(first: 50) { nodes { path target } } }',
    );
    const titles = (body.data?.pages.nodes as { title: string }[]).map((page) => page.title);
    expect(titles).toContain('Our story');
    expect(titles).not.toContain('Privacy Policy');
    expect(titles).not.toContain('Refund and Returns Policy');
    const redirects = (body.data?.urlRedirects.nodes as { path: string; target: string }[]).map(
      (node) => `${node.path} -> ${node.target}`,
    );
    expect(redirects).toEqual(
      expect.arrayContaining([
        '/privacy-policy -> /policies/privacy-policy',
        '/refund_returns -> /policies/refund-policy',
      ]),
    );
    const finding = await db().migrationProblem.findFirst({
      where: { migrationId: policyMigration, code: 'store-page-policy', subject: 'Privacy Policy' },
    });
    expect(finding?.action).toContain('It becomes the shop’s privacy policy, as chosen');
  });

  it('undo puts the merchant’s own privacy policy back and clears the refund policy it wrote', async () => {
    await undoMigration(policyShop.domain, policyMigration);
    expect((await untilSettled(policyMigration, 120_000, ['undone', 'failed'])).status).toBe('undone');
    expect((await policiesOf()).map(({ type, body }) => ({ type, body }))).toEqual([
      { type: 'PRIVACY_POLICY', body: '<p>Our own privacy words.</p>' },
    ]);
  });
});
