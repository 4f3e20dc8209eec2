// `npx shipyard migrate` as an agency runs it: a real process, a WooCommerce test store, local mode
// (the CLI starts devstore for the demo shop), progress on stdout, and exit 1 with the report path
// when some records did not move.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOP } from '../app/shopify-app/app-config.server.ts';
import { db } from '../app/db/db.server.ts';
import { migrate as migrateDevstore } from '../devstore/db/migrate.ts';
import { ensureShop } from '../devstore/shops.ts';
import { runShipyard as shipyard } from '../test/support/cli.ts';
import { storeChanges } from '../connectors/woocommerce/fake/store-changes.ts';
import { productId } from '../connectors/woocommerce/fake/store.ts';
import { pageId } from '../connectors/woocommerce/fake/content.ts';
import { WP_USERS } from '../connectors/woocommerce/fake/wordpress-users.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../connectors/woocommerce/fake/server.ts';

let woo: WooCommerceTestServer;

beforeAll(async () => {
  woo = await startWooCommerceServer({ catalog: { products: 20, variationsPerProduct: 2, imagesPerProduct: 1 } });
});
afterAll(() => woo.close());

describe('npx shipyard migrate', () => {
  it('migrates, shows progress, and exits 1 naming the report when records did not move', async () => {
    const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'shipyard-reports-'));
    // The catalog only: the customers the tests below move must be new to the shop (cli/cli-migrate.test.ts moves everything).
    const { code, output } = await shipyard([
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
      'collections,products',
      '--report',
      path.join(reports, 'report.csv'),
    ]);
    expect(output).toMatch(/products\s+[█░]+ \d+\/\d+ written/);
    // Published on the Online Store by default, as the setup page ticks it.
    expect(output).toContain('What shoppers could see in the old store is published on Online Store.');
    expect(output).toMatch(/Published on Online Store: \d+ products and \d+ collections\./);
    expect(code, output).toBe(1);
    const report = /the reasons are in (\S+\.csv)/.exec(output)?.[1];
    expect(report).toBeDefined();
    const lines = fs
      .readFileSync(report as string, 'utf8')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('Severity,What,Source id,Name,Status,Reason');
    expect(report).toBe(path.join(reports, 'report.csv'));
    expect(lines.length).toBeGreaterThan(1);
  }, 120_000);

  it('publishes on the sales channels named by --channels, with the setup page’s warning, and refuses a channel the shop lacks', async () => {
    const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'shipyard-reports-'));
    const { code, output } = await shipyard([
      'migrate',
      '--from',
      'woocommerce',
      '--url',
      woo.url,
      '--key',
      woo.consumerKey,
      '--secret',
      woo.consumerSecret,
      '--channels',
      'point of sale',
      '--only',
      'collections,products',
      '--no-redirects',
      '--report',
      path.join(reports, 'report.csv'),
    ]);
    expect(code, output).toBe(1);
    expect(output).toContain(
      'Warning: The Online Store is not chosen: your storefront will not show the migrated products and collections',
    );
    expect(output).toContain('What shoppers could see in the old store is published on Point of Sale.');
    expect(output).toMatch(/Published on Point of Sale: \d+ products and \d+ collections\./);
    const id = /Migration ([0-9a-f-]{36})/.exec(output)?.[1] as string;
    const migration = await db().migration.findUniqueOrThrow({ where: { id } });
    expect((migration.options as { channels: string[] }).channels).toEqual([
      expect.stringMatching(/^gid:\/\/shopify\/Publication\/\d+$/),
    ]);

    const unknown = await shipyard([
      'migrate',
      '--from',
      'woocommerce',
      '--url',
      woo.url,
      '--key',
      woo.consumerKey,
      '--secret',
      woo.consumerSecret,
      '--channels',
      'Online Store,Facebook',
    ]);
    expect(unknown.code, unknown.output).toBe(2);
    expect(unknown.output).toContain(
      'demo-shop.myshopify.com has no sales channel named “Facebook”; it has “Online Store”, “Point of Sale”.',
    );
  }, 180_000);

  it('says what is wrong with the keys and exits 2', async () => {
    const { code, output } = await shipyard([
      'migrate',
      '--from',
      'woocommerce',
      '--url',
      woo.url,
      '--key',
      woo.consumerKey,
      '--secret',
      `cs_${'0'.repeat(40)}`,
    ]);
    expect(code, output).toBe(2);
    expect(output).toMatch(/Cannot read the store at .*: .*(key|secret)/i);
  }, 60_000);

  it('explains its usage when the arguments are wrong', async () => {
    const { code, output } = await shipyard(['migrate', '--from', 'woocommerce', '--url', 'not a url']);
    expect(code).toBe(2);
    expect(output).toContain('--url must be the store address');
  }, 60_000);

  it('names a malformed key before calling the store', async () => {
    const { code, output } = await shipyard([
      'migrate',
      '--from',
      'woocommerce',
      '--url',
      woo.url,
      '--key',
      woo.consumerKey,
      '--secret',
      'cs_short',
    ]);
    expect(code).toBe(2);
    expect(output).toContain('consumerSecret');
  }, 60_000);
});

