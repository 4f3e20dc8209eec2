// Local mode's demo shop: an installed shop with an offline session, so the admin UI has a shop to
// act for without Shopify. Its access token is made once and kept with the session.
import { randomBytes } from 'node:crypto';
import { Session } from '@shopify/shopify-api';
import { DEMO_SHOP, declaredScopes } from './app-config.server.ts';
import { db } from '../db/db.server.ts';
import { PrismaSessionStorage } from './sessions.server.ts';
import { adminClientFor } from '../shopify-admin/connection.server.ts';
import { refreshShopDetails } from './shop-details.server.ts';

export async function seedDemoShop(): Promise<Session> {
  const storage = new PrismaSessionStorage();
  const id = `offline_${DEMO_SHOP}`;
  const scope = declaredScopes().join(',');
  const existing = await storage.loadSession(id);
  const session =
    existing ??
    new Session({
      id,
      shop: DEMO_SHOP,
      state: 'seeded',
      isOnline: false,
      accessToken: `shpat_${randomBytes(16).toString('hex')}`,
    });
  session.scope = scope;
  await storage.storeSession(session);
  await db().shop.upsert({
    where: { shop: DEMO_SHOP },
    create: { shop: DEMO_SHOP, scopes: scope },
    update: { scopes: scope, uninstalledAt: null },
  });
  return session;
}

/** Reads the demo shop's name and plan from its Admin API (devstore), as an install does. */
export async function refreshDemoShopDetails(): Promise<void> {
  const client = await adminClientFor(DEMO_SHOP);
  await refreshShopDetails((document) => client.request(document), DEMO_SHOP);
}
