// Account invitations after launch, in Chromium against the app as `npm start` runs it (local mode,
// devstore as Shopify): a merchant moves only their customers with invitations chosen, and once the
// migration has completed sends the invitations from the migration page — confirmed with how many
// customers get an email — and sees them sent; devstore recorded exactly those emails.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { db } from '../../app/db/db.server.ts';
import { type RunningApp, startApp } from '../support/app-process.ts';
import { launchBrowser } from '../support/browser.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results');
let app: RunningApp;
let woo: WooCommerceTestServer;

beforeAll(async () => {
  woo = await startWooCommerceServer({
    catalog: { products: 1, customers: 6, orders: 0, coupons: 0, reviews: 0, pages: 0, posts: 0, awkward: false },
  });
  app = await startApp();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await woo?.close();
  const code = await app.stop();
  fs.writeFileSync(path.join(SCREENSHOTS, 'invitations-app.log'), app.output());
  expect(code).toBe(0);
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `invitations-${name}.png`), fullPage: true });

/** The account invitations devstore recorded as sent, as Shopify would email them. */
async function sentInvitations(shop: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ recipient: string }>(
      "SELECT recipient FROM devstore.sent_emails WHERE shop = $1 AND kind = 'customer_account_invite' ORDER BY recipient",
      [shop],
    );
    return rows.map((row) => row.recipient);
  } finally {
    await client.end();
  }
}

describe('account invitations after launch', () => {
  it('are sent from the migration page once the customers have moved, confirmed with how many', async () => {
    onTestFailed(() => {
      console.error(`the app's last output:\n${app.output().slice(-6000)}`);
    });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${app.url}/app`);
      await page.getByRole('link', { name: 'Start a migration' }).click();
      await page.getByRole('link', { name: 'Move from WooCommerce' }).click();
      await page.getByLabel('Store address').fill(woo.url);
      await page.getByLabel('Consumer key').fill(woo.consumerKey);
      await page.getByLabel('Consumer secret').fill(woo.consumerSecret);
      await page.getByRole('button', { name: 'Test connection' }).click();
      await page.waitForURL('**/setup');
      await page.getByText(/^Customers \(\d+\)$/).waitFor();

      // Only the customers, and the invitations the merchant wants after launch; each choice saved at once.
      const saving = () =>
        page.waitForResponse((response) => response.request().method() === 'POST' && response.url().includes('/setup'));
      for (const label of [
        'Collections (categories)',
        'Products',
        'Orders',
        'Pages',
        'Blog posts',
        'Discount codes',
        'Product reviews',
      ]) {
        const box = page.getByRole('checkbox', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')} \\(`) });
        if ((await box.count()) === 0 || !(await box.isChecked())) continue;
        const saved = saving();
        await page.getByText(new RegExp(`^${label.replace(/[()]/g, '\\$&')} \\(`)).click();
        await saved;
      }
      const saved = saving();
      await page.getByText('Send account invitations to customers after launch', { exact: true }).click();
      await saved;
      const draft = await db().migration.findFirstOrThrow();
      expect(draft.options).toMatchObject({ inviteCustomers: true });

      await page.getByRole('button', { name: 'Read and analyze my store' }).click();
      await page.waitForURL(/\/app\/migrations\/[0-9a-f-]{36}(\?started=1)?$/);
      const id = new URL(page.url()).pathname.split('/').at(-1) as string;
      await page.getByText('Your store has been read and checked').waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Start writing to Shopify', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Start writing', exact: true }).click();
      await page.getByRole('heading', { name: 'Account invitations' }).waitFor({ timeout: 90_000 });
      const migration = await db().migration.findUniqueOrThrow({ where: { id } });
      expect(migration).toMatchObject({ status: 'completed', entities: expect.arrayContaining(['customers']) });
      expect(await sentInvitations(migration.shop)).toEqual([]);

      // The customers this migration created get an email; the confirmation says how many first.
      const created = await db().idMapEntry.findMany({ where: { createdBy: id, entity: 'customers' } });
      expect(created.length).toBeGreaterThan(0);
      const customers = `${created.length} customer${created.length === 1 ? '' : 's'}`;
      await page.getByText(`An invitation lets each of the ${customers} Shipyard created set a new password`).waitFor();
      await shot(page, '1-completed');
      await page.getByRole('button', { name: 'Send account invitations', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog
        .getByText(
          new RegExp(`^Shopify emails an account invitation to ${customers} Shipyard created in this store\\.`),
        )
        .waitFor();
      await shot(page, '2-confirm');
      await dialog.getByRole('button', { name: 'Send invitations', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });

      await page.getByText('Every customer Shipyard created has been invited.').waitFor({ timeout: 60_000 });
      await page.getByText(new RegExp(`^${customers} invited`)).waitFor();
      expect(await page.getByRole('button', { name: 'Send account invitations', exact: true }).count()).toBe(0);
      // Each went to a customer of the old store, one each.
      const moved = await db().sourceRecord.findMany({
        where: { migrationId: id, entity: 'customers', status: 'written' },
        select: { email: true },
      });
      const recipients = await sentInvitations(migration.shop);
      expect(recipients).toHaveLength(created.length);
      expect(new Set(recipients).size).toBe(recipients.length);
      expect(recipients.every((recipient) => moved.some((customer) => customer.email === recipient))).toBe(true);
      await shot(page, '3-sent');

      // Nobody gets two: after a reload the page still offers nothing more to send.
      await page.reload();
      await page.getByText('Every customer Shipyard created has been invited.').waitFor();
      expect(await sentInvitations(migration.shop)).toHaveLength(created.length);
    } finally {
      await browser.close();
    }
  }, 180_000);
});
