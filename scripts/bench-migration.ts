// npm run bench: migrates a seeded WooCommerce catalog (default 10,000 products, 3 variants and
// 2 images each) into devstore at the Standard and Plus plans, with devstore's default latency, and
// prints for each plan: products per hour for the products alone and for the whole writing phase,
// points per product and per redirect, the share of the plan's point budget actually spent,
// requests THROTTLED, and the peak memory of Shipyard's own worker process.
//   npm run bench -- --products 2000 --plans Plus
// Products go request by request (the path the point budget governs); --bulk sends them through
// bulk operations instead, which do not draw on the budget.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Session } from '@shopify/shopify-api';
import { runMigrations } from 'graphile-worker';
import { createDatabaseIfMissing } from '../app/db/database.server.ts';
import { startEmbeddedPostgres } from '../app/db/embedded-postgres.server.ts';
import { applyMigrations } from '../app/db/migrations.server.ts';
import { db, disconnectDb } from '../app/db/db.server.ts';
import { releaseJobQueue } from '../app/db/jobs.server.ts';
import { createMigration } from '../app/pipeline/lifecycle.server.ts';
import { startMigration } from '../app/pipeline/steps/extract.server.ts';
import { PrismaSessionStorage } from '../app/shopify-app/sessions.server.ts';
import { PLANS, RESTORE_RATE, type Plan } from '../devstore/bucket.ts';
import { startDevstore } from '../devstore/server.ts';
import { control, createShop } from '../devstore/testing.ts';
import { freePort } from '../test/support/postgres.ts';
import { startWooCommerceServer } from '../connectors/woocommerce/fake/server.ts';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { values } = parseArgs({
  options: {
    products: { type: 'string' },
    plans: { type: 'string' },
    workers: { type: 'string' },
    bulk: { type: 'boolean' },
  },
});
const products = Number(values.products ?? 10_000);
const plans = (values.plans ?? 'Standard,Plus').split(',') as Plan[];
const concurrency = Number(values.workers ?? 4);
for (const plan of plans)
  if (!PLANS.includes(plan)) throw new Error(`unknown plan ${plan}; one of ${PLANS.join(', ')}`);

/** Resident memory of a process and its peak, from /proc (Linux), in MB. */
function memoryOf(pid: number): { rss: number; peak: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
    return { rss: field('VmRSS'), peak: field('VmHWM') };
  } catch {
    return null;
  }
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipyard-bench-'));
// The worker process decrypts the source credentials with the key kept in this data folder.
process.env.SHIPYARD_DATA_DIR = dataDir;
const cluster = await startEmbeddedPostgres({
  dataDir: path.join(dataDir, 'postgres'),
  port: await freePort(),
  ephemeral: true,
});
const woo = await startWooCommerceServer({
  catalog: { products, variationsPerProduct: 3, imagesPerProduct: 2, awkward: false },
});
console.log(`WooCommerce test store: ${products} products × 3 variants × 2 images at ${woo.url}`);

