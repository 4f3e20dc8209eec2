// WooCommerce coupons limited to email addresses → Shopify codes for those customers (devstore), end
// to end: an address becomes the customer with it (moved with the migration or already in the store),
// a pattern the moved customers it matches; an address without a customer is reported, and a coupon
// none of whose addresses has one is kept back rather than opened to everyone. A second run follows
// the coupon's new address and the customers that arrived since.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/db/db.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, startTestDevstore } from '../../devstore/testing.ts';
import { seedCatalog } from '../../connectors/woocommerce/fake/catalog.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { installedShop, migrate, startTestWorker, untilSettled } from './harness.ts';

const ENTITIES = ['customers', 'discounts'] as const;
// More than the 250 customers Shopify takes in one request, for the pattern that matches them all.
const CUSTOMERS = 260;

let woo: WooCommerceTestServer;
let devstore: Devstore;
let shop: TestShop;
let runner: Runner;
let migrationId: string;

type Raw = Record<string, unknown>;
const couponEdits: Record<number, Raw> = {};
/** The seeded customers' addresses, by index (1 to CUSTOMERS). */
const email = (index: number) => String(woo.catalog.customerAt(index).email);
const everyEmail = () => Array.from({ length: CUSTOMERS }, (_, index) => email(index + 1)).sort();

function seeded() {
  const catalog = seedCatalog({
    products: 2,
    variationsPerProduct: 1,
    imagesPerProduct: 0,
    categories: 2,
    customers: CUSTOMERS,
    orders: 0,
    coupons: 5,
    reviews: 0,
    pages: 0,
    posts: 0,
  });
  const couponAt = catalog.couponAt;
  const allowed: Record<number, () => string[]> = {
    // One moved customer, written in capitals on the old store.
    1: () => [email(1).toUpperCase()],
    // Every moved customer, all at example.com (the merchant's own customer is at example.org).
    2: () => ['*@example.com'],
    // A moved customer and an address nobody has.
    3: () => [email(2), 'nobody@example.com'],
    // Only the address nobody has.
    4: () => ['nobody@example.com'],
    // The customer the merchant already had in Shopify.
    5: () => ['own@example.org'],
  };
  catalog.couponAt = (index) => ({
    ...couponAt(index),
    discount_type: 'percent',
    amount: '10.00',
    product_ids: [],
    free_shipping: false,
    email_restrictions: allowed[index]?.() ?? [],
    ...couponEdits[index],
  });
  return catalog;
}

const WHO = `query Who($code: String!) {
  codeDiscountNodeByCode(code: $code) {
    id
    codeDiscount { ... on DiscountCodeBasic { context { __typename ... on DiscountCustomers { customers { email } } } } }
  }
}`;

async function query(document: string, variables: Record<string, unknown>) {
  const { body } = await admin(devstore, shop, document, variables);
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Who may use a code in Shopify: the customers' addresses, sorted, or null when there is no such code. */
async function customersOf(code: string): Promise<string[] | null> {
  const { codeDiscountNodeByCode: found } = await query(WHO, { code });
  if (!found) return null;
  return (found.codeDiscount.context.customers as { email: string }[]).map((customer) => customer.email).sort();
}

async function storeCustomer(address: string) {
  const { customerSet } = await query(
    'mutation($input: CustomerSetInput!) { customerSet(input: $input) { customer { id } userErrors { message } } }',
    { input: { email: address, firstName: 'Own' } },
  );
  expect(customerSet.userErrors).toEqual([]);
}

const record = (sourceId: string, id = migrationId) =>
  db().sourceRecord.findUniqueOrThrow({
    where: { migrationId_entity_sourceId: { migrationId: id, entity: 'discounts', sourceId } },
  });
const problems = async (sourceId: string, id = migrationId) =>
  (await db().migrationProblem.findMany({ where: { migrationId: id, entity: 'discounts', sourceId } })).map(
    (problem) => problem.code,
  );

beforeAll(async () => {
  woo = await startWooCommerceServer({ catalog: seeded() });
  devstore = await startTestDevstore();
  shop = await installedShop(devstore);
  await storeCustomer('own@example.org');
  runner = await startTestWorker();
  migrationId = await migrate(woo, shop, { entities: [...ENTITIES] });
  const migration = await untilSettled(migrationId);
  expect(migration.error).toBeNull();
  expect(migration.status).toBe('completed');
}, 120_000);

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

describe('coupons for chosen email addresses', () => {
  it('become codes for the customers with those addresses, whether they moved or were in the store', async () => {
    expect(await customersOf('welcome10')).toEqual([email(1)]);
    expect(await customersOf('save2')).toEqual(everyEmail());
    expect(await customersOf('save5')).toEqual(['own@example.org']);
    for (const sourceId of ['7001', '7005'])
      expect([(await record(sourceId)).status, await problems(sourceId)], sourceId).toEqual(['written', []]);
    // A pattern takes in the customers it matches now; later ones the merchant adds in Shopify, and the report says so.
    expect([(await record('7002')).status, await problems('7002')]).toEqual([
      'written',
      ['discount-restriction-not-kept'],
    ]);
    expect((await record('7002')).reason).toMatch(
      /^For any address like \*@example\.com: limited to the customers with such an address in Shopify when it was written/,
    );
  });

  it('says which address has no customer, and keeps back a coupon none of whose addresses has one', async () => {
    expect(await customersOf('save3')).toEqual([email(2)]);
    expect(await problems('7003')).toEqual(['discount-customers-missing']);
    expect((await record('7003')).reason).toBe(
      'Also for nobody@example.com, who has no customer account in Shopify, so the code does not work for that address until you add it to the code there.',
    );

    const kept = await record('7004');
    expect(kept.status).toBe('failed');
    expect(kept.reason).toBe(
      'Only for nobody@example.com, and no customer in Shopify has that address; without its customers the code would be open to everyone. Move those customers (or add them in Shopify), then run the migration again.',
    );
    expect(await customersOf('save4')).toBeNull();
  });

  it('on a second run, follows a coupon to its new address and takes in a customer who arrived since', async () => {
    const before = await query(WHO, { code: 'welcome10' });
    couponEdits[1] = { email_restrictions: [email(3)] };
    await storeCustomer('nobody@example.com');
    const again = await migrate(woo, shop, { entities: [...ENTITIES] });
    const second = await untilSettled(again, 60_000);
    expect(second.error).toBeNull();
    expect(second.status).toBe('completed');

    // The same code, now for the new address only.
    expect((await query(WHO, { code: 'welcome10' })).codeDiscountNodeByCode.id).toBe(before.codeDiscountNodeByCode.id);
    expect(await customersOf('welcome10')).toEqual([email(3)]);
    // An unchanged coupon whose missing customer arrived: written again, with them, and nothing left to report.
    expect(await customersOf('save3')).toEqual([email(2), 'nobody@example.com'].sort());
    expect([
      (await record('7003', again)).status,
      (await record('7003', again)).reason,
      await problems('7003', again),
    ]).toEqual(['written', null, []]);
    expect(await customersOf('save4')).toEqual(['nobody@example.com']);
    expect((await record('7004', again)).status).toBe('written');
    // Unchanged, and its customers too: settled without a request.
    expect(await customersOf('save2')).toEqual(everyEmail());
    expect((await record('7002', again)).status).toBe('unchanged');
  }, 90_000);
});
