// WooCommerce products as a real store has them → Shopify (devstore), end to end: the sample
// "V-Neck T-Shirt" (colours each sold in any Size), a variation sold in any Size beside a chosen one,
// the external "WordPress Pennant", the downloadable "Album", and 301s from the old product tag,
// blog category and tag pages and the shop page to Shopify's listings (decision 0025).
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/db/db.server.ts';
import { PAGE_SIZE, redirectsPage } from '../../app/migrations/views.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, startTestDevstore } from '../../devstore/testing.ts';
import { decodeEntities } from '../../connectors/woocommerce/text.ts';
import { type RealKind } from '../../connectors/woocommerce/fake/catalog.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { installedShop, migrate, startTestWorker, untilSettled } from './harness.ts';

const POSTS = 8;

let woo: WooCommerceTestServer;
let devstore: Devstore;
let shop: TestShop;
let runner: Runner;
let migrationId: string;

interface InShopify {
  status: string;
  tags: string[];
  onOnlineStore: boolean;
  options: { name: string; values: string[] }[];
  variants: {
    nodes: {
      sku: string | null;
      price: string;
      inventoryQuantity: number | null;
      selectedOptions: { name: string; value: string }[];
      inventoryItem: { requiresShipping: boolean };
    }[];
  };
  externalUrl: { value: string; type: string } | null;
  buttonText: { value: string } | null;
  downloads: { value: string; type: string } | null;
  size: { value: string } | null;
}

