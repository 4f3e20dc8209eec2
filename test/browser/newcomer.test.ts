// A newcomer's whole path in Chromium against the app as `npm start` runs it (local mode, devstore as
// Shopify): connect a WooCommerce store (wrong input first), choose what to move, watch it read,
// pause and resume, review the analysis and plan, write, see the report and download its CSV.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { db } from '../../app/db.server.ts';
import { type RunningApp, startApp } from '../support/app-process.ts';
import { launchBrowser } from '../support/browser.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../woocommerce/server.ts';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results');
let app: RunningApp;
let woo: WooCommerceTestServer;

beforeAll(async () => {
  // A slow shared host: each API answer takes a while, so reading lasts long enough to pause it.
  woo = await startWooCommerceServer({ catalog: { products: 10, variationsPerProduct: 2, imagesPerProduct: 1 }, latencyMs: 700 });
  app = await startApp();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await woo?.close();
  const code = await app.stop();
  fs.writeFileSync(path.join(SCREENSHOTS, 'newcomer-app.log'), app.output());
  expect(code).toBe(0);
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `newcomer-${name}.png`), fullPage: true });

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
        const saved = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().includes('/setup'));
        await page.getByText(new RegExp(`^${label} \\(`)).click();
        await saved;
      }
      await page.getByText('Choices saved').waitFor();
      await page.reload();
      expect(await page.getByRole('checkbox', { name: /Customers/ }).isChecked()).toBe(false);
      expect(await page.getByRole('checkbox', { name: /Products/ }).isChecked()).toBe(true);
      await shot(page, '2-choose');

      await page.getByRole('button', { name: 'Read and analyze my store' }).click();
      await page.waitForURL(/\/app\/migrations\/[0-9a-f-]{36}$/);
      const id = page.url().split('/').at(-1) as string;
      await page.getByText('Reading your store').waitFor();
      await page.getByText('Live', { exact: true }).waitFor();
      await shot(page, '3-reading');

      await confirm(page, 'Pause', 'Pause');
      await page.getByText('Nothing more is read or written until you resume.').waitFor();
      expect((await db().migration.findUniqueOrThrow({ where: { id } })).status).toBe('paused');
      await shot(page, '4-paused');
      await confirm(page, 'Resume', 'Resume');

      await page.getByText('Your store has been read and checked').waitFor({ timeout: 60_000 });
      await page.getByRole('heading', { name: 'What the analysis found' }).waitFor();
      await page.getByRole('heading', { name: 'The plan' }).waitFor();
      await page.getByRole('heading', { name: /^Records that could not be read/ }).waitFor();
      await shot(page, '5-review');

      await confirm(page, 'Start writing to Shopify', 'Start writing');
      await page.getByRole('heading', { name: 'Checked against Shopify' }).waitFor({ timeout: 90_000 });
      expect((await db().migration.findUniqueOrThrow({ where: { id } })).status).toBe('completed');
      await page.getByRole('heading', { name: /^Redirects \(\d+\)$/ }).waitFor();
      await shot(page, '6-completed');

      // The report: filter, search, and the same rows as a CSV download.
      await page.getByLabel('Search').fill('regular price');
      await page.waitForURL(/q=regular/);
      await page.getByRole('cell', { name: /product has no regular price/ }).waitFor();
      await shot(page, '7-report-search');
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download CSV' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^shipyard-report-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.csv$/);
      const csv = fs.readFileSync(await file.path(), 'utf8');
      expect(csv).toContain('What,Source id,Name,Status,Reason');
      expect(csv).toContain('product has no regular price');

      await page.goto(`${app.url}/app`);
      await page.getByRole('link', { name: 'WooCommerce' }).click();
      await page.waitForURL(`**/app/migrations/${id}`);
    } finally {
      await browser.close();
    }
  }, 180_000);
});
