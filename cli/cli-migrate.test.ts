// The README's command as a merchant or agency types it: `npx shipyard migrate --from woocommerce
// --url … --key … --secret … --wp-user … --wp-app-password …`, no --only, against a small store with
// customers, orders, coupons, reviews, pages and posts (real HTTP to the WooCommerce test server and to
// devstore, which the CLI starts in local mode, real PostgreSQL). Everything the store has moves, the
// warnings the migration page shows are printed and are rows of the CSV report with their severity,
// and the process exits 0 with nothing on stderr.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOP } from '../app/shopify-app/app-config.server.ts';
import { db } from '../app/db/db.server.ts';
import { problemTitle } from '../app/migrations/problem-labels.ts';
import { runShipyard } from '../test/support/cli.ts';
import { postId } from '../connectors/woocommerce/fake/content.ts';
import { WP_USERS } from '../connectors/woocommerce/fake/wordpress-users.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../connectors/woocommerce/fake/server.ts';

let woo: WooCommerceTestServer;

beforeAll(async () => {
  // A local WordPress takes application passwords over plain http (wp_is_application_passwords_supported()).
  woo = await startWooCommerceServer({
    catalog: {
      products: 6,
      variationsPerProduct: 1,
      imagesPerProduct: 1,
      categories: 3,
      tags: 2,
      customers: 4,
      orders: 4,
      coupons: 4,
      reviews: 5,
      pages: 3,
      posts: 3,
      awkward: false,
    },
    wordpressEnvironment: 'local',
  });
});
afterAll(() => woo.close());

/** `npx shipyard …` in the project, with the project's Node first on PATH as the README says. */
const npxShipyard = (args: string[]) => runShipyard(args, { npx: true });

/** Rows the demo shop has in a devstore table (devstore keeps its state in the same PostgreSQL), or another aggregate of them. */
async function inDevstore(table: string, where: string, values: unknown[], aggregate = 'count(*)'): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ value: string }>(
      `SELECT ${aggregate} AS value FROM devstore.${table} WHERE shop = $1 ${where}`,
      [DEMO_SHOP, ...values],
    );
    return Number(rows[0]?.value);
  } finally {
    await client.end();
  }
}

describe('npx shipyard migrate, as the README says', () => {
  beforeAll(() => {
    // The seeded blog's post without a title cannot move (Shopify needs one); the merchant gives it one, as the report would ask.
    woo.catalog.editContent(postId(1), { title: 'Notes from the workshop' });
  });

  it('moves everything the store has, prints the warnings, puts them in the CSV with their severity, and exits 0', async () => {
    const admin = WP_USERS[0] as (typeof WP_USERS)[0];
    const { code, stdout, stderr } = await npxShipyard([
      'migrate',
      '--from',
      'woocommerce',
      '--url',
      woo.url,
      '--key',
      woo.consumerKey,
      '--secret',
      woo.consumerSecret,
      '--wp-user',
      admin.login,
      '--wp-app-password',
      admin.applicationPassword,
      '--exchange-rate',
      'EUR=1.0850',
    ]);
    const output = `${stdout}\n${stderr}`;
    expect(code, output).toBe(0);
    expect(stderr, output).toBe('');
    const migrationId = /Migration ([0-9a-f-]{36})/.exec(stdout)?.[1] as string;
    const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
    expect(migration.entities).toEqual([
      'collections',
      'products',
      'customers',
      'orders',
      'pages',
      'blogPosts',
      'redirects',
      'discounts',
      'reviews',
    ]);
    expect(stdout).toContain('Moving everything the store has: Collections (categories)');

    // Every record of every entity is in devstore: each written record's Shopify object exists there.
    const store = {
      collections: woo.catalog.categories().length,
      products: woo.catalog.productCount,
      customers: 4,
      orders: 4,
      pages: 3,
      blogPosts: 3,
      discounts: 4,
      reviews: 5,
    };
    const tables = {
      collections: 'collections',
      products: 'products',
      customers: 'customers',
      orders: 'orders',
      pages: 'pages',
      blogPosts: 'articles',
      discounts: 'discount_codes',
      redirects: 'url_redirects',
    };
    for (const [entity, table] of Object.entries(tables)) {
      const written = await db().sourceRecord.count({ where: { migrationId, entity, status: 'written' } });
      const ids = (await db().idMapEntry.findMany({ where: { createdBy: migrationId, entity } })).map(
        (entry) => entry.shopifyGid.split('/').at(-1) as string,
      );
      expect(await inDevstore(table, `AND id = ANY($2::bigint[])`, [ids]), entity).toBe(written);
      if (entity === 'redirects')
        expect(written).toBe(
          (await db().migrationEntity.findUniqueOrThrow({ where: { migrationId_entity: { migrationId, entity } } }))
            .sourceTotal,
        );
      else expect(written, entity).toBe(store[entity as keyof typeof store]);
    }
    // Reviews go onto their products as one JSON metafield each (decision 0009).
    expect(
      await inDevstore(
        'metafields',
        `AND namespace = 'shipyard' AND key = 'reviews'`,
        [],
        'sum(jsonb_array_length(value::jsonb))',
      ),
    ).toBe(store.reviews);

    // The warnings the migration page shows, each kind printed with its count and in the CSV as rows with their severity.
    const groups = await db().migrationProblem.groupBy({ by: ['code'], where: { migrationId }, _count: true });
    expect(groups.map((group) => group.code)).toEqual(
      expect.arrayContaining(['order-product-missing', 'image-not-moved']),
    );
    const file = /the warnings are in (\S+\.csv)/.exec(stdout)?.[1] as string;
    expect(file).toBe(
      path.join(process.env.SHIPYARD_DATA_DIR as string, 'reports', `shipyard-report-${migrationId}.csv`),
    );
    const rows = fs
      .readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe('Severity,What,Source id,Name,Status,Reason,What Shipyard did or you can do');
    expect(rows.filter((row) => row.startsWith('not moved,'))).toEqual([]);
    for (const group of groups) {
      expect(stdout).toContain(`! ${problemTitle(group.code)} (${group._count}): `);
      expect(
        rows.filter((row) => row.startsWith('warning,') && row.includes(`,${problemTitle(group.code)},`)),
        group.code,
      ).toHaveLength(group._count);
    }
    expect(stdout).toContain('Everything moved; the warnings are in');
  }, 240_000);

  it('says in its help that everything moves without --only, and where the report goes', async () => {
    const { code, stdout } = await npxShipyard(['--help']);
    expect(code).toBe(0);
    for (const words of [
      'Without it, everything the store has and the',
      'credentials can read, as the setup page starts',
      '--report <file>',
      '<data dir>/reports/',
      'each row\n             with its severity (not moved / warning)',
    ]) {
      expect(stdout).toContain(words);
    }
    expect(stdout).not.toContain('--report-dir');
  }, 60_000);
});
