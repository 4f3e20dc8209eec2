// The counts a run shows add up, and say the same in every place: `npx shipyard migrate` run twice
// over the same store (real process, local mode: the CLI starts devstore for the demo shop, real
// HTTP to the WooCommerce test server, real PostgreSQL). The second run writes only the product that
// changed and says the others are unchanged; coupons and reviews kept back are the same number on
// the command line, in the migration page's progress, its verification and its list of records
// that did not move, and in the CSV report.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOP } from '../app/shopify-app/app-config.server.ts';
import { entityTally } from '../app/migrations/progress.ts';
import { migrationPage } from '../app/migrations/views.server.ts';
import { progressSnapshot } from '../app/pipeline/staging/progress.server.ts';
import type { Verification } from '../app/pipeline/steps/verify.server.ts';
import { runShipyard as shipyard } from '../test/support/cli.ts';
import { productId } from '../connectors/woocommerce/fake/store.ts';
import { type Catalog, seedCatalog } from '../connectors/woocommerce/fake/catalog.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../connectors/woocommerce/fake/server.ts';

const PRODUCTS = 5;
let woo: WooCommerceTestServer;

const DELETED_PRODUCT = 999_999;

/**
 * A small store whose coupons and reviews are not all moved: a coupon used up (skipped), one of a
 * kind a plugin added (cannot be read into the model), one only for a product deleted since
 * (refused), one for a deleted product besides a live one (moves, with a warning); a review of a
 * deleted product (refused), and the real store's review awaiting moderation (kept back, skipped).
 */
function store(): Catalog {
  const catalog = seedCatalog({
    products: PRODUCTS,
    variationsPerProduct: 1,
    imagesPerProduct: 0,
    categories: 2,
    tags: 1,
    customers: 0,
    orders: 0,
    coupons: 6,
    reviews: 4,
    pages: 0,
    posts: 0,
    realOrders: true,
    awkward: false,
  });
  const { couponAt, reviewAt } = catalog;
  const changes: Record<number, Record<string, unknown>> = {
    2: { discount_type: 'fixed_cart', amount: '10.00', usage_limit: 5, usage_count: 5 },
    3: { discount_type: 'recurring_percent', amount: '15.00' },
    4: { discount_type: 'fixed_product', amount: '3.00', product_ids: [DELETED_PRODUCT] },
    5: { discount_type: 'fixed_product', amount: '3.00', product_ids: [productId(1), DELETED_PRODUCT] },
  };
  catalog.couponAt = (index) => ({ ...couponAt(index), ...changes[index] });
  catalog.reviewAt = (index) => (index === 2 ? { ...reviewAt(index), product_id: DELETED_PRODUCT } : reviewAt(index));
  return catalog;
}

beforeAll(async () => {
  woo = await startWooCommerceServer({ catalog: store() });
});
afterAll(() => woo.close());

const run = (report: string) =>
  shipyard([
    'migrate',
    '--from',
    'woocommerce',
    '--url',
    woo.url,
    '--key',
    woo.consumerKey,
    '--secret',
    woo.consumerSecret,
    '--only',
    'collections,products,discounts,reviews',
    '--no-redirects',
    '--report',
    report,
  ]);

/** The last progress line the CLI printed for an entity (its end-of-run summary). */
function lastLine(stdout: string, entity: string): string {
  return (
    stdout
      .split('\n')
      .filter((line) => line.startsWith(entity.padEnd(12)) && line.includes('written'))
      .at(-1) ?? ''
  );
}

const migrationOf = (stdout: string) => /Migration ([0-9a-f-]{36})/.exec(stdout)?.[1] as string;

