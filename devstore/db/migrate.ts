// Applies devstore's own SQL migrations (db/migrations/NNN_name.sql) to its own schema, once each.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pool } from 'pg';

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any constant will do; it only has to keep two devstores starting at once from racing.
const LOCK_KEY = 7_220_612_026;

export async function migrate(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query('CREATE SCHEMA IF NOT EXISTS devstore');
    await client.query(
      'CREATE TABLE IF NOT EXISTS devstore.schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const applied = new Set(
      (await client.query<{ name: string }>('SELECT name FROM devstore.schema_migrations')).rows.map((row) => row.name),
    );
    const files = fs
      .readdirSync(folder)
      .filter((file) => file.endsWith('.sql'))
      .sort();
    for (const file of files) {
      if (applied.has(file)) continue;
      await client.query('BEGIN');
      try {
        await client.query(fs.readFileSync(path.join(folder, file), 'utf8'));
        await client.query('INSERT INTO devstore.schema_migrations (name) VALUES ($1)', [file]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}
