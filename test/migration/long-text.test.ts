// Text longer than Shopify allows, end to end (WooCommerce test store → devstore): a product title
// of 450 characters, a spam sign-up's 300-character first name, and a mistyped phone so long that
// the note keeping it would pass 5,000 characters. By default each such record is kept back with
// the reason and nothing is sent for it; with "Cut text longer than Shopify allows" it moves cut at
// a word boundary, the full text kept in a metafield and the cut reported.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/db/db.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, startTestDevstore } from '../../devstore/testing.ts';
import { seedCatalog } from '../../connectors/woocommerce/fake/catalog.ts';
import { productId } from '../../connectors/woocommerce/fake/store.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { installedShop, migrate, startTestWorker, untilSettled } from './harness.ts';

const LONG_TITLE =
  'Organic cotton bedding set with pillowcases, duvet cover and fitted sheet, stonewashed for softness, OEKO-TEX certified, available in twelve colours, '
    .repeat(3)
    .trim();
const SPAM_NAME = 'Win a free cruise today click here '.repeat(9).trim();
const JUNK_PHONE = `+49 ${'0'.repeat(5000)}`;
const characters = (text: string) => [...text].length;

let woo: WooCommerceTestServer;
let devstore: Devstore;
let runner: Runner;

beforeAll(async () => {
  const catalog = seedCatalog({
    products: 4,
    variationsPerProduct: 1,
    imagesPerProduct: 0,
    categories: 2,
    customers: 4,
    orders: 0,
    coupons: 0,
    reviews: 0,
    awkward: false,
  });
  catalog.editProduct(productId(2), { name: LONG_TITLE });
  const customerAt = catalog.customerAt;
  catalog.customerAt = (index) => {
    const record = customerAt(index);
    if (index === 1)
      return { ...record, first_name: SPAM_NAME, billing: { ...(record.billing as object), first_name: SPAM_NAME } };
    if (index === 2) return { ...record, billing: { ...(record.billing as object), phone: JUNK_PHONE } };
    return record;
  };
  woo = await startWooCommerceServer({ catalog });
  devstore = await startTestDevstore();
  runner = await startTestWorker();
}, 60_000);

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

async function run(longText: 'keep-back' | 'cut') {
  const shop = await installedShop(devstore);
  const migrationId = await migrate(woo, shop, { entities: ['collections', 'products', 'customers'], longText });
  const migration = await untilSettled(migrationId);
  expect(migration.error).toBeNull();
  expect(migration.status).toBe('completed');
  const record = (entity: string, sourceId: string) =>
    db().sourceRecord.findUniqueOrThrow({ where: { migrationId_entity_sourceId: { migrationId, entity, sourceId } } });
  const link = async (entity: string, sourceId: string) =>
    (await db().idMapEntry.findFirst({ where: { shop: shop.domain, entity, sourceId } }))?.shopifyGid;
  return { shop, migrationId, record, link };
}

async function query(shop: TestShop, document: string, variables: Record<string, unknown>) {
  const { body } = await admin(devstore, shop, document, variables);
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

describe('by default', () => {
  it('keeps each such record back with the reason, sends nothing for it, and moves the rest', async () => {
    const { migrationId, record, link } = await run('keep-back');
    const product = await record('products', String(productId(2)));
    expect(product).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(
        /^Kept back: The title has 449 characters; Shopify allows 255\. As chosen in the options/,
      ),
    });
    expect(await record('customers', '5001')).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(/^Kept back: The first name has 314 characters; Shopify allows 255\./),
    });
    expect(await record('customers', '5002')).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(/^Kept back: The note has 5,0\d\d characters; Shopify allows 5,000\./),
    });
    for (const [entity, sourceId] of [
      ['products', String(productId(2))],
      ['customers', '5001'],
      ['customers', '5002'],
    ] as const)
      expect(await link(entity, sourceId), sourceId).toBeUndefined();
    // Nothing Shopify refused: the three were never sent, everything else moved.
    expect(await db().sourceRecord.count({ where: { migrationId, status: 'failed' } })).toBe(0);
    expect(
      await db().sourceRecord.count({
        where: { migrationId, entity: { in: ['products', 'customers'] }, status: 'written' },
      }),
    ).toBe(5);
    const problems = await db().migrationProblem.findMany({
      where: { migrationId, code: 'text-too-long' },
      orderBy: { sourceId: 'asc' },
    });
    expect(problems.map((problem) => [problem.sourceId, problem.subject])).toEqual([
      [String(productId(2)), 'title'],
      ['5001', 'firstName'],
      ['5002', 'note'],
    ]);
  }, 120_000);
});

describe('with “Cut text longer than Shopify allows”', () => {
  it('moves them cut at a word boundary, keeps the full text in a metafield, and reports the cut', async () => {
    const { shop, record, link } = await run('cut');
    const product = await record('products', String(productId(2)));
    expect(product).toMatchObject({
      status: 'written',
      reason: expect.stringMatching(
        /^Cut to fit Shopify at a word boundary: the title from 449 to \d+ characters; the full text is kept in the metafield shipyard\.full_title\.$/,
      ),
    });
    const inShopify = (
      await query(
        shop,
        'query P($id: ID!) { product(id: $id) { title metafield(namespace: "shipyard", key: "full_title") { value } } }',
        { id: await link('products', String(productId(2))) },
      )
    ).product;
    expect(characters(inShopify.title)).toBeLessThanOrEqual(255);
    expect(LONG_TITLE.startsWith(inShopify.title)).toBe(true);
    expect(LONG_TITLE.charAt(characters(inShopify.title))).toMatch(/[\s,]/);
    expect(inShopify.metafield.value).toBe(LONG_TITLE);

    const CUSTOMER =
      'query C($id: ID!) { customer(id: $id) { firstName note name: metafield(namespace: "shipyard", key: "full_first_name") { value } fullNote: metafield(namespace: "shipyard", key: "full_note") { value } } }';
    const spam = (await query(shop, CUSTOMER, { id: await link('customers', '5001') })).customer;
    expect(characters(spam.firstName)).toBeLessThanOrEqual(255);
    expect(spam.name.value).toBe(SPAM_NAME);
    const mistyped = (await query(shop, CUSTOMER, { id: await link('customers', '5002') })).customer;
    expect(characters(mistyped.note)).toBeLessThanOrEqual(5000);
    expect(mistyped.fullNote.value).toContain(JUNK_PHONE);
    expect((await record('customers', '5002')).reason).toContain(
      'Cut to fit Shopify at a word boundary: the note from',
    );
  }, 120_000);
});
