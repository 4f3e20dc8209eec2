// WooCommerce customers and orders as a real store has them (issue 11) → Shopify (devstore), end to
// end over HTTP: phones typed in local form arrive in E.164, read in the address's country (else the
// store's own); a phone
// that is no number even so is counted by the analysis and kept in the note; billing and shipping
// that differ only by a phone, case or spacing are one address; WooCommerce's state codes arrive as
// Shopify's province codes (devstore refuses any other), and one Shipyard cannot match stays in the note.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/db/db.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, control, startTestDevstore } from '../../devstore/testing.ts';
import { seedCatalog } from '../../connectors/woocommerce/fake/catalog.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { approveMigration, installedShop, migrate, startTestWorker, untilSettled } from './harness.ts';

let woo: WooCommerceTestServer;
let devstore: Devstore;
let shop: TestShop;
let runner: Runner;
let migrationId: string;

const CUSTOMER = `query Customer($id: ID!) {
  customer(id: $id) {
    phone note
    addressesV2(first: 10) { nodes { address1 city provinceCode countryCodeV2 phone } }
  }
}`;

const ORDER = `query Order($id: ID!) {
  order(id: $id) {
    note
    billingAddress { city provinceCode countryCodeV2 phone }
    shippingAddress { city provinceCode countryCodeV2 phone }
  }
}`;