describe('npx shipyard migrate, run twice', () => {
  let firstId: string;
  let firstReport: string;

  it('counts discounts and reviews kept back the same on the command line, the migration page and the CSV', async () => {
    firstReport = path.join(process.env.SHIPYARD_DATA_DIR as string, 'counts-first.csv');
    const { code, stdout, stderr } = await run(firstReport);
    // Coupons and reviews were kept back: the run says so and exits 1, naming the report.
    expect(code, `${stdout}\n${stderr}`).toBe(1);
    firstId = migrationOf(stdout);
    const snapshot = await progressSnapshot(firstId);
    const page = await migrationPage(DEMO_SHOP, firstId);
    const verification = page.verification as unknown as Verification;
    const csv = fs
      .readFileSync(firstReport, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const csvRows = (entity: string, status: string) =>
      csv.filter((row) => row.startsWith(`not moved,${entity},`) && row.split(',')[4] === status).length;

    for (const entity of ['discounts', 'reviews']) {
      const counts = snapshot?.entities.find((row) => row.entity === entity);
      if (!counts) throw new Error(`no progress for ${entity}`);
      const tally = entityTally(counts, snapshot?.phase ?? '');
      // The four add up to every record read, and something of each entity was kept back.
      expect(tally.moved + tally.unchanged + tally.skipped + tally.notMoved, entity).toBe(tally.done);
      expect(tally.done, entity).toBe(tally.total);
      expect(tally.unchanged, entity).toBe(0);
      expect(tally.skipped + tally.notMoved, entity).toBeGreaterThan(0);

      // The command line's summary line says the snapshot's numbers.
      const parts = [
        `${tally.moved}/${tally.total} written`,
        ...(tally.skipped ? [`${tally.skipped} skipped`] : []),
        ...(tally.notMoved ? [`${tally.notMoved} not moved`] : []),
      ];
      expect(lastLine(stdout, entity), entity).toMatch(new RegExp(`[█░]+ ${parts.join(' · ')}( · [\\d.]+/s)?$`));

      // The verification on the migration page: the same written, skipped and not moved.
      const checked = verification.entities.find((row) => row.entity === entity);
      expect(checked, entity).toMatchObject({
        read: tally.total,
        written: tally.moved,
        unchanged: 0,
        skipped: tally.skipped,
        notMoved: tally.notMoved,
        foundInShopify: tally.moved,
      });

      // The migration page's list of records that did not move, and the CSV's rows: skipped and not moved together, each with its status.
      expect(page.notMovedByEntity.find((row) => row.entity === entity)?.records ?? 0, entity).toBe(
        tally.skipped + tally.notMoved,
      );
      expect(csvRows(entity, 'Skipped'), entity).toBe(tally.skipped);
      expect(csvRows(entity, 'Could not be read') + csvRows(entity, 'Shopify refused it'), entity).toBe(tally.notMoved);
    }
    // The end of the run counts them as the bars do: 1 coupon and 2 reviews skipped, 2 coupons not moved.
    expect(stdout).toContain(`2 records did not move and 3 were skipped; the reasons are in ${firstReport}`);
  }, 180_000);

  it('writes only the product that changed the second time, and says the others are unchanged', async () => {
    woo.catalog.store.now = new Date();
    woo.catalog.editProduct(productId(2), { name: 'Renamed since the first run' });
    const report = path.join(process.env.SHIPYARD_DATA_DIR as string, 'counts-second.csv');
    const { code, stdout, stderr } = await run(report);
    expect(code, `${stdout}\n${stderr}`).toBe(1);
    const secondId = migrationOf(stdout);
    expect(secondId).not.toBe(firstId);

    const snapshot = await progressSnapshot(secondId);
    const products = snapshot?.entities.find((row) => row.entity === 'products');
    expect(products).toMatchObject({
      read: PRODUCTS,
      written: 1,
      unchanged: PRODUCTS - 1,
      skipped: 0,
      failed: 0,
      unreadable: 0,
    });
    expect(lastLine(stdout, 'products')).toMatch(
      new RegExp(`[█]{24} 1/${PRODUCTS} written · ${PRODUCTS - 1} unchanged( · [\\d.]+/s)?$`),
    );

    // Nothing else changed: every collection, coupon and review Shopify has is unchanged, and what was kept back the first time is kept back again.
    const first = await progressSnapshot(firstId);
    for (const entity of ['collections', 'discounts', 'reviews']) {
      const before = first?.entities.find((row) => row.entity === entity);
      const now = snapshot?.entities.find((row) => row.entity === entity);
      expect(now, entity).toMatchObject({
        written: 0,
        unchanged: before?.written,
        skipped: before?.skipped,
        failed: before?.failed,
        unreadable: before?.unreadable,
      });
      expect(lastLine(stdout, entity), entity).toContain(
        `0/${(before?.read ?? 0) + (before?.unreadable ?? 0)} written · ${before?.written} unchanged`,
      );
    }
    // The verification says the same, and finds the unchanged records in Shopify too.
    const verification = (await migrationPage(DEMO_SHOP, secondId)).verification as unknown as Verification;
    expect(verification.entities.find((row) => row.entity === 'products')).toMatchObject({
      written: 1,
      unchanged: PRODUCTS - 1,
      foundInShopify: PRODUCTS,
      missingInShopify: [],
    });
  }, 180_000);
});
