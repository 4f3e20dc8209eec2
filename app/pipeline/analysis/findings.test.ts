// The analysis a merchant reads before anything is written: every problem, the records it
// affects, and what Shipyard will do. Images are checked over real HTTP.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Extracted } from '../../../connectors/source-connector.ts';
import { db } from '../../db/db.server.ts';
import { type Finding, analyzeBatch, catalogFindings, problemSummary, saveFindings } from './findings.server.ts';
import { stageRows, toStagedRows } from '../staging/records.server.ts';

const SHOP = 'analyze.myshopify.com';
let images: http.Server;
let base: string;

beforeAll(async () => {
  images = http.createServer((request, response) => {
    response.writeHead(request.url === '/uploads/mug.jpg' ? 200 : 404, { 'Content-Type': 'image/jpeg' }).end();
  });
  await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => images.close(() => resolve())));

function product(id: number, overrides: Record<string, unknown> = {}) {
  return {
    sourceId: String(id),
    sourceType: 'simple',
    title: `Mug ${id}`,
    handle: `mug-${id}`,
    status: 'active',
    options: [],
    descriptionHtml: '<p>Stoneware</p>',
    variants: [{ sourceId: `${id}`, sku: `MUG-${id}`, price: '12.50', optionValues: [], inventoryQuantity: 3 }],
    images: [{ sourceId: `${id}-1`, url: `${base}/uploads/mug.jpg`, alt: '', position: 0 }],
    ...overrides,
  };
}

const ok = (record: ReturnType<typeof product>): Extracted => ({
  ok: true,
  sourceId: record.sourceId,
  record,
  raw: {},
});
const variant = (id: string, sku: string | null, size: string) => ({
  sourceId: id,
  sku,
  price: '10',
  optionValues: [{ option: 'Size', value: size }],
  inventoryQuantity: 1,
});

let migrationId: string;
beforeEach(async () => {
  const migration = await db().migration.create({
    data: { shop: SHOP, sourcePlatform: 'memory', status: 'running', entities: ['products'] },
  });
  migrationId = migration.id;
  const records: Extracted[] = [
    ok(product(1)),
    ok(product(2, { options: ['Size', 'Colour', 'Material', 'Glaze'].map((name) => ({ name, values: ['A'] })) })),
    ok(product(3, { handle: 'Mug 3!', descriptionHtml: '<div><strong>Sale</div>' })),
    ok(
      product(4, {
        options: [{ name: 'Size', values: ['S', 'M'] }],
        variants: [variant('4a', null, 'S'), variant('4b', 'MUG-1', 'M')],
      }),
    ),
    ok(
      product(5, {
        handle: 'mug-1',
        images: [{ sourceId: '5-1', url: `${base}/uploads/gone.jpg`, alt: '', position: 0 }],
      }),
    ),
    // A unicode slug (WooCommerce sends it percent-encoded; the connector decodes it) is a valid handle.
    ok(
      product(9, {
        handle: '東京-cafe-tasse',
        variants: [{ sourceId: '9', sku: 'MUG-9', price: '9.90', optionValues: [], inventoryQuantity: 1 }],
      }),
    ),
    { ok: false, sourceId: '6', reason: 'regular_price "12,50" is not a number', raw: {} },
    ok(product(7, { status: 'draft' })),
    ok(product(8, { hidden: true })),
  ];
  await db().$transaction((tx) =>
    stageRows(tx, SHOP, migrationId, 'products', toStagedRows('products', records, 'p1')),
  );
});

async function analyzeAll(): Promise<Finding[]> {
  const found: Finding[] = [];
  let after: bigint | null = null;
  do {
    const batch: { findings: Finding[]; next: bigint | null } = await analyzeBatch(migrationId, after);
    found.push(...batch.findings);
    after = batch.next;
  } while (after !== null);
  found.push(...(await catalogFindings(migrationId)));
  return found;
}

