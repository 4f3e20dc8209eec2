// WooCommerce customers and orders → Shopify (devstore), end to end: every customer field and
// address, every order's lines, totals, taxes, statuses and links to customers and variants checked
// against the source; a broken email, a duplicate customer and an order for a deleted product are
// reported and lose nothing else; a second run creates nothing twice.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord, OrderRecord } from '../../connectors/model.ts';
import { db } from '../../app/db/db.server.ts';
import { checkContact, customerAddresses } from '../../app/pipeline/entities/customers/input.server.ts';
import { defaultOrderStatus } from '../../app/pipeline/entities/orders/input.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, control, startTestDevstore } from '../../devstore/testing.ts';
import { shopifyDecimal } from '../support/shopify-decimal.ts';
import { seedCatalog } from '../../connectors/woocommerce/fake/catalog.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { installedShop, migrate, startTestWorker, untilSettled } from './harness.ts';

const BROKEN_EMAIL = 'chloe.dubois@@example';
const DELETED_PRODUCT = 999_999;
const FUTURE = '2099-06-01T10:00:00';

let woo: WooCommerceTestServer;
let devstore: Devstore;
let shop: TestShop;
let runner: Runner;
let migrationId: string;

function seeded() {
  const catalog = seedCatalog({
    products: 20,
    variationsPerProduct: 2,
    imagesPerProduct: 1,
    categories: 12,
    customers: 10,
    orders: 12,
    coupons: 0,
    reviews: 0,
  });
  const customerAt = catalog.customerAt;
  const orderAt = catalog.orderAt;
  // Customer 5002 mistyped their email; 5007 signed up twice, with 5003's email.
  catalog.customerAt = (index) => {
    const customer = customerAt(index);
    if (index === 2)
      return { ...customer, email: BROKEN_EMAIL, billing: { ...(customer.billing as object), email: BROKEN_EMAIL } };
    if (index === 7) return { ...customer, email: customerAt(3).email };
    return customer;
  };
  // Order 9004 bought a product the merchant has since deleted; the old store's clock put 9006 in 2099.
  catalog.orderAt = (index) => {
    const order = orderAt(index);
    if (index === 6)
      return { ...order, date_created: FUTURE, date_created_gmt: FUTURE, date_paid: FUTURE, date_paid_gmt: FUTURE };
    if (index !== 4) return order;
    const [line] = order.line_items as Record<string, unknown>[];
    return {
      ...order,
      line_items: [{ ...line, product_id: DELETED_PRODUCT, name: 'Discontinued Lantern', sku: 'LANTERN-OLD' }],
    };
  };
  return catalog;
}

const CUSTOMER = `query Customer($id: ID!) {
  customer(id: $id) {
    id email phone firstName lastName note tags
    defaultAddress { address1 }
    addressesV2(first: 10) { nodes { firstName lastName company address1 address2 city zip countryCodeV2 phone } }
    reference: metafield(namespace: "shipyard", key: "source_reference") { value }
  }
}`;

const ORDER = `query Order($id: ID!) {
  order(id: $id) {
    name processedAt currencyCode email note tags displayFinancialStatus displayFulfillmentStatus
    customer { id }
    billingAddress { address1 city countryCodeV2 }
    shippingAddress { address1 city }
    lineItems(first: 10) { nodes { title sku quantity variant { id } originalUnitPriceSet { shopMoney { amount } } taxLines { title rate priceSet { shopMoney { amount } } } } }
    shippingLines(first: 5) { nodes { title originalPriceSet { shopMoney { amount } } } }
    subtotalPriceSet { shopMoney { amount } }
    totalTaxSet { shopMoney { amount } }
    totalPriceSet { shopMoney { amount } }
    reference: metafield(namespace: "shipyard", key: "source_reference") { value }
  }
}`;