async function query(document: string, variables: Record<string, unknown>) {
  const { body } = await admin(devstore, shop, document, variables);
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function shopifyId(entity: 'customers' | 'orders', sourceId: string): Promise<string> {
  const entry = await db().idMapEntry.findFirstOrThrow({ where: { shop: shop.domain, entity, sourceId } });
  return entry.shopifyGid;
}

const customer = async (sourceId: string) =>
  (await query(CUSTOMER, { id: await shopifyId('customers', sourceId) })).customer;
const order = async (sourceId: string) => (await query(ORDER, { id: await shopifyId('orders', sourceId) })).order;

beforeAll(async () => {
  woo = await startWooCommerceServer({
    catalog: seedCatalog({
      products: 2,
      variationsPerProduct: 1,
      imagesPerProduct: 0,
      categories: 0,
      coupons: 0,
      reviews: 0,
      pages: 0,
      posts: 0,
      realCustomers: true,
    }),
  });
  devstore = await startTestDevstore();
  shop = await installedShop(devstore);
  // A paid plan: development stores take 5 orders a minute.
  await control(devstore, 'PATCH', `/shops/${shop.domain}`, { devStore: false });
  runner = await startTestWorker();
  migrationId = await migrate(woo, shop, { entities: ['customers', 'orders'], review: true });
  await untilSettled(migrationId);
}, 120_000);

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

describe('WooCommerce customers as they really are', () => {
  it('counts, before anything is written, the phone that is no number and the regions Shopify has no code for', async () => {
    expect((await db().migration.findUniqueOrThrow({ where: { id: migrationId } })).status).toBe('ready');
    const problems = await db().migrationProblem.findMany({
      where: {
        migrationId,
        code: { in: ['customer-phone-invalid', 'order-phone-invalid', 'address-region-unmatched'] },
      },
      orderBy: [{ entity: 'asc' }, { sourceId: 'asc' }, { code: 'asc' }],
    });
    expect(problems.map((problem) => [problem.entity, problem.sourceId, problem.code, problem.subject])).toEqual([
      ['customers', '5003', 'customer-phone-invalid', '07700 900123'],
      ['customers', '5009', 'address-region-unmatched', 'SU'],
      ['orders', '9002', 'address-region-unmatched', '9002'],
      ['orders', '9002', 'order-phone-invalid', '9002'],
    ]);
    expect(problems[0]?.message).toMatch(/not a number that can be rung in GB/);
    expect(await db().sourceRecord.count({ where: { migrationId, status: { not: 'staged' } } })).toBe(0);
  });

  it('moves every customer and order once approved', async () => {
    await approveMigration(shop.domain, migrationId);
    const migration = await untilSettled(migrationId);
    expect(migration.error).toBeNull();
    expect(migration.status).toBe('completed');
    const notWritten = await db().sourceRecord.findMany({ where: { migrationId, status: { not: 'written' } } });
    expect(notWritten.map((row) => `${row.entity} ${row.sourceId}: ${row.reason}`)).toEqual([]);
  });

  it('writes phones typed in local form in E.164, read in the address country', async () => {
    expect((await customer('5001')).phone).toBe('+12075550142');
    expect((await customer('5002')).phone).toBe('+447911123456');
    expect((await customer('5004')).phone).toBe('+81355550100');
    expect((await customer('5005')).phone).toBe('+64211234567');
    expect((await customer('5006')).phone).toBe('+861065529988');
    expect((await customer('5008')).phone).toBe('+523336131234');
    expect((await customer('5009')).phone).toBe('+390781670123');
  });

  it('reads a phone given with no address in the store’s own country (its base location)', async () => {
    expect(woo.requests.some((request) => request.path === '/wp-json/wc/v3/settings/general')).toBe(true);
    expect((await customer('5007')).phone).toBe('+12075550199');
  });

  it('keeps a phone that is no number even in the customer’s country in the note, and says so', async () => {
    const amelia = await customer('5003');
    expect(amelia.phone).toBeNull();
    expect(amelia.note).toBe('Phone on the old store (not valid in Shopify): 07700 900123');
    expect(amelia.addressesV2.nodes).toEqual([
      { address1: '11 Downing Street', city: 'London', provinceCode: null, countryCodeV2: 'GB', phone: null },
    ]);
  });

  it('makes one address of billing and shipping that differ only by a phone, case or spacing, keeping the phone', async () => {
    expect((await customer('5001')).addressesV2.nodes).toEqual([
      { address1: '12 Fore Street', city: 'Portland', provinceCode: 'ME', countryCodeV2: 'US', phone: '+12075550142' },
    ]);
    expect((await customer('5002')).addressesV2.nodes).toEqual([
      {
        address1: '10 Downing Street',
        city: 'London',
        provinceCode: null,
        countryCodeV2: 'GB',
        phone: '+447911123456',
      },
    ]);
    expect((await customer('5004')).addressesV2.nodes).toEqual([
      {
        address1: '1-1 Marunouchi',
        city: 'Chiyoda-ku',
        provinceCode: 'JP-13',
        countryCodeV2: 'JP',
        phone: '+81355550100',
      },
    ]);
  });

  it('keeps two addresses that are two places, each with Shopify’s province code', async () => {
    expect((await customer('5005')).addressesV2.nodes).toEqual([
      { address1: '1 Queen Street', city: 'Auckland', provinceCode: 'AUK', countryCodeV2: 'NZ', phone: '+64211234567' },
      { address1: '2 Lambton Quay', city: 'Wellington', provinceCode: 'WGN', countryCodeV2: 'NZ', phone: null },
    ]);
  });

  it('gives Shopify its own code for regions WooCommerce numbers or abbreviates its own way (CN2 → BJ, JA → JAL)', async () => {
    const li = await customer('5006');
    expect(li.addressesV2.nodes).toEqual([
      {
        address1: '1 Chang’an Avenue',
        city: 'Beijing',
        provinceCode: 'BJ',
        countryCodeV2: 'CN',
        phone: '+861065529988',
      },
    ]);
    expect(li.note).toBeNull();
    expect((await customer('5008')).addressesV2.nodes).toEqual([
      {
        address1: 'Av. Juárez 976',
        city: 'Guadalajara',
        provinceCode: 'JAL',
        countryCodeV2: 'MX',
        phone: '+523336131234',
      },
    ]);
  });

  it('moves an address whose region has no Shopify code without it, the region kept in the note and reported', async () => {
    const giulia = await customer('5009');
    expect(giulia.addressesV2.nodes).toEqual([
      { address1: 'Via Roma 1', city: 'Carbonia', provinceCode: null, countryCodeV2: 'IT', phone: '+390781670123' },
    ]);
    expect(giulia.note).toBe('Region on the old store (no Shopify province code): SU');
    const problem = await db().migrationProblem.findFirstOrThrow({
      where: { migrationId, entity: 'customers', sourceId: '5009', code: 'address-region-unmatched' },
    });
    expect(problem.action).toMatch(/Choose the region/);
  });

  it('maps orders’ addresses the same way: local phones in E.164, Shopify’s province codes, the rest in the note', async () => {
    expect(await order('9001')).toEqual({
      note: null,
      billingAddress: { city: 'Chiyoda-ku', provinceCode: 'JP-13', countryCodeV2: 'JP', phone: '+81355550100' },
      shippingAddress: { city: 'Chiyoda-ku', provinceCode: 'JP-13', countryCodeV2: 'JP', phone: '+81355550100' },
    });
    const guest = await order('9002');
    expect(guest.billingAddress).toEqual({ city: 'Beijing', provinceCode: 'BJ', countryCodeV2: 'CN', phone: null });
    expect(guest.shippingAddress).toEqual({ city: 'Carbonia', provinceCode: null, countryCodeV2: 'IT', phone: null });
    expect(guest.note).toContain('Billing phone on the old store (not valid in Shopify): 12345');
    expect(guest.note).not.toContain('Billing region');
    expect(guest.note).toContain('Shipping region on the old store: SU');
  });
});
