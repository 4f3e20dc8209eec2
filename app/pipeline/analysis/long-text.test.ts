// The analysis names every record with text longer than Shopify allows, as it would be written —
// merged customers' notes joined and invalid contact details kept in the note included — with what
// the merchant's rule does about it; the dry run names the same records, refused or cut.
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../connectors/model.ts';
import type { Extracted } from '../../../connectors/source-connector.ts';
import { db } from '../../db/db.server.ts';
import { analyzeBatch } from './findings.server.ts';
import { dryRunStep, dryRunView, startDryRun } from '../steps/dry-run.server.ts';
import { stageRows, toStagedRows } from '../staging/records.server.ts';

const SHOP = 'long-text.myshopify.com';
const words = (count: number) => 'lorem ipsum dolor sit amet '.repeat(Math.ceil(count / 27)).slice(0, count);

const product = (id: string, title: string) => ({
  sourceId: id,
  sourceType: 'simple',
  title,
  handle: `product-${id}`,
  status: 'active',
  options: [],
  variants: [{ sourceId: id, sku: `SKU-${id}`, price: '10.00', optionValues: [], inventoryQuantity: 1 }],
});
const customer = (id: string, fields: Record<string, unknown>) => ({
  sourceId: id,
  email: `c${id}@example.com`,
  firstName: 'Ada',
  ...fields,
});
const ok = (record: { sourceId: string }): Extracted => ({ ok: true, sourceId: record.sourceId, record, raw: {} });

async function stagedMigration(longText: 'keep-back' | 'cut'): Promise<string> {
  const migration = await db().migration.create({
    data: {
      shop: SHOP,
      sourcePlatform: 'woocommerce',
      status: 'ready',
      phase: 'ready',
      entities: ['products', 'customers'],
      options: { longText },
    },
  });
  const stage = (entity: Entity, records: { sourceId: string }[]) =>
    db().$transaction((tx) => stageRows(tx, SHOP, migration.id, entity, toStagedRows(entity, records.map(ok), 'p1')));
  await stage('products', [product('1', 'Linen shirt'), product('2', words(300))]);
  await stage('customers', [
    customer('5001', {}),
    customer('5002', { firstName: words(256) }),
    // A mistyped phone of 5,000 characters is kept in the note, which then passes 5,000.
    customer('5003', { phone: `+49 ${'1'.repeat(5000)}` }),
    // Two sign-ups with one email become one customer whose notes, joined, pass 5,000.
    customer('5004', { email: 'twice@example.com', note: words(3000) }),
    customer('5005', { email: 'twice@example.com', note: words(2500) }),
  ]);
  return migration.id;
}

async function findings(migrationId: string) {
  const { findings: found } = await analyzeBatch(migrationId, null, async () => true);
  return found.filter((finding) => finding.code === 'text-too-long');
}

describe('long text in the analysis', () => {
  it('names every record whose text is too long as written, and says it is kept back by default', async () => {
    const found = await findings(await stagedMigration('keep-back'));
    expect(found.map((finding) => [finding.entity, finding.sourceId, finding.subject])).toEqual([
      ['products', '2', 'title'],
      ['customers', '5002', 'firstName'],
      ['customers', '5003', 'note'],
      ['customers', '5004', 'note'],
    ]);
    expect(found.find((finding) => finding.sourceId === '5004')?.message).toMatch(
      /\(with the 2 customers who share its email or phone merged into one\): The note has 5,502 characters; Shopify allows 5,000\./,
    );
    for (const finding of found) expect(finding.action).toMatch(/^Kept back with the reason, as chosen in the options/);
  });

  it('says the text is cut, the full text kept, when the merchant chose to cut', async () => {
    const found = await findings(await stagedMigration('cut'));
    expect(found).toHaveLength(4);
    for (const finding of found)
      expect(finding.action).toMatch(
        /^Cut at a word boundary to fit, as chosen in the options; the full text is kept in a metafield/,
      );
  });
});

async function dryRun(migrationId: string) {
  await startDryRun(SHOP, migrationId);
  while ((await dryRunStep(migrationId, null)) === 'next-batch');
  return dryRunView(SHOP, migrationId);
}

describe('long text in the dry run', () => {
  it('refuses an order whose note is longer than Shopify allows (orders follow no cutting rule)', async () => {
    const migrationId = await stagedMigration('cut');
    const order = {
      sourceId: '9001',
      number: '9001',
      customerSourceId: null,
      currency: 'EUR',
      sourceStatus: 'completed',
      processedAt: '2024-05-01T10:00:00Z',
      subtotal: '10.00',
      totalTax: '0',
      total: '10.00',
      lineItems: [
        {
          sourceId: 'l1',
          productSourceId: '1',
          variantSourceId: '1',
          title: 'Linen shirt',
          quantity: 1,
          price: '10.00',
        },
      ],
      notes: [{ body: words(5003), customerVisible: true }],
    };
    await db().$transaction((tx) =>
      stageRows(tx, SHOP, migrationId, 'orders', toStagedRows('orders', [ok(order)], 'p1')),
    );
    const view = await dryRun(migrationId);
    expect(view?.refusals.find((row) => row.entity === 'orders')).toMatchObject({
      sourceId: '9001',
      kind: 'refused',
      reason: expect.stringContaining("The order's note has 5,003 characters; Shopify allows 5,000."),
    });
  });

  it('lists each record kept back with the reason', async () => {
    const view = await dryRun(await stagedMigration('keep-back'));
    expect(view).toMatchObject({ status: 'done', checked: 7, refused: 4, cut: 0, passed: 3 });
    expect(view?.refusals.map((row) => [row.entity, row.sourceId, row.kind, row.reason.slice(0, 10)])).toEqual([
      ['products', '2', 'refused', 'Kept back:'],
      ['customers', '5002', 'refused', 'Kept back:'],
      ['customers', '5003', 'refused', 'Kept back:'],
      ['customers', '5004', 'refused', 'Kept back:'],
    ]);
  });

  it('lists each record that would move cut, with what is cut, and refuses none of them', async () => {
    const view = await dryRun(await stagedMigration('cut'));
    expect(view).toMatchObject({ status: 'done', checked: 7, refused: 0, cut: 4, passed: 7 });
    expect(view?.refusals.find((row) => row.sourceId === '5004')).toMatchObject({
      kind: 'cut',
      reason: expect.stringMatching(
        /^Cut to fit Shopify at a word boundary: the note from 5,502 to [\d,]+ characters; the full text is kept in the metafield shipyard\.full_note\.$/,
      ),
    });
  });
});
