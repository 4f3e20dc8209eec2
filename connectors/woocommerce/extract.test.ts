// Extracting a WooCommerce store page by page: paging by X-WP-TotalPages, variations folded into
// their product, every awkward record either mapped or kept with its reason, and delta re-syncs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWKWARD_KINDS, type AwkwardKind } from './fake/catalog.ts';
import { startWooCommerceServer, type WooCommerceTestServer } from './fake/server.ts';
import { type CollectionRecord, type Entity, type ProductRecord, visibleAtSource } from '../model.ts';
import { createConnector } from '../registry.server.ts';
import type { Extracted, SourceConnector } from '../source-connector.ts';

let store: WooCommerceTestServer;
let connector: SourceConnector;

async function extractAll(
  entity: Entity,
  modifiedAfter?: Date,
): Promise<{ records: Extracted[]; cursors: (string | null)[]; totals: (number | null)[] }> {
  const records: Extracted[] = [];
  const cursors: (string | null)[] = [];
  const totals: (number | null)[] = [];
  let cursor: string | null = null;
  do {
    const page = await connector.extract(entity, cursor, { modifiedAfter });
    records.push(...page.records);
    totals.push(page.total);
    cursor = page.nextCursor;
    cursors.push(cursor);
  } while (cursor !== null);
  return { records, cursors, totals };
}

let products: Extracted[];
const byId = (id: number) => {
  const found = products.find((record) => record.sourceId === String(id));
  if (!found) throw new Error(`product ${id} was not extracted`);
  return found;
};
const product = (kind: AwkwardKind): ProductRecord => {
  const found = byId(store.catalog.awkwardId(kind));
  if (!found.ok) throw new Error(`${kind} was kept out: ${found.reason}`);
  return found.record as ProductRecord;
};
const reason = (kind: AwkwardKind) => {
  const found = byId(store.catalog.awkwardId(kind));
  return found.ok ? 'mapped' : found.reason;
};

beforeAll(async () => {
  store = await startWooCommerceServer({ catalog: { products: 250, variationsPerProduct: 3, imagesPerProduct: 2 } });
  connector = createConnector(
    'woocommerce',
    { url: store.url, consumerKey: store.consumerKey, consumerSecret: store.consumerSecret },
    { retryDelaysMs: [0, 0] },
  );
  products = (await extractAll('products')).records;
});
afterAll(() => store.close());

describe('paging', () => {
  it('reads 250 products in three pages of at most 100, oldest id first, with X-WP-Total on each', async () => {
    store.requests.length = 0;
    const { records, cursors, totals } = await extractAll('products');
    expect(cursors).toEqual(['page:2', 'page:3', null]);
    expect(totals).toEqual([250, 250, 250]);
    expect(records).toHaveLength(250);
    expect(new Set(records.map((record) => record.sourceId)).size).toBe(250);
    expect(records.map((record) => Number(record.sourceId))).toEqual(
      [...records.map((record) => Number(record.sourceId))].sort((a, b) => a - b),
    );
    const pages = store.requests.filter((request) => request.path === '/wp-json/wc/v3/products');
    expect(
      pages.map((request) => [
        request.query.get('page'),
        request.query.get('per_page'),
        request.query.get('orderby'),
        request.query.get('order'),
      ]),
    ).toEqual([
      ['1', '100', 'id', 'asc'],
      ['2', '100', 'id', 'asc'],
      ['3', '100', 'id', 'asc'],
    ]);
  });

  it('retries a page the store fails once with a 503, and goes on', async () => {
    store.setFault({ kind: 'server-error', status: 503 }, { times: 1, paths: /\/products$/ });
    const page = await connector.extract('products', 'page:3');
    expect(page.records).toHaveLength(50);
  });

  it('stops with a retryable SourceError when the store keeps failing', async () => {
    store.setFault({ kind: 'server-error', status: 502 }, { paths: /\/products$/ });
    try {
      await expect(connector.extract('products', null)).rejects.toMatchObject({
        name: 'SourceError',
        problem: 'server-error',
        retryable: true,
      });
    } finally {
      store.setFault(null);
    }
  });
});

