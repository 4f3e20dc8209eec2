// The app as `npm start` runs it, in local mode: real HTTP, the in-process worker, a real browser.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../app/db/db.server.ts';
import { type RunningApp, startApp } from './support/app-process.ts';
import { launchBrowser } from './support/browser.ts';
import { webhookRequest } from './support/webhooks.ts';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../test-results');
const DEMO_SHOP = 'demo-shop.myshopify.com';
let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  expect(await app.stop()).toBe(0); // SIGTERM shuts down cleanly
});

describe('npm start, local mode', () => {
  it('answers /healthz with 200 and the database reachable', async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'reachable' });
  });

  it('reads the demo shop’s name and plan from its Admin API (devstore), as an install does', async () => {
    const shop = await db().shop.findUniqueOrThrow({ where: { shop: DEMO_SHOP } });
    expect(shop).toMatchObject({ name: 'Demo Shop', partnerDevelopment: true, currencyCode: 'USD' });
    expect(app.output()).toContain("devstore (the demo shop's Admin API) at http://");
  });

  it('sends visitors of / to the admin UI for the demo shop', async () => {
    const response = await fetch(`${app.url}/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/app');
  });

  it('runs a job queued by a webhook on its in-process worker', async () => {
    await db().migration.create({ data: { shop: 'leaving.myshopify.com', sourcePlatform: 'woocommerce' } });
    const secret = fs
      .readFileSync(path.join(process.env.SHIPYARD_DATA_DIR as string, 'local-app-secret'), 'utf8')
      .trim();
    const signed = webhookRequest({
      topic: 'shop/redact',
      shop: 'leaving.myshopify.com',
      body: { shop_id: 7, shop_domain: 'leaving.myshopify.com' },
      secret,
      url: `${app.url}/webhooks/shop/redact`,
    });
    const response = await fetch(signed);
    expect(response.status).toBe(200);
    const deadline = Date.now() + 15_000;
    while ((await db().migration.count({ where: { shop: 'leaving.myshopify.com' } })) > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await db().migration.count({ where: { shop: 'leaving.myshopify.com' } })).toBe(0);
    expect(await db().auditEntry.count({ where: { shop: 'leaving.myshopify.com', action: 'shop.redacted' } })).toBe(1);
  });

  it('refuses a webhook with a wrong signature over HTTP with 401', async () => {
    const forged = webhookRequest({
      topic: 'shop/redact',
      shop: DEMO_SHOP,
      body: { shop_id: 1, shop_domain: DEMO_SHOP },
      secret: 'guess',
      url: `${app.url}/webhooks/shop/redact`,
    });
    expect((await fetch(forged)).status).toBe(401);
    expect(await db().shop.count({ where: { shop: DEMO_SHOP } })).toBe(1);
  });

  it('renders the dashboard in Chromium: the empty state with its call to action', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${app.url}/app`);
      await page.getByRole('heading', { name: 'Migrations', level: 1 }).waitFor();
      await page.getByText('Move your store to Shopify').waitFor();
      const cta = page.getByRole('link', { name: 'Start a migration' });
      expect(await cta.getAttribute('href')).toBe('/app/migrations/new');
      await page.getByText(`Local mode · ${DEMO_SHOP}`).waitFor();
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-empty.png'), fullPage: true });

      await cta.click();
      await page.waitForURL('**/app/migrations/new');
      await page.getByRole('heading', { name: 'WooCommerce' }).waitFor();
    } finally {
      await browser.close();
    }
  });

  it('lists the shop’s migrations on the dashboard, and only that shop’s', async () => {
    await db().migration.create({
      data: {
        shop: DEMO_SHOP,
        sourcePlatform: 'woocommerce',
        sourceUrl: 'https://old-store.example.com',
        status: 'running',
      },
    });
    await db().migration.create({
      data: {
        shop: 'someone-else.myshopify.com',
        sourcePlatform: 'magento',
        sourceUrl: 'https://not-yours.example.com',
      },
    });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${app.url}/app`);
      await page.getByText('https://old-store.example.com').waitFor();
      expect(await page.getByText('Running').count()).toBeGreaterThan(0);
      expect(await page.getByText('https://not-yours.example.com').count()).toBe(0);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-migrations.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
