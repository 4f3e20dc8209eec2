// Connects the app to a shop's Admin API with the shop's offline session (renewed when it expires):
// Shopify itself for a real app, devstore in local mode. Clients in one process share the shop's throttle budget.
import { env, isLocalMode } from '../shopify-app/env.server.ts';
import { ThrottleBudget } from './budget.server.ts';
import { type AdminClient, createAdminClient } from './client.server.ts';
import { offlineSession } from './offline-session.server.ts';

const budgets = new Map<string, ThrottleBudget>();

/** Where the demo shop's Admin API answers in local mode. */
export function devstoreUrl(): string {
  const config = env();
  return process.env.DEVSTORE_URL ?? config.DEVSTORE_URL ?? `http://127.0.0.1:${config.DEVSTORE_PORT}`;
}

export async function adminClientFor(shop: string): Promise<AdminClient> {
  const session = await offlineSession(shop);
  let budget = budgets.get(shop);
  if (!budget) {
    budget = new ThrottleBudget({ maximumAvailable: 2000, currentlyAvailable: 100, restoreRate: 100 });
    budgets.set(shop, budget);
  }
  const local = isLocalMode();
  return createAdminClient({
    shop,
    accessToken: session.accessToken as string,
    // An expiring offline token can run out in the middle of a job: renewed once, the request goes again.
    renewAccessToken: async (refused) => (await offlineSession(shop, refused)).accessToken ?? null,
    endpoint: local ? devstoreUrl() : `https://${shop}`,
    // devstore serves many shops on one address; Shopify knows the shop from the host name.
    ...(local ? { headers: { 'X-Devstore-Shop': shop } } : {}),
    budget,
  });
}
