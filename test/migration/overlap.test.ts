// Entities written side by side (app/pipeline/schedule.server.ts, decision 0037): while products'
// publishing bulk operation runs, the redirects are written, and the verification waits for the
// publishing; while orders wait for a development store's minute, the reviews are written; a
// pause and resume with two chains under way goes on with each chain once; with two worker pools,
// one migration's writing jobs still run one at a time, so two chains never spend points side by side.
import type { Job, Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/db/db.server.ts';
import { pauseMigration, resumeMigration } from '../../app/pipeline/lifecycle.server.ts';
import {
  PLACEMENT_BATCH,
  PUBLISH_WHILE_WRITING_FROM,
} from '../../app/pipeline/entities/products/bulk-publishing.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { admin, startTestDevstore } from '../../devstore/testing.ts';
import { seedCatalog } from '../../connectors/woocommerce/fake/catalog.ts';
import { STORY_IMAGE } from '../../connectors/woocommerce/fake/real-content.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { installedShop, migrate, startTestWorker, untilSettled } from './harness.ts';
import { startWorker } from '../../jobs/runner.ts';

let devstore: Devstore;
let runner: Runner;
const stores: WooCommerceTestServer[] = [];

beforeAll(async () => {
  devstore = await startTestDevstore();
  runner = await startTestWorker();
});

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await Promise.all(stores.map((store) => store.close()));
});

async function store(catalog: NonNullable<Parameters<typeof startWooCommerceServer>[0]>['catalog']) {
  const woo = await startWooCommerceServer({ catalog });
  stores.push(woo);
  return woo;
}

interface JobSeen {
  task: string;
  entity: string | undefined;
  migrationId: string;
}

/** Calls `seen` as each job of the migration starts (with what it knows then), until `stop()`. */
function watchJobs(migrationId: () => string | undefined, seen: (job: JobSeen) => void) {
  const started = ({ job }: { job: Job }) => {
    const payload = job.payload as { migrationId?: string; entity?: string };
    if (!payload.migrationId || payload.migrationId !== migrationId()) return;
    seen({ task: job.task_identifier, entity: payload.entity, migrationId: payload.migrationId });
  };
  runner.events.on('job:start', started);
  return () => runner.events.off('job:start', started);
}

const written = (migrationId: string, entity: string) =>
  db().sourceRecord.count({ where: { migrationId, entity, status: 'written' } });

