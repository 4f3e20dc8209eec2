// A EUR store moving into a USD shop: Shopify records every order's amounts in the shop's currency
// (shop money) and in the customer's (presentment money). With the merchant's EUR → USD rate the
// orders move with both, the EUR amounts exactly as paid and the USD ones at that rate; without a
// rate Shipyard guesses none and labels no euros as dollars: the orders are kept back with the
// reason, and the analysis and the plan say so before anything is written.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../connectors/model.ts';
import { db } from '../../app/db/db.server.ts';
import type { MigrationPlan } from '../../app/pipeline/analysis/plan.server.ts';
import { reportRows } from '../../app/pipeline/staging/report.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, startTestDevstore } from '../../devstore/testing.ts';
import { shopifyDecimal } from '../support/shopify-decimal.ts';
import { seedCatalog } from '../../connectors/woocommerce/fake/catalog.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { installedShop, migrate, startTestWorker, untilSettled } from './harness.ts';

let woo: WooCommerceTestServer;
let devstore: Devstore;
let withRate: TestShop;
let withoutRate: TestShop;
let runner: Runner;
let converted: string;
let keptBack: string;

const ORDER = `query Order($id: ID!) {
  order(id: $id) {
    currencyCode presentmentCurrencyCode
    lineItems(first: 10) { nodes { originalUnitPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } } } }
    totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
  }
}`;

beforeAll(async () => {
  woo = await startWooCommerceServer({
    catalog: seedCatalog({
      products: 3,
      variationsPerProduct: 1,
      imagesPerProduct: 0,
      categories: 1,
      customers: 3,
      orders: 4,
      coupons: 0,
      reviews: 0,
      awkward: false,
    }),
  });
  devstore = await startTestDevstore();
  withRate = await installedShop(devstore, 'Plus', { devStore: false, currencyCode: 'USD' });
  withoutRate = await installedShop(devstore, 'Plus', { devStore: false, currencyCode: 'USD' });
  runner = await startTestWorker();
  const entities = ['collections', 'products', 'customers', 'orders'] as const;
  [converted, keptBack] = await Promise.all([
    migrate(woo, withRate, { entities: [...entities], exchangeRates: { EUR: '1.10' } }),
    migrate(woo, withoutRate, { entities: [...entities] }),
  ]);
  for (const id of [converted, keptBack]) expect((await untilSettled(id)).status).toBe('completed');
}, 180_000);

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

const orderRows = (migrationId: string) =>
  db().sourceRecord.findMany({ where: { migrationId, entity: 'orders' }, orderBy: { id: 'asc' } });

describe('orders in EUR into a USD shop', () => {
  it('says before writing that the orders are in EUR, and how they will be recorded (or that they wait for a rate)', async () => {
    const [withFinding, withoutFinding] = await Promise.all(
      [converted, keptBack].map((migrationId) =>
        db().migrationProblem.findFirstOrThrow({ where: { migrationId, code: 'order-currency' } }),
      ),
    );
    expect(withFinding).toMatchObject({ subject: 'EUR', message: "4 orders are in EUR; the shop's currency is USD." });
    expect(withFinding?.action).toContain('at the rate you gave, 1 EUR = 1.10 USD');
    expect(withoutFinding?.action).toMatch(/^No EUR → USD exchange rate was given, so these orders are kept back/);
    const notes = await Promise.all(
      [converted, keptBack].map(
        async (id) =>
          ((await db().migration.findUniqueOrThrow({ where: { id } })).plan as unknown as MigrationPlan).entities.find(
            (entity) => entity.entity === 'orders',
          )?.note,
      ),
    );
    expect(notes).toEqual([
      '4 orders in EUR: recorded in EUR and in USD at 1 EUR = 1.10 USD.',
      '4 orders in EUR wait for a EUR → USD exchange rate.',
    ]);
  });

  it('records each order in USD at the merchant’s rate and in EUR exactly as the customer paid', async () => {
    const links = new Map(
      (await db().idMapEntry.findMany({ where: { shop: withRate.domain, entity: 'orders' } })).map((entry) => [
        entry.sourceId,
        entry.shopifyGid,
      ]),
    );
    const rows = await orderRows(converted);
    expect(rows.map((row) => row.status)).toEqual(['written', 'written', 'written', 'written']);
    for (const row of rows) {
      const source = row.data as unknown as OrderRecord;
      const { body } = await admin(devstore, withRate, ORDER, { id: links.get(row.sourceId) });
      const order = body.data.order;
      expect(order).toMatchObject({
        currencyCode: 'USD',
        presentmentCurrencyCode: 'EUR',
        totalPriceSet: {
          shopMoney: { currencyCode: 'USD' },
          presentmentMoney: { amount: shopifyDecimal(source.total), currencyCode: 'EUR' },
        },
      });
      source.lineItems.forEach((line, index) => {
        expect(order.lineItems.nodes[index].originalUnitPriceSet).toEqual({
          shopMoney: {
            amount: shopifyDecimal((Math.round(Math.round(Number(line.price) * 100) * 1.1) / 100).toFixed(2)),
            currencyCode: 'USD',
          },
          presentmentMoney: { amount: shopifyDecimal(line.price), currencyCode: 'EUR' },
        });
      });
      // Converted part by part, each to the cent: the USD total is the EUR total at 1.10 give or take those cents.
      expect(Math.abs(Number(order.totalPriceSet.shopMoney.amount) - Number(source.total) * 1.1)).toBeLessThanOrEqual(
        0.05,
      );
    }
    expect(await db().migrationProblem.count({ where: { migrationId: converted, code: 'order-total-differs' } })).toBe(
      0,
    );
  });

  it('without a rate keeps every order back with the reason, and writes no order labelled in the wrong currency', async () => {
    const rows = await orderRows(keptBack);
    expect(rows.map((row) => row.status)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
    const reported = [];
    for await (const row of reportRows(keptBack)) if (row.entity === 'orders') reported.push(row);
    expect(reported).toHaveLength(4);
    for (const row of reported)
      expect(row.reason).toMatch(
        /^The order is in EUR and the shop's currency is USD\. .*no EUR → USD exchange rate was given, so the order was kept back/,
      );
    const { body } = await admin(devstore, withoutRate, '{ orders(first: 10) { nodes { id } } }');
    expect(body.data.orders.nodes).toEqual([]);
  });
});
