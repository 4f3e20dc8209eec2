// A newcomer's whole path in Chromium against the app as `npm start` runs it (local mode, devstore as
// Shopify): connect a WooCommerce store (wrong input first), choose what to move, the options and the
// sales channels, watch it read, pause and resume, review the analysis and plan, check it with a dry
// run, write (with the written-per-minute chart), see that shoppers can see the migrated catalog, see
// the report and download its CSV, and undo it.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { DEMO_SHOP } from '../../app/shopify-app/app-config.server.ts';
import { db } from '../../app/db/db.server.ts';
import { adminClientFor } from '../../app/shopify-admin/connection.server.ts';
import { DRY_RUN_ENTITIES } from '../../app/pipeline/steps/dry-run.server.ts';
import { REDIRECTED_ENTITIES } from '../../app/pipeline/entities/redirects/input.server.ts';
import { type RunningApp, startApp } from '../support/app-process.ts';
import { launchBrowser } from '../support/browser.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results');
let app: RunningApp;
let woo: WooCommerceTestServer;

beforeAll(async () => {
  // A slow shared host: each API answer takes a while, so reading lasts long enough to pause it.
  woo = await startWooCommerceServer({
    catalog: { products: 10, variationsPerProduct: 2, imagesPerProduct: 1 },
    latencyMs: 700,
  });
  app = await startApp();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await woo?.close();
  const code = await app.stop();
  fs.writeFileSync(path.join(SCREENSHOTS, 'newcomer-app.log'), app.output());
  expect(code).toBe(0);
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `newcomer-${name}.png`), fullPage: true });

async function confirm(page: Page, button: string, confirmWith: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: confirmWith, exact: true }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

