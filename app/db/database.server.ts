// Finds Shipyard's database: DATABASE_URL when set, otherwise the embedded PostgreSQL in the data
// folder, started on first use. Either way the migrations are applied before anything else runs.
import path from 'node:path';
import pg from 'pg';
import type { Env } from '../shopify-app/env.server.ts';
import { startEmbeddedPostgres } from './embedded-postgres.server.ts';
import { applyMigrations } from './migrations.server.ts';

export interface Database {
  url: string;
  /** Stops the embedded server when this process started it; otherwise does nothing. */
  close(): Promise<void>;
}

const EMBEDDED_DATABASE = 'shipyard';

export async function openDatabase(config: Env, log: (line: string) => void = console.log): Promise<Database> {
  if (config.DATABASE_URL) {
    await applyAndReport(config.DATABASE_URL, log);
    return { url: config.DATABASE_URL, close: async () => {} };
  }
  const cluster = await startEmbeddedPostgres({
    dataDir: path.join(config.SHIPYARD_DATA_DIR, 'postgres'),
    port: config.SHIPYARD_PG_PORT,
    log,
  });
  try {
    await createDatabaseIfMissing(cluster.url('postgres'), EMBEDDED_DATABASE);
    const url = cluster.url(EMBEDDED_DATABASE);
    await applyAndReport(url, log);
    return { url, close: () => cluster.stop() };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

export async function createDatabaseIfMissing(adminUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : '';
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${from}`).catch((error: unknown) => {
        // Another process (the app and a worker starting together) created it first.
        if ((error as { code?: string }).code !== '42P04') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

async function applyAndReport(url: string, log: (line: string) => void): Promise<void> {
  const applied = await applyMigrations(url);
  if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`);
}
