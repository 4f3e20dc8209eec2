// Undo, end to end: a store with a product and a customer of its own is migrated into (the
// customer has an email the old store also has, so Shipyard writes into it), re-synced once, and
// then undone: everything the migration and its re-sync created (catalog, customers, orders,
// pages, blog posts and their blog, discount codes, redirects; reviews with their products) is
// deleted in reverse dependency order, the store's own product and customer stay (the customer put back
// as it was before the migration wrote into it), and what could not be deleted (a customer who
// has since placed a real order) is reported with Shopify's reason, as is a product the merchant
// deleted by hand (already gone). A guest order whose email no customer had brought a customer into
// being in Shopify: the undo deletes it; a guest order of one of the store's own customers leaves them.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/db/db.server.ts';
import { asStatus, statusLabel } from '../../app/migrations/list.server.ts';
import { MigrationNotFound, MigrationStateError } from '../../app/pipeline/lifecycle.server.ts';
import { resyncMigration } from '../../app/pipeline/steps/resync.server.ts';
import { undoMigration } from '../../app/pipeline/steps/undo.server.ts';
import type { UndoReport } from '../../app/pipeline/steps/undo.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, control, startTestDevstore } from '../../devstore/testing.ts';
import { seedCatalog } from '../../connectors/woocommerce/fake/catalog.ts';
import { storeChanges } from '../../connectors/woocommerce/fake/store-changes.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { installedShop, migrate, startTestWorker, untilSettled } from './harness.ts';

let woo: WooCommerceTestServer;
let devstore: Devstore;
let shop: TestShop;
let runner: Runner;
let firstId: string;
let resyncId: string;
const own = { productId: '', customerId: '', customerEmail: '' };
let buyer = { customerId: '', orderId: '' };
let resyncOrder = '';
let beforeMigration: Record<string, string[]>;

const CONNECTIONS = [
  'products',
  'collections',
  'customers',
  'orders',
  'urlRedirects',
  'pages',
  'articles',
  'blogs',
  'codeDiscountNodes',
] as const;

async function ids(connection: (typeof CONNECTIONS)[number]): Promise<string[]> {
  const { body } = await admin(devstore, shop, `query Ids { ${connection}(first: 250) { nodes { id } } }`);
  return (body.data[connection].nodes as { id: string }[]).map((node) => node.id).sort();
}

async function storeContents(): Promise<Record<string, string[]>> {
  return Object.fromEntries(
    await Promise.all(CONNECTIONS.map(async (connection) => [connection, await ids(connection)] as const)),
  );
}