describe('npx shipyard resync and undo', () => {
  const idAfter = (label: string, output: string) => new RegExp(`${label} ([0-9a-f-]{36})`).exec(output)?.[1] as string;

  it('moves customers, re-syncs only the new one, and undoes both runs', async () => {
    const changes = storeChanges(woo.catalog);
    const first = await shipyard([
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
      'customers',
      '--no-redirects',
    ]);
    expect(first.code, first.output).toBe(0);
    const migrationId = idAfter('Migration', first.output);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    woo.catalog.store.now = new Date();
    const newcomer = String(changes.signUp());
    const resync = await shipyard(['resync', migrationId]);
    expect(resync.code, resync.output).toBe(0);
    const resyncId = idAfter('Re-sync', resync.output);
    expect(resync.output).toContain(`of migration ${migrationId}: what changed since`);
    const written = await db().idMapEntry.findMany({ where: { createdBy: resyncId } });
    expect(written.map((entry) => entry.sourceId)).toEqual([newcomer]);

    const undo = await shipyard(['undo', migrationId]);
    expect(undo.code, undo.output).toBe(0);
    expect(undo.output).toMatch(new RegExp(`customers\\s+${woo.catalog.counts.customers} deleted`));
    expect(await db().idMapEntry.count({ where: { createdBy: { in: [migrationId, resyncId] } } })).toBe(0);
  }, 120_000);

  it('reads only what changed after --since', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    woo.catalog.store.now = new Date();
    woo.catalog.editProduct(productId(3), { name: 'Edited since' });
    const { code, output } = await shipyard([
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
      'products',
      '--no-redirects',
      '--since',
      since,
    ]);
    expect([0, 1], output).toContain(code);
    const read = await db().sourceRecord.findMany({
      where: { migrationId: idAfter('Migration', output), entity: 'products' },
    });
    expect(read.map((row) => row.sourceId)).toEqual([String(productId(3))]);
  }, 60_000);

  it('says what is wrong with --since, --only, --exchange-rate and a missing or unknown migration id, and exits 2', async () => {
    const base = [
      'migrate',
      '--from',
      'woocommerce',
      '--url',
      woo.url,
      '--key',
      woo.consumerKey,
      '--secret',
      woo.consumerSecret,
    ];
    const since = await shipyard([...base, '--since', 'last tuesday']);
    expect(since.code).toBe(2);
    expect(since.output).toContain('--since must be a date, such as 2026-11-01');
    const only = await shipyard([...base, '--only', 'products,widgets']);
    expect(only.code).toBe(2);
    expect(only.output).toContain('--only: widgets is not one of');
    const rate = await shipyard([...base, '--only', 'orders', '--exchange-rate', 'EUR=lots']);
    expect(rate.code).toBe(2);
    expect(rate.output).toContain('--exchange-rate: EUR: A rate is a number such as 1.0850.');
    const missing = await shipyard(['undo']);
    expect(missing.code).toBe(2);
    expect(missing.output).toContain("undo needs the migration's id");
    const unknown = await shipyard(['resync', '00000000-0000-4000-8000-000000000000']);
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain('No migration 00000000-0000-4000-8000-000000000000 in this shop');
  }, 90_000);

  it('explains resync and undo in its help', async () => {
    const { code, output } = await shipyard(['--help']);
    expect(code).toBe(0);
    for (const line of [
      'shipyard resync <migration id>',
      'shipyard undo <migration id>',
      '--since',
      '--only',
      '--exchange-rate EUR=1.0850',
    ])
      expect(output).toContain(line);
  }, 30_000);
});

