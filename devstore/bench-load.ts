// The benchmark's load: runs in a worker thread so that devstore's own thread's CPU time can be
// measured apart. Sends productSet with 3 variants and 2 images from `concurrency` loops, and serves
// those images itself, so devstore's fetches succeed as they would against a real CDN.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { ADMIN_API_VERSION } from '../admin-api/version.ts';

interface Load {
  url: string;
  shop: string;
  token: string;
  concurrency: number;
  seconds: number;
  warmupSeconds: number;
  locationId: string;
}

const load = workerData as Load;

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const cdn = http.createServer((_request, response) =>
  response.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG),
);
await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', () => resolve()));
const cdnUrl = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`;

const PRODUCT_SET = `mutation BenchProductSet($input: ProductSetInput!) {
  productSet(input: $input, synchronous: true) {
    product { id handle }
    userErrors { field message code }
  }
}`;

function input(n: number) {
  const sizes = ['S', 'M', 'L'];
  return {
    title: `Bench product ${n}`,
    descriptionHtml: '<p>Made for the benchmark.</p>',
    vendor: 'Bench',
    tags: ['bench', `wave-${n % 10}`],
    productOptions: [{ name: 'Size', values: sizes.map((name) => ({ name })) }],
    variants: sizes.map((size, index) => ({
      optionValues: [{ optionName: 'Size', name: size }],
      price: `${20 + index}.00`,
      sku: `BENCH-${n}-${size}`,
      inventoryQuantities: [{ locationId: load.locationId, name: 'available', quantity: 10 }],
    })),
    files: [
      { originalSource: `${cdnUrl}/bench/${n}-front.png`, alt: 'Front', contentType: 'IMAGE' },
      { originalSource: `${cdnUrl}/bench/${n}-back.png`, alt: 'Back', contentType: 'IMAGE' },
    ],
  };
}

let counter = 0;
const measured = { calls: 0, points: 0, errors: 0, latencies: [] as number[] };
let measuring = false;

async function loop(until: number): Promise<void> {
  while (performance.now() < until) {
    const n = counter++;
    const started = performance.now();
    const response = await fetch(`${load.url}/admin/api/${ADMIN_API_VERSION}/graphql.json`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Devstore-Shop': load.shop,
        'X-Shopify-Access-Token': load.token,
      },
      body: JSON.stringify({ query: PRODUCT_SET, variables: { input: input(n) } }),
    });
    const body = (await response.json()) as {
      errors?: unknown;
      data?: { productSet?: { userErrors: unknown[] } };
      extensions?: { cost?: { actualQueryCost?: number } };
    };
    if (!measuring) continue;
    const failed = response.status !== 200 || body.errors || (body.data?.productSet?.userErrors.length ?? 1) > 0;
    if (failed) measured.errors += 1;
    else {
      measured.calls += 1;
      measured.points += body.extensions?.cost?.actualQueryCost ?? 0;
      measured.latencies.push(performance.now() - started);
    }
  }
}

const warmupEnd = performance.now() + load.warmupSeconds * 1000;
await Promise.all(Array.from({ length: load.concurrency }, () => loop(warmupEnd)));
parentPort?.postMessage({ phase: 'measuring' });
measuring = true;
const end = performance.now() + load.seconds * 1000;
await Promise.all(Array.from({ length: load.concurrency }, () => loop(end)));
parentPort?.postMessage({ phase: 'done', ...measured });
cdn.close();
