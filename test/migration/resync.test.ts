// A delta re-sync, end to end: a migration completes, the old store then gains a customer and two
// orders and changes a product, a page and a customer; the re-sync reads only what changed where
// WooCommerce and WordPress can filter (products, orders, pages), lets the content hash skip the rest (customers,
// categories), writes exactly the changes, and creates nothing twice.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/db/db.server.ts';
import { MigrationStateError } from '../../app/pipeline/lifecycle.server.ts';
import { resyncMigration } from '../../app/pipeline/steps/resync.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, control, startTestDevstore } from '../../devstore/testing.ts';
import { type Catalog, seedCatalog } from '../../connectors/woocommerce/fake/catalog.ts';
import { storeChanges } from '../../connectors/woocommerce/fake/store-changes.ts';
import { productId } from '../../connectors/woocommerce/fake/store.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { installedShop, migrate, startTestWorker, untilSettled } from './harness.ts';

let woo: WooCommerceTestServer;
let devstore: Devstore;
let shop: TestShop;
let runner: Runner;
let catalog: Catalog;
let firstId: string;
let resyncId: string;
const before: Record<string, number> = {};
const changed = { product: productId(3), page: 0, customer: 5004, newCustomer: 0, newOrders: [] as number[] };

async function countIn(connection: 'products' | 'collections' | 'customers' | 'orders'): Promise<number> {
  const { body } = await admin(devstore, shop, `query Count { ${connection}(first: 250) { nodes { id } } }`);
  return (body.data[connection].nodes as unknown[]).length;
}

/** Id map entries the re-sync wrote (a write updates the link; a record skipped by its hash does not). */
async function writtenSince(at: Date, entity: string): Promise<string[]> {
  const entries = await db().idMapEntry.findMany({
    where: { shop: shop.domain, entity, updatedAt: { gt: at } },
    orderBy: { sourceId: 'asc' },
  });
  return entries.map((entry) => entry.sourceId);
}

beforeAll(async () => {
  catalog = seedCatalog({
    products: 8,
    variationsPerProduct: 2,
    imagesPerProduct: 1,
    categories: 5,
    customers: 6,
    orders: 6,
    coupons: 0,
    reviews: 0,
    pages: 7,
    posts: 0,
    awkward: false,
  });
  const changes = storeChanges(catalog);
  changed.page = catalog.pageAt(7).id; // the first six are the awkward ones (drafts, private…)
  woo = await startWooCommerceServer({ catalog });
  devstore = await startTestDevstore();
  shop = await installedShop(devstore);
  await control(devstore, 'PATCH', `/shops/${shop.domain}`, { devStore: false });
  runner = await startTestWorker();
  firstId = await migrate(woo, shop, { entities: ['collections', 'products', 'customers', 'orders', 'pages'] });
  expect((await untilSettled(firstId)).status).toBe('completed');
  for (const connection of ['products', 'collections', 'customers', 'orders'] as const)
    before[connection] = await countIn(connection);

  // Launch day: the old store moved on.
  await new Promise((resolve) => setTimeout(resolve, 1100)); // WooCommerce dates have whole seconds
  catalog.store.now = new Date();
  catalog.editProduct(changed.product, { name: 'Renamed Lantern' });
  catalog.editContent(changed.page, { title: 'Opening hours (new)' });
  changes.editCustomer(changed.customer, { last_name: 'Married-Name' });
  changed.newCustomer = changes.signUp();
  changed.newOrders = [changes.placeOrder(), changes.placeOrder()];

  resyncId = (await resyncMigration(shop.domain, firstId)).id;
  expect((await untilSettled(resyncId)).status).toBe('completed');
}, 180_000);

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

