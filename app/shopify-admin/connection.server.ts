// Connects the app to a shop's Admin API with the shop's offline session: Shopify itself for a real
// app, devstore in local mode. Clients in one process share the shop's throttle budget.
import { env, isLocalMode } from '../env.server.ts';
import { PrismaSessionStorage } from '../sessions.server.ts';
import { ThrottleBudget } from './budget.server.ts';
import { AdminApiError, type AdminClient, createAdminClient } from './client.server.ts';

const budgets = new Map<string, ThrottleBudget>();

/** Where the demo shop's Admin API answers in local mode. */
export function devstoreUrl(): string {
  const config = env();
  return process.env.DEVSTORE_URL ?? config.DEVSTORE_URL ?? `http://127.0.0.1:${config.DEVSTORE_PORT}`;
}

export async function adminClientFor(shop: string): Promise<AdminClient> {
  const sessions = await new PrismaSessionStorage().findSessionsByShop(shop);
  const offline = sessions.find((session) => !session.isOnline && session.accessToken);
  if (!offline?.accessToken) {
    throw new AdminApiError('unauthorized', `${shop} has no offline access token: the app is not installed there.`);
  }
  let budget = budgets.get(shop);
  if (!budget) {
    budget = new ThrottleBudget({ maximumAvailable: 2000, currentlyAvailable: 100, restoreRate: 100 });
    budgets.set(shop, budget);
  }
  const local = isLocalMode();
  return createAdminClient({
    shop,
    accessToken: offline.accessToken,
    endpoint: local ? devstoreUrl() : `https://${shop}`,
    // devstore serves many shops on one address; Shopify knows the shop from the host name.
    ...(local ? { headers: { 'X-Devstore-Shop': shop } } : {}),
    budget,
  });
}
