// npm run bench:devstore: devstore's own sustained throughput for productSet (3 variants, 2 images)
// while the store holds 100,000 products, in calls/s, points/s and devstore CPU ms per call.
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { ADMIN_API_VERSION } from '../admin-api/version.ts';
import { seedProducts } from './seed.ts';
import { startDevstore } from './server.ts';
import { createOrResetShop } from './shops.ts';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    products: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '16' },
    customers: { type: 'string', default: '0' },
  },
});
const connectionString = values['database-url'] ?? process.env.DATABASE_URL;
if (!connectionString) {
  console.error(
    'Set DATABASE_URL or pass --database-url: the benchmark needs a PostgreSQL (it uses the schema "devstore").',
  );
  process.exit(1);
}
const productCount = Number(values.products);
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);

// No latency and no bucket: what is measured is devstore, not the simulated network or rate limit.
const devstore = await startDevstore({
  connectionString,
  port: 0,
  latency: { baseMs: 0, jitterMs: 0 },
  throttling: false,
  poolSize: concurrency + 4,
});
// 300,000 variants are far past Shopify's variant-creation throttle; the bench measures devstore, as for a store whose limit Support lifted.
const shop = await createOrResetShop(devstore.pool, {
  domain: 'bench-shop.myshopify.com',
  plan: 'Enterprise',
  variantLimitLifted: true,
});
const seedStarted = performance.now();
await seedProducts(devstore.pool, shop.domain, productCount, 3);
console.log(
  `seeded ${productCount.toLocaleString('en')} products (${(productCount * 3).toLocaleString('en')} variants) with SQL in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
);
const { rows } = await devstore.pool.query<{ id: string }>(
  'SELECT id FROM devstore.locations WHERE shop = $1 LIMIT 1',
  [shop.domain],
);

const worker = new Worker(new URL('./bench-load.ts', import.meta.url), {
  workerData: {
    url: devstore.url,
    shop: shop.domain,
    token: shop.accessToken,
    concurrency,
    seconds,
    warmupSeconds: 2,
    locationId: `gid://shopify/Location/${rows[0]?.id}`,
  },
});

interface Result {
  calls: number;
  points: number;
  errors: number;
  latencies: number[];
}

let cpuAtStart = process.threadCpuUsage();
let wallAtStart = performance.now();
const result = await new Promise<Result>((resolve, reject) => {
  worker.on('message', (message: { phase: string } & Partial<Result>) => {
    if (message.phase === 'measuring') {
      cpuAtStart = process.threadCpuUsage();
      wallAtStart = performance.now();
    } else resolve(message as Result);
  });
  worker.on('error', reject);
});
const cpu = process.threadCpuUsage(cpuAtStart);
const wall = (performance.now() - wallAtStart) / 1000;
await worker.terminate();

const sorted = [...result.latencies].sort((a, b) => a - b);
const percentile = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
const { rows: held } = await devstore.pool.query<{ count: string }>(
  'SELECT count(*) FROM devstore.products WHERE shop = $1',
  [shop.domain],
);
const { rows: media } = await devstore.pool.query<{ status: string; count: string }>(
  'SELECT status, count(*) FROM devstore.files WHERE shop = $1 GROUP BY status ORDER BY status',
  [shop.domain],
);
console.log(
  `store holds ${Number(held[0]?.count).toLocaleString('en')} products; ${concurrency} concurrent clients for ${wall.toFixed(1)} s`,
);
console.log(`productSet (3 variants, 2 images): ${(result.calls / wall).toFixed(0)} calls/s`);
console.log(
  `${(result.points / wall).toFixed(0)} points/s (actualQueryCost ${result.calls ? (result.points / result.calls).toFixed(0) : '-'} per call)`,
);
console.log(
  `devstore CPU ${result.calls ? ((cpu.user + cpu.system) / 1000 / result.calls).toFixed(2) : '-'} ms per call (its own thread; PostgreSQL not included)`,
);
console.log(`images fetched by devstore so far: ${media.map((row) => `${row.status} ${row.count}`).join(', ')}`);
console.log(
  `latency p50 ${percentile(0.5).toFixed(1)} ms, p95 ${percentile(0.95).toFixed(1)} ms; failed calls: ${result.errors}`,
);

// --customers N: a customer list of that size (seeded with SQL), then customerSet upserting by
// email and a customers search by email, each timed one call at a time.
const customerCount = Number(values.customers);
if (customerCount > 0) {
  const started = performance.now();
  await devstore.pool.query(
    `INSERT INTO devstore.customers (shop, email, first_name, last_name, addresses)
     SELECT $1, 'customer' || n || '@example.com', 'First' || n, 'Last' || n, jsonb_build_array(jsonb_build_object('address1', n || ' Harbour Road', 'city', 'Portsmouth', 'countryCode', 'GB'))
     FROM generate_series(1, $2::int) AS n`,
    [shop.domain, String(customerCount)],
  );
  await devstore.pool.query('ANALYZE devstore.customers');
  console.log(
    `\nseeded ${customerCount.toLocaleString('en')} customers with SQL in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const call = async (query: string, variables: Record<string, unknown>) => {
    const before = performance.now();
    const response = await fetch(`${devstore.url}/admin/api/${ADMIN_API_VERSION}/graphql.json`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Devstore-Shop': shop.domain,
        'X-Shopify-Access-Token': shop.accessToken ?? '',
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return performance.now() - before;
  };
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const upserts: number[] = [];
  const searches: number[] = [];
  for (let i = 0; i < 100; i++) {
    const n = 1 + Math.floor(Math.random() * customerCount);
    upserts.push(
      await call(
        'mutation Upsert($input: CustomerSetInput!, $identifier: CustomerSetIdentifiers) { customerSet(input: $input, identifier: $identifier) { customer { id } userErrors { message } } }',
        {
          identifier: { email: `customer${n}@example.com` },
          input: { email: `customer${n}@example.com`, note: `touched ${i}` },
        },
      ),
    );
    searches.push(
      await call('query Find($query: String!) { customers(first: 1, query: $query) { nodes { id } } }', {
        query: `email:customer${n}@example.com`,
      }),
    );
  }
  console.log(
    `with ${customerCount.toLocaleString('en')} customers: customerSet by email p50 ${median(upserts).toFixed(1)} ms, customers(query: email) p50 ${median(searches).toFixed(1)} ms`,
  );
}
await devstore.stop();