describe('a variable product with three variation attributes', () => {
  it('becomes options in the product’s order, one variant per variation, other attributes as metafields', () => {
    const tee = product('variable-three-axes');
    expect(tee.options).toEqual([
      { name: 'Color', values: ['Black', 'White', 'Olive'] },
      { name: 'Size', values: ['S', 'M', 'L', 'XL'] },
      { name: 'Fit', values: ['Regular', 'Slim'] },
    ]);
    expect(tee.variants).toHaveLength(24);
    const id = store.catalog.awkwardId('variable-three-axes');
    expect(tee.variants[0]).toEqual({
      sourceId: String(id * 10_000 + 1),
      sku: `AWK-${id}-1`,
      barcode: null,
      price: '20.00',
      compareAtPrice: null,
      saleStartsAt: null,
      saleEndsAt: null,
      optionValues: [
        { option: 'Color', value: 'Black' },
        { option: 'Size', value: 'S' },
        { option: 'Fit', value: 'Regular' },
      ],
      inventoryQuantity: 0,
      continueSellingWhenOutOfStock: false,
      weight: null,
      dimensions: null,
      taxable: true,
      requiresShipping: true,
      imageSourceId: null,
    });
    expect(tee.variants[23]?.optionValues).toEqual([
      { option: 'Color', value: 'Olive' },
      { option: 'Size', value: 'XL' },
      { option: 'Fit', value: 'Slim' },
    ]);
    expect(tee.variants[23]).toMatchObject({ price: '43.00', inventoryQuantity: 23 });
    expect(tee.metafields).toEqual([
      {
        namespace: 'woocommerce',
        key: 'attribute_care',
        kind: 'textList',
        value: '["Machine wash 30°","Do not tumble dry"]',
      },
    ]);
    expect(tee).toMatchObject({
      sourceType: 'variable',
      status: 'active',
      handle: 'everyday-tee',
      sourcePath: '/product/everyday-tee/',
      collectionSourceIds: [String(store.catalog.categories().find((c) => c.slug === 'shirts')?.id)],
    });
  });

  it('a generated variable product keeps its images, variation images and the store’s units', () => {
    const generated = byId(1000 + 99);
    expect(generated.ok).toBe(true);
    const record = (generated.ok ? generated.record : null) as ProductRecord;
    expect(record.images.map((image) => [image.position, image.alt])).toEqual([
      [0, record.title],
      [1, ''],
    ]);
    expect(record.variants.map((variant) => variant.imageSourceId)).toEqual([
      record.images[0]?.sourceId,
      record.images[1]?.sourceId,
      record.images[0]?.sourceId,
    ]);
    // The first variation has its own weight; the others use the product's, as WooCommerce does.
    expect(record.variants.map((variant) => variant.weight)).toEqual([
      { value: 0.5, unit: 'kg' },
      { value: 0.4, unit: 'kg' },
      { value: 0.4, unit: 'kg' },
    ]);
    expect(record.variants[0]?.dimensions).toEqual({ length: 30, width: 20, height: 2, unit: 'cm' });
    expect(record.seo).toEqual({
      title: `${record.title} - Atelier Nord`,
      description: `Buy the ${record.title} online.`,
    });
  });
});

describe('what shoppers could see at the source', () => {
  const record = (index: number) => {
    const found = byId(1000 + index);
    if (!found.ok) throw new Error(`product ${index} was kept out: ${found.reason}`);
    return found.record as ProductRecord;
  };

  it('a product hidden from the shop and its search says so; one shown in the shop only, a draft or a private one does not', () => {
    // The generated catalog hides every 17th product and shows every 13th in the shop only; every 19th is a draft.
    expect(record(34)).toMatchObject({ status: 'active', hidden: true });
    expect(visibleAtSource(record(34))).toBe(false);
    expect(record(39)).toMatchObject({ status: 'active' });
    expect(record(39)).not.toHaveProperty('hidden');
    expect(visibleAtSource(record(39))).toBe(true);
    expect(record(38)).toMatchObject({ status: 'draft' });
    expect(visibleAtSource(record(38))).toBe(false);
    expect(visibleAtSource(product('private'))).toBe(false);
    expect(visibleAtSource(product('variable-three-axes'))).toBe(true);
  });

  it('categories are always visible', async () => {
    const { records } = await extractAll('collections');
    expect(records.length).toBeGreaterThan(0);
    for (const found of records) if (found.ok) expect(visibleAtSource(found.record as CollectionRecord)).toBe(true);
  });
});

