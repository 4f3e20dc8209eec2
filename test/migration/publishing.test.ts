// The migrated catalog is visible: what shoppers could see in WooCommerce is published on the
// merchant's sales channels (the Online Store unless they chose otherwise), drafts, private and
// hidden products stay unpublished; request by request and in bulk; a re-sync publishes what became
// visible and unpublishes what became hidden; the verification names a product not where it belongs.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/db/db.server.ts';
import { resyncMigration } from '../../app/pipeline/steps/resync.server.ts';
import { type Verification, verifyMigration } from '../../app/pipeline/steps/verify.server.ts';
import { adminClientFor } from '../../app/shopify-admin/connection.server.ts';
import { type ProductRecord, visibleAtSource } from '../../connectors/model.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, startTestDevstore } from '../../devstore/testing.ts';
import { type Catalog, seedCatalog } from '../../connectors/woocommerce/fake/catalog.ts';
import { productId } from '../../connectors/woocommerce/fake/store.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { installedShop, migrate, startTestWorker, untilSettled } from './harness.ts';

let catalog: Catalog;
let woo: WooCommerceTestServer;
let devstore: Devstore;
let runner: Runner;

// The generated catalog after the 29 awkward products: every 17th hidden from the shop, every 19th a draft.
const HIDDEN = productId(34);
const DRAFT = productId(38);
const SHOP_ONLY = productId(39);

interface InShopify {
  title: string;
  status: string;
  onlineStoreUrl: string | null;
  onOnlineStore: boolean;
  onPointOfSale: boolean;
}

async function channelsOf(shop: TestShop): Promise<{ onlineStore: string; pointOfSale: string }> {
  const { body } = await admin(devstore, shop, '{ publications(first: 5) { nodes { id catalog { title } } } }');
  const nodes = body.data.publications.nodes as { id: string; catalog: { title: string } }[];
  const named = (title: string) => nodes.find((node) => node.catalog.title === title)?.id ?? '';
  return { onlineStore: named('Online Store'), pointOfSale: named('Point of Sale') };
}

/** Every product in the shop, by WooCommerce id, with where it is published. */
async function productsInShopify(shop: TestShop): Promise<Map<string, InShopify>> {
  const { onlineStore, pointOfSale } = await channelsOf(shop);
  const found = new Map<string, InShopify>();
  let after: string | null = null;
  do {
    const { body } = await admin(
      devstore,
      shop,
      `query Page($after: String, $onlineStore: ID!, $pointOfSale: ID!) {
        products(first: 100, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes {
            title status onlineStoreUrl
            onOnlineStore: publishedOnPublication(publicationId: $onlineStore)
            onPointOfSale: publishedOnPublication(publicationId: $pointOfSale)
            metafield(namespace: "shipyard", key: "source_reference") { value }
          }
        }
      }`,
      { after, onlineStore, pointOfSale },
    );
    for (const node of body.data.products.nodes as (InShopify & { metafield: { value: string } })[]) {
      const { metafield, ...rest } = node;
      found.set(metafield.value.replace('woocommerce:', ''), rest);
    }
    after = body.data.products.pageInfo.hasNextPage ? body.data.products.pageInfo.endCursor : null;
  } while (after);
  return found;
}

/** The products the migration wrote, with whether shoppers could see each in WooCommerce. */
async function written(migrationId: string): Promise<{ sourceId: string; visible: boolean }[]> {
  const rows = await db().sourceRecord.findMany({
    where: { migrationId, entity: 'products', status: 'written' },
    select: { sourceId: true, data: true },
  });
  return rows.map((row) => ({
    sourceId: row.sourceId,
    visible: visibleAtSource(row.data as unknown as ProductRecord),
  }));
}

async function collectionsOnOnlineStore(shop: TestShop): Promise<boolean[]> {
  const { onlineStore } = await channelsOf(shop);
  const { body } = await admin(
    devstore,
    shop,
    'query($onlineStore: ID!) { collections(first: 100) { nodes { publishedOnPublication(publicationId: $onlineStore) } } }',
    { onlineStore },
  );
  return (body.data.collections.nodes as { publishedOnPublication: boolean }[]).map(
    (node) => node.publishedOnPublication,
  );
}

beforeAll(async () => {
  catalog = seedCatalog({
    products: 40,
    variationsPerProduct: 2,
    imagesPerProduct: 0,
    customers: 0,
    orders: 0,
    coupons: 0,
    reviews: 0,
    pages: 0,
    posts: 0,
  });
  woo = await startWooCommerceServer({ catalog });
  devstore = await startTestDevstore();
  runner = await startTestWorker();
}, 60_000);

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