describe('analysis', () => {
  it('finds each kind of problem on the records it affects', async () => {
    const found = await analyzeAll();
    const byCode = (code: string) =>
      found
        .filter((finding) => finding.code === code)
        .map((finding) => finding.sourceId)
        .sort();
    expect(byCode('unreadable-record')).toEqual(['6']);
    expect(byCode('too-many-options')).toEqual(['2']);
    expect(byCode('invalid-handle')).toEqual(['3']);
    expect(byCode('broken-html')).toEqual(['3']);
    expect(byCode('missing-sku')).toEqual(['4']);
    expect(byCode('duplicate-sku')).toEqual(['1', '4']);
    expect(byCode('duplicate-handle')).toEqual(['5']);
    expect(byCode('image-unreachable')).toEqual(['5']);
    expect(byCode('stays-unpublished')).toEqual(['7', '8']);
    expect(found.filter((finding) => finding.code === 'stays-unpublished').map((finding) => finding.message)).toEqual([
      '“Mug 7” is not published in your old store (a draft, pending, private or scheduled product).',
      '“Mug 8” is hidden from your old store’s shop and search.',
    ]);
    expect(found.find((finding) => finding.code === 'too-many-options')?.action).toBe(
      'The first 3 become options; Glaze is kept as variant metafields.',
    );
    expect(found.find((finding) => finding.code === 'image-unreachable')?.message).toContain(
      '(the server answered 404)',
    );
  });

  it('says before writing what of a coupon Shopify’s codes will not hold', async () => {
    const coupon = {
      sourceId: '7009',
      code: 'friends15',
      sourceType: 'percent',
      value: { kind: 'percentage', percent: 15 },
      allowedCustomers: [{ kind: 'email', value: 'vip@example.com' }],
      usageLimitPerCustomer: 2,
    };
    await db().$transaction((tx) =>
      stageRows(
        tx,
        SHOP,
        migrationId,
        'discounts',
        toStagedRows('discounts', [{ ok: true, sourceId: '7009', record: coupon, raw: {} }], 'p1'),
      ),
    );
    const found = (await analyzeAll()).filter((finding) => finding.entity === 'discounts');
    expect(found.map((finding) => [finding.sourceId, finding.code, finding.subject])).toEqual([
      ['7009', 'discount-limit-changed', 'friends15'],
      ['7009', 'discount-customers-missing', 'friends15'],
    ]);
    expect(found[1]?.message).toMatch(/^Only for vip@example.com/);
  });

  it('says before writing that an order dated in the future will be dated when it is written', async () => {
    const order = (sourceId: string, processedAt: string) => ({
      sourceId,
      number: sourceId,
      customerSourceId: null,
      currency: 'EUR',
      sourceStatus: 'completed',
      lineItems: [],
      subtotal: '0',
      totalTax: '0',
      total: '0',
      processedAt,
    });
    const records = [order('9001', '2024-01-01T00:00:00.000Z'), order('9002', '2099-06-01T10:00:00.000Z')].map(
      (record) => ({ ok: true as const, sourceId: record.sourceId, record, raw: {} }),
    );
    await db().$transaction((tx) => stageRows(tx, SHOP, migrationId, 'orders', toStagedRows('orders', records, 'p1')));
    const found = (await analyzeAll()).filter((finding) => finding.entity === 'orders');
    expect(found).toEqual([
      expect.objectContaining({
        sourceId: '9002',
        code: 'order-future-date',
        subject: '9002',
        message: 'The old store dates order 9002 2099-06-01T10:00:00.000Z, in the future.',
      }),
    ]);
    expect(found[0]?.action).toMatch(
      /^Shopify takes no order dated in the future: it is recorded as processed when it is written/,
    );
  });

  it('sums the analysis up for the merchant, most frequent first, with examples', async () => {
    await db().$transaction((tx) => analyzeAll().then((found) => saveFindings(tx, SHOP, migrationId, found)));
    const summary = await problemSummary(migrationId);
    expect(summary[0]).toMatchObject({ code: 'duplicate-sku', records: 2 });
    expect(summary.map((group) => group.code).sort()).toEqual([
      'broken-html',
      'duplicate-handle',
      'duplicate-sku',
      'image-unreachable',
      'invalid-handle',
      'missing-sku',
      'stays-unpublished',
      'too-many-options',
      'unreadable-record',
    ]);
    expect(summary.find((group) => group.code === 'unreadable-record')?.examples).toEqual([
      'regular_price "12,50" is not a number',
    ]);
  });
});
