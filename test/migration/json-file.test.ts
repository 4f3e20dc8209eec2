// The proof that a source platform plugs in: products and customers from the JSON-file source
// (connectors/json-file, a folder and a registry line) go through the real pipeline (extract,
// analyze, load, verify) into devstore, with nothing in the pipeline about that platform. A record
// the model refuses is kept with its reason, named in the report by the platform's descriptor.
import { fileURLToPath } from 'node:url';
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/db/db.server.ts';
import { createMigration } from '../../app/pipeline/lifecycle.server.ts';
import { startMigration } from '../../app/pipeline/steps/extract.server.ts';
import { reportRows } from '../../app/pipeline/staging/report.server.ts';
import { notMovedPage } from '../../app/migrations/views.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, startTestDevstore } from '../../devstore/testing.ts';
import { installedShop, startTestWorker, untilSettled } from './harness.ts';

const FILE = fileURLToPath(new URL('../../connectors/json-file/fake/store.json', import.meta.url));

let devstore: Devstore;
let shop: TestShop;
let runner: Runner;
let migrationId: string;

async function query(document: string, variables: Record<string, unknown>) {
  const { body } = await admin(devstore, shop, document, variables);
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function shopifyId(entity: 'products' | 'customers', sourceId: string): Promise<string> {
  return (await db().idMapEntry.findFirstOrThrow({ where: { shop: shop.domain, entity, sourceId } })).shopifyGid;
}

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await installedShop(devstore);
  runner = await startTestWorker();
  const migration = await createMigration({
    shop: shop.domain,
    platform: 'json-file',
    sourceUrl: FILE,
    credentials: { file: FILE },
    entities: ['products', 'customers'],
    options: { unattended: true },
  });
  await startMigration(shop.domain, migration.id);
  migrationId = migration.id;
  await untilSettled(migrationId);
}, 120_000);

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
});

describe('a JSON file of Shipyard records migrated into Shopify', () => {
  it('completes, with every readable product and customer moved, the old product path redirected and the unreadable one reported', async () => {
    const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
    expect([migration.status, migration.error]).toEqual(['completed', null]);
    const rows = await db().sourceRecord.findMany({
      where: { migrationId },
      select: { entity: true, sourceId: true, status: true },
      orderBy: { id: 'asc' },
    });
    // Entities are read side by side, so the order of the rows between them is not fixed.
    expect(rows.map((row) => `${row.entity}:${row.sourceId}:${row.status}`).sort()).toEqual([
      'customers:c1:written',
      'customers:c2:written',
      'products:p1:written',
      'products:p2:written',
      'products:p3:written',
      'products:p4:invalid',
      // The product's old path (sourcePath) keeps working: a redirect derived from what moved, as for any platform.
      'redirects:products:p1:written',
    ]);
    const report = [];
    for await (const row of reportRows(migrationId)) report.push(row);
    expect(report).toEqual([
      {
        entity: 'products',
        sourceId: 'p4',
        name: 'no-title',
        status: 'invalid',
        reason: expect.stringContaining('title'),
      },
    ]);
    // The migration page's list names it the same way, and finds it by that name.
    const listed = await notMovedPage(shop.domain, migrationId, { page: 1, search: 'no-title' });
    expect(listed).toEqual({
      rows: [expect.objectContaining({ entity: 'products', sourceId: 'p4', name: 'no-title', status: 'invalid' })],
      total: 1,
    });
  });

  it('writes the products as the file has them: options, variants, prices, stock and status', async () => {
    const { product } = await query(
      `query Product($id: ID!) { product(id: $id) { title handle status vendor tags options { name values } variants(first: 10) { nodes { sku price compareAtPrice inventoryQuantity } } } }`,
      { id: await shopifyId('products', 'p2') },
    );
    expect(product).toMatchObject({
      title: 'Wool Socks',
      handle: 'wool-socks',
      status: 'ACTIVE',
      tags: ['wool'],
      options: [{ name: 'Size', values: ['S', 'M', 'L'] }],
    });
    expect(product.variants.nodes).toEqual([
      { sku: 'SOCK-S', price: '14.50', compareAtPrice: null, inventoryQuantity: 5 },
      { sku: 'SOCK-M', price: '14.50', compareAtPrice: null, inventoryQuantity: 0 },
      { sku: 'SOCK-L', price: '14.50', compareAtPrice: '18.00', inventoryQuantity: 7 },
    ]);
    const draft = await query(`query Product($id: ID!) { product(id: $id) { status } }`, {
      id: await shopifyId('products', 'p3'),
    });
    expect(draft.product.status).toBe('DRAFT');
  });

  it('writes the customers with their addresses and tags', async () => {
    const { customer } = await query(
      `query Customer($id: ID!) { customer(id: $id) { firstName lastName email tags addressesV2(first: 5) { nodes { address1 city zip countryCodeV2 } } } }`,
      { id: await shopifyId('customers', 'c1') },
    );
    expect(customer).toEqual({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      tags: ['vip'],
      addressesV2: { nodes: [{ address1: '12 Analytical St', city: 'London', zip: 'N1 9GU', countryCodeV2: 'GB' }] },
    });
  });
});
