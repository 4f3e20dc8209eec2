// WooCommerce catalog → Shopify (devstore), end to end: every product, variant, option, price,
// image, collection membership, SEO field and redirect checked against the source; a second run
// writes nothing twice; bad records land in the report with their reason.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductRecord } from '../../connectors/model.ts';
import { db } from '../../app/db/db.server.ts';
import { reportRows } from '../../app/pipeline/staging/report.server.ts';
import { redirectPath } from '../../app/pipeline/entities/redirects/input.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, startTestDevstore } from '../../devstore/testing.ts';
import { AWKWARD_KINDS } from '../../connectors/woocommerce/fake/catalog.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { installedShop, migrate, startTestWorker, untilSettled } from './harness.ts';
import { optionLayout } from '../../app/pipeline/entities/products/options.server.ts';

let woo: WooCommerceTestServer;
let devstore: Devstore;
let shop: TestShop;
let runner: Runner;
let migrationId: string;

// One product a page keeps each query under Shopify's 1,000-point limit (devstore enforces it).
const PRODUCTS_IN_SHOPIFY = `query Page($after: String) {
  products(first: 1, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id title handle status vendor tags
      seo { title description }
      options { name values }
      variants(first: 250) { nodes { sku price compareAtPrice inventoryQuantity selectedOptions { name value } } }
      media(first: 20) { nodes { alt } }
      collections(first: 20) { nodes { handle } }
      metafield(namespace: "shipyard", key: "source_reference") { value }
    }
  }
}`;

interface ShopifyProduct {
  id: string;
  title: string;
  handle: string;
  status: string;
  vendor: string;
  tags: string[];
  seo: { title: string | null; description: string | null };
  options: { name: string; values: string[] }[];
  variants: {
    nodes: {
      sku: string | null;
      price: string;
      compareAtPrice: string | null;
      inventoryQuantity: number | null;
      selectedOptions: { name: string; value: string }[];
    }[];
  };
  media: { nodes: { alt: string | null }[] };
  collections: { nodes: { handle: string }[] };
  metafield: { value: string } | null;
}

async function shopifyProducts(): Promise<Map<string, ShopifyProduct>> {
  const found = new Map<string, ShopifyProduct>();
  let after: string | null = null;
  do {
    const { body } = await admin(devstore, shop, PRODUCTS_IN_SHOPIFY, { after });
    if (!body.data) throw new Error(JSON.stringify(body.errors));
    for (const node of body.data.products.nodes as ShopifyProduct[]) found.set(node.metafield?.value ?? node.id, node);
    after = body.data.products.pageInfo.hasNextPage ? body.data.products.pageInfo.endCursor : null;
  } while (after);
  return found;
}

beforeAll(async () => {
  woo = await startWooCommerceServer({
    catalog: { products: 40, variationsPerProduct: 3, imagesPerProduct: 2, categories: 12 },
  });
  devstore = await startTestDevstore();
  shop = await installedShop(devstore);
  runner = await startTestWorker();
  // A product the merchant made by hand before migrating, with the URL one source product has.
  const handMade = await admin(
    devstore,
    shop,
    'mutation { productCreate(product: { title: "Summer Hat (display)", handle: "summer-hat" }) { product { handle } userErrors { message } } }',
  );
  expect(handMade.body.data.productCreate.product.handle).toBe('summer-hat');
  // A value the merchant lists on an attribute but sells in no variation ("Spare size").
  const listed = Array.from(
    { length: woo.catalog.productCount - AWKWARD_KINDS.length },
    (_, index) => woo.catalog.productAt(AWKWARD_KINDS.length + index + 1).product,
  ).find((product) => product.type === 'variable' && product.attributes.some((attribute) => attribute.variation));
  if (!listed) throw new Error('the catalog has no regular variable product');
  const axis = listed.attributes.findIndex((attribute) => attribute.variation);
  woo.catalog.editProduct(listed.id, {
    attributes: listed.attributes.map((attribute, index) =>
      index === axis ? { ...attribute, options: [...attribute.options, 'Spare size'] } : attribute,
    ),
  });
  migrationId = await migrate(woo, shop);
  await untilSettled(migrationId);
}, 180_000);

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