describe('awkward records: each mapped, or kept with the exact reason', () => {
  it('covers every awkward product the test store seeds, and loses none', () => {
    expect(products).toHaveLength(250);
    for (const kind of AWKWARD_KINDS) expect(() => byId(store.catalog.awkwardId(kind))).not.toThrow();
  });

  it('keeps out what Shopify cannot take, saying why', () => {
    const id = (kind: AwkwardKind) => store.catalog.awkwardId(kind);
    expect(reason('empty-price')).toBe(
      'Product has no regular price in WooCommerce, so it cannot be sold; add a price and sync again',
    );
    expect(reason('comma-price')).toBe(
      'Product has regular price "12,50", which is not an amount (WooCommerce expects digits with a "." before the cents, such as 12.50)',
    );
    expect(reason('missing-title')).toBe('Product has no title; give it a name in WooCommerce');
    // A grouped product is described, not kept out: whether Shopify can have it is the pipeline's to say (product-kinds.test.ts).
    expect(product('grouped')).toMatchObject({
      sourceType: 'grouped',
      title: 'Breakfast Set',
      groupOf: ['1004', '1005'],
      variants: [],
    });
    expect(reason('variable-without-variations')).toBe(
      'Variable product has no variations, so there is nothing to sell (WooCommerce hides it from the shop too)',
    );
    expect(reason('variation-without-price')).toBe(
      `Variation #${id('variation-without-price') * 10_000 + 2} (Color: Sand) has no regular price in WooCommerce, so it cannot be sold; add a price and sync again`,
    );
    const kept = byId(id('comma-price'));
    expect(kept).toMatchObject({
      ok: false,
      sourceId: String(id('comma-price')),
      raw: { product: { regular_price: '12,50' }, variations: [] },
    });
  });

  it('maps the rest faithfully, leaving Shopify’s limits to the analysis', () => {
    expect(product('four-axes').options.map((option) => option.name)).toEqual(['Color', 'Size', 'Material', 'Style']);
    expect(product('four-axes').variants).toHaveLength(16);
    expect(product('missing-sku').variants[0]?.sku).toBeNull();
    expect(
      [product('duplicate-sku-first'), product('duplicate-sku-second')].map((record) => record.variants[0]?.sku),
    ).toEqual(['MUG-001', 'MUG-001']);
    expect([product('duplicate-slug-first'), product('duplicate-slug-second')].map((record) => record.handle)).toEqual([
      'gift-card',
      'gift-card',
    ]);
    expect(product('broken-html').descriptionHtml).toBe(
      '<p>Hand-made <b>linen <div>tea towel</p><script>alert(1)</script>',
    );
    expect(product('unicode-emoji')).toMatchObject({
      title: 'Tasse « Café » ☕ 東京 🍵',
      handle: '東京-cafe-tasse',
      sourcePath: '/product/%e6%9d%b1%e4%ba%ac-cafe-tasse/',
    });
    expect(product('long-title').title.length).toBeGreaterThan(255);
    expect(product('dead-image').images.map((image) => image.url.split('/').pop())).toEqual([
      `product-${store.catalog.awkwardId('dead-image')}-1.png`,
      `gone-vase-${store.catalog.awkwardId('dead-image')}.png`,
    ]);
    expect(product('entities-in-title').title).toBe('Salt & Pepper Set');
    expect(product('private').status).toBe('draft');
    expect(product('private').sourcePath).toBeNull();
  });

  it('prices: a running sale is the price with the regular one as compare-at; an upcoming one keeps its schedule', () => {
    expect(product('sale-running').variants[0]).toMatchObject({
      price: '15.00',
      compareAtPrice: '20.00',
      saleStartsAt: '2025-05-01T00:00:00.000Z',
      saleEndsAt: '2025-06-30T23:59:59.000Z',
    });
    expect(product('sale-upcoming').variants[0]).toMatchObject({
      price: '30.00',
      compareAtPrice: null,
      saleStartsAt: '2025-11-01T00:00:00.000Z',
      saleEndsAt: null,
    });
  });

  it('stock: backorders keep selling below zero; sold out by hand is tracked at zero; untracked stays untracked', () => {
    expect(product('backorders').variants[0]).toMatchObject({
      inventoryQuantity: -3,
      continueSellingWhenOutOfStock: true,
      weight: { value: 18.5, unit: 'kg' },
      dimensions: { length: 120, width: 60, height: 0, unit: 'cm' },
    });
    expect(product('untracked-out-of-stock').variants[0]).toMatchObject({
      inventoryQuantity: 0,
      continueSellingWhenOutOfStock: false,
    });
    expect(product('missing-sku').variants[0]?.inventoryQuantity).toBeNull();
  });

  it('external and downloadable products need no shipping and say where they are bought and what files they bring', () => {
    const external = product('external');
    expect(external.variants[0]).toMatchObject({ requiresShipping: false, price: '899.00' });
    expect(external.soldElsewhere).toEqual({
      url: 'https://partner.example/bicycle',
      buttonText: 'Buy at our partner',
    });
    expect(visibleAtSource(external)).toBe(false);
    const download = product('downloadable');
    expect(download.variants[0]).toMatchObject({ requiresShipping: false, taxable: false });
    expect(download.downloads).toEqual([
      { name: 'Pattern', url: `${store.url}/wp-content/uploads/woocommerce_uploads/pattern.pdf` },
    ]);
    expect(download.soldElsewhere).toBeUndefined();
  });

  it('a variation sold in any Size becomes one variant per Size it does not share with a chosen one', () => {
    const socks = product('variation-any-size');
    const id = store.catalog.awkwardId('variation-any-size');
    expect(socks.options).toEqual([
      { name: 'Color', values: ['Black', 'White'] },
      { name: 'Size', values: ['S', 'M', 'L'] },
    ]);
    expect(
      socks.variants.map((variant) => [
        variant.sourceId,
        variant.optionValues.map((pick) => pick.value).join('/'),
        variant.madeFrom?.sourceId ?? null,
      ]),
    ).toEqual([
      [String(id * 10_000 + 1), 'Black/S', null],
      [`${id * 10_000 + 2}:S`, 'White/S', String(id * 10_000 + 2)],
      [`${id * 10_000 + 2}:M`, 'White/M', String(id * 10_000 + 2)],
      [`${id * 10_000 + 2}:L`, 'White/L', String(id * 10_000 + 2)],
    ]);
    expect(socks.openOptions).toBeUndefined();
  });

  it('SEO title and description from Yoast, Rank Math and All in One SEO', () => {
    expect(product('seo-yoast').seo).toEqual({
      title: 'Yoast Candle - Atelier Nord',
      description: 'A soy candle that burns for 40 hours.',
    });
    expect(product('seo-rank-math').seo).toEqual({
      title: 'Dotted Notebook A5 - Atelier Nord',
      description: 'A5 notebook with 120 dotted pages.',
    });
    expect(product('seo-aioseo').seo).toEqual({
      title: 'Canvas Apron for Bakers',
      description: 'Heavy canvas apron with two pockets.',
    });
  });

  it('the image URLs the store lists answer, except the dead one', async () => {
    const [alive, dead] = product('dead-image').images;
    expect((await fetch(alive?.url ?? '')).status).toBe(200);
    expect((await fetch(dead?.url ?? '')).status).toBe(404);
  });
});

