// A real WooCommerce 11 store's orders and reviews → Shopify (devstore), end to end: an order with a
// fee line adds up to the old store's total, the card payment keeps its gateway and transaction id and
// the refund its date, a free-shipping coupon that took nothing off is on its order, and a review
// awaiting moderation is read and kept back with the reason while spam is never read.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/db/db.server.ts';
import { HELD_REVIEW_REASON } from '../../app/pipeline/entities/reviews/write.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, control, startTestDevstore } from '../../devstore/testing.ts';
import { seedCatalog } from '../../connectors/woocommerce/fake/catalog.ts';
import { orderRefunds } from '../../connectors/woocommerce/fake/real-orders.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { installedShop, migrate, startTestWorker, untilSettled } from './harness.ts';

let woo: WooCommerceTestServer;
let devstore: Devstore;
let shop: TestShop;
let runner: Runner;
let migrationId: string;

// Only the real store's orders (9001 gift-wrapped, 9002 free shipping) and, after one approved review, its held (3002) and spam (3003) reviews.
const catalog = seedCatalog({
  products: 3,
  awkward: false,
  variationsPerProduct: 0,
  imagesPerProduct: 0,
  categories: 2,
  customers: 2,
  orders: 0,
  coupons: 0,
  reviews: 1,
  pages: 0,
  posts: 0,
  realOrders: true,
});

const ORDER = `query Order($id: ID!) {
  order(id: $id) {
    name displayFinancialStatus discountCodes
    lineItems(first: 10) { nodes { title quantity requiresShipping originalUnitPriceSet { shopMoney { amount } } taxLines { title priceSet { shopMoney { amount } } } } }
    totalTaxSet { shopMoney { amount } }
    totalDiscountsSet { shopMoney { amount } }
    totalPriceSet { shopMoney { amount } }
    transactions { kind status gateway authorizationCode processedAt amountSet { shopMoney { amount currencyCode } } }
  }
}`;

type Raw = Record<string, unknown>;
const iso = (gmt: unknown) => new Date(`${String(gmt)}Z`).toISOString();
const eur = (amount: string) => ({ shopMoney: { amount, currencyCode: 'EUR' } });

async function orderInShopify(sourceId: string) {
  const entry = await db().idMapEntry.findFirstOrThrow({ where: { shop: shop.domain, entity: 'orders', sourceId } });
  const { body } = await admin(devstore, shop, ORDER, { id: entry.shopifyGid });
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data.order;
}

const problems = async (sourceId: string) =>
  (await db().migrationProblem.findMany({ where: { migrationId, sourceId } })).map((problem) => problem.code).sort();

beforeAll(async () => {
  woo = await startWooCommerceServer({ catalog });
  devstore = await startTestDevstore();
  shop = await installedShop(devstore);
  await control(devstore, 'PATCH', `/shops/${shop.domain}`, { devStore: false });
  runner = await startTestWorker();
  migrationId = await migrate(woo, shop, { entities: ['collections', 'products', 'customers', 'orders', 'reviews'] });
  await untilSettled(migrationId);
}, 180_000);

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

