// The dry run against Shopify's real 2026-10 Admin schema: records Shopify would refuse are kept
// with the reason, the others counted; one batch per job; nothing is sent anywhere.
import pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { BlogPost, Collection, Customer, Discount, Order, Page, Product, Review } from '../../../connectors/model.ts';
import { db } from '../../db/db.server.ts';
import { DRY_RUN_BATCH, dryRunStep, dryRunView, limitRefusals, startDryRun } from './dry-run.server.ts';
import { MigrationNotFound, MigrationStateError } from '../lifecycle.server.ts';

const SHOP = 'dry-run.myshopify.com';

async function queued(): Promise<{ key: string; payload: unknown }[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query<{ key: string; payload: unknown }>(
    'SELECT key, payload FROM graphile_worker._private_jobs ORDER BY id',
  );
  await client.end();
  return rows;
}

async function readyMigration(
  records: {
    entity: string;
    data: { sourceId: string; sourcePath?: string | null };
    status?: string;
    reason?: string;
  }[],
  status = 'ready',
  entities = ['collections', 'products', 'customers', 'orders'],
) {
  const migration = await db().migration.create({
    data: { shop: SHOP, sourcePlatform: 'woocommerce', status, phase: status, entities },
  });
  await db().sourceRecord.createMany({
    data: records.map((record) => ({
      shop: SHOP,
      migrationId: migration.id,
      entity: record.entity,
      sourceId: record.data.sourceId,
      data: record.data as object,
      status: record.status ?? 'staged',
      reason: record.reason ?? null,
      // Staging lifts a customer's email out of the record (staging/records.server.ts).
      email: (record.data as { email?: string | null }).email ?? null,
    })),
  });
  return migration.id;
}

const hoodie = Product.parse({
  sourceId: '42',
  sourceType: 'variable',
  title: 'Harbour Hoodie',
  handle: 'harbour-hoodie',
  status: 'active',
  options: [{ name: 'Size', values: ['S'] }],
  variants: [
    {
      sourceId: '42-1',
      sku: 'HH-S',
      price: '40.00',
      optionValues: [{ option: 'Size', value: 'S' }],
      inventoryQuantity: 3,
    },
  ],
  collectionSourceIds: ['7'],
});
const tooManyTags = Product.parse({
  ...hoodie,
  sourceId: '43',
  title: 'Tagged Tee',
  handle: 'tagged-tee',
  tags: Array.from({ length: 260 }, (_, index) => `tag-${index}`),
});
const anna = Customer.parse({
  sourceId: '5001',
  email: 'anna@example.com',
  firstName: 'Anna',
  addresses: [{ address1: '1 Quay', city: 'Berlin', countryCode: 'DE', kind: 'billing' }],
});
// "UK" is how many shops write the United Kingdom; Shopify's CountryCode says GB.
const oliver = Customer.parse({
  sourceId: '5002',
  email: 'oliver@example.com',
  firstName: 'Oliver',
  addresses: [{ address1: '2 Dock', city: 'Leeds', countryCode: 'UK', kind: 'shipping' }],
});
const order = Order.parse({
  sourceId: '9001',
  number: '9001',
  customerSourceId: '5001',
  currency: 'EUR',
  sourceStatus: 'completed',
  lineItems: [
    {
      sourceId: 'l1',
      productSourceId: '42',
      variantSourceId: '42-1',
      title: 'Hoodie - S',
      quantity: 1,
      price: '40.00',
    },
  ],
  subtotal: '40.00',
  totalTax: '0',
  total: '40.00',
  processedAt: '2024-05-01T10:00:00Z',
});
const strangeCurrency = Order.parse({ ...order, sourceId: '9002', number: '9002', currency: 'ABC' });

beforeEach(async () => {
  await db().$executeRawUnsafe('DELETE FROM graphile_worker._private_jobs');
});

