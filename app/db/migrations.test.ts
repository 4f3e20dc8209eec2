import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { applyMigrations, readMigrations } from './migrations.server.ts';

describe('migrations', () => {
  it('records every migration in _prisma_migrations with its checksum, as Prisma does', async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query(
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    await client.end();
    expect(rows.map((row) => [row.migration_name, row.checksum])).toEqual(
      readMigrations().map((m) => [m.name, m.checksum]),
    );
    expect(rows.every((row) => row.finished_at instanceof Date)).toBe(true);
  });

  it('applies nothing the second time, even when several processes start at once', async () => {
    const url = process.env.DATABASE_URL as string;
    const results = await Promise.all([applyMigrations(url), applyMigrations(url), applyMigrations(url)]);
    expect(results).toEqual([[], [], []]);
  });
});
