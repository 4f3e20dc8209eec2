// "Records already in Shopify: Update them" for a customer the store already had (same email as a
// customer of the old store): the migration writes the old store's details into them, and an undo
// puts them back exactly as they were — fields, addresses, and no trace of Shipyard's metafields.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/db/db.server.ts';
import { undoMigration } from '../../app/pipeline/steps/undo.server.ts';
import type { UndoReport } from '../../app/pipeline/steps/undo.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, control, startTestDevstore } from '../../devstore/testing.ts';
import { type Catalog, seedCatalog } from '../../connectors/woocommerce/fake/catalog.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { installedShop, migrate, startTestWorker, untilSettled } from './harness.ts';

let woo: WooCommerceTestServer;
let devstore: Devstore;
let shop: TestShop;
let runner: Runner;
let catalog: Catalog;
let migrationId: string;
const own = { id: '', email: '', sourceId: '' };

async function gql(query: string, variables: Record<string, unknown> = {}) {
  const { body } = await admin(devstore, shop, query, variables);
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const CUSTOMER = `query($id: ID!) {
  customer(id: $id) {
    id email phone firstName lastName note tags
    addresses(first: 10) { address1 city countryCodeV2 zip }
    reference: metafield(namespace: "shipyard", key: "source_reference") { value }
    totalSpent: metafield(namespace: "shipyard", key: "total_spent") { value }
    ordersCount: metafield(namespace: "shipyard", key: "orders_count") { value }
    loyalty: metafield(namespace: "loyalty", key: "tier") { value }
  }
}`;

/** The merchant's customer as they made it in Shopify before migrating. */
const asMade = () => ({
  id: own.id,
  email: own.email,
  phone: null,
  firstName: 'Kept',
  lastName: 'As-is',
  note: 'Wholesale account, set up by hand',
  tags: ['wholesale'],
  addresses: [{ address1: '9 Warehouse Lane', city: 'Hamburg', countryCodeV2: 'DE', zip: '20095' }],
  reference: null,
  totalSpent: null,
  ordersCount: null,
  loyalty: { value: 'gold' },
});

beforeAll(async () => {
  catalog = seedCatalog({
    products: 3,
    variationsPerProduct: 2,
    imagesPerProduct: 1,
    categories: 2,
    customers: 4,
    orders: 8,
    coupons: 0,
    reviews: 0,
    pages: 0,
    posts: 0,
    awkward: false,
  });
  woo = await startWooCommerceServer({ catalog });
  devstore = await startTestDevstore();
  shop = await installedShop(devstore);
  await control(devstore, 'PATCH', `/shops/${shop.domain}`, { devStore: false });
  // The merchant's own customer in Shopify, with the email of the old store's customer 5002 (who has a phone there).
  const source = catalog.customerAt(2);
  expect(source.billing).toMatchObject({ phone: expect.stringMatching(/^\+49/) });
  own.email = String(source.email);
  own.sourceId = String(source.id);
  own.id = (
    await gql(
      'mutation($input: CustomerSetInput!) { customerSet(input: $input) { customer { id } userErrors { message } } }',
      {
        input: {
          email: own.email,
          firstName: 'Kept',
          lastName: 'As-is',
          note: 'Wholesale account, set up by hand',
          tags: ['wholesale'],
          addresses: [{ address1: '9 Warehouse Lane', city: 'Hamburg', countryCode: 'DE', zip: '20095' }],
        },
      },
    )
  ).customerSet.customer.id;
  // A metafield of the merchant's own, which Shipyard never writes: it must come through untouched.
  await gql('mutation($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { userErrors { message } } }', {
    m: [{ ownerId: own.id, namespace: 'loyalty', key: 'tier', type: 'single_line_text_field', value: 'gold' }],
  });
  expect((await gql(CUSTOMER, { id: own.id })).customer).toEqual(asMade());
  runner = await startTestWorker();
  migrationId = await migrate(woo, shop, { entities: ['products', 'customers', 'orders'], existingRecords: 'update' });
  expect((await untilSettled(migrationId)).status).toBe('completed');
}, 120_000);

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

describe('a customer the store already had, when the merchant chose to update existing records', () => {
  it('gets the old store’s details, and how it was is kept', async () => {
    const source = catalog.customerAt(2);
    const updated = (await gql(CUSTOMER, { id: own.id })).customer;
    expect(updated).toMatchObject({
      id: own.id,
      email: own.email,
      firstName: source.first_name,
      lastName: source.last_name,
      reference: { value: `woocommerce:${own.sourceId}` },
    });
    expect(updated.phone).not.toBeNull();
    const kept = await db().recordBefore.findUniqueOrThrow({
      where: { shop_shopifyGid: { shop: shop.domain, shopifyGid: own.id } },
    });
    expect(kept).toMatchObject({ migrationId, entity: 'customers' });
    // An adopted link: the migration did not create the customer, so an undo never deletes them.
    expect(
      (
        await db().idMapEntry.findFirstOrThrow({
          where: { shop: shop.domain, entity: 'customers', sourceId: own.sourceId },
        })
      ).createdBy,
    ).toBeNull();
  });

  it('is put back exactly as it was by an undo, which deletes everything the migration created', async () => {
    await undoMigration(shop.domain, migrationId);
    const undone = await untilSettled(migrationId, 120_000, ['undone', 'failed']);
    expect(undone.status).toBe('undone');
    const report = undone.undo as unknown as UndoReport;
    expect(report.entities.customers).toEqual({ deleted: 3, alreadyGone: 0, failed: 0, restored: 1 });
    expect(report.problems).toEqual([]);

    expect((await gql(CUSTOMER, { id: own.id })).customer).toEqual(asMade());
    const { customers, orders } = await gql(
      '{ customers(first: 50) { nodes { id } } orders(first: 50) { nodes { id } } }',
    );
    expect(customers.nodes).toEqual([{ id: own.id }]);
    expect(orders.nodes).toEqual([]);
    // Nothing of the migration is left linked to them: a later migration finds and keeps them afresh.
    expect(await db().idMapEntry.count({ where: { shop: shop.domain, shopifyGid: own.id } })).toBe(0);
    expect(await db().recordBefore.count({ where: { shop: shop.domain } })).toBe(0);
  });

  it('is kept again by the next migration that writes into it', async () => {
    const again = await migrate(woo, shop, { entities: ['customers'], existingRecords: 'update' });
    expect((await untilSettled(again)).status).toBe('completed');
    expect(
      (
        await db().recordBefore.findUniqueOrThrow({
          where: { shop_shopifyGid: { shop: shop.domain, shopifyGid: own.id } },
        })
      ).migrationId,
    ).toBe(again);
    await undoMigration(shop.domain, again);
    expect((await untilSettled(again, 120_000, ['undone', 'failed'])).status).toBe('undone');
    expect((await gql(CUSTOMER, { id: own.id })).customer).toEqual(asMade());
  });
});