try {
  for (const plan of plans) {
    const database = `bench_${plan.toLowerCase()}`;
    await createDatabaseIfMissing(cluster.url('postgres'), database);
    const url = cluster.url(database);
    await applyMigrations(url);
    await runMigrations({ connectionString: url });
    process.env.DATABASE_URL = url;

    const devstore = await startDevstore({ connectionString: url, port: 0 }); // default latency
    // Past 50,000 variants Shopify creates 1,000 new ones a day (decision 0016): a bench that large
    // measures writing on a store whose limit Shopify Support lifted, and says so.
    const variantLimitLifted = products * 3 > 50_000;
    if (variantLimitLifted)
      console.log(`${products * 3} variants: measured on a store without Shopify's daily variant-creation limit`);
    const shop = await createShop(devstore, { plan, variantLimitLifted });
    await new PrismaSessionStorage().storeSession(
      new Session({
        id: `offline_${shop.domain}`,
        shop: shop.domain,
        state: 'bench',
        isOnline: false,
        accessToken: shop.accessToken,
      }),
    );

    // Started as `npm run worker` starts it (package.json): the heap cap keeps V8 from growing lazily.
    const worker: ChildProcess = spawn(
      process.execPath,
      ['--max-old-space-size=224', path.join(ROOT, 'jobs/worker.ts')],
      {
        env: {
          ...process.env,
          DATABASE_URL: url,
          DEVSTORE_URL: devstore.url,
          WORKER_CONCURRENCY: String(concurrency),
          SHIPYARD_DATA_DIR: dataDir,
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    let peakMb = 0;
    const sampler = setInterval(() => {
      const memory = worker.pid ? memoryOf(worker.pid) : null;
      if (memory) peakMb = Math.max(peakMb, memory.peak, memory.rss);
    }, 250);

    const migration = await createMigration({
      shop: shop.domain,
      platform: 'woocommerce',
      sourceUrl: woo.url,
      credentials: { url: woo.url, consumerKey: woo.consumerKey, consumerSecret: woo.consumerSecret },
      entities: ['collections', 'products'],
      options: { unattended: true, bulk: values.bulk ?? false },
    });
    const started = Date.now();
    await startMigration(shop.domain, migration.id);
    let loadingSince: number | null = null;
    let done;
    for (;;) {
      done = await db().migration.findUniqueOrThrow({ where: { id: migration.id } });
      if (done.phase === 'loading' && loadingSince === null) loadingSince = Date.now();
      if (['completed', 'failed', 'cancelled'].includes(done.status)) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const finished = Date.now();
    clearInterval(sampler);
    worker.kill('SIGTERM');
    await new Promise((resolve) => worker.once('exit', resolve));

    const written = await db().sourceRecord.count({
      where: { migrationId: migration.id, entity: 'products', status: 'written' },
    });
    const counters = (await control(devstore, 'GET', `/shops/${shop.domain}/counters`)).body as {
      pointsSpent: number;
      requestsThrottled: number;
      requests: number;
    };
    const loadSeconds = (finished - (loadingSince ?? started)) / 1000;
    const rate = RESTORE_RATE[plan];
    const affordable = rate * loadSeconds + rate * 20; // restored during the load, plus the full bucket at the start
    console.log(`\n${plan} (${rate} points/s), ${values.bulk ? 'bulk operations' : 'request by request'}:`);
    console.log(`  status: ${done.status}${done.error ? ` (${done.error})` : ''}`);
    console.log(
      `  products written: ${written} of ${products} in ${loadSeconds.toFixed(1)} s of writing (${((finished - started) / 1000).toFixed(1)} s with reading and the analysis)`,
    );
    // Products alone: from the first product Shopify has to the last. The whole writing phase: from
    // the approval to the migration's end — collections, products, their publishing, the redirects
    // and the verification — counted in products, so the two rates compare.
    const [span] = await db().$queryRaw<{ seconds: number | null }[]>`
      SELECT extract(epoch FROM max("createdAt") - min("createdAt"))::float AS seconds FROM "IdMapEntry" WHERE shop = ${shop.domain} AND entity = 'products'`;
    const productSeconds = span?.seconds ?? loadSeconds;
    const productsAlone = Math.round((written / productSeconds) * 3600);
    const wholePhase = Math.round((written / loadSeconds) * 3600);
    console.log(
      `  products alone: ${productsAlone} products/hour (${written} products in ${productSeconds.toFixed(1)} s)`,
    );
    console.log(
      `  whole writing phase: ${wholePhase} products/hour (${loadSeconds.toFixed(1)} s; ${Math.round((wholePhase / productsAlone) * 100)} % of the products-alone rate)`,
    );
    // What a product and a redirect cost: devstore counts the points each GraphQL operation spent.
    const operations = (await control(devstore, 'GET', `/shops/${shop.domain}/counters/operations`)).body as Record<
      string,
      { requests: number; points: number }
    >;
    const redirectRows = await db().sourceRecord.count({
      where: { migrationId: migration.id, entity: 'redirects', status: { in: ['written', 'unchanged', 'failed'] } },
    });
    const isRedirectOperation = (name: string) => /redirect/i.test(name);
    let redirectPoints = 0;
    let otherPoints = 0;
    for (const [name, counted] of Object.entries(operations))
      if (isRedirectOperation(name)) redirectPoints += counted.points;
      else otherPoints += counted.points;
    console.log(
      `  points per product: ${(otherPoints / Math.max(written, 1)).toFixed(1)} (${otherPoints} points for everything but redirects: collections, products, publishing and verification)`,
    );
    console.log(
      `  points per redirect: ${(redirectPoints / Math.max(redirectRows, 1)).toFixed(2)} (${redirectPoints} points for ${redirectRows} redirects)`,
    );
    console.log(
      `  budget used: ${Math.round((counters.pointsSpent / affordable) * 100)} % (${counters.pointsSpent} of ${Math.round(affordable)} points)`,
    );
    console.log(`  THROTTLED: ${counters.requestsThrottled} of ${counters.requests} requests`);
    // Where the writing time went: each entity from its first record Shopify has to its last, and
    // the verification after them (from the last write to the migration's end).
    const phases = await db().$queryRaw<{ entity: string; records: number; first: Date; last: Date }[]>`
      SELECT entity, count(*)::int AS records, min("createdAt") AS first, max("createdAt") AS last
      FROM "IdMapEntry" WHERE shop = ${shop.domain} GROUP BY entity ORDER BY min("createdAt")`;
    // Variants are written inside their product's productSet: counted with the products, not a phase.
    const variants = phases.find((phase) => phase.entity === 'variants')?.records;
    let previous = loadingSince ?? started;
    for (const phase of phases.filter((each) => each.entity !== 'variants')) {
      const seconds = (phase.last.getTime() - phase.first.getTime()) / 1000;
      const what =
        phase.entity === 'products' && variants
          ? `${phase.records} (with ${variants} variants)`
          : String(phase.records);
      console.log(
        `  ${phase.entity}: ${what} in ${seconds.toFixed(1)} s (from ${((phase.first.getTime() - (loadingSince ?? started)) / 1000).toFixed(1)} s after the approval)`,
      );
      previous = Math.max(previous, phase.last.getTime());
    }
    console.log(`  verification and the end: ${((finished - previous) / 1000).toFixed(1)} s`);
    console.log('  points by operation:');
    for (const [name, counted] of Object.entries(operations).sort(([, a], [, b]) => b.points - a.points))
      console.log(`    ${name}: ${counted.points} points in ${counted.requests} requests`);
    console.log(`  peak memory: ${Math.round(peakMb)} MB (the worker process)`);

    await devstore.stop();
    await releaseJobQueue();
    await disconnectDb();
  }
} finally {
  await woo.close();
  // Stopping the server ends every connection still open; a pool that kept an idle one (seen now
  // and then after the figures were printed) would otherwise turn that expected goodbye into a crash.
  process.on('uncaughtException', (error: Error & { code?: string }) => {
    if (error.code === '57P01') return; // terminating connection due to administrator command
    throw error;
  });
  await cluster.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
