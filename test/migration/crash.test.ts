// A worker killed with SIGKILL in the middle of writing, and a new one started: the migration
// finishes with exact counts — nothing lost, nothing written twice.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/db/db.server.ts';
import { progressSnapshot } from '../../app/pipeline/staging/progress.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, control, startTestDevstore } from '../../devstore/testing.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { installedShop, migrate, untilSettled } from './harness.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let woo: WooCommerceTestServer;
let devstore: Devstore;
let shop: TestShop;
const workers: ChildProcess[] = [];

function startWorkerProcess(): ChildProcess {
  const child = spawn(process.execPath, [path.join(ROOT, 'jobs/worker.ts')], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: process.env.DATABASE_URL ?? '',
      DEVSTORE_URL: devstore.url,
      SHIPYARD_DATA_DIR: process.env.SHIPYARD_DATA_DIR ?? '',
      WORKER_CONCURRENCY: '4',
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  workers.push(child);
  return child;
}

async function until(read: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await read())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function productsInShopify(): Promise<string[]> {
  const references: string[] = [];
  let after: string | null = null;
  do {
    const { body } = await admin(
      devstore,
      shop,
      'query Page($after: String) { products(first: 50, after: $after) { pageInfo { hasNextPage endCursor } nodes { metafield(namespace: "shipyard", key: "source_reference") { value } } } }',
      { after },
    );
    for (const node of body.data.products.nodes as { metafield: { value: string } | null }[])
      references.push(node.metafield?.value ?? 'none');
    after = body.data.products.pageInfo.hasNextPage ? body.data.products.pageInfo.endCursor : null;
  } while (after);
  return references;
}

beforeAll(async () => {
  woo = await startWooCommerceServer({
    catalog: { products: 80, variationsPerProduct: 2, imagesPerProduct: 1, awkward: false },
  });
  devstore = await startTestDevstore();
  shop = await installedShop(devstore);
  // Slow enough that the kill lands mid-way through the products.
  await control(devstore, 'PUT', `/shops/${shop.domain}/network`, { latency: { baseMs: 40, jitterMs: 10 } });
});

afterAll(async () => {
  for (const worker of workers) if (worker.exitCode === null) worker.kill('SIGKILL');
  await devstore?.stop();
  await woo?.close();
});

describe('a worker killed mid-migration', () => {
  it('is replaced by a new worker that finishes with exact counts', async () => {
    const first = startWorkerProcess();
    const migrationId = await migrate(woo, shop);
    await until(
      async () =>
        (await db().sourceRecord.count({ where: { migrationId, entity: 'products', status: 'written' } })) >= 15,
      60_000,
    );
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const writtenAtKill = await db().sourceRecord.count({
      where: { migrationId, entity: 'products', status: 'written' },
    });

    startWorkerProcess();
    const migration = await untilSettled(migrationId, 120_000);
    expect(migration.error).toBeNull();
    expect(migration.status).toBe('completed');

    const staged = await db().sourceRecord.count({
      where: { migrationId, entity: 'products', status: { not: 'invalid' } },
    });
    const written = await db().sourceRecord.count({ where: { migrationId, entity: 'products', status: 'written' } });
    const inShopify = await productsInShopify();
    expect(writtenAtKill).toBeLessThan(staged); // the kill really happened mid-way
    expect(written).toBe(staged);
    // The batch the kill cut short is tried again and finds its products in Shopify already: this run wrote them, so none counts as unchanged.
    expect(
      (await progressSnapshot(migrationId))?.entities.find((entity) => entity.entity === 'products'),
    ).toMatchObject({ written: staged, unchanged: 0 });
    expect(inShopify).toHaveLength(staged);
    expect(new Set(inShopify).size).toBe(inShopify.length); // none twice
    const verification = migration.verification as { entities: { missingInShopify: string[] }[] };
    for (const entity of verification.entities) expect(entity.missingInShopify).toEqual([]);
  }, 200_000);
});
