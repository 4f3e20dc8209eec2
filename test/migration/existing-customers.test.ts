// "Records already in Shopify: Skip them" for a customer the store already had (same email as a
// customer of the old store): nothing of theirs is written over, their old-store orders are linked
// to them, the report says why the record was skipped, and an undo leaves them in the store.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/db/db.server.ts';
import { undoMigration } from '../../app/pipeline/steps/undo.server.ts';
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

const CUSTOMER =
  'query($id: ID!) { customer(id: $id) { id email firstName lastName note tags addressesV2(first: 10) { nodes { address1 } } } }';

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
  // The merchant's own customer in Shopify, with the email of the old store's customer 5002.
  const source = catalog.customerAt(2);
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
        },
      },
    )
  ).customerSet.customer.id;
  runner = await startTestWorker();
  migrationId = await migrate(woo, shop, { entities: ['products', 'customers', 'orders'], existingRecords: 'skip' });
  expect((await untilSettled(migrationId)).status).toBe('completed');
}, 120_000);

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

describe('a customer the store already had, when the merchant chose to skip existing records', () => {
  it('is left exactly as it was in Shopify, and the report says why', async () => {
    expect((await gql(CUSTOMER, { id: own.id })).customer).toEqual({
      id: own.id,
      email: own.email,
      firstName: 'Kept',
      lastName: 'As-is',
      note: 'Wholesale account, set up by hand',
      tags: ['wholesale'],
      addressesV2: { nodes: [] },
    });
    const record = await db().sourceRecord.findFirstOrThrow({
      where: { migrationId, entity: 'customers', sourceId: own.sourceId },
    });
    expect(record).toMatchObject({
      status: 'skipped',
      reason: `A customer with the email ${own.email} was already in Shopify; left as it is there, as chosen in the options. Their orders are linked to that customer.`,
    });
    // The other customers were new to the store and moved.
    expect(await db().sourceRecord.count({ where: { migrationId, entity: 'customers', status: 'written' } })).toBe(3);
  });

  it('gets their old-store orders', async () => {
    const theirs = (
      await db().sourceRecord.findMany({ where: { migrationId, entity: 'orders', status: 'written' } })
    ).filter((row) => (row.data as { customerSourceId: string | null }).customerSourceId === own.sourceId);
    expect(theirs.length).toBeGreaterThan(0);
    const links = await db().idMapEntry.findMany({
      where: { shop: shop.domain, entity: 'orders', sourceId: { in: theirs.map((row) => row.sourceId) } },
    });
    expect(links).toHaveLength(theirs.length);
    for (const link of links)
      expect(
        (await gql('query($id: ID!) { order(id: $id) { customer { id } } }', { id: link.shopifyGid })).order.customer,
      ).toEqual({ id: own.id });
  });

  it('stays in the store after an undo, which takes everything the migration created', async () => {
    expect(
      (
        await db().idMapEntry.findFirstOrThrow({
          where: { shop: shop.domain, entity: 'customers', sourceId: own.sourceId },
        })
      ).createdBy,
    ).toBeNull();
    await undoMigration(shop.domain, migrationId);
    expect((await untilSettled(migrationId, 120_000, ['undone', 'failed'])).status).toBe('undone');
    const { customers, orders } = await gql(
      '{ customers(first: 50) { nodes { id } } orders(first: 50) { nodes { id } } }',
    );
    expect(customers.nodes).toEqual([{ id: own.id }]);
    expect(orders.nodes).toEqual([]);
    expect((await gql(CUSTOMER, { id: own.id })).customer.firstName).toBe('Kept');
  });
});