async function query(document: string, variables: Record<string, unknown>) {
  const { body } = await admin(devstore, shop, document, variables);
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function countIn(connection: 'customers' | 'orders'): Promise<number> {
  const data = await query(`query Count { ${connection}(first: 250) { nodes { id } } }`, {});
  return (data[connection].nodes as unknown[]).length;
}

async function customerWithEmail(email: string): Promise<string | null> {
  const data = await query(
    'query CustomerByEmail($email: String!) { customerByIdentifier(identifier: { emailAddress: $email }) { id } }',
    { email },
  );
  return data.customerByIdentifier?.id ?? null;
}

const links = async (entity: string) =>
  new Map(
    (await db().idMapEntry.findMany({ where: { shop: shop.domain, entity } })).map((entry) => [
      entry.sourceId,
      entry.shopifyGid,
    ]),
  );

beforeAll(async () => {
  woo = await startWooCommerceServer({ catalog: seeded() });
  devstore = await startTestDevstore();
  shop = await installedShop(devstore);
  // A paid plan: development stores take 5 orders a minute, which the pacing test below covers.
  await control(devstore, 'PATCH', `/shops/${shop.domain}`, { devStore: false });
  runner = await startTestWorker();
  migrationId = await migrate(woo, shop, { entities: ['collections', 'products', 'customers', 'orders'] });
  await untilSettled(migrationId);
}, 180_000);

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

describe('WooCommerce customers and orders migrated into Shopify', () => {
  it('completes with every customer and order moved', async () => {
    const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
    expect(migration.error).toBeNull();
    expect(migration.status).toBe('completed');
    for (const entity of ['customers', 'orders']) {
      const notMoved = await db().sourceRecord.findMany({ where: { migrationId, entity, status: { not: 'written' } } });
      expect(
        notMoved.map((row) => `${row.sourceId}: ${row.reason}`),
        entity,
      ).toEqual([]);
    }
  });

  it('moves every customer with names, contact details, note, tags, source reference and every address, the default first', async () => {
    const rows = await db().sourceRecord.findMany({
      where: { migrationId, entity: 'customers' },
      orderBy: { id: 'asc' },
    });
    const customers = await links('customers');
    expect(rows).toHaveLength(10);
    for (const row of rows.filter((candidate) => candidate.sourceId !== '5007')) {
      const source = row.data as unknown as CustomerRecord;
      const { customer } = await query(CUSTOMER, { id: customers.get(row.sourceId) });
      const contact = checkContact(source);
      expect(customer, row.sourceId).toMatchObject({
        email: contact.email,
        phone: contact.phone,
        firstName: source.firstName,
        lastName: source.lastName,
        reference: { value: `woocommerce:${row.sourceId}` },
      });
      const addresses = customerAddresses(
        row.sourceId === '5003'
          ? {
              ...source,
              addresses: [
                ...source.addresses,
                ...(rows.find((other) => other.sourceId === '5007')?.data as unknown as CustomerRecord).addresses,
              ],
            }
          : source,
      );
      expect(customer.addressesV2.nodes, row.sourceId).toEqual(
        addresses.map((address) => ({
          firstName: address.firstName,
          lastName: address.lastName,
          company: address.company,
          address1: address.address1,
          address2: address.address2,
          city: address.city,
          zip: address.zip,
          countryCodeV2: address.countryCode,
          phone: address.phone ? address.phone.replace(/\s/g, '') : null,
        })),
      );
      expect(customer.defaultAddress?.address1 ?? null).toBe(addresses[0]?.address1 ?? null);
    }
  });

  it('moves the customer with a broken email without it, and reports it', async () => {
    const row = await db().sourceRecord.findUniqueOrThrow({
      where: { migrationId_entity_sourceId: { migrationId, entity: 'customers', sourceId: '5002' } },
    });
    expect(row.reason).toMatch(/not a valid address/);
    const problem = await db().migrationProblem.findFirstOrThrow({
      where: { migrationId, sourceId: '5002', code: 'customer-email-invalid' },
    });
    expect(problem.subject).toBe(BROKEN_EMAIL);
    const { customer } = await query(CUSTOMER, { id: (await links('customers')).get('5002') });
    expect(customer.email).toBeNull();
    expect(customer.note).toContain(BROKEN_EMAIL);
    expect(customer.firstName).toBe('Chloé');
  });

  it('merges the customer who signed up twice into one, and says so', async () => {
    const customers = await links('customers');
    expect(customers.get('5007')).toBe(customers.get('5003'));
    const merged = await db().sourceRecord.findUniqueOrThrow({
      where: { migrationId_entity_sourceId: { migrationId, entity: 'customers', sourceId: '5007' } },
    });
    expect(merged.status).toBe('written');
    expect(merged.reason).toMatch(/^Merged into customer 5003/);
    expect(
      await db().migrationProblem.count({ where: { migrationId, sourceId: '5007', code: 'customer-merged' } }),
    ).toBe(1);
    expect(await countIn('customers')).toBe(9);
  });

  it('moves every order with its number, date, customer, lines linked to variants, prices, taxes, shipping, addresses, statuses and totals', async () => {
    const rows = await db().sourceRecord.findMany({ where: { migrationId, entity: 'orders' }, orderBy: { id: 'asc' } });
    const [orders, customers, variants] = [await links('orders'), await links('customers'), await links('variants')];
    expect(rows).toHaveLength(12);
    let linkedLines = 0;
    for (const row of rows) {
      const source = row.data as unknown as OrderRecord;
      const { order } = await query(ORDER, { id: orders.get(row.sourceId) });
      const status = defaultOrderStatus('woocommerce', source.sourceStatus);
      // Customer 5002 moved without their (broken) email: Shopify would make the order's email theirs, so it stays in the order's note.
      const customerWithoutEmail = source.customerSourceId === '5002';
      if (customerWithoutEmail) expect(order.note).toContain(`Email on the order: ${source.email}`);
      // A guest order's email is a migrated customer's here: Shopify links the order to them.
      const customer = source.customerSourceId
        ? customers.get(source.customerSourceId)
        : source.email
          ? await customerWithEmail(source.email)
          : null;
      expect(order.customer?.id ?? null, `customer of ${row.sourceId}`).toBe(customer ?? null);
      // Shopify sets a date in the future to the moment the order was written (API 2026-07 on).
      const processedAt = row.sourceId === '9006' ? order.processedAt : new Date(source.processedAt).toISOString();
      expect(order, row.sourceId).toMatchObject({
        name: `#${source.number}`,
        processedAt,
        currencyCode: source.currency,
        email: customerWithoutEmail ? null : source.email,
        displayFinancialStatus: status?.financialStatus,
        displayFulfillmentStatus: status?.fulfillmentStatus === 'FULFILLED' ? 'FULFILLED' : 'UNFULFILLED',
        billingAddress: {
          address1: source.billingAddress?.address1,
          city: source.billingAddress?.city,
          countryCodeV2: source.billingAddress?.countryCode,
        },
        shippingAddress: { address1: source.shippingAddress?.address1, city: source.shippingAddress?.city },
        reference: { value: `woocommerce:${row.sourceId}` },
      });
      expect(order.lineItems.nodes).toHaveLength(source.lineItems.length);
      source.lineItems.forEach((line, index) => {
        const found = order.lineItems.nodes[index];
        const variant = variants.get(line.variantSourceId ?? line.productSourceId ?? '');
        if (variant) linkedLines++;
        expect(found.variant?.id ?? null, `line ${line.sourceId}`).toBe(variant ?? null);
        if (!variant) expect(found).toMatchObject({ title: line.title, sku: line.sku });
        expect(found.quantity).toBe(line.quantity);
        expect(found.originalUnitPriceSet.shopMoney.amount).toBe(shopifyDecimal(line.price));
        expect(
          found.taxLines.map((tax: { title: string; rate: number; priceSet: { shopMoney: { amount: string } } }) => [
            tax.title,
            tax.rate,
            tax.priceSet.shopMoney.amount,
          ]),
        ).toEqual(line.taxLines.map((tax) => [tax.title, tax.rate, shopifyDecimal(tax.amount)]));
      });
      expect(
        order.shippingLines.nodes.map(
          (line: { title: string; originalPriceSet: { shopMoney: { amount: string } } }) => [
            line.title,
            line.originalPriceSet.shopMoney.amount,
          ],
        ),
      ).toEqual(source.shippingLines.map((line) => [line.title, shopifyDecimal(line.price)]));
      expect(order.totalTaxSet.shopMoney.amount).toBe(shopifyDecimal(source.totalTax));
      expect(order.totalPriceSet.shopMoney.amount, `total of ${row.sourceId}`).toBe(shopifyDecimal(source.total));
      if (source.notes[0]) expect(order.note).toContain(source.notes[0].body);
      if (source.sourceStatus === 'cancelled') expect(order.tags).toContain('cancelled');
    }
    expect(linkedLines).toBeGreaterThan(3);
    // Every guest's email was a migrated customer's, so Shopify made no customer for a guest order.
    expect(await db().idMapEntry.count({ where: { shop: shop.domain, entity: 'guestCustomers' } })).toBe(0);
    expect(await db().migrationProblem.count({ where: { migrationId, code: 'order-total-differs' } })).toBe(0);
  });

  it('moves an order the old store dated in the future, dated when it was written as Shopify does, and reports it', async () => {
    const row = await db().sourceRecord.findUniqueOrThrow({
      where: { migrationId_entity_sourceId: { migrationId, entity: 'orders', sourceId: '9006' } },
    });
    expect((row.data as unknown as OrderRecord).processedAt).toBe('2099-06-01T10:00:00.000Z');
    expect(row.status).toBe('written');
    const { order } = await query(ORDER, { id: (await links('orders')).get('9006') });
    expect(Date.parse(order.processedAt)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(order.processedAt)).toBeGreaterThan(Date.parse(row.createdAt.toISOString()) - 1000);
    const problem = await db().migrationProblem.findFirstOrThrow({
      where: { migrationId, sourceId: '9006', code: 'order-future-date' },
    });
    expect(problem.message).toBe(
      `The old store dates this order 2099-06-01T10:00:00.000Z, in the future; Shopify records it as processed when it was written (${order.processedAt}).`,
    );
    expect(row.reason).toContain(problem.message);
  });

  it('keeps the order for a deleted product with a custom line, and reports it', async () => {
    const { order } = await query(ORDER, { id: (await links('orders')).get('9004') });
    expect(order.lineItems.nodes).toEqual([
      expect.objectContaining({ title: 'Discontinued Lantern', sku: 'LANTERN-OLD', variant: null }),
    ]);
    const row = await db().sourceRecord.findUniqueOrThrow({
      where: { migrationId_entity_sourceId: { migrationId, entity: 'orders', sourceId: '9004' } },
    });
    expect(row.status).toBe('written');
    expect(row.reason).toMatch(/custom items/);
    expect(
      await db().migrationProblem.count({ where: { migrationId, sourceId: '9004', code: 'order-product-missing' } }),
    ).toBe(1);
  });

  it('creates no customer or order twice when the migration runs again', async () => {
    const [customersBefore, ordersBefore] = [await countIn('customers'), await countIn('orders')];
    const again = await migrate(woo, shop, { entities: ['collections', 'products', 'customers', 'orders'] });
    const second = await untilSettled(again, 60_000);
    expect(second.error).toBeNull();
    expect(second.status).toBe('completed');
    expect(await countIn('customers')).toBe(customersBefore);
    expect(await countIn('orders')).toBe(ordersBefore);
    // Nothing changed on the old store: every customer and order is in Shopify already, unchanged, and none is written again.
    const statuses = await db().sourceRecord.groupBy({
      by: ['status'],
      where: { migrationId: again, entity: { in: ['customers', 'orders'] } },
      _count: true,
    });
    expect(statuses.map((row) => [row.status, row._count])).toEqual([
      [
        'unchanged',
        await db().sourceRecord.count({
          where: { migrationId, entity: { in: ['customers', 'orders'] }, status: 'written' },
        }),
      ],
    ]);
  }, 90_000);
});