async function gql(query: string, variables: Record<string, unknown> = {}) {
  const { body } = await admin(devstore, shop, query, variables);
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const WALK_IN = 'walk-in@example.com';
const REGULAR = 'regular@example.com';

beforeAll(async () => {
  const catalog = seedCatalog({
    products: 6,
    variationsPerProduct: 2,
    imagesPerProduct: 1,
    categories: 4,
    customers: 5,
    orders: 5,
    coupons: 3,
    reviews: 4,
    pages: 3,
    posts: 3,
    awkward: false,
  });
  // Two guest checkouts on the old store: a walk-in no customer shares an email with, and a
  // regular of the Shopify store who never had an account on the old one.
  const orderAt = catalog.orderAt;
  catalog.orderAt = (index) => {
    const order = orderAt(index);
    const guest = index === 5 ? WALK_IN : index === 4 ? REGULAR : null;
    return guest ? { ...order, customer_id: 0, billing: { ...(order.billing as object), email: guest } } : order;
  };
  const changes = storeChanges(catalog);
  woo = await startWooCommerceServer({ catalog });
  devstore = await startTestDevstore();
  shop = await installedShop(devstore);
  await control(devstore, 'PATCH', `/shops/${shop.domain}`, { devStore: false });

  // What the merchant had in Shopify before: a product, and a customer the old store also knows.
  own.customerEmail = String(catalog.customerAt(2).email);
  own.productId = (
    await gql('mutation { productSet(input: { title: "Handmade Vase" }) { product { id } userErrors { message } } }')
  ).productSet.product.id;
  own.customerId = (
    await gql(
      'mutation($input: CustomerSetInput!) { customerSet(input: $input) { customer { id } userErrors { message } } }',
      { input: { email: own.customerEmail, firstName: 'Shopify' } },
    )
  ).customerSet.customer.id;
  await gql(
    'mutation($input: CustomerSetInput!) { customerSet(input: $input) { customer { id } userErrors { message } } }',
    { input: { email: REGULAR, firstName: 'Regular' } },
  );
  beforeMigration = await storeContents();

  runner = await startTestWorker();
  firstId = await migrate(woo, shop, {
    entities: ['collections', 'products', 'customers', 'orders', 'pages', 'blogPosts', 'discounts', 'reviews'],
  });
  expect((await untilSettled(firstId)).status).toBe('completed');

  // The old store takes one more order; the re-sync moves it.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  catalog.store.now = new Date();
  resyncOrder = String(changes.placeOrder());
  resyncId = (await resyncMigration(shop.domain, firstId)).id;
  expect((await untilSettled(resyncId)).status).toBe('completed');

  // After launch a migrated customer buys in the new store: Shopify will not delete them now.
  const migratedCustomer = await db().idMapEntry.findFirstOrThrow({
    where: { shop: shop.domain, entity: 'customers', sourceId: String(catalog.customerAt(4).id) },
  });
  const order = await gql(
    'mutation($order: OrderCreateOrderInput!) { orderCreate(order: $order) { order { id } userErrors { message } } }',
    {
      order: {
        customerId: migratedCustomer.shopifyGid,
        currency: 'EUR',
        lineItems: [
          { title: 'Gift card', quantity: 1, priceSet: { shopMoney: { amount: '25.00', currencyCode: 'EUR' } } },
        ],
      },
    },
  );
  buyer = { customerId: migratedCustomer.shopifyGid, orderId: order.orderCreate.order.id };

  // And the merchant deleted one migrated product by hand.
  const product = await db().idMapEntry.findFirstOrThrow({ where: { shop: shop.domain, entity: 'products' } });
  await gql('mutation($input: ProductDeleteInput!) { productDelete(input: $input) { deletedProductId } }', {
    input: { id: product.shopifyGid },
  });

  await undoMigration(shop.domain, firstId);
  expect((await untilSettled(firstId, 120_000, ['undone', 'failed'])).status).toBe('undone');
}, 180_000);

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

describe('undo', () => {
  it('puts the customer Shipyard found in the store back as it was, and forgets it', async () => {
    // The migration wrote the old store's name into it ("Update them", the default).
    expect((await gql('query($id: ID!) { customer(id: $id) { firstName } }', { id: own.customerId })).customer).toEqual(
      { firstName: 'Shopify' },
    );
    expect(await db().idMapEntry.count({ where: { shop: shop.domain, shopifyGid: own.customerId } })).toBe(0);
    expect(await db().recordBefore.count({ where: { shop: shop.domain } })).toBe(0);
  });

  it('leaves the store as it was before the migration, except what could not be deleted', async () => {
    const after = await storeContents();
    expect(after).toEqual({
      ...beforeMigration,
      customers: [...(beforeMigration.customers ?? []), buyer.customerId].sort(),
      orders: [buyer.orderId],
    });
    expect((await gql('query($id: ID!) { product(id: $id) { title } }', { id: own.productId })).product).toEqual({
      title: 'Handmade Vase',
    });
    expect((await gql('query($id: ID!) { customer(id: $id) { email } }', { id: own.customerId })).customer).toEqual({
      email: own.customerEmail,
    });
  });

  it('reports what was deleted per entity, and what was not, with Shopify’s reason', async () => {
    const migration = await db().migration.findUniqueOrThrow({ where: { id: firstId } });
    const report = migration.undo as unknown as UndoReport;
    // The admin UI names the status rather than taking the migration for a draft.
    expect(statusLabel(asStatus(migration.status))).toBe('Undone');
    const moved = (entity: string) =>
      db().sourceRecord.count({ where: { migrationId: firstId, entity, status: 'written' } });
    expect(report.status).toBe('done');
    expect(await moved('collections')).toBeGreaterThan(0);
    for (const entity of ['redirects', 'discounts', 'blogPosts', 'pages', 'reviews'])
      expect(await moved(entity), entity).toBeGreaterThan(0);
    expect(report.entities).toEqual({
      redirects: { deleted: await moved('redirects'), alreadyGone: 0, failed: 0 },
      // Reviews live in their products' metafields and are adopted links: they go with the products.
      discounts: { deleted: await moved('discounts'), alreadyGone: 0, failed: 0 },
      blogPosts: { deleted: await moved('blogPosts'), alreadyGone: 0, failed: 0 },
      blogs: { deleted: 1, alreadyGone: 0, failed: 0 },
      pages: { deleted: await moved('pages'), alreadyGone: 0, failed: 0 },
      orders: { deleted: 6, alreadyGone: 0, failed: 0 },
      // The walk-in's: the customer Shopify made for their order. The regular's order joined the store's own customer, which stays.
      guestCustomers: { deleted: 1, alreadyGone: 0, failed: 0 },
      // Five source customers: one was the store's own (put back), one now has a real order.
      customers: { deleted: 3, alreadyGone: 0, failed: 1, restored: 1 },
      products: { deleted: 5, alreadyGone: 1, failed: 0 },
      collections: { deleted: await moved('collections'), alreadyGone: 0, failed: 0 },
    });
    expect(report.problems).toEqual([
      {
        entity: 'customers',
        sourceId: expect.any(String),
        shopifyGid: buyer.customerId,
        reason: 'id: Customer can’t be deleted because they have orders',
      },
    ]);
  });

  it('covers the re-sync: its order is gone and it counts as undone', async () => {
    const resync = await db().migration.findUniqueOrThrow({ where: { id: resyncId } });
    expect(resync.status).toBe('undone');
    expect(await db().idMapEntry.count({ where: { shop: shop.domain, entity: 'orders', sourceId: resyncOrder } })).toBe(
      0,
    );
    await expect(resyncMigration(shop.domain, resyncId)).rejects.toBeInstanceOf(MigrationStateError);
  });

  it('keeps the link of what could not be deleted, so undoing again retries just that', async () => {
    const left = await db().idMapEntry.findMany({
      where: { shop: shop.domain, createdBy: { in: [firstId, resyncId] } },
    });
    expect(left.map((entry) => entry.shopifyGid)).toEqual([buyer.customerId]);
    // The variants' links went with their products: no later order links to a deleted variant.
    expect(await db().idMapEntry.count({ where: { shop: shop.domain, entity: 'variants' } })).toBe(0);
    await gql('mutation($id: ID!) { orderDelete(orderId: $id) { deletedId } }', { id: buyer.orderId });
    await undoMigration(shop.domain, firstId);
    const again = await untilSettled(firstId, 60_000, ['undone', 'failed']);
    expect((again.undo as unknown as UndoReport).entities).toEqual({
      customers: { deleted: 1, alreadyGone: 0, failed: 0 },
    });
    expect(await ids('customers')).toEqual(beforeMigration.customers);
  });

  it('is refused for another shop and for a migration still running', async () => {
    await expect(undoMigration('other-shop.myshopify.com', firstId)).rejects.toBeInstanceOf(MigrationNotFound);
    const running = await db().migration.create({
      data: { shop: shop.domain, sourcePlatform: 'woocommerce', status: 'running', phase: 'loading' },
    });
    await expect(undoMigration(shop.domain, running.id)).rejects.toThrow(/cancel it before undoing it/);
  });
});
