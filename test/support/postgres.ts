// The PostgreSQL server a test run uses: TEST_DATABASE_URL's server when set, otherwise a throw-away
// embedded one. Each test file then gets its own database cloned from a migrated template.
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { runMigrations } from 'graphile-worker';
import { startEmbeddedPostgres } from '../../app/db/embedded-postgres.server.ts';
import { applyMigrations } from '../../app/db/migrations.server.ts';

export const TEMPLATE_DATABASE = 'shipyard_test_template';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A URL to `database` on the same server as `serverUrl`. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function startTestServer(): Promise<{ serverUrl: string; stop: () => Promise<void> }> {
  if (process.env.TEST_DATABASE_URL) {
    return { serverUrl: process.env.TEST_DATABASE_URL, stop: async () => {} };
  }
  const cluster = await startEmbeddedPostgres({
    dataDir: path.join(os.tmpdir(), `shipyard-test-pg-${process.pid}`),
    port: await freePort(),
    ephemeral: true,
  });
  return { serverUrl: cluster.url('postgres'), stop: () => cluster.stop() };
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Shipyard's migrations and graphile-worker's own schema, applied once for the whole run. */
export async function createTemplate(serverUrl: string): Promise<void> {
  await withClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  });
  const url = databaseUrl(serverUrl, TEMPLATE_DATABASE);
  await applyMigrations(url);
  await runMigrations({ connectionString: url });
}

export async function createDatabaseFromTemplate(serverUrl: string, name: string): Promise<string> {
  await withClient(serverUrl, (client) =>
    client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${TEMPLATE_DATABASE}`),
  );
  return databaseUrl(serverUrl, name);
}

/**
 * Drops a test file's database once its pools have let go. Forcing it at once would cut connections
 * that are still closing, and their pools would report the cut as an unhandled error.
 */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, async (client) => {
    const statement = `DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)}`;
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        await client.query(statement);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006') throw error; // 55006: still in use
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    await client.query(`${statement} WITH (FORCE)`);
  });
}