async function query(document: string, variables: Record<string, unknown> = {}) {
  const { body } = await admin(devstore, shop, document, variables);
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function inShopify(kind: RealKind): Promise<InShopify> {
  const link = await db().idMapEntry.findFirstOrThrow({
    where: { shop: shop.domain, entity: 'products', sourceId: String(woo.catalog.realId(kind)) },
  });
  const publications = await query('{ publications(first: 5) { nodes { id catalog { title } } } }');
  const onlineStore = (publications.publications.nodes as { id: string; catalog: { title: string } }[]).find(
    (node) => node.catalog.title === 'Online Store',
  )?.id;
  const data = await query(
    `query Product($id: ID!, $onlineStore: ID!) {
      product(id: $id) {
        status tags
        onOnlineStore: publishedOnPublication(publicationId: $onlineStore)
        options { name values }
        variants(first: 20) { nodes { sku price inventoryQuantity selectedOptions { name value } inventoryItem { requiresShipping } } }
        externalUrl: metafield(namespace: "shipyard", key: "external_url") { value type }
        buttonText: metafield(namespace: "shipyard", key: "button_text") { value }
        downloads: metafield(namespace: "shipyard", key: "downloads") { value type }
        size: metafield(namespace: "woocommerce", key: "attribute_size") { value }
      }
    }`,
    { id: link.shopifyGid, onlineStore },
  );
  return data.product as InShopify;
}

const problems = async (kind: RealKind) =>
  (
    await db().migrationProblem.findMany({
      where: { migrationId, sourceId: String(woo.catalog.realId(kind)) },
      orderBy: { id: 'asc' },
    })
  ).map((problem) => problem.code);

const variantRows = (product: InShopify) =>
  product.variants.nodes.map((variant) => [
    variant.selectedOptions.map((option) => option.value).join(' / '),
    variant.sku,
    variant.price,
    variant.inventoryQuantity,
  ]);

beforeAll(async () => {
  woo = await startWooCommerceServer({
    catalog: {
      products: 4,
      awkward: false,
      realProducts: true,
      posts: POSTS,
      pages: 0,
      customers: 0,
      orders: 0,
      coupons: 0,
      reviews: 0,
    },
  });
  devstore = await startTestDevstore();
  shop = await installedShop(devstore);
  runner = await startTestWorker();
  migrationId = await migrate(woo, shop, { entities: ['collections', 'products', 'blogPosts'] });
  await untilSettled(migrationId);
}, 180_000);

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

describe('WooCommerce products as they really are', () => {
  it('completes, every product moved, and its verification finds Shopify matching', async () => {
    const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
    expect(migration.error).toBeNull();
    expect(migration.status).toBe('completed');
    expect((migration.verification as { mismatches: unknown[] }).mismatches).toEqual([]);
    const products = await db().sourceRecord.findMany({
      where: { migrationId, entity: 'products' },
      select: { sourceId: true, status: true, reason: true },
    });
    expect(products.map((row) => [row.status, row.reason])).toEqual(Array.from({ length: 4 }, () => ['written', null]));
  });

  it('the V-Neck T-Shirt moves with its colours; Size, which no variation chooses, is kept as product data and reported', async () => {
    const tee = await inShopify('v-neck-t-shirt');
    expect(tee.options).toEqual([{ name: 'Color', values: ['Blue', 'Green', 'Red'] }]);
    expect(variantRows(tee).sort()).toEqual([
      ['Blue', 'woo-vneck-tee-blue', '15.00', 0],
      ['Green', 'woo-vneck-tee-green', '20.00', 0],
      ['Red', 'woo-vneck-tee-red', '20.00', 0],
    ]);
    expect(tee.size?.value).toBe(JSON.stringify(['Large', 'Medium', 'Small']));
    expect(tee).toMatchObject({ status: 'ACTIVE', onOnlineStore: true });
    expect(await problems('v-neck-t-shirt')).toEqual(['any-value-option']);
  });

  it('a variation sold in any Size becomes one variant per Size it does not share, its stock shared out, SKUs apart', async () => {
    const beanie = await inShopify('any-size-beanie');
    expect(beanie.options.map((option) => option.name)).toEqual(['Color', 'Size']);
    expect(variantRows(beanie)).toEqual([
      ['Grey / Small', 'RB-GREY-S', '18.00', 4],
      ['Black / Small', 'RB-BLACK-Small', '19.00', 4],
      ['Black / Large', 'RB-BLACK-Large', '19.00', 3],
    ]);
    expect(await problems('any-size-beanie')).toEqual(['any-value-variation']);
  });

  it('the external product moves as a draft on no channel, tagged, with its link and button text; the analysis says what to do', async () => {
    const pennant = await inShopify('external-pennant');
    expect(pennant).toMatchObject({
      status: 'DRAFT',
      onOnlineStore: false,
      externalUrl: { value: 'https://mercantile.wordpress.org/product/wordpress-pennant/', type: 'url' },
      buttonText: { value: 'Buy on the WordPress swag store!' },
    });
    expect(pennant.tags.sort()).toEqual(['Gift idea', 'external-product']);
    expect(pennant.variants.nodes[0]?.inventoryItem.requiresShipping).toBe(false);
    expect(await problems('external-pennant')).toEqual(['external-product']);
  });

  it('the downloadable product is tagged, its links (never the files) kept, no shipping; the analysis names the app it needs', async () => {
    const album = await inShopify('downloadable-album');
    expect(album).toMatchObject({ status: 'ACTIVE', onOnlineStore: true, downloads: { type: 'json' } });
    expect(JSON.parse(album.downloads?.value ?? '[]')).toEqual([
      {
        name: 'Single 1',
        url: 'https://demo.woothemes.com/woocommerce/wp-content/uploads/sites/56/2017/08/single.jpg',
      },
      { name: 'Single 2', url: 'https://demo.woothemes.com/woocommerce/wp-content/uploads/sites/56/2017/08/album.jpg' },
    ]);
    expect(album.tags.sort()).toEqual(['Gift idea', 'downloadable']);
    expect(album.variants.nodes[0]?.inventoryItem.requiresShipping).toBe(false);
    expect(await problems('downloadable-album')).toEqual(['downloadable-product']);
    const finding = await db().migrationProblem.findFirstOrThrow({
      where: { migrationId, code: 'downloadable-product' },
    });
    expect(finding.action).toContain('digital downloads app');
  });

  it('redirects the old product tag pages, the shop page and the blog’s category and tag pages to Shopify’s listings', async () => {
    const data = await query('{ urlRedirects(first: 100) { nodes { path target } } }');
    const redirects = new Map(
      (data.urlRedirects.nodes as { path: string; target: string }[]).map((node) => [node.path, node.target]),
    );
    expect(redirects.get('/product-tag/bestseller')).toBe('/collections/all/bestseller');
    expect(redirects.get('/product-tag/organic')).toBe('/collections/all/organic');
    expect(redirects.get('/product-tag/gift-idea')).toBe('/collections/all/gift-idea');
    expect(redirects.get('/shop')).toBe('/collections/all');

    const blog = (await query('{ blogs(first: 1) { nodes { handle } } }')).blogs.nodes[0].handle as string;
    const written = new Set(
      (
        await db().sourceRecord.findMany({
          where: { migrationId, entity: 'blogPosts', status: 'written' },
          select: { sourceId: true },
        })
      ).map((row) => row.sourceId),
    );
    const terms = Array.from({ length: POSTS }, (_, k) => woo.catalog.postAt(k + 1))
      .filter((post) => written.has(String(post.id)) && post.status === 'publish')
      .flatMap((post) => [...post.categories, ...post.tags]);
    expect(terms.length).toBeGreaterThan(0);
    for (const term of terms) {
      const base = term.taxonomy === 'category' ? 'category' : 'tag';
      const tagHandle = decodeEntities(term.name)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      const expected = term.slug === 'uncategorized' ? `/blogs/${blog}` : `/blogs/${blog}/tagged/${tagHandle}`;
      expect(redirects.get(`/${base}/${term.slug}`), term.slug).toBe(expected);
    }
    expect(terms.some((term) => term.taxonomy === 'post_tag')).toBe(true);
  });

  it('the migration page’s redirects list shows where each listing redirect leads', async () => {
    const listed = new Map<string, string | null>();
    const { total } = await redirectsPage(shop.domain, migrationId, 1);
    for (let page = 1; (page - 1) * PAGE_SIZE < total; page++) {
      for (const row of (await redirectsPage(shop.domain, migrationId, page)).rows) listed.set(row.path, row.target);
    }
    expect(listed.get('/product-tag/bestseller/')).toBe('/collections/all/bestseller');
    expect(listed.get('/shop/')).toBe('/collections/all');
  });

  it('the plan counted the listing pages among the redirects it would write', async () => {
    const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
    const planned = (migration.plan as { entities: { entity: string; records: number }[] }).entities.find(
      (entity) => entity.entity === 'redirects',
    )?.records;
    const listings = await db().sourceRecord.count({
      where: { migrationId, entity: 'redirects', sourceId: { startsWith: 'listing:' } },
    });
    expect(listings).toBeGreaterThan(4);
    const records = await db().sourceRecord.count({
      where: { migrationId, entity: { in: ['collections', 'products', 'blogPosts'] }, status: { not: 'invalid' } },
    });
    expect(planned).toBe(records + listings);
  });
});