describe('publishing request by request, on the Online Store by default', () => {
  let shop: TestShop;
  let migrationId: string;

  beforeAll(async () => {
    // The shop also sells in person: Point of Sale is a channel, but nobody chose it.
    shop = await installedShop(devstore, 'Plus', { salesChannels: ['Point of Sale'] });
    migrationId = await migrate(woo, shop, { bulk: false });
    expect((await untilSettled(migrationId, 90_000)).status).toBe('completed');
  }, 200_000);

  it('publishes what shoppers could see on the Online Store only, and leaves drafts, private and hidden products unpublished', async () => {
    const products = await written(migrationId);
    const inShopify = await productsInShopify(shop);
    const { onlineStore } = await channelsOf(shop);
    expect(products.find((product) => product.sourceId === String(HIDDEN))?.visible).toBe(false);
    expect(products.find((product) => product.sourceId === String(DRAFT))?.visible).toBe(false);
    expect(products.find((product) => product.sourceId === String(catalog.awkwardId('private')))?.visible).toBe(false);
    expect(products.find((product) => product.sourceId === String(SHOP_ONLY))?.visible).toBe(true);
    for (const product of products) {
      const found = inShopify.get(product.sourceId);
      expect(found, product.sourceId).toBeDefined();
      expect(
        { onOnlineStore: found?.onOnlineStore, onPointOfSale: found?.onPointOfSale },
        `${product.sourceId} ${found?.title}`,
      ).toEqual({ onOnlineStore: product.visible, onPointOfSale: false });
      // What shoppers reach: only an active product published on the Online Store has a URL there.
      expect(found?.onlineStoreUrl !== null, `${product.sourceId} ${found?.title}`).toBe(product.visible);
    }
    const links = await db().idMapEntry.findMany({ where: { shop: shop.domain, entity: 'products' } });
    for (const link of links)
      expect(link.publishedOn, link.sourceId).toEqual(
        products.find((product) => product.sourceId === link.sourceId)?.visible ? [onlineStore] : [],
      );
    expect(await collectionsOnOnlineStore(shop)).toEqual(expect.arrayContaining([true]));
    expect((await collectionsOnOnlineStore(shop)).every(Boolean)).toBe(true);
  });

  it('its plan said what would be published and the analysis named each product that stays unpublished', async () => {
    const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
    const staged = await db().sourceRecord.findMany({
      where: { migrationId, entity: 'products', status: { not: 'invalid' } },
      select: { sourceId: true, data: true },
    });
    const hidden = staged
      .filter((row) => !visibleAtSource(row.data as unknown as ProductRecord))
      .map((row) => row.sourceId)
      .sort();
    const collections = await db().sourceRecord.count({
      where: { migrationId, entity: 'collections', status: { not: 'invalid' } },
    });
    expect((migration.plan as { publishing: unknown }).publishing).toEqual({
      channels: ['Online Store'],
      products: { published: staged.length - hidden.length, unpublished: hidden.length },
      collections: { published: collections, unpublished: 0 },
    });
    const problems = await db().migrationProblem.findMany({
      where: { migrationId, code: 'stays-unpublished' },
      orderBy: { sourceId: 'asc' },
    });
    // An external (affiliate) product stays unpublished too, and its own finding says why (decision 0025).
    const elsewhere = staged
      .filter((row) => (row.data as unknown as ProductRecord).soldElsewhere)
      .map((row) => row.sourceId);
    expect(elsewhere).toEqual([String(catalog.awkwardId('external'))]);
    expect(problems.map((problem) => problem.sourceId)).toEqual(hidden.filter((id) => !elsewhere.includes(id)));
    expect(
      await db().migrationProblem.count({
        where: { migrationId, code: 'external-product', sourceId: { in: elsewhere } },
      }),
    ).toBe(1);
    expect(hidden).toEqual(
      expect.arrayContaining([String(HIDDEN), String(DRAFT), String(catalog.awkwardId('private'))]),
    );
  });

  it('its verification finds everything where it belongs and counts what was published', async () => {
    const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
    const verification = migration.verification as unknown as Verification;
    expect(verification.mismatches).toEqual([]);
    const products = await written(migrationId);
    const collections = await db().sourceRecord.count({
      where: { migrationId, entity: 'collections', status: 'written' },
    });
    expect(verification.publishing).toEqual({
      channels: ['Online Store'],
      products: {
        published: products.filter((product) => product.visible).length,
        unpublished: products.filter((product) => !product.visible).length,
      },
      collections: { published: collections, unpublished: 0 },
    });
  });

  it('a re-sync publishes a product that became visible and unpublishes one hidden since, and leaves the rest alone', async () => {
    const visibleBefore = productId(31);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // WooCommerce dates have whole seconds
    catalog.store.now = new Date();
    catalog.editProduct(HIDDEN, { catalog_visibility: 'visible' });
    catalog.editProduct(visibleBefore, { catalog_visibility: 'hidden' });
    const before = new Date();
    const resync = await resyncMigration(shop.domain, migrationId);
    const settled = await untilSettled(resync.id, 120_000);
    expect(settled.status).toBe('completed');
    expect((settled.verification as unknown as Verification).mismatches).toEqual([]);

    const inShopify = await productsInShopify(shop);
    expect(inShopify.get(String(HIDDEN))).toMatchObject({ onOnlineStore: true, onPointOfSale: false });
    expect(inShopify.get(String(HIDDEN))?.onlineStoreUrl).not.toBeNull();
    expect(inShopify.get(String(visibleBefore))).toMatchObject({ onOnlineStore: false, onlineStoreUrl: null });
    // Only the two products that changed were written again.
    const touched = await db().idMapEntry.findMany({
      where: { shop: shop.domain, entity: 'products', updatedAt: { gt: before } },
      orderBy: { sourceId: 'asc' },
    });
    expect(touched.map((link) => link.sourceId)).toEqual([String(visibleBefore), String(HIDDEN)].sort());
  });

  it('the verification names a product and a collection the merchant unpublished since', async () => {
    // A product of the verification's sample (its md5 order), visible in WooCommerce and left as the re-sync found it.
    const sample = await db().$queryRaw<{ sourceId: string; shopifyGid: string; title: string; data: ProductRecord }[]>`
      SELECT r."sourceId", m."shopifyGid", r.data->>'title' AS title, r.data FROM "SourceRecord" r
      JOIN "IdMapEntry" m ON m.shop = r.shop AND m.entity = 'products' AND m."sourceId" = r."sourceId"
      WHERE r."migrationId" = ${migrationId} AND r.entity = 'products' AND r.status = 'written'
      ORDER BY md5(r."sourceId") LIMIT 20`;
    const visible = sample.find((row) => visibleAtSource(row.data) && row.sourceId !== String(productId(31)));
    if (!visible) throw new Error('no visible product in the sample');
    const { onlineStore } = await channelsOf(shop);
    const unpublish = await admin(
      devstore,
      shop,
      'mutation($id: ID!, $input: [PublicationInput!]!) { publishableUnpublish(id: $id, input: $input) { userErrors { message } } }',
      { id: visible.shopifyGid, input: [{ publicationId: onlineStore }] },
    );
    expect(unpublish.body.data.publishableUnpublish.userErrors).toEqual([]);

    const [collection] = await db().$queryRaw<{ sourceId: string; shopifyGid: string; title: string }[]>`
      SELECT m."sourceId", m."shopifyGid", r.data->>'title' AS title FROM "IdMapEntry" m
      JOIN "SourceRecord" r ON r."migrationId" = ${migrationId} AND r.entity = 'collections' AND r."sourceId" = m."sourceId"
      WHERE m.shop = ${shop.domain} AND m.entity = 'collections' ORDER BY m.id LIMIT 1`;
    if (!collection) throw new Error('no collection written');
    const unpublishCollection = await admin(
      devstore,
      shop,
      'mutation($id: ID!, $input: [PublicationInput!]!) { publishableUnpublish(id: $id, input: $input) { userErrors { message } } }',
      { id: collection.shopifyGid, input: [{ publicationId: onlineStore }] },
    );
    expect(unpublishCollection.body.data.publishableUnpublish.userErrors).toEqual([]);

    const verification = await verifyMigration(migrationId, await adminClientFor(shop.domain), 'woocommerce');
    const off = verification.mismatches.filter((mismatch) => mismatch.field.startsWith('published on'));
    expect(off).toEqual([
      {
        sourceId: visible.sourceId,
        name: visible.title,
        field: 'published on Online Store',
        expected: 'published',
        found: 'not published',
      },
      {
        sourceId: collection.sourceId,
        name: collection.title,
        field: 'published on Online Store',
        expected: 'published',
        found: 'not published',
      },
    ]);
  });
});

