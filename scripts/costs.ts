// npm run costs: what each document Shipyard writes with costs, in Shopify's points, for a typical
// record of each entity (scripts/document-costs.ts), from a devstore on a throwaway PostgreSQL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../app/db/embedded-postgres.server.ts';
import { startDevstore } from '../devstore/server.ts';
import { createShop } from '../devstore/testing.ts';
import { freePort } from '../test/support/postgres.ts';
import { formatDocumentCosts, measureDocumentCosts } from './document-costs.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipyard-costs-'));
const cluster = await startEmbeddedPostgres({
  dataDir: path.join(dataDir, 'postgres'),
  port: await freePort(),
  ephemeral: true,
});
try {
  const devstore = await startDevstore({
    connectionString: cluster.url('postgres'),
    port: 0,
    latency: { baseMs: 0, jitterMs: 0 },
  });
  try {
    const shop = await createShop(devstore, { plan: 'Plus' });
    console.log(formatDocumentCosts(await measureDocumentCosts(devstore, shop)));
  } finally {
    await devstore.stop();
  }
} finally {
  await cluster.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