describe('collections', () => {
  it('every category with its parent and its old address three levels deep, names without HTML entities', async () => {
    const { records } = await extractAll('collections');
    expect(records.every((record) => record.ok)).toBe(true);
    const collections = records.map((record) => (record.ok ? (record.record as CollectionRecord) : null));
    const bySlug = (handle: string) => collections.find((collection) => collection?.handle === handle);
    expect(bySlug('shirts')).toMatchObject({
      title: 'Shirts',
      parentSourceId: bySlug('men')?.sourceId,
      sourcePath: '/product-category/clothing/men/shirts/',
    });
    expect(bySlug('mugs-cups')).toMatchObject({
      title: 'Mugs & Cups',
      sourcePath: '/product-category/home-garden/kitchen/mugs-cups/',
    });
    expect(bySlug('clothing')).toMatchObject({ parentSourceId: null, image: { alt: 'Clothing', position: 0 } });
  });

  it('follows the parent chain when a parent is on another page', async () => {
    const fresh = createConnector('woocommerce', {
      url: store.url,
      consumerKey: store.consumerKey,
      consumerSecret: store.consumerSecret,
    });
    store.requests.length = 0;
    // Categories are read by id; with 12 of them a later page can only be read on its own in a fresh connector.
    const page = await fresh.extract('collections', null);
    const shirts = page.records.find((record) => record.ok && (record.record as CollectionRecord).handle === 'shirts');
    expect(shirts?.ok && (shirts.record as CollectionRecord).sourcePath).toBe('/product-category/clothing/men/shirts/');
  });
});