describe('delta re-sync', () => {
  it('is a new migration linked to the first, reading what changed after the first began reading, unattended, same entities', async () => {
    const [first, resync] = await Promise.all([
      db().migration.findUniqueOrThrow({ where: { id: firstId } }),
      db().migration.findUniqueOrThrow({ where: { id: resyncId } }),
    ]);
    expect(resync.resyncOf).toBe(firstId);
    expect(resync.entities).toEqual(first.entities);
    expect(resync.options).toMatchObject({ modifiedAfter: first.startedAt?.toISOString(), unattended: true });
    expect(resync.error).toBeNull();
  });

  it('reads only the changed product and page and the new orders; customers and categories are read whole', async () => {
    const read = await db().sourceRecord.groupBy({ by: ['entity'], where: { migrationId: resyncId }, _count: true });
    const count = (entity: string) => read.find((row) => row.entity === entity)?._count ?? 0;
    expect(count('products')).toBe(1);
    expect(count('pages')).toBe(1);
    expect(count('orders')).toBe(2);
    expect(count('customers')).toBe(7);
    expect(count('collections')).toBe(before.collections);
  });

  it('writes exactly what changed or appeared', async () => {
    const resync = await db().migration.findUniqueOrThrow({ where: { id: resyncId } });
    const since = resync.startedAt as Date;
    expect(await writtenSince(since, 'products')).toEqual([String(changed.product)]);
    expect(await writtenSince(since, 'collections')).toEqual([]);
    expect(await writtenSince(since, 'pages')).toEqual([String(changed.page)]);
    expect(await writtenSince(since, 'customers')).toEqual(
      [String(changed.customer), String(changed.newCustomer)].sort(),
    );
    expect(await writtenSince(since, 'orders')).toEqual(changed.newOrders.map(String).sort());
    // Its counts say the same: written only what changed or appeared; what was read whole and had not changed is unchanged.
    const written = await db().sourceRecord.findMany({
      where: {
        migrationId: resyncId,
        entity: { in: ['products', 'collections', 'pages', 'customers', 'orders'] },
        status: 'written',
      },
    });
    expect(written.map((row) => `${row.entity} ${row.sourceId}`).sort()).toEqual(
      [
        `products ${changed.product}`,
        `pages ${changed.page}`,
        `customers ${changed.customer}`,
        `customers ${changed.newCustomer}`,
        ...changed.newOrders.map((id) => `orders ${id}`),
      ].sort(),
    );
    expect(
      await db().sourceRecord.count({ where: { migrationId: resyncId, entity: 'collections', status: 'unchanged' } }),
    ).toBe(await db().sourceRecord.count({ where: { migrationId: resyncId, entity: 'collections' } }));
    const failed = await db().sourceRecord.findMany({
      where: { migrationId: resyncId, status: { notIn: ['written', 'unchanged'] } },
    });
    expect(failed.map((row) => `${row.entity} ${row.sourceId}: ${row.reason}`)).toEqual([]);
  });

  it('updates in place and creates nothing twice', async () => {
    expect(await countIn('products')).toBe(before.products);
    expect(await countIn('collections')).toBe(before.collections);
    expect(await countIn('customers')).toBe((before.customers ?? 0) + 1);
    expect(await countIn('orders')).toBe((before.orders ?? 0) + 2);
    const product = await db().idMapEntry.findFirstOrThrow({
      where: { shop: shop.domain, entity: 'products', sourceId: String(changed.product) },
    });
    const { body } = await admin(devstore, shop, 'query($id: ID!) { product(id: $id) { title } }', {
      id: product.shopifyGid,
    });
    expect(body.data.product.title).toBe('Renamed Lantern');
    const customer = await db().idMapEntry.findFirstOrThrow({
      where: { shop: shop.domain, entity: 'customers', sourceId: String(changed.customer) },
    });
    const answer = await admin(devstore, shop, 'query($id: ID!) { customer(id: $id) { lastName } }', {
      id: customer.shopifyGid,
    });
    expect(answer.body.data.customer.lastName).toBe('Married-Name');
    const page = await db().idMapEntry.findFirstOrThrow({
      where: { shop: shop.domain, entity: 'pages', sourceId: String(changed.page) },
    });
    expect(
      (await admin(devstore, shop, 'query($id: ID!) { page(id: $id) { title } }', { id: page.shopifyGid })).body.data
        .page.title,
    ).toBe('Opening hours (new)');
  });

  it('links the new order to its customer', async () => {
    const order = await db().idMapEntry.findFirstOrThrow({
      where: { shop: shop.domain, entity: 'orders', sourceId: String(changed.newOrders[0]) },
    });
    const { body } = await admin(devstore, shop, 'query($id: ID!) { order(id: $id) { customer { id } } }', {
      id: order.shopifyGid,
    });
    const source = await db().sourceRecord.findFirstOrThrow({
      where: { migrationId: resyncId, entity: 'orders', sourceId: String(changed.newOrders[0]) },
    });
    const customerSourceId = (source.data as { customerSourceId: string | null }).customerSourceId;
    const customer = customerSourceId
      ? await db().idMapEntry.findFirst({
          where: { shop: shop.domain, entity: 'customers', sourceId: customerSourceId },
        })
      : null;
    expect(body.data.order.customer?.id ?? null).toBe(customer?.shopifyGid ?? null);
  });

  it('runs again from the latest re-sync, and refuses what cannot be re-synced', async () => {
    await expect(resyncMigration('other-shop.myshopify.com', firstId)).rejects.toThrow(/No migration/);
    const next = await resyncMigration(shop.domain, firstId);
    const resync = await db().migration.findUniqueOrThrow({ where: { id: resyncId } });
    expect(next.resyncOf).toBe(resyncId);
    expect(next.options).toMatchObject({ modifiedAfter: resync.startedAt?.toISOString() });
    await expect(resyncMigration(shop.domain, firstId)).rejects.toBeInstanceOf(MigrationStateError);
    expect((await untilSettled(next.id)).status).toBe('completed');
    expect(await countIn('orders')).toBe((before.orders ?? 0) + 2);
  }, 60_000);
});