describe('npx shipyard invite', () => {
  const idAfter = (output: string) => /Migration ([0-9a-f-]{36})/.exec(output)?.[1] as string;
  const base = () => [
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
    'customers',
    '--no-redirects',
  ];

  it('invites each customer the migration created once, and nobody twice', async () => {
    const migrated = await shipyard([...base(), '--invite-customers']);
    expect(migrated.code, migrated.output).toBe(0);
    const migrationId = idAfter(migrated.output);
    const created = new Set(
      (await db().idMapEntry.findMany({ where: { createdBy: migrationId, entity: 'customers' } })).map(
        (entry) => entry.shopifyGid,
      ),
    );
    expect(created.size).toBeGreaterThan(0);

    const invite = await shipyard(['invite', migrationId]);
    expect(invite.code, invite.output).toBe(0);
    expect(invite.output).toContain(`${created.size} customer${created.size === 1 ? '' : 's'} invited`);
    const sent = await db().customerInvitation.findMany({ where: { migrationId } });
    expect(new Set(sent.map((row) => row.customerGid))).toEqual(created);
    expect(sent.every((row) => row.sentAt !== null && row.error === null)).toBe(true);

    const again = await shipyard(['invite', migrationId]);
    expect(again.code, again.output).toBe(0);
    expect(await db().customerInvitation.count({ where: { migrationId } })).toBe(created.size);
    expect(
      (await db().customerInvitation.findMany({ where: { migrationId } })).map((row) => row.sentAt?.getTime()),
    ).toEqual(sent.map((row) => row.sentAt?.getTime()));
  }, 120_000);

  it('refuses a migration migrated without --invite-customers, and exits 2', async () => {
    const migrated = await shipyard(base());
    expect(migrated.code, migrated.output).toBe(0);
    const refused = await shipyard(['invite', idAfter(migrated.output)]);
    expect(refused.code).toBe(2);
    expect(refused.output).toContain('Account invitations were left off in this migration’s options.');
    const missing = await shipyard(['invite']);
    expect(missing.code).toBe(2);
    expect(missing.output).toContain("invite needs the migration's id");
  }, 120_000);

  it('explains invite in its help', async () => {
    const { code, output } = await shipyard(['--help']);
    expect(code).toBe(0);
    for (const line of ['shipyard invite <migration id>', '--invite-customers']) expect(output).toContain(line);
  }, 30_000);
});

describe('npx shipyard migrate --wp-user --wp-app-password', () => {
  let wordpress: WooCommerceTestServer;
  beforeAll(async () => {
    // A local WordPress takes application passwords over plain http, as wp_is_application_passwords_supported() allows.
    wordpress = await startWooCommerceServer({
      catalog: { products: 1, pages: 8, posts: 3 },
      wordpressEnvironment: 'local',
    });
  });
  afterAll(() => wordpress.close());
  const base = () => [
    'migrate',
    '--from',
    'woocommerce',
    '--url',
    wordpress.url,
    '--key',
    wordpress.consumerKey,
    '--secret',
    wordpress.consumerSecret,
    '--only',
    'pages',
    '--no-redirects',
  ];
  const admin = WP_USERS[0] as (typeof WP_USERS)[0];

  it('moves draft and private pages too with a WordPress application password', async () => {
    const { code, output } = await shipyard([
      ...base(),
      '--wp-user',
      admin.login,
      '--wp-app-password',
      admin.applicationPassword,
    ]);
    expect(code, output).toBe(0);
    const migrationId = /Migration ([0-9a-f-]{36})/.exec(output)?.[1] as string;
    const read = await db().sourceRecord.findMany({
      where: { migrationId, entity: 'pages' },
      orderBy: { sourceId: 'asc' },
    });
    expect(read.map((row) => row.sourceId)).toEqual(Array.from({ length: 8 }, (_, k) => String(pageId(k + 1))));
    expect(
      read.filter((row) => (row.data as { published: boolean }).published === false).map((row) => row.sourceId),
    ).toEqual([String(pageId(5)), String(pageId(6))]);
    expect(await db().migrationProblem.count({ where: { migrationId, code: 'source-limit' } })).toBe(0);
  }, 120_000);

  it('says WordPress refused a wrong application password, without printing it, and exits 2', async () => {
    const wrong = 'Wr0n Gpa5 5w0r DxxY yyZz z111';
    const { code, output } = await shipyard([...base(), '--wp-user', admin.login, '--wp-app-password', wrong]);
    expect(code, output).toBe(2);
    expect(output).toContain('The provided password is an invalid application password.');
    expect(output).not.toContain(wrong);
  }, 60_000);

  it('explains the options in its help', async () => {
    const { code, output } = await shipyard(['--help']);
    expect(code).toBe(0);
    for (const line of [
      '--wp-user',
      '--wp-app-password',
      'Users → Profile → Application Passwords',
      '--channels',
      '(default: Online Store); none leaves everything unpublished',
    ])
      expect(output).toContain(line);
  }, 30_000);
});