describe('delta re-sync with modifiedAfter', () => {
  it('asks WooCommerce for records modified after the moment, in GMT, and gets only what changed', async () => {
    const since = new Date('2025-01-01T00:00:00Z');
    expect((await extractAll('products', since)).records).toHaveLength(0);
    store.catalog.editProduct(1000 + 42, { name: 'Renamed in wp-admin' });
    store.requests.length = 0;
    const { records, totals } = await extractAll('products', since);
    expect(records.map((record) => record.sourceId)).toEqual(['1042']);
    expect(totals).toEqual([1]);
    const asked = store.requests.find((request) => request.path === '/wp-json/wc/v3/products');
    expect([asked?.query.get('modified_after'), asked?.query.get('dates_are_gmt')]).toEqual([
      '2025-01-01T00:00:00',
      'true',
    ]);
  });
});

describe('customers, orders, coupons and reviews', () => {
  it('are mapped, and a review without stars is kept with its reason', async () => {
    const customers = (await extractAll('customers')).records;
    expect(customers.filter((record) => record.ok)).toHaveLength(12);
    // A shipping address equal to the billing one is kept once.
    expect(customers[0]).toMatchObject({
      ok: true,
      record: {
        email: 'ben.tanaka.1@example.com',
        addresses: [{ kind: 'billing', countryCode: 'DE', address1: '2 Market Street' }],
      },
    });
    const orders = (await extractAll('orders')).records;
    expect(orders.filter((record) => record.ok)).toHaveLength(20);
    expect(orders.find((record) => record.sourceId === '9011')).toMatchObject({
      ok: true,
      record: {
        sourceStatus: 'refunded',
        refunds: [{ amount: expect.stringMatching(/^\d+\.\d\d$/), reason: 'Arrived damaged' }],
      },
    });
    const coupons = (await extractAll('discounts')).records;
    expect(
      coupons.map((record) => (record.ok ? (record.record as { value: { kind: string } }).value.kind : record.reason)),
    ).toEqual(['fixed_amount', 'fixed_amount', 'percentage', 'fixed_amount', 'fixed_amount', 'percentage']);
    // Individual use, no maximum spend ("0.00"), no item limit: what the writer needs to say what Shopify keeps.
    expect(coupons[3]).toMatchObject({
      ok: true,
      record: {
        code: 'save4',
        usageLimit: 100,
        usageLimitPerCustomer: 1,
        timesUsed: 0,
        minimumSubtotal: '50.00',
        maximumSubtotal: null,
        combinesWithOtherCodes: false,
        excludedProductSourceIds: [],
        excludedCollectionSourceIds: [],
        excludesSaleItems: false,
        allowedCustomers: [],
        itemLimit: null,
        endsAt: '2025-12-31T23:00:00.000Z',
      },
    });
    const reviews = (await extractAll('reviews')).records;
    expect(reviews.filter((record) => !record.ok).map((record) => (record.ok ? '' : record.reason))).toEqual([
      'review has no star rating (it was left while ratings were switched off); Shopify reviews need 1 to 5 stars',
    ]);
  });
});