describe('publishing in bulk, on the channels the merchant chose', () => {
  let shop: TestShop;
  let channels: { onlineStore: string; pointOfSale: string };
  let migrationId: string;

  beforeAll(async () => {
    shop = await installedShop(devstore, 'Plus', { salesChannels: ['Point of Sale'] });
    channels = await channelsOf(shop);
    migrationId = await migrate(woo, shop, { bulk: true, channels: [channels.onlineStore, channels.pointOfSale] });
    expect((await untilSettled(migrationId, 90_000)).status).toBe('completed');
  }, 200_000);

  it('publishes the written products on both channels through a bulk operation of its own', async () => {
    const batches = await db().bulkBatch.findMany({ where: { migrationId }, orderBy: { createdAt: 'asc' } });
    expect(batches.map((batch) => [batch.entity, batch.status])).toEqual([
      ['products', 'collected'],
      ['product-placements', 'collected'],
    ]);
    const products = await written(migrationId);
    expect(batches[1]?.recordIds).toHaveLength(products.filter((product) => product.visible).length);
    const inShopify = await productsInShopify(shop);
    for (const product of products) {
      expect(inShopify.get(product.sourceId), product.sourceId).toMatchObject({
        onOnlineStore: product.visible,
        onPointOfSale: product.visible,
      });
    }
    const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
    const verification = migration.verification as unknown as Verification;
    expect(verification.mismatches).toEqual([]);
    expect(verification.publishing?.channels).toEqual(['Online Store', 'Point of Sale']);
  });

  it('a later migration that chooses the Online Store only takes its products off Point of Sale without writing them again', async () => {
    const before = new Date();
    const again = await migrate(woo, shop, { bulk: false, channels: [channels.onlineStore] });
    expect((await untilSettled(again, 90_000)).status).toBe('completed');
    const products = await written(again);
    const inShopify = await productsInShopify(shop);
    for (const product of products)
      expect(inShopify.get(product.sourceId), product.sourceId).toMatchObject({
        onOnlineStore: product.visible,
        onPointOfSale: false,
      });
    // Their content did not change: no productSet went out, so Shopify kept each product as it was.
    const { body } = await admin(devstore, shop, '{ products(first: 100) { nodes { updatedAt } } }');
    for (const node of body.data.products.nodes as { updatedAt: string }[])
      expect(Date.parse(node.updatedAt)).toBeLessThan(before.getTime());
  });
});

