// How many orders a migration may create now on a development or trial store (5 new orders a
// minute, decision 0015), counted from the orders it created in the last minute.
import { db } from '../../../db/db.server.ts';
import { LIMITED_STORE_ORDERS_PER_MINUTE, MINUTE } from '../../../shopify-admin/limits/order-pacing.server.ts';
import type { Writer } from '../../../shopify-admin/writer.server.ts';

/** On a limited store: how many orders the migration may create now, and when the minute frees up if none. */
export async function orderAllowance(
  shop: string,
  writer: Writer,
): Promise<{ allowed: number; notBefore: Date | null }> {
  const recent = await db().idMapEntry.findMany({
    where: { shop, platform: writer.platform, entity: 'orders', createdAt: { gt: new Date(Date.now() - MINUTE) } },
    orderBy: { createdAt: 'asc' },
    select: { createdAt: true },
  });
  const allowed = Math.max(0, LIMITED_STORE_ORDERS_PER_MINUTE - recent.length);
  const oldest = recent[0]?.createdAt;
  return { allowed, notBefore: allowed === 0 && oldest ? new Date(oldest.getTime() + MINUTE + 1000) : null };
}