describe('entities written side by side', () => {
  it('writes the redirects while the products are being published, and verifies once the publishing is collected', async () => {
    const woo = await store({ products: 30, variationsPerProduct: 1, imagesPerProduct: 0, awkward: false });
    const shop = await installedShop(devstore);
    let migrationId: string | undefined;
    // What Shipyard knew of the publishing when each redirects batch and the verification started.
    const atRedirects: Promise<string[]>[] = [];
    const atVerify: Promise<string[]>[] = [];
    const placements = (id: string) =>
      db()
        .bulkBatch.findMany({ where: { migrationId: id, entity: PLACEMENT_BATCH } })
        .then((batches) => batches.map((batch) => batch.status));
    const stop = watchJobs(
      () => migrationId,
      (job) => {
        if (job.task === 'migration-load' && job.entity === 'redirects') atRedirects.push(placements(job.migrationId));
        if (job.task === 'migration-verify') atVerify.push(placements(job.migrationId));
      },
    );
    try {
      migrationId = await migrate(woo, shop, { entities: ['collections', 'products'], bulk: false });
      const done = await untilSettled(migrationId);
      expect(done.status).toBe('completed');
    } finally {
      stop();
    }
    const first = await atRedirects[0];
    expect(first).toBeDefined();
    // The first redirects batch began while a publishing batch was submitted and not yet collected.
    expect(first).toContain('submitted');
    const verified = await Promise.all(atVerify);
    expect(verified).toHaveLength(1);
    expect(verified[0]?.length).toBeGreaterThan(0);
    expect(verified[0]?.every((status) => status === 'collected')).toBe(true);
    // Everything landed once: every redirect derived is in Shopify, every product written.
    const redirects = await db().sourceRecord.count({ where: { migrationId, entity: 'redirects' } });
    expect(redirects).toBeGreaterThan(0);
    expect(await written(migrationId, 'redirects')).toBe(redirects);
    const { body } = await admin(devstore, shop, '{ urlRedirects(first: 250) { nodes { id } } }');
    expect(body.data.urlRedirects.nodes).toHaveLength(redirects);
    const { body: listed } = await admin(devstore, shop, '{ products(first: 250) { nodes { id } } }');
    expect(listed.data.products.nodes).toHaveLength(await written(migrationId, 'products'));
  }, 120_000);

  it('publishes the products written so far while the points write the rest, and every product ends on its channel once', async () => {
    const products = PUBLISH_WHILE_WRITING_FROM + 150;
    const woo = await store({ products, variationsPerProduct: 1, imagesPerProduct: 0, awkward: false });
    const shop = await installedShop(devstore);
    const migrationId = await migrate(woo, shop, { entities: ['products'], bulk: false });
    const done = await untilSettled(migrationId, 240_000);
    expect(done.status).toBe('completed');
    const batches = await db().bulkBatch.findMany({
      where: { migrationId, entity: PLACEMENT_BATCH },
      orderBy: { createdAt: 'asc' },
    });
    const [lastProduct] = await db().$queryRaw<{ at: Date }[]>`
      SELECT max("createdAt") AS at FROM "IdMapEntry" WHERE shop = ${shop.domain} AND entity = 'products'`;
    // A publishing operation started before the last product was in Shopify, and every one was collected.
    expect(batches.length).toBeGreaterThan(1);
    expect(batches[0]?.createdAt.getTime()).toBeLessThan(lastProduct?.at.getTime() ?? 0);
    expect(batches.every((batch) => batch.status === 'collected')).toBe(true);
    // No product went into two operations; each one sent is published on the Online Store, and the
    // others (drafts and products hidden at the source) are on no channel.
    const sent = batches.flatMap((batch) => batch.recordIds);
    expect(new Set(sent.map(String)).size).toBe(sent.length);
    expect(sent.length).toBeGreaterThan(products / 2);
    const sentSources = new Set(
      (await db().sourceRecord.findMany({ where: { id: { in: sent } }, select: { sourceId: true } })).map(
        (row) => row.sourceId,
      ),
    );
    const links = await db().idMapEntry.findMany({ where: { shop: shop.domain, entity: 'products' } });
    expect(links).toHaveLength(products);
    const { body } = await admin(devstore, shop, '{ publications(first: 5) { nodes { id catalog { title } } } }');
    const onlineStore = (body.data.publications.nodes as { id: string; catalog: { title: string } }[]).find(
      (node) => node.catalog.title === 'Online Store',
    )?.id;
    for (const link of links)
      expect(link.publishedOn, link.sourceId).toEqual(sentSources.has(link.sourceId) ? [onlineStore] : []);
    let published = 0;
    let after: string | null = null;
    do {
      const { body: page } = await admin(
        devstore,
        shop,
        `query Page($after: String, $onlineStore: ID!) { products(first: 250, after: $after) {
          pageInfo { hasNextPage endCursor } nodes { onOnlineStore: publishedOnPublication(publicationId: $onlineStore) } } }`,
        { after, onlineStore },
      );
      published += (page.data.products.nodes as { onOnlineStore: boolean }[]).filter(
        (node) => node.onOnlineStore,
      ).length;
      after = page.data.products.pageInfo.hasNextPage ? page.data.products.pageInfo.endCursor : null;
    } while (after);
    expect(published).toBe(sentSources.size);
  }, 300_000);

  it('writes the customers while Shopify is still fetching a page’s body images, and uses each image once it is ready', async () => {
    const woo = await startWooCommerceServer({
      catalog: { products: 2, pages: 2, posts: 0, realContent: true, customers: 200 },
      uploadsLatencyMs: 2500,
    });
    stores.push(woo);
    const shop = await installedShop(devstore);
    let migrationId: string | undefined;
    const jobs: JobSeen[] = [];
    const stop = watchJobs(
      () => migrationId,
      (job) => jobs.push(job),
    );
    try {
      migrationId = await migrate(woo, shop, { entities: ['customers', 'pages'] });
      const done = await untilSettled(migrationId);
      expect([done.status, done.error]).toEqual(['completed', null]);
    } finally {
      stop();
    }
    const loads = jobs.filter((job) => job.task === 'migration-load').map((job) => job.entity);
    // The pages' batch was tried again while Shopify fetched its images, and customers were written in between.
    const firstPages = loads.indexOf('pages');
    const lastPages = loads.lastIndexOf('pages');
    expect(lastPages).toBeGreaterThan(firstPages);
    expect(loads.slice(firstPages + 1, lastPages), loads.join(' ')).toContain('customers');
    // The image Shopify could fetch is in the page at its Shopify address, uploaded once; the one
    // the old site lost is reported, and left no file behind.
    const imageUrl = `${woo.url}${STORY_IMAGE}`;
    const file = await db().idMapEntry.findUniqueOrThrow({
      where: {
        shop_platform_entity_sourceId: {
          shop: shop.domain,
          platform: 'woocommerce',
          entity: 'files',
          sourceId: imageUrl,
        },
      },
    });
    expect(file.handle).toBeTruthy();
    const { body } = await admin(
      devstore,
      shop,
      '{ files(first: 50) { nodes { ... on MediaImage { originalSource { url } } } } }',
    );
    const sources = (body.data.files.nodes as { originalSource: { url: string } | null }[]).map(
      (node) => node.originalSource?.url,
    );
    expect(sources.filter((url) => url === imageUrl)).toHaveLength(1);
    expect(sources.filter((url) => url?.includes('gone-'))).toHaveLength(0);
    const pages = await db().idMapEntry.findMany({ where: { shop: shop.domain, entity: 'pages' } });
    const bodies = await Promise.all(
      pages.map(
        async (page) =>
          (await admin(devstore, shop, 'query($id: ID!) { page(id: $id) { body } }', { id: page.shopifyGid })).body.data
            .page.body as string,
      ),
    );
    expect(bodies.some((html) => html.includes(`src="${file.handle}"`))).toBe(true);
    expect(bodies.join('')).not.toContain(`src="${imageUrl}"`);
    expect(await db().migrationProblem.count({ where: { migrationId, code: 'body-image-not-moved' } })).toBeGreaterThan(
      0,
    );
  }, 120_000);

  it('writes the reviews while the orders wait for a development store’s next minute', async () => {
    const woo = await store(
      seedCatalog({
        products: 4,
        variationsPerProduct: 1,
        imagesPerProduct: 0,
        categories: 2,
        customers: 3,
        orders: 6,
        coupons: 0,
        reviews: 4,
        awkward: false,
      }),
    );
    const shop = await installedShop(devstore, 'Plus', { devStore: true });
    const migrationId = await migrate(woo, shop, {
      entities: ['collections', 'products', 'customers', 'orders', 'reviews'],
    });
    const reviews = await (async () => {
      // Reviews are read with the rest; how many will be written is known once the analysis is done.
      const deadline = Date.now() + 60_000;
      for (;;) {
        const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
        if (migration.phase === 'loading' || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return db().sourceRecord.count({ where: { migrationId, entity: 'reviews', status: { not: 'invalid' } } });
    })();
    expect(reviews).toBeGreaterThan(0);
    // The first five orders go at once; the sixth waits about a minute. All reviews land in that minute.
    const deadline = Date.now() + 45_000;
    while (
      ((await written(migrationId, 'orders')) < 5 || (await written(migrationId, 'reviews')) < reviews) &&
      Date.now() < deadline
    )
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await written(migrationId, 'reviews')).toBe(reviews);
    expect(await written(migrationId, 'orders')).toBe(5);
    const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
    expect(migration.phase).toBe('loading'); // the verification waits for the orders

    const done = await untilSettled(migrationId, 120_000);
    expect(done.status).toBe('completed');
    expect(await written(migrationId, 'orders')).toBe(6);
  }, 180_000);

  it('resumes each of two chains once when paused while both are writing', async () => {
    const woo = await store(
      seedCatalog({
        products: 250,
        variationsPerProduct: 1,
        imagesPerProduct: 0,
        categories: 0,
        customers: 250,
        orders: 0,
        coupons: 0,
        reviews: 0,
        awkward: false,
      }),
    );
    const shop = await installedShop(devstore);
    let migrationId: string | undefined;
    // Load jobs running now, per entity: never two of one entity at once.
    const running = new Map<string, number>();
    const overlaps: string[] = [];
    const started = ({ job }: { job: Job }) => {
      const payload = job.payload as { migrationId?: string; entity?: string };
      if (job.task_identifier !== 'migration-load' || payload.migrationId !== migrationId || !payload.entity) return;
      running.set(payload.entity, (running.get(payload.entity) ?? 0) + 1);
      if ((running.get(payload.entity) ?? 0) > 1) overlaps.push(payload.entity);
    };
    const finished = ({ job }: { job: Job }) => {
      const payload = job.payload as { migrationId?: string; entity?: string };
      if (job.task_identifier !== 'migration-load' || payload.migrationId !== migrationId || !payload.entity) return;
      running.set(payload.entity, (running.get(payload.entity) ?? 1) - 1);
    };
    runner.events.on('job:start', started);
    runner.events.on('job:complete', finished);
    runner.events.on('job:error', finished);
    try {
      migrationId = await migrate(woo, shop, { entities: ['products', 'customers'], bulk: false });
      const id = migrationId;
      const deadline = Date.now() + 60_000;
      while (((await written(id, 'products')) === 0 || (await written(id, 'customers')) === 0) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      // Both chains under way: products and customers need nothing before them.
      const under = await db().migration.findUniqueOrThrow({ where: { id } });
      expect(under.writing).toMatchObject({ products: 'writing', customers: 'writing' });
      // Paused and resumed at once: a batch still finishing meets the chain the resume starts again.
      await pauseMigration(shop.domain, id);
      await resumeMigration(shop.domain, id);
      const done = await untilSettled(id, 120_000);
      expect(done.status).toBe('completed');
    } finally {
      runner.events.off('job:start', started);
      runner.events.off('job:complete', finished);
      runner.events.off('job:error', finished);
    }
    expect(overlaps).toEqual([]);
    for (const entity of ['products', 'customers']) {
      expect(await written(migrationId, entity)).toBeGreaterThan(0);
      expect(
        await db().sourceRecord.count({ where: { migrationId, entity, status: { in: ['staged', 'failed'] } } }),
      ).toBe(0);
    }
    // Each written once in Shopify: as many as the id map holds.
    const { body } = await admin(
      devstore,
      shop,
      '{ products(first: 250) { nodes { id } } customers(first: 250) { nodes { id } } }',
    );
    expect(body.data.products.nodes).toHaveLength(
      await db().idMapEntry.count({ where: { shop: shop.domain, entity: 'products' } }),
    );
    expect(body.data.customers.nodes).toHaveLength(
      await db().idMapEntry.count({ where: { shop: shop.domain, entity: 'customers' } }),
    );
  }, 180_000);

  it('runs one writing job of a migration at a time, with two chains under way and two worker pools', async () => {
    const woo = await store(
      seedCatalog({
        products: 120,
        variationsPerProduct: 1,
        imagesPerProduct: 0,
        categories: 0,
        customers: 120,
        orders: 0,
        coupons: 0,
        reviews: 0,
        awkward: false,
      }),
    );
    const shop = await installedShop(devstore);
    // A second pool, as a second `npm run worker` would be: jobs may go to either.
    const second = await startWorker({
      connectionString: process.env.DATABASE_URL as string,
      concurrency: 4,
      pollInterval: 100,
      quiet: true,
    });
    let migrationId: string | undefined;
    let running = 0;
    let most = 0;
    const entities = new Set<string>();
    const writing = (job: Job) =>
      ['migration-load', 'migration-bulk-poll'].includes(job.task_identifier) &&
      (job.payload as { migrationId?: string }).migrationId === migrationId;
    const started = ({ job }: { job: Job }) => {
      if (!writing(job)) return;
      running += 1;
      most = Math.max(most, running);
      const entity = (job.payload as { entity?: string }).entity;
      if (entity) entities.add(entity);
    };
    const finished = ({ job }: { job: Job }) => void (writing(job) && (running -= 1));
    for (const pool of [runner, second]) {
      pool.events.on('job:start', started);
      pool.events.on('job:complete', finished);
      pool.events.on('job:error', finished);
    }
    try {
      migrationId = await migrate(woo, shop, { entities: ['products', 'customers'], bulk: false });
      const done = await untilSettled(migrationId, 120_000);
      expect(done.status).toBe('completed');
    } finally {
      for (const pool of [runner, second]) {
        pool.events.off('job:start', started);
        pool.events.off('job:complete', finished);
        pool.events.off('job:error', finished);
      }
      await second.stop();
    }
    expect([...entities].sort()).toEqual(['customers', 'products', 'redirects']);
    expect(most).toBe(1);
  }, 180_000);
});