describe('npx shipyard migrate on a store whose app Shopify has not approved for customer data', () => {
  it('says so as soon as the plan is made, keeps customers and orders back, and exits 1 with the report', async () => {
    // The demo shop is a development store: what the app selected in the Partner Dashboard counts.
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
    const select = async (selected: 'none' | 'level2') => {
      await migrateDevstore(pool);
      await ensureShop(pool, { domain: DEMO_SHOP, protectedCustomerData: { selected } });
    };
    try {
      await select('none');
      const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'shipyard-reports-'));
      const { code, output } = await shipyard([
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
        'customers,orders',
        '--no-redirects',
        '--report',
        path.join(reports, 'report.csv'),
      ]);
      expect(code, output).toBe(1);
      expect(output).toContain(
        '! Your customers and orders cannot move yet: Shopify has not approved Shipyard to use customers’ personal data.',
      );
      expect(output).toContain(
        'What to do: Shipyard’s developer asks Shopify for this access in the Partner Dashboard',
      );
      const report = fs
        .readFileSync(/the reasons are in (\S+\.csv)/.exec(output)?.[1] as string, 'utf8')
        .trim()
        .split('\r\n')
        .filter((line) => line.startsWith('not moved,'));
      expect(report).toHaveLength(woo.catalog.counts.customers + woo.catalog.counts.orders);
      for (const line of report)
        expect(line).toContain('Kept back: Shopify has not approved Shipyard to use customers’ names');
    } finally {
      await select('level2');
      await pool.end();
    }
  }, 120_000);
});

describe('npx shipyard migrate --cut-long-text', () => {
  it('moves a title longer than Shopify allows cut at a word boundary, and says how many records it cut', async () => {
    const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'shipyard-reports-'));
    const { code, output } = await shipyard([
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
      'products',
      '--no-redirects',
      '--cut-long-text',
      '--report',
      path.join(reports, 'report.csv'),
    ]);
    expect([0, 1], output).toContain(code);
    expect(output).toContain(
      '1 record had text longer than Shopify allows: cut at a word boundary, the full text kept in a metafield (shipyard.full_…).',
    );
    const migrationId = /Migration ([0-9a-f-]{36})/.exec(output)?.[1] as string;
    expect((await db().migration.findUniqueOrThrow({ where: { id: migrationId } })).options).toMatchObject({
      longText: 'cut',
    });
    const longTitle = await db().sourceRecord.findFirstOrThrow({
      where: { migrationId, sourceId: String(woo.catalog.awkwardId('long-title')) },
    });
    expect(longTitle).toMatchObject({
      status: 'written',
      reason: expect.stringMatching(/^Cut to fit Shopify at a word boundary: the title from 449 to \d+ characters/),
    });
  }, 120_000);
});

describe('npx shipyard migrate --broader-coupons', () => {
  it('records the choice on the migration, where the coupon loader and the analysis read it', async () => {
    const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'shipyard-reports-'));
    const { code, output } = await shipyard([
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
      'discounts',
      '--no-redirects',
      '--broader-coupons',
      '--report',
      path.join(reports, 'report.csv'),
    ]);
    expect([0, 1], output).toContain(code);
    const migrationId = /Migration ([0-9a-f-]{36})/.exec(output)?.[1] as string;
    expect((await db().migration.findUniqueOrThrow({ where: { id: migrationId } })).options).toMatchObject({
      broaderCoupons: true,
    });
  }, 120_000);
});
