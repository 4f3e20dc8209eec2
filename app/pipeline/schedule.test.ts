import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/db.server.ts';
import { createMigration } from './lifecycle.server.ts';
import { advanceWriting, prerequisitesOf, startsFirst } from './schedule.server.ts';

const SHOP = 'schedule.myshopify.com';

/** The entities with a load job waiting, and whether the verification is queued. */
async function queued(migrationId: string): Promise<string[]> {
  const rows = await db().$queryRaw<{ key: string }[]>`
    SELECT key FROM graphile_worker._private_jobs WHERE key LIKE ${`%${migrationId}%`} ORDER BY key`;
  return rows.map((row) => (row.key.split(':')[0] === 'migration-verify' ? 'verify' : (row.key.split(':')[2] ?? '')));
}

async function migrationOf(entities: Parameters<typeof createMigration>[0]['entities']) {
  const migration = await createMigration({
    shop: SHOP,
    platform: 'woocommerce',
    sourceUrl: 'https://old.example.com',
    credentials: { url: 'https://old.example.com', consumerKey: 'ck_1', consumerSecret: 'cs_1' },
    entities,
  });
  return db().migration.update({ where: { id: migration.id }, data: { status: 'running', phase: 'loading' } });
}

beforeEach(async () => {
  await db().$executeRawUnsafe('DELETE FROM graphile_worker._private_jobs');
});

describe('the writing schedule', () => {
  it('counts only the prerequisites the migration moves', () => {
    expect(prerequisitesOf('redirects', ['products', 'redirects'])).toEqual(['products']);
    expect(prerequisitesOf('orders', ['customers', 'orders'])).toEqual(['customers']);
    expect(startsFirst('products', ['products', 'customers'])).toBe(true);
    expect(startsFirst('products', ['collections', 'products'])).toBe(false);
  });

  it('starts each entity once what it needs is written, and verifies when every entity is done', async () => {
    const migration = await migrationOf(['collections', 'products', 'customers', 'orders', 'reviews']);
    const step = async (change?: Parameters<typeof advanceWriting>[2]) => {
      await db().$executeRawUnsafe('DELETE FROM graphile_worker._private_jobs');
      const scheduled = await db().$transaction((tx) => advanceWriting(tx, migration, change));
      return { scheduled, queued: await queued(migration.id) };
    };
    // The entities that need nothing start together.
    expect(await step()).toEqual({ scheduled: 'started', queued: ['collections', 'customers'] });
    expect(await step({ entity: 'collections', state: 'done' })).toEqual({
      scheduled: 'started',
      queued: ['products'],
    });
    // Products written, still being published: redirects and reviews need no more; orders wait for customers too.
    expect(await step({ entity: 'products', state: 'written' })).toEqual({
      scheduled: 'started',
      queued: ['redirects', 'reviews'],
    });
    expect(await step({ entity: 'customers', state: 'done' })).toEqual({ scheduled: 'started', queued: ['orders'] });
    expect(await step({ entity: 'orders', state: 'done' })).toEqual({ scheduled: 'waiting', queued: [] });
    expect(await step({ entity: 'reviews', state: 'done' })).toEqual({ scheduled: 'waiting', queued: [] });
    expect(await step({ entity: 'redirects', state: 'done' })).toEqual({ scheduled: 'waiting', queued: [] });
    // The publishing collected: the last one done queues the verification.
    expect(await step({ entity: 'products', state: 'done' })).toEqual({ scheduled: 'verifying', queued: ['verify'] });
    const after = await db().migration.findUniqueOrThrow({ where: { id: migration.id } });
    expect(after.phase).toBe('verifying');
    expect(after.writing).toEqual({
      collections: 'done',
      products: 'done',
      customers: 'done',
      orders: 'done',
      reviews: 'done',
      redirects: 'done',
    });
  });

  it('starts nothing twice', async () => {
    const migration = await migrationOf(['collections', 'products']);
    await db().$transaction((tx) => advanceWriting(tx, migration));
    await db().$executeRawUnsafe('DELETE FROM graphile_worker._private_jobs');
    // A second decision with nothing new (a resume, another chain's end) queues no second chain.
    expect(await db().$transaction((tx) => advanceWriting(tx, migration))).toBe('waiting');
    expect(await queued(migration.id)).toEqual([]);
  });
});