describe('a real WooCommerce store’s orders in Shopify', () => {
  it('moves both orders', async () => {
    const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
    expect(migration.error).toBeNull();
    const rows = await db().sourceRecord.findMany({
      where: { migrationId, entity: 'orders' },
      orderBy: { sourceId: 'asc' },
    });
    expect(rows.map((row) => [row.sourceId, row.status])).toEqual([
      ['9001', 'written'],
      ['9002', 'written'],
    ]);
  });

  it('moves the gift wrapping fee as a line with its tax, so the order’s total is the old store’s', async () => {
    const source = catalog.orderAt(1) as Raw;
    const order = await orderInShopify('9001');
    expect(order.lineItems.nodes).toContainEqual({
      title: 'Gift wrapping',
      quantity: 1,
      requiresShipping: false,
      originalUnitPriceSet: { shopMoney: { amount: '4.0' } },
      taxLines: [{ title: 'MwSt.', priceSet: { shopMoney: { amount: '0.76' } } }],
    });
    expect(order.totalPriceSet.shopMoney.amount).toBe(String(Number(source.total)));
    expect(order.totalTaxSet.shopMoney.amount).toBe(String(Number(source.total_tax)));
    expect(await problems('9001')).toEqual([]);
  });

  it('keeps the card payment’s gateway and transaction id, and dates the refund as the old store did', async () => {
    const source = catalog.orderAt(1) as Raw;
    // What the test store answered Shipyard at orders/9001/refunds, which it asked once.
    expect(woo.requests.filter((request) => request.path.endsWith('/orders/9001/refunds'))).toHaveLength(1);
    const refunds = orderRefunds(catalog, new URL(`${woo.url}/wp-json/wc/v3/orders/9001/refunds`), 9001).body as Raw[];
    expect(refunds).toHaveLength(1);
    const order = await orderInShopify('9001');
    expect(order.displayFinancialStatus).toBe('PARTIALLY_REFUNDED');
    expect(order.transactions).toEqual([
      {
        kind: 'SALE',
        status: 'SUCCESS',
        gateway: source.payment_method_title,
        authorizationCode: source.transaction_id,
        processedAt: iso(source.date_paid_gmt),
        amountSet: eur(String(Number(source.total))),
      },
      {
        kind: 'REFUND',
        status: 'SUCCESS',
        gateway: source.payment_method_title,
        authorizationCode: null,
        processedAt: iso(refunds[0]?.date_created_gmt),
        amountSet: eur(String(Number(refunds[0]?.amount))),
      },
    ]);
    expect(iso(refunds[0]?.date_created_gmt)).not.toBe(iso(source.date_paid_gmt));
  });

  it('records the free-shipping coupon that took nothing off on its order, with the bank transfer it was paid by', async () => {
    const source = catalog.orderAt(2) as Raw;
    const order = await orderInShopify('9002');
    expect(order.discountCodes).toEqual(['freeship']);
    expect(order.totalDiscountsSet.shopMoney.amount).toBe('0.0');
    expect(order.totalPriceSet.shopMoney.amount).toBe(String(Number(source.total)));
    expect(order.transactions).toEqual([
      {
        kind: 'SALE',
        status: 'SUCCESS',
        gateway: 'Direct bank transfer',
        authorizationCode: null,
        processedAt: iso(source.date_paid_gmt),
        amountSet: eur(String(Number(source.total))),
      },
    ]);
    expect(await problems('9002')).toEqual([]);
  });
});

describe('a real WooCommerce store’s reviews awaiting moderation', () => {
  it('reads the held review and keeps it back with the reason, and the analysis says so', async () => {
    const row = await db().sourceRecord.findUniqueOrThrow({
      where: { migrationId_entity_sourceId: { migrationId, entity: 'reviews', sourceId: '3002' } },
    });
    expect([row.status, row.reason]).toEqual(['skipped', HELD_REVIEW_REASON]);
    expect((row.data as Raw).bodyHtml).toBe((catalog.reviewAt(2) as Raw).review);
    const problem = await db().migrationProblem.findFirstOrThrow({
      where: { migrationId, sourceId: '3002', code: 'review-awaiting-moderation' },
    });
    expect(problem.message).toContain('awaiting moderation on the old store');
  });

  it('moves the approved review onto its product and never reads the spam', async () => {
    expect(
      woo.requests
        .filter((request) => request.path.endsWith('/products/reviews'))
        .every((request) => request.query.get('status') === 'all'),
    ).toBe(true);
    const rows = await db().sourceRecord.findMany({
      where: { migrationId, entity: 'reviews' },
      orderBy: { sourceId: 'asc' },
    });
    expect(rows.map((row) => [row.sourceId, row.status])).toEqual([
      ['3001', 'written'],
      ['3002', 'skipped'],
    ]);
    const product = await db().idMapEntry.findFirstOrThrow({
      where: { shop: shop.domain, entity: 'products', sourceId: String((catalog.reviewAt(1) as Raw).product_id) },
    });
    const { body } = await admin(
      devstore,
      shop,
      'query($id: ID!) { product(id: $id) { count: metafield(namespace: "reviews", key: "rating_count") { value } } }',
      { id: product.shopifyGid },
    );
    expect(body.data.product.count.value).toBe('1');
  });
});
