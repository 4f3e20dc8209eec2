// Everything a load job needs to write to the shop: its Admin client (sharing the shop's throttle
// budget), the location that receives stock, and how many requests it sends at once.
import { type AdminClient } from './client.server.ts';
import { adminClientFor } from './connection.server.ts';

/** A load job's hold on the shop. */
export interface Writer {
  client: AdminClient;
  platform: string;
  locationId: string;
  /** Requests in flight at once; the budget decides when each may go. */
  concurrency: number;
}

export const PRIMARY_LOCATION = `#graphql
  query PrimaryLocation {
    location {
      id
    }
  }
`;

/**
 * Requests in flight per job, from the shop's restore rate: enough that the plan's points, not the
 * wait for answers, limit the pace (a productSet costs about 17 points and takes about 0.3 s, so
 * 16 in flight could spend only ~900 of Plus's 1,000 points a second). The budget, not this
 * number, keeps the bucket from running dry.
 */
export function concurrencyFor(restoreRate: number): number {
  return Math.min(64, Math.max(4, Math.ceil(restoreRate / 30)));
}

/** How long a shop's primary location is taken as known: every load job needs it, and a round trip per batch of 100 is a fifth of a batch's time. */
const LOCATION_KEPT_MS = 5 * 60_000;
const locations = new Map<string, { id: string; at: number }>();

export async function writerFor(shop: string, platform: string): Promise<Writer> {
  const client = await adminClientFor(shop);
  let location = locations.get(shop);
  if (!location || Date.now() - location.at > LOCATION_KEPT_MS) {
    const { data } = await client.request<{ location: { id: string } | null }>(
      PRIMARY_LOCATION,
      {},
      { estimatedCost: 1 },
    );
    if (!data.location) throw new Error(`${shop} has no location to receive stock`);
    location = { id: data.location.id, at: Date.now() };
    locations.set(shop, location);
  }
  // An answer for this shop (now or within the last minutes) told its budget the restore rate.
  return { client, platform, locationId: location.id, concurrency: concurrencyFor(client.budget.rate) };
}

/** Runs `work` over `items` with at most `limit` at once. */
export async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      if (item !== undefined) await work(item);
    }
  });
  await Promise.all(lanes);
}
