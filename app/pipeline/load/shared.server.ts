// What every load step shares: the writer (client, platform, location), batch results, Shopify's
// userErrors in words, and running requests side by side.
import type { AdminClient } from '../../shopify-admin/client.server.ts';

export const LOAD_BATCH = 50;

export interface Writer {
  client: AdminClient;
  platform: string;
  locationId: string;
  /** Requests in flight at once; the budget decides when each may go. */
  concurrency: number;
}

export interface BatchResult {
  next: bigint | null;
  written: number;
  unchanged: number;
  failed: number;
}

export interface UserError {
  field: string[] | null;
  message: string;
  code?: string | null;
}

export function describeUserErrors(errors: UserError[]): string {
  return errors.map((error) => (error.field?.length ? `${error.field.join('.')}: ${error.message}` : error.message)).join('; ');
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