describe('a channel Shopify refuses', () => {
  it('keeps each product written but unpublished with Shopify’s reason, and the next run publishes it without writing it again', async () => {
    const shop = await installedShop(devstore, 'Plus', { salesChannels: ['Point of Sale'] });
    // A channel the merchant removed from the store after choosing it.
    const gone = 'gid://shopify/Publication/999999999';
    const first = await migrate(woo, shop, { bulk: false, channels: [gone] });
    expect((await untilSettled(first, 90_000)).status).toBe('completed');
    const refused = await db().sourceRecord.findFirstOrThrow({
      where: { migrationId: first, entity: 'products', sourceId: String(SHOP_ONLY) },
    });
    expect(refused).toMatchObject({
      status: 'failed',
      reason:
        'Written to Shopify but not published on your sales channels: input.0.publicationId: Publication does not exist',
    });
    // A product shoppers could not see needed no publishing, so nothing was refused.
    expect(
      await db().sourceRecord.findFirstOrThrow({
        where: { migrationId: first, entity: 'products', sourceId: String(DRAFT) },
      }),
    ).toMatchObject({ status: 'written' });
    expect((await productsInShopify(shop)).get(String(SHOP_ONLY))).toMatchObject({ onOnlineStore: false });

    const before = new Date();
    const { onlineStore } = await channelsOf(shop);
    const second = await migrate(woo, shop, { bulk: false, channels: [onlineStore] });
    expect((await untilSettled(second, 90_000)).status).toBe('completed');
    expect(
      await db().sourceRecord.findFirstOrThrow({
        where: { migrationId: second, entity: 'products', sourceId: String(SHOP_ONLY) },
      }),
    ).toMatchObject({ status: 'written', reason: null });
    expect((await productsInShopify(shop)).get(String(SHOP_ONLY))).toMatchObject({ onOnlineStore: true });
    const { body } = await admin(devstore, shop, '{ products(first: 100) { nodes { updatedAt } } }');
    for (const node of body.data.products.nodes as { updatedAt: string }[])
      expect(Date.parse(node.updatedAt)).toBeLessThan(before.getTime());
  }, 200_000);
});

describe('no sales channel chosen', () => {
  it('publishes nothing, and says so', async () => {
    const shop = await installedShop(devstore, 'Plus', { salesChannels: ['Point of Sale'] });
    const migrationId = await migrate(woo, shop, { channels: [] });
    const migration = await untilSettled(migrationId, 90_000);
    expect(migration.status).toBe('completed');
    const inShopify = await productsInShopify(shop);
    expect([...inShopify.values()].some((product) => product.onOnlineStore)).toBe(false);
    expect((await collectionsOnOnlineStore(shop)).some(Boolean)).toBe(false);
    const verification = migration.verification as unknown as Verification;
    expect(verification.publishing).toMatchObject({
      channels: [],
      products: { published: 0 },
      collections: { published: 0 },
    });
    expect(verification.mismatches).toEqual([]);
  }, 200_000);
});