describe('a newcomer moves a WooCommerce store', () => {
  it('connects, reads, pauses, resumes, reviews, writes, and downloads the report', async () => {
    // The app's own log explains a failure the page cannot (a job that failed and waits to retry).
    onTestFailed(() => {
      console.error(`the app's last output:\n${app.output().slice(-6000)}`);
    });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      await page.goto(`${app.url}/app`);
      await page.getByRole('link', { name: 'Start a migration' }).click();
      await page.getByRole('button', { name: 'Another Shopify store is coming soon' }).waitFor();
      expect(await page.getByRole('button', { name: 'Another Shopify store is coming soon' }).isDisabled()).toBe(true);
      await page.getByRole('link', { name: 'Move from WooCommerce' }).click();

      // Wrong input: the browser's check, message beside each field, nothing sent.
      await page.getByRole('button', { name: 'Test connection' }).click();
      await page.getByText('Enter your store’s address, starting with https:// (or http://)').waitFor();
      await page.getByText('A consumer key starts with ck_ followed by 40 letters and digits').waitFor();
      // Well-formed keys the store does not know: the store's answer, beside the key.
      await page.getByLabel('Store address').fill(woo.url);
      await page.getByLabel('Consumer key').fill(`ck_${'0'.repeat(40)}`);
      await page.getByLabel('Consumer secret').fill(`cs_${'0'.repeat(40)}`);
      await page.getByRole('button', { name: 'Test connection' }).click();
      await page.getByText(/WooCommerce did not accept these API keys/).waitFor();
      await shot(page, '1-connect-errors');
      expect(await db().migration.count()).toBe(0);

      await page.getByLabel('Consumer key').fill(woo.consumerKey);
      await page.getByLabel('Consumer secret').fill(woo.consumerSecret);
      await page.getByRole('button', { name: 'Test connection' }).click();
      await page.waitForURL('**/setup');
      await page.getByText(/^Products \(\d+\)$/).waitFor();

      // Only the catalog, to keep the run short; the choice is saved on the draft at once.
      for (const label of ['Customers', 'Orders', 'Discount codes', 'Product reviews']) {
        const saved = page.waitForResponse(
          (response) => response.request().method() === 'POST' && response.url().includes('/setup'),
        );
        await page.getByText(new RegExp(`^${label} \\(`)).click();
        await saved;
      }
      await page.getByText('Choices saved').waitFor();

      // The options: each saved at once, the order status map with a label per select.
      const saving = () =>
        page.waitForResponse((response) => response.request().method() === 'POST' && response.url().includes('/setup'));
      let saved = saving();
      await page.getByText('Skip them', { exact: true }).click();
      await saved;
      saved = saving();
      await page.getByText('Keep order numbers', { exact: true }).click();
      await saved;
      saved = saving();
      await page.getByText('Send account invitations to customers after launch', { exact: true }).click();
      await saved;
      saved = saving();
      await page.getByLabel('Payment status for Processing orders').selectOption('AUTHORIZED');
      await saved;
      saved = saving();
      await page.getByLabel('Fulfillment status for Completed orders').selectOption('PARTIAL');
      await saved;
      await shot(page, '2-options');

      // Where shoppers see it: the shop's sales channels, the Online Store ticked; leaving it out is warned about.
      expect(await page.getByRole('checkbox', { name: 'Online Store' }).isChecked()).toBe(true);
      expect(await page.getByRole('checkbox', { name: 'Point of Sale' }).isChecked()).toBe(false);
      const toggleChannel = async (name: string) => {
        const done = saving();
        await page.getByText(name, { exact: true }).click();
        await done;
      };
      await toggleChannel('Online Store');
      await page.getByText(/^No sales channel is chosen: the products and collections stay unpublished/).waitFor();
      expect((await db().migration.findFirstOrThrow()).options).toMatchObject({ channels: [] });
      await toggleChannel('Point of Sale');
      await page
        .getByText(/^The Online Store is not chosen: your storefront will not show the migrated products/)
        .waitFor();
      await shot(page, '2-channels-warning');
      await toggleChannel('Online Store');
      await toggleChannel('Point of Sale');
      await page.getByText(/^The Online Store is not chosen/).waitFor({ state: 'detached' });

      await page.reload();
      expect(await page.getByRole('checkbox', { name: 'Online Store' }).isChecked()).toBe(true);
      expect(await page.getByRole('checkbox', { name: /Customers/ }).isChecked()).toBe(false);
      expect(await page.getByRole('checkbox', { name: /Products/ }).isChecked()).toBe(true);
      expect(await page.getByRole('radio', { name: 'Skip them' }).isChecked()).toBe(true);
      expect(await page.getByRole('checkbox', { name: 'Keep order numbers' }).isChecked()).toBe(false);
      expect(
        await page.getByRole('checkbox', { name: 'Send account invitations to customers after launch' }).isChecked(),
      ).toBe(true);
      expect(await page.getByLabel('Payment status for Processing orders').inputValue()).toBe('AUTHORIZED');
      expect(await page.getByLabel('Fulfillment status for Completed orders').inputValue()).toBe('PARTIAL');
      const draft = await db().migration.findFirstOrThrow();
      expect(draft.options).toMatchObject({
        channels: [expect.stringMatching(/^gid:\/\/shopify\/Publication\/\d+$/)],
        existingRecords: 'skip',
        keepOrderNumbers: false,
        inviteCustomers: true,
        orderStatusMap: {
          processing: { financialStatus: 'AUTHORIZED', fulfillmentStatus: null },
          completed: { financialStatus: 'PAID', fulfillmentStatus: 'PARTIAL' },
        },
      });
      await shot(page, '2-choose');

      await page.getByRole('button', { name: 'Read and analyze my store' }).click();
      await page.waitForURL(/\/app\/migrations\/[0-9a-f-]{36}(\?started=1)?$/);
      const id = new URL(page.url()).pathname.split('/').at(-1) as string;
      // Outside the Shopify admin there is no App Bridge toast: the page says it in a banner.
      await page.getByText('Migration started', { exact: true }).waitFor();
      await page.getByText('Reading your store').waitFor();
      await page.getByText('Live', { exact: true }).waitFor();
      await shot(page, '3-reading');

      await confirm(page, 'Pause', 'Pause');
      await page.getByText('Nothing more is read or written until you resume.').waitFor();
      await page.getByText('Migration paused', { exact: true }).waitFor();
      expect((await db().migration.findUniqueOrThrow({ where: { id } })).status).toBe('paused');
      await shot(page, '4-paused');
      await confirm(page, 'Resume', 'Resume');

      await page.getByText('Your store has been read and checked').waitFor({ timeout: 60_000 });
      await page.getByRole('heading', { name: 'What the analysis found' }).waitFor();
      await page.getByRole('heading', { name: 'The plan' }).waitFor();
      await page.getByText(/^Published on Online Store: \d+ products? and \d+ collections?\./).waitFor();
      await page.getByRole('heading', { name: /^Records that could not be read/ }).waitFor();
      await shot(page, '5-review');

      // The dry run: every staged record checked against Shopify's schema, nothing written.
      await page.getByRole('button', { name: 'Check against Shopify’s rules without writing' }).click();
      await page.getByText(/^\d+ records? pass/).waitFor({ timeout: 30_000 });
      const dryRun = await db().dryRun.findUniqueOrThrow({ where: { migrationId: id } });
      const staged = await db().sourceRecord.findMany({
        where: { migrationId: id, entity: { in: DRY_RUN_ENTITIES }, status: { not: 'invalid' } },
        select: { entity: true, data: true },
      });
      expect(staged.length).toBeGreaterThan(0);
      // Redirects are on: each record with an old URL also has the 301 it becomes checked.
      const oldUrls = staged.filter(
        (row) =>
          (REDIRECTED_ENTITIES as string[]).includes(row.entity) &&
          (row.data as { sourcePath?: string | null }).sourcePath,
      ).length;
      expect(oldUrls).toBeGreaterThan(0);
      expect(dryRun).toMatchObject({
        status: 'done',
        checked: staged.length + oldUrls,
        passed: staged.length + oldUrls - dryRun.refused,
      });
      await page.getByText(new RegExp(`^${dryRun.passed} records? pass`)).waitFor();
      await page.getByText('Dry run finished: nothing was written to Shopify').waitFor();
      expect(await db().sourceRecord.count({ where: { migrationId: id, status: { in: ['written', 'failed'] } } })).toBe(
        0,
      );
      await shot(page, '5-dry-run');

      await confirm(page, 'Start writing to Shopify', 'Start writing');
      await page.getByText('Writing to Shopify started', { exact: true }).waitFor();
      await page.getByRole('heading', { name: 'Checked against Shopify' }).waitFor({ timeout: 90_000 });
      // Records written per minute: a drawing named by its heading, described by the summary in words.
      const chart = page.getByRole('img', { name: 'Records written per minute' });
      await chart.waitFor();
      expect(await chart.getAttribute('aria-describedby')).toBe('throughput-summary');
      expect(await page.locator('#throughput-summary').innerText()).toMatch(
        /peak [\d,]+ a minute · on average [\d,]+ a minute over/,
      );
      expect(await db().migrationSample.count({ where: { migrationId: id } })).toBeGreaterThan(0);
      expect((await db().migration.findUniqueOrThrow({ where: { id } })).status).toBe('completed');
      await page.getByRole('heading', { name: /^Redirects \(\d+\)$/ }).waitFor();
      await shot(page, '6-completed');

      // Shoppers can see the catalog: every product written is published on the Online Store, with its storefront URL.
      const writtenProducts = await db().sourceRecord.count({
        where: { migrationId: id, entity: 'products', status: 'written' },
      });
      expect(writtenProducts).toBeGreaterThan(0);
      await page
        .getByText(new RegExp(`^Published on Online Store: ${writtenProducts} products? and \\d+ collections?\\.`))
        .waitFor();
      process.env.DEVSTORE_URL = app.devstoreUrl;
      const shopify = await adminClientFor(DEMO_SHOP);
      const { data } = await shopify.request<{
        products: {
          nodes: { title: string; onlineStoreUrl: string | null; resourcePublicationsCount: { count: number } }[];
        };
        collections: { nodes: { resourcePublicationsCount: { count: number } }[] };
      }>(
        'query NewcomerCatalog { products(first: 50) { nodes { title onlineStoreUrl resourcePublicationsCount { count } } } collections(first: 50) { nodes { resourcePublicationsCount { count } } } }',
      );
      expect(data.products.nodes).toHaveLength(writtenProducts);
      for (const product of data.products.nodes)
        expect(product, product.title).toMatchObject({
          onlineStoreUrl: expect.stringMatching(/^https:\/\/demo-shop\.myshopify\.com\/products\//),
          resourcePublicationsCount: { count: 1 },
        });
      expect(data.collections.nodes.length).toBeGreaterThan(0);
      for (const collection of data.collections.nodes) expect(collection.resourcePublicationsCount.count).toBe(1);

      // The report: filter, search, and the same rows as a CSV download.
      await page.getByLabel('Search').fill('regular price');
      await page.waitForURL(/q=regular/);
      await page.getByRole('cell', { name: /Product has no regular price/ }).waitFor();
      await shot(page, '7-report-search');
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download CSV' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^shipyard-report-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.csv$/);
      const csv = fs.readFileSync(await file.path(), 'utf8');
      expect(csv).toContain('What,Source id,Name,Status,Reason');
      expect(csv).toContain('Product has no regular price');

      // Undo: the confirmation says exactly what is deleted from Shopify, then the undo reports it.
      const created = await db().idMapEntry.count({ where: { createdBy: id, entity: 'products' } });
      expect(created).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Undo this migration', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText(`${created} Products (with their variants)`, { exact: true }).waitFor();
      await shot(page, '8-undo-confirm');
      await dialog.getByRole('button', { name: 'Delete from Shopify', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('Undoing the migration', { exact: true }).waitFor();
      await page
        .getByText(
          /^Finished .*What the store had before the migration was not deleted; the customers it wrote into were put back as they were\.$/,
        )
        .waitFor({ timeout: 60_000 });
      expect((await db().migration.findUniqueOrThrow({ where: { id } })).status).toBe('undone');
      expect(await db().idMapEntry.count({ where: { createdBy: id } })).toBe(0);
      // Nothing is left to undo, and the redirects say they are gone.
      await page.reload();
      await page.getByRole('cell', { name: 'Removed by the undo' }).first().waitFor();
      expect(await page.getByRole('cell', { name: 'Live', exact: true }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Undo this migration', exact: true }).count()).toBe(0);
      await shot(page, '9-undone');

      await page.goto(`${app.url}/app`);
      await page.getByRole('link', { name: 'WooCommerce' }).click();
      await page.waitForURL(`**/app/migrations/${id}`);
    } finally {
      await browser.close();
    }
  }, 180_000);
});