describe('dry run', () => {
  it('keeps each record Shopify would refuse with the reason, and counts those that pass', async () => {
    const id = await readyMigration([
      { entity: 'collections', data: Collection.parse({ sourceId: '7', title: 'Hoodies', handle: 'hoodies' }) },
      { entity: 'products', data: hoodie },
      { entity: 'products', data: tooManyTags },
      { entity: 'customers', data: anna },
      { entity: 'customers', data: oliver },
      { entity: 'orders', data: order },
      { entity: 'orders', data: strangeCurrency },
    ]);
    await startDryRun(SHOP, id);
    expect(await queued()).toMatchObject([{ key: `migration-dry-run:${id}`, payload: { migrationId: id } }]);
    expect(await dryRunStep(id, null)).toBe('done');

    const view = await dryRunView(SHOP, id);
    expect(view).toMatchObject({ status: 'done', checked: 7, passed: 4, refused: 3, total: 7 });
    const reasons = Object.fromEntries((view?.refusals ?? []).map((row) => [`${row.entity} ${row.name}`, row.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['customers Oliver', 'orders #9002', 'products Tagged Tee']);
    expect(reasons['products Tagged Tee']).toContain('input.tags has 260 items; Shopify takes at most 250.');
    expect(reasons['customers Oliver']).toMatch(/Value "UK" does not exist in "CountryCode" enum/);
    expect(reasons['orders #9002']).toMatch(/Value "ABC" does not exist in "CurrencyCode" enum/);
    // Nothing was written, and no further job: the dry run leaves the migration as it was.
    expect(await db().sourceRecord.count({ where: { migrationId: id, status: { not: 'staged' } } })).toBe(0);
    expect((await db().migration.findUniqueOrThrow({ where: { id } })).status).toBe('ready');
    expect(await queued()).toHaveLength(1);
  });

  it('checks pages, posts, coupons, reviews and the redirect each old URL becomes', async () => {
    const about = Page.parse({
      sourceId: 'p1',
      title: 'About us',
      handle: 'about-us',
      bodyHtml: '<p>Hi</p>',
      published: true,
      sourcePath: '/about-us/',
    });
    const untitled = Page.parse({
      sourceId: 'p2',
      title: '  ',
      handle: 'untitled',
      bodyHtml: '',
      published: true,
      sourcePath: '/',
    });
    // WordPress can leave a post's author empty; the write names the blog instead, as Shopify needs an author.
    const post = BlogPost.parse({
      sourceId: 'b1',
      title: 'Autumn first look',
      handle: 'autumn-first-look',
      bodyHtml: '<p>Soon</p>',
      author: ' ',
      published: true,
      sourcePath: `/${'x'.repeat(1030)}`,
    });
    const adminPath = BlogPost.parse({
      sourceId: 'b2',
      title: 'Old admin',
      handle: 'old-admin',
      bodyHtml: '',
      published: true,
      sourcePath: 'https://old.example/admin/settings',
    });
    const coupon = (fields: Record<string, unknown>) =>
      Discount.parse({ sourceType: 'percent', value: { kind: 'percentage', percent: 10 }, ...fields });
    const welcome = coupon({ sourceId: 'd1', code: 'WELCOME10' });
    const sameCode = coupon({ sourceId: 'd2', code: 'welcome10' });
    const hoodiesOnly = coupon({ sourceId: 'd3', code: 'HOODIES', productSourceIds: ['42'] });
    const goneProducts = coupon({ sourceId: 'd4', code: 'GONE', productSourceIds: ['999'] });
    const usedUp = coupon({ sourceId: 'd5', code: 'USEDUP', usageLimit: 5, timesUsed: 5 });
    // For a customer this migration moves (by address, and by pattern), and for an address no one moving has.
    const forAnna = coupon({
      sourceId: 'd6',
      code: 'ANNA',
      allowedCustomers: [{ kind: 'email', value: 'ANNA@example.com' }],
    });
    const forExample = coupon({
      sourceId: 'd7',
      code: 'EXAMPLE',
      allowedCustomers: [{ kind: 'pattern', value: '*@example.com' }],
    });
    const forNobody = coupon({
      sourceId: 'd8',
      code: 'NOBODY',
      allowedCustomers: [{ kind: 'email', value: 'nobody@example.org' }],
    });
    const review = (sourceId: string, productSourceId: string) =>
      Review.parse({
        sourceId,
        productSourceId,
        rating: 5,
        author: 'Mia',
        bodyHtml: '<p>Warm</p>',
        createdAt: '2024-05-01T10:00:00Z',
      });
    const broken = Product.parse({ ...hoodie, sourceId: '44', title: 'Broken', handle: 'broken' });
    const id = await readyMigration(
      [
        { entity: 'products', data: { ...hoodie, sourcePath: '/product/harbour-hoodie/' } },
        { entity: 'products', data: broken, status: 'invalid', reason: 'variant 44-1 has no price' },
        { entity: 'pages', data: about },
        { entity: 'pages', data: untitled },
        { entity: 'blogPosts', data: post },
        { entity: 'blogPosts', data: adminPath },
        { entity: 'discounts', data: welcome },
        { entity: 'discounts', data: sameCode },
        { entity: 'discounts', data: hoodiesOnly },
        { entity: 'discounts', data: goneProducts },
        { entity: 'discounts', data: usedUp },
        { entity: 'customers', data: anna },
        { entity: 'discounts', data: forAnna },
        { entity: 'discounts', data: forExample },
        { entity: 'discounts', data: forNobody },
        { entity: 'reviews', data: review('r1', '42') },
        { entity: 'reviews', data: review('r2', '44') },
        { entity: 'reviews', data: review('r3', '77') },
      ],
      'ready',
      ['products', 'customers', 'pages', 'blogPosts', 'redirects', 'discounts', 'reviews'],
    );
    await startDryRun(SHOP, id);
    expect(await dryRunStep(id, null)).toBe('done');

    // 17 valid records, and a redirect for each of the 5 with an old URL.
    const view = await dryRunView(SHOP, id);
    const reasons = Object.fromEntries(
      (view?.refusals ?? []).map((row) => [`${row.entity} ${row.sourceId}`, row.reason]),
    );
    expect(Object.keys(reasons).sort()).toEqual(
      [
        'discounts d2',
        'discounts d4',
        'discounts d8',
        'pages p2',
        'redirects blogPosts:b1',
        'redirects blogPosts:b2',
        'redirects pages:p2',
        'reviews r2',
        'reviews r3',
      ].sort(),
    );
    expect(view).toMatchObject({ status: 'done', total: 22, checked: 22, refused: 9, passed: 13 });
    expect(reasons['discounts d8']).toBe(
      'Only for nobody@example.org, and no customer in Shopify has that address; without its customers the code would be open to everyone. Move those customers (or add them in Shopify), then run the migration again. (The dry run knows the customers migrations move; one your store already has with such an address would do.)',
    );
    expect(reasons['pages p2']).toBe('The page has no title; Shopify requires one.');
    expect(reasons['discounts d2']).toContain('Coupon d1 has the same code');
    expect(reasons['discounts d4']).toContain('Applies only to product 999, which did not move to Shopify');
    expect(reasons['reviews r2']).toBe(
      'Product 44 cannot move to Shopify (variant 44-1 has no price), so this review has no product to go on.',
    );
    expect(reasons['reviews r3']).toBe('Product 77 is not in this migration, so this review has no product to go on.');
    expect(reasons['redirects pages:p2']).toContain("is the store's home page; Shopify cannot redirect it");
    expect(reasons['redirects blogPosts:b1']).toBe(
      'The old URL has 1031 characters; Shopify redirects paths of at most 1024.',
    );
    expect(reasons['redirects blogPosts:b2']).toBe(
      'The old URL /admin/settings is under /admin, which Shopify keeps for its admin and never redirects.',
    );
    expect(view?.refusals.find((row) => row.sourceId === 'blogPosts:b2')?.name).toBe('/admin/settings');
    expect(
      await db().sourceRecord.count({ where: { migrationId: id, status: { notIn: ['staged', 'invalid'] } } }),
    ).toBe(0);
  });

  it('checks one batch per job and queues the next with it', async () => {
    const collections = Array.from({ length: DRY_RUN_BATCH + 1 }, (_, index) => ({
      entity: 'collections',
      data: Collection.parse({ sourceId: String(index), title: `C${index}`, handle: `c-${index}` }),
    }));
    const id = await readyMigration(collections);
    await startDryRun(SHOP, id);
    await db().$executeRawUnsafe('DELETE FROM graphile_worker._private_jobs');
    expect(await dryRunStep(id, null)).toBe('next-batch');
    const [next] = await queued();
    expect(next?.key).toBe(`migration-dry-run:${id}`);
    expect(await dryRunView(SHOP, id)).toMatchObject({
      status: 'running',
      checked: DRY_RUN_BATCH,
      passed: DRY_RUN_BATCH,
    });
    const afterId = (next?.payload as { afterId: string }).afterId;
    expect(await dryRunStep(id, BigInt(afterId))).toBe('done');
    expect(await dryRunView(SHOP, id)).toMatchObject({
      status: 'done',
      checked: DRY_RUN_BATCH + 1,
      passed: DRY_RUN_BATCH + 1,
      refused: 0,
    });
  });

  it('runs only for the shop’s own migration waiting for review', async () => {
    const id = await readyMigration([], 'running');
    await expect(startDryRun(SHOP, id)).rejects.toBeInstanceOf(MigrationStateError);
    await expect(startDryRun('intruder.myshopify.com', id)).rejects.toBeInstanceOf(MigrationNotFound);
    expect(await dryRunView('intruder.myshopify.com', id)).toBeNull();
    expect(await queued()).toHaveLength(0);
  });

  it('names input arrays longer than Shopify takes', () => {
    expect(
      limitRefusals({
        input: { variants: Array.from({ length: 300 }, () => ({})), files: Array.from({ length: 251 }, () => ({})) },
      }),
    ).toEqual(['input.files has 251 items; Shopify takes at most 250.']);
  });
});
