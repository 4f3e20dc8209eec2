// WordPress pages and posts moved with the merchant's WordPress application password, end to end
// (a local WordPress, which takes application passwords over http): drafts and private pages become
// hidden pages, drafts and private posts unpublished articles, the scheduled post keeps its date
// still to come, the password-protected post moves hidden with a problem saying why; no
// "only published" source limit, and no redirect from what visitors could never open.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/db/db.server.ts';
import { createMigration } from '../../app/pipeline/lifecycle.server.ts';
import { startMigration } from '../../app/pipeline/steps/extract.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, startTestDevstore } from '../../devstore/testing.ts';
import { SCHEDULED_FOR, pageId, postId } from '../../connectors/woocommerce/fake/content.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { WP_USERS } from '../../connectors/woocommerce/fake/wordpress-users.ts';
import { installedShop, startTestWorker, untilSettled } from './harness.ts';

const PAGES = 8;
const POSTS = 12;
const ADMIN = WP_USERS[0] as (typeof WP_USERS)[0];

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

const links = async (entity: string) =>
  new Map(
    (await db().idMapEntry.findMany({ where: { shop: shop.domain, entity } })).map((entry) => [
      entry.sourceId,
      entry.shopifyGid,
    ]),
  );
const page = async (id: number) =>
  (
    await query('query Page($id: ID!) { page(id: $id) { title isPublished publishedAt } }', {
      id: (await links('pages')).get(String(id)),
    })
  ).page;
const article = async (id: number) =>
  (
    await query('query Article($id: ID!) { article(id: $id) { title body isPublished publishedAt } }', {
      id: (await links('blogPosts')).get(String(id)),
    })
  ).article;

beforeAll(async () => {
  woo = await startWooCommerceServer({
    catalog: { products: 1, pages: PAGES, posts: POSTS },
    wordpressEnvironment: 'local',
  });
  devstore = await startTestDevstore();
  shop = await installedShop(devstore);
  runner = await startTestWorker();
  const credentials = {
    url: woo.url,
    consumerKey: woo.consumerKey,
    consumerSecret: woo.consumerSecret,
    wordpressUser: ADMIN.login,
    wordpressApplicationPassword: ADMIN.applicationPassword,
  };
  const migration = await createMigration({
    shop: shop.domain,
    platform: 'woocommerce',
    sourceUrl: woo.url,
    credentials,
    entities: ['pages', 'blogPosts'],
    options: { unattended: true },
  });
  await startMigration(shop.domain, migration.id);
  migrationId = migration.id;
  await untilSettled(migrationId);
}, 180_000);

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

describe('WordPress drafts, private and scheduled content, with an application password', () => {
  it('completes, writing every page and every post but the one without a title', async () => {
    const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
    expect([migration.status, migration.error]).toEqual(['completed', null]);
    expect((await links('pages')).size).toBe(PAGES);
    expect([...(await links('blogPosts')).keys()].sort()).toEqual(
      Array.from({ length: POSTS - 1 }, (_, k) => String(postId(k + 2))).sort(),
    );
  });

  it('the draft and the private page are hidden pages; published ones stay published', async () => {
    expect(await page(pageId(5))).toEqual({ title: 'Wholesale (coming soon)', isPublished: false, publishedAt: null });
    expect(await page(pageId(6))).toEqual({ title: 'Staff notes', isPublished: false, publishedAt: null });
    expect(await page(pageId(1))).toMatchObject({ title: 'Home', isPublished: true });
  });

  it('the draft and the private post are unpublished articles; the scheduled post keeps its date still to come', async () => {
    expect(await article(postId(7))).toMatchObject({
      title: 'Half-written thoughts',
      isPublished: false,
      publishedAt: null,
    });
    expect(await article(postId(9))).toMatchObject({ title: 'Supplier list', isPublished: false, publishedAt: null });
    expect(await article(postId(8))).toMatchObject({
      title: 'Winter sale announcement',
      isPublished: false,
      publishedAt: SCHEDULED_FOR.toISOString(),
    });
  });

  it('the password-protected post moves hidden with its content, and the analysis says why', async () => {
    expect(await article(postId(5))).toMatchObject({
      title: 'Friends & family sale',
      isPublished: false,
      body: expect.stringContaining('Notes from the workshop, entry 5.'),
    });
    const problems = await db().migrationProblem.findMany({ where: { migrationId, code: 'password-protected' } });
    expect(problems.map((problem) => [problem.entity, problem.sourceId])).toEqual([['blogPosts', String(postId(5))]]);
    expect(problems[0]?.message).toContain('Shopify articles cannot have a password: it moves hidden');
  });

  it('raises no “only published” source limit, and makes no redirect from what visitors could not open', async () => {
    expect(await db().migrationProblem.count({ where: { migrationId, code: 'source-limit' } })).toBe(0);
    const redirects = (await query('query { urlRedirects(first: 100) { nodes { path } } }')).urlRedirects.nodes as {
      path: string;
    }[];
    const pages = Array.from({ length: PAGES }, (_, k) => woo.catalog.pageAt(k + 1)).filter(
      (item) => item.status === 'publish' && item.path !== '/',
    );
    const posts = Array.from({ length: POSTS }, (_, k) => woo.catalog.postAt(k + 1)).filter(
      (item) => item.status === 'publish' && !item.password && item.title !== '',
    );
    // The category and tag pages that listed a published post redirect too (decision 0025).
    const listings = new Set(
      posts
        .flatMap((post) => [...post.categories, ...post.tags])
        .map((term) => `/${term.taxonomy === 'category' ? 'category' : 'tag'}/${term.slug}`),
    );
    expect(redirects.map((redirect) => redirect.path).sort()).toEqual(
      [...[...pages, ...posts].map((item) => item.path.replace(/\/$/, '')), ...listings].sort(),
    );
  });
});
