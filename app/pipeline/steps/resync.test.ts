import pg from 'pg';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../db/db.server.ts';
import { startWorker } from '../../../jobs/runner.ts';
import { MigrationStateError, createMigration } from '../lifecycle.server.ts';
import { scheduleResync, startDueResyncs } from './resync.server.ts';

const SHOP = 'schedule.myshopify.com';
const credentials = { url: 'https://old.example.com', consumerKey: 'ck_1', consumerSecret: 'cs_secret' };
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
afterAll(() => client.end());

async function completed(status = 'completed') {
  const migration = await createMigration({
    shop: SHOP,
    platform: 'woocommerce',
    sourceUrl: credentials.url,
    credentials,
    entities: ['products', 'customers'],
  });
  return db().migration.update({
    where: { id: migration.id },
    data: { status, phase: 'done', startedAt: new Date('2026-11-20T08:00:00Z'), finishedAt: new Date() },
  });
}

beforeEach(async () => {
  await db().$executeRawUnsafe('DELETE FROM graphile_worker._private_jobs');
  await db().migration.deleteMany({ where: { shop: SHOP } });
});

describe('scheduled re-syncs', () => {
  it('start the re-sync of each due migration and move the schedule to it', async () => {
    const due = await completed();
    await scheduleResync(SHOP, due.id, 'daily');
    await db().migration.update({ where: { id: due.id }, data: { nextResyncAt: new Date(Date.now() - 1000) } });
    const later = await completed();
    await scheduleResync(SHOP, later.id, 'hourly');

    const started = await startDueResyncs();
    expect(started).toHaveLength(1);
    const resync = await db().migration.findUniqueOrThrow({ where: { id: started[0] } });
    expect(resync).toMatchObject({
      resyncOf: due.id,
      status: 'running',
      phase: 'extracting',
      resyncEvery: 'daily',
      entities: due.entities,
    });
    expect(resync.options).toMatchObject({ modifiedAfter: '2026-11-20T08:00:00.000Z', unattended: true });
    expect(resync.nextResyncAt?.getTime()).toBeGreaterThan(Date.now() + 86_000_000);
    expect(await db().migration.findUniqueOrThrow({ where: { id: due.id } })).toMatchObject({
      resyncEvery: null,
      nextResyncAt: null,
    });
    expect((await db().migration.findUniqueOrThrow({ where: { id: later.id } })).resyncEvery).toBe('hourly');
    const { rows } = await client.query<{ key: string }>('SELECT key FROM graphile_worker._private_jobs ORDER BY id');
    expect(rows.map((row) => row.key).sort()).toEqual([
      `migration-extract:${resync.id}:customers`,
      `migration-extract:${resync.id}:products`,
    ]);

    // The re-sync is still running: nothing is due until it completes.
    await db().migration.update({ where: { id: resync.id }, data: { nextResyncAt: new Date(Date.now() - 1000) } });
    expect(await startDueResyncs()).toEqual([]);
  });

  it('refuses an interval it does not know and a cancelled migration', async () => {
    const migration = await completed();
    await expect(scheduleResync(SHOP, migration.id, 'weekly' as 'daily')).rejects.toBeInstanceOf(MigrationStateError);
    const cancelled = await completed('cancelled');
    await expect(scheduleResync(SHOP, cancelled.id, 'daily')).rejects.toBeInstanceOf(MigrationStateError);
    expect((await scheduleResync(SHOP, migration.id, null)).nextResyncAt).toBeNull();
  });

  it('is on the worker’s crontab', async () => {
    const runner = await startWorker({
      connectionString: process.env.DATABASE_URL as string,
      concurrency: 1,
      quiet: true,
    });
    try {
      // graphile-worker records each crontab identifier it schedules, just after the worker starts.
      const known = async () =>
        (
          await client.query<{ identifier: string }>('SELECT identifier FROM graphile_worker._private_known_crontabs')
        ).rows.map((row) => row.identifier);
      await expect.poll(known, { timeout: 5000 }).toContain('migration-resync-scheduled');
    } finally {
      await runner.stop();
    }
  });
});
