import type { JobHelpers } from 'graphile-worker';
import { describe, expect, it } from 'vitest';
import { db } from '../app/db/db.server.ts';
import { queueExtract, queueLoad } from '../app/pipeline/queue.server.ts';
import jobQueuesCleanup from './job-queues-cleanup.ts';

const SHOP = 'queues.myshopify.com';
const helpers = {
  logger: { info: () => {}, debug: () => {}, warn: () => {}, error: () => {} },
} as unknown as JobHelpers;

async function queueNames(migrationId: string): Promise<string[]> {
  const rows = await db().$queryRaw<{ queue_name: string }[]>`
    SELECT queue_name FROM graphile_worker._private_job_queues WHERE queue_name LIKE ${`migration:${migrationId}:%`} ORDER BY queue_name`;
  return rows.map((row) => row.queue_name);
}

describe('job-queues-cleanup', () => {
  it('leaves no queue row of a finished migration behind, and keeps those that still hold a job', async () => {
    const finished = await db().migration.create({
      data: { shop: SHOP, sourcePlatform: 'woocommerce', status: 'completed' },
    });
    const running = await db().migration.create({
      data: { shop: SHOP, sourcePlatform: 'woocommerce', status: 'running' },
    });
    await db().$transaction(async (tx) => {
      for (const id of [finished.id, running.id]) {
        await queueExtract(tx, id, 'products');
        await queueLoad(tx, id, 'products');
      }
    });
    expect(await queueNames(finished.id)).toEqual([
      `migration:${finished.id}:read:products`,
      `migration:${finished.id}:write`,
    ]);
    // The finished migration's jobs ran to the end (graphile-worker deletes a completed job; its queue row stays).
    await db()
      .$executeRaw`SELECT graphile_worker.complete_jobs(array(SELECT id FROM graphile_worker._private_jobs WHERE key LIKE ${`%:${finished.id}%`}))`;
    expect(await queueNames(finished.id)).toHaveLength(2);

    await jobQueuesCleanup({}, helpers);

    expect(await queueNames(finished.id)).toEqual([]);
    expect(await queueNames(running.id)).toEqual([
      `migration:${running.id}:read:products`,
      `migration:${running.id}:write`,
    ]);
  });
});
