// The shops that installed Shipyard, and what happens when they leave.
import { db } from '../db/db.server.ts';
import { cancelJob, enqueue } from '../db/jobs.server.ts';

/** Shopify sends shop/redact 48 hours after an uninstall; the shop's data is kept until then. */
export const UNINSTALL_GRACE_HOURS = 48;

export function purgeJobKey(shop: string): string {
  return `shop-purge:${shop}`;
}

/** A (re)install: the shop is active again and a purge pending from an earlier uninstall is called off. */
export async function recordInstall(shop: string, scopes: string | null): Promise<void> {
  await db().shop.upsert({
    where: { shop },
    create: { shop, scopes },
    update: { scopes, uninstalledAt: null },
  });
  await cancelJob(purgeJobKey(shop));
}

/**
 * Removes the shop's sessions at once and schedules the purge of its data for when the grace
 * period ends. Safe to run twice: a repeat keeps the first uninstall time.
 */
export async function recordUninstall(shop: string, at: Date = new Date()): Promise<Date> {
  const uninstalledAt = await db().$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { shop } });
    const existing = await tx.shop.findUnique({ where: { shop } });
    const since = existing?.uninstalledAt ?? at;
    await tx.shop.upsert({ where: { shop }, create: { shop, uninstalledAt: since }, update: { uninstalledAt: since } });
    return since;
  });
  const purgeAt = purgeDueAt(uninstalledAt);
  await enqueue('shop-purge', { shop }, { runAt: purgeAt, jobKey: purgeJobKey(shop) });
  return purgeAt;
}

export function purgeDueAt(uninstalledAt: Date): Date {
  return new Date(uninstalledAt.getTime() + UNINSTALL_GRACE_HOURS * 3600_000);
}

/** app/scopes_update: the merchant granted or revoked optional scopes. */
export async function updateGrantedScopes(shop: string, scopes: string[]): Promise<void> {
  const scope = scopes.join(',');
  await db().$transaction([
    db().session.updateMany({ where: { shop }, data: { scope } }),
    db().shop.updateMany({ where: { shop }, data: { scopes: scope } }),
  ]);
}
