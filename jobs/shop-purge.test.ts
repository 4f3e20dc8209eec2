import type { JobHelpers } from 'graphile-worker';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../app/db/db.server.ts';
import shopPurge from './shop-purge.ts';

const SHOP = 'left-early.myshopify.com';
const HOUR = 3600_000;

function helpers(added: unknown[]): JobHelpers {
  const logger = { info: () => {}, debug: () => {}, warn: () => {}, error: () => {} };
  return { logger, addJob: async (...args: unknown[]) => void added.push(args) } as unknown as JobHelpers;
}

beforeEach(async () => {
  await db().migration.deleteMany({ where: { shop: SHOP } });
  await db().shop.deleteMany({ where: { shop: SHOP } });
  await db().auditEntry.deleteMany({ where: { shop: SHOP } });
});

describe('shop-purge', () => {
  it('deletes the shop’s data once 48 hours have passed since the uninstall', async () => {
    await db().shop.create({ data: { shop: SHOP, uninstalledAt: new Date(Date.now() - 49 * HOUR) } });
    await db().migration.create({ data: { shop: SHOP, sourcePlatform: 'woocommerce' } });
    await shopPurge({ shop: SHOP }, helpers([]));
    expect(await db().shop.count({ where: { shop: SHOP } })).toBe(0);
    expect(await db().migration.count({ where: { shop: SHOP } })).toBe(0);
    const audit = await db().auditEntry.findFirstOrThrow({ where: { shop: SHOP } });
    expect(audit).toMatchObject({ action: 'shop.redacted', detail: { reason: 'uninstall grace period ended' } });
  });

  it('keeps the data of a shop that installed again', async () => {
    await db().shop.create({ data: { shop: SHOP, uninstalledAt: null } });
    await db().migration.create({ data: { shop: SHOP, sourcePlatform: 'woocommerce' } });
    await shopPurge({ shop: SHOP }, helpers([]));
    expect(await db().migration.count({ where: { shop: SHOP } })).toBe(1);
  });

  it('comes back later instead of purging inside the grace period', async () => {
    const uninstalledAt = new Date(Date.now() - HOUR);
    await db().shop.create({ data: { shop: SHOP, uninstalledAt } });
    const added: unknown[] = [];
    await shopPurge({ shop: SHOP }, helpers(added));
    expect(await db().shop.count({ where: { shop: SHOP } })).toBe(1);
    expect(added).toEqual([
      [
        'shop-purge',
        { shop: SHOP },
        { runAt: new Date(uninstalledAt.getTime() + 48 * HOUR), jobKey: `shop-purge:${SHOP}` },
      ],
    ]);
  });

  it('rejects a payload without a shop, so the queue does not retry it blindly', async () => {
    await expect(shopPurge({}, helpers([]))).rejects.toThrow(/shop/);
  });
});