describe('a WooCommerce catalog migrated into Shopify', () => {
  it('completes, and its own verification finds Shopify matching the source', async () => {
    const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
    expect(migration.error).toBeNull();
    expect(migration.status).toBe('completed');
    const verification = migration.verification as {
      mismatches: unknown[];
      entities: { entity: string; written: number; foundInShopify: number; missingInShopify: string[] }[];
    };
    expect(verification.mismatches).toEqual([]);
    for (const entity of verification.entities) expect(entity.missingInShopify, entity.entity).toEqual([]);
  });

  it('moves every readable product with its variants, options, prices, images, SEO and collections', async () => {
    const staged = await db().sourceRecord.findMany({ where: { migrationId, entity: 'products', status: 'written' } });
    const categories = new Map(
      (await db().idMapEntry.findMany({ where: { shop: shop.domain, entity: 'collections' } })).map((entry) => [
        entry.sourceId,
        entry.handle,
      ]),
    );
    const inShopify = await shopifyProducts();
    const storeName = (await admin(devstore, shop, '{ shop { name } }')).body.data.shop.name as string;
    const unreachable = new Set(
      (await db().migrationProblem.findMany({ where: { migrationId, code: 'image-unreachable' } })).map(
        (problem) => problem.subject,
      ),
    );
    expect(staged.length).toBeGreaterThan(30);
    for (const row of staged) {
      const source = row.data as unknown as ProductRecord;
      const product = inShopify.get(`woocommerce:${source.sourceId}`);
      expect(product, `product ${source.sourceId} in Shopify`).toBeDefined();
      if (!product) continue;
      expect(product.title).toBe(source.title);
      // An external (affiliate) product moves as a draft; it and a downloadable one are tagged so (decision 0025).
      expect(product.status).toBe(source.soldElsewhere ? 'DRAFT' : source.status.toUpperCase());
      const kindTags = [
        ...(source.soldElsewhere ? ['external-product'] : []),
        ...(source.downloads ? ['downloadable'] : []),
      ];
      // Shopify answers tags sorted, and a product given no vendor gets the store's name.
      expect(product.tags).toEqual(
        [...new Set([...source.tags, ...kindTags])].sort(
          (a, b) => a.toLowerCase().localeCompare(b.toLowerCase()) || a.localeCompare(b),
        ),
      );
      expect(product.vendor).toBe(source.vendor ?? storeName);
      if (source.seo.title) expect(product.seo.title).toBe(source.seo.title);
      if (source.seo.description) expect(product.seo.description).toBe(source.seo.description);
      // At most 3 options: the first 3 attributes, or (when those do not tell variants apart) the
      // first 2 and the others joined (app/pipeline/entities/products/options.server.ts).
      const layout = optionLayout(source);
      const optionNames = layout.options.map((option) => option.name);
      expect(product.options.map((option) => option.name)).toEqual(optionNames.length > 0 ? optionNames : ['Title']);
      const variants = product.variants.nodes;
      expect(variants).toHaveLength(source.variants.length);
      for (const variant of source.variants) {
        const wanted = layout.valuesOf(variant).map((value, index) => ({ name: optionNames[index], value }));
        const match = variants.find((candidate) =>
          wanted.every((value) =>
            candidate.selectedOptions.some((option) => option.name === value.name && option.value === value.value),
          ),
        );
        expect(match, `variant ${variant.sourceId}`).toBeDefined();
        expect(match?.sku ?? null).toBe(variant.sku);
        expect(Number(match?.price)).toBe(Number(variant.price));
        if (variant.compareAtPrice && Number(variant.compareAtPrice) > Number(variant.price))
          expect(Number(match?.compareAtPrice)).toBe(Number(variant.compareAtPrice));
        if (variant.inventoryQuantity !== null) expect(match?.inventoryQuantity).toBe(variant.inventoryQuantity);
      }
      const reachable = source.images.filter((image) => !unreachable.has(image.url));
      expect(product.media.nodes.map((media) => media.alt ?? '')).toEqual(
        expect.arrayContaining(reachable.map((image) => image.alt)),
      );
      const expectedCollections = source.collectionSourceIds.map((id) => categories.get(id)).filter(Boolean);
      expect(product.collections.nodes.map((collection) => collection.handle)).toEqual(
        expect.arrayContaining(expectedCollections),
      );
    }
  });

  it('moves the products Shopify would refuse as they are: four attributes, a slug two products share, a slug the store already uses', async () => {
    const status = async (kind: Parameters<typeof woo.catalog.awkwardId>[0]) =>
      (
        await db().sourceRecord.findFirstOrThrow({
          where: { migrationId, entity: 'products', sourceId: String(woo.catalog.awkwardId(kind)) },
        })
      ).status;
    for (const kind of ['four-axes', 'duplicate-slug-first', 'duplicate-slug-second', 'sale-running'] as const)
      expect(await status(kind), kind).toBe('written');

    const inShopify = await shopifyProducts();
    const handleOf = (kind: Parameters<typeof woo.catalog.awkwardId>[0]) =>
      inShopify.get(`woocommerce:${woo.catalog.awkwardId(kind)}`)?.handle;
    expect(handleOf('duplicate-slug-first')).toBe('gift-card');
    expect(handleOf('duplicate-slug-second')).toMatch(/^gift-card-/);
    expect(handleOf('sale-running')).toMatch(/^summer-hat-/);
    expect([...inShopify.values()].find((product) => product.title === 'Summer Hat (display)')?.handle).toBe(
      'summer-hat',
    );
    const sweater = inShopify.get(`woocommerce:${woo.catalog.awkwardId('four-axes')}`);
    expect(sweater?.options).toHaveLength(3);
  });

  it('finds an attribute value no variation uses kept by Shopify without variants, and the verification does not call it a difference', async () => {
    const OPTIONS =
      'query($id: ID!) { product(id: $id) { options { name values optionValues { name hasVariants } } } }';
    const written = await db().sourceRecord.findMany({ where: { migrationId, entity: 'products', status: 'written' } });
    const unused = written.flatMap((row) => {
      const source = row.data as unknown as ProductRecord;
      const layout = optionLayout(source);
      return layout.options.flatMap((option, index) =>
        option.values
          .filter((value) => !source.variants.some((variant) => layout.valuesOf(variant)[index] === value))
          .map((value) => ({ source, option: option.name, value })),
      );
    });
    expect(unused.map((found) => found.value)).toContain('Spare size');
    const links = new Map(
      (await db().idMapEntry.findMany({ where: { shop: shop.domain, entity: 'products' } })).map((entry) => [
        entry.sourceId,
        entry.shopifyGid,
      ]),
    );
    for (const { source, option, value } of unused) {
      const { body } = await admin(devstore, shop, OPTIONS, { id: links.get(source.sourceId) });
      const inShopify = (
        body.data.product.options as {
          name: string;
          values: string[];
          optionValues: { name: string; hasVariants: boolean }[];
        }[]
      ).find((candidate) => candidate.name === option);
      expect(inShopify?.values, `${source.title}: ${option}`).not.toContain(value);
      expect(inShopify?.optionValues).toContainEqual({ name: value, hasVariants: false });
    }
    const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
    expect((migration.verification as { mismatches: unknown[] }).mismatches).toEqual([]);
  });

  it('keeps a unicode URL slug as the handle: not called invalid, and its old percent-encoded URL redirects to it', async () => {
    const id = String(woo.catalog.awkwardId('unicode-emoji'));
    expect((await shopifyProducts()).get(`woocommerce:${id}`)?.handle).toBe('東京-cafe-tasse');
    expect(await db().migrationProblem.count({ where: { migrationId, sourceId: id, code: 'invalid-handle' } })).toBe(0);
    const { body } = await admin(
      devstore,
      shop,
      '{ urlRedirects(first: 5, query: "path:/product/%e6%9d%b1%e4%ba%ac-cafe-tasse") { nodes { path target } } }',
    );
    expect(body.data.urlRedirects.nodes).toEqual([
      { path: '/product/%e6%9d%b1%e4%ba%ac-cafe-tasse', target: '/products/東京-cafe-tasse' },
    ]);
  });

  it('redirects every old product and category URL to its new Shopify URL', async () => {
    const { body } = await admin(devstore, shop, '{ urlRedirects(first: 250) { nodes { path target } } }');
    const redirects = new Map(
      (body.data.urlRedirects.nodes as { path: string; target: string }[]).map((node) => [node.path, node.target]),
    );
    const written = await db().sourceRecord.findMany({
      where: { migrationId, entity: { in: ['products', 'collections'] }, status: 'written' },
      orderBy: { id: 'asc' },
    });
    const links = new Map(
      (await db().idMapEntry.findMany({ where: { shop: shop.domain } })).map((entry) => [
        `${entry.entity}:${entry.sourceId}`,
        entry.handle,
      ]),
    );
    const seen = new Set<string>();
    let checked = 0;
    for (const row of written) {
      const sourcePath = (row.data as { sourcePath?: string | null }).sourcePath;
      if (!sourcePath) continue;
      if (seen.has(redirectPath(sourcePath))) continue; // a URL two products had leads to the first (next test)
      seen.add(redirectPath(sourcePath));
      const prefix = row.entity === 'products' ? '/products/' : '/collections/';
      expect(redirects.get(redirectPath(sourcePath)), sourcePath).toBe(
        `${prefix}${links.get(`${row.entity}:${row.sourceId}`)}`,
      );
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('redirects a URL two products had to the first, and says so for the second', async () => {
    const second = `products:${woo.catalog.awkwardId('duplicate-slug-second')}`;
    const redirect = await db().sourceRecord.findFirstOrThrow({
      where: { migrationId, entity: 'redirects', sourceId: second },
    });
    expect(redirect.status).toBe('skipped');
    expect(redirect.reason).toBe(
      `The old URL ${(redirect.data as { path: string }).path} also belonged to product ${woo.catalog.awkwardId('duplicate-slug-first')}, and redirects there: one address can lead to one page.`,
    );
  });

  it('keeps every product it could not move in the report, with the reason, and moves all the others', async () => {
    const notMoved = [];
    for await (const row of reportRows(migrationId)) notMoved.push(row);
    expect(notMoved.length).toBeGreaterThan(0);
    for (const row of notMoved) expect(row.reason, `${row.entity} ${row.sourceId}`).not.toBe('');
    const total = await db().sourceRecord.count({ where: { migrationId, entity: 'products' } });
    const written = await db().sourceRecord.count({ where: { migrationId, entity: 'products', status: 'written' } });
    expect(written + notMoved.filter((row) => row.entity === 'products').length).toBe(total);
  });

  it('creates nothing twice when the same migration runs again', async () => {
    const before = (await shopifyProducts()).size;
    const { body: redirectsBefore } = await admin(devstore, shop, '{ urlRedirects(first: 250) { nodes { id } } }');
    const again = await migrate(woo, shop);
    const second = await untilSettled(again);
    expect(second.status).toBe('completed');
    expect((await shopifyProducts()).size).toBe(before);
    const { body: redirectsAfter } = await admin(devstore, shop, '{ urlRedirects(first: 250) { nodes { id } } }');
    expect(redirectsAfter.data.urlRedirects.nodes).toHaveLength(redirectsBefore.data.urlRedirects.nodes.length);
  });
});
