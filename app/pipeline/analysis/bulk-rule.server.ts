// Bulk or request by request: which way writes a migration's products sooner on this shop's plan,
// from what `npm run bench` measured of each (decision 0007, "Bulk where it wins").
//
// Request by request, the plan's points are the speed limit: the products' points divided by the
// restore rate. A bulk operation spends no points, but it has its own pace (the lines Shopify
// works through an hour) and a fixed wait per operation (staging the file, Shopify's queue, the
// polling and the results). So bulk wins on a slow plan with many products and loses on Plus,
// whose 1,000 points a second write faster than a bulk operation works.

/**
 * Products bulk operations write an hour, their waits included: `npm run bench -- --products 50000
 * --plans Plus --bulk` wrote 50,000 products in 25 operations in 2,702 s from the approval (66,600
 * an hour; 10,000 in 744 s, 48,400 an hour, on a busier machine). Measured against devstore on this
 * project's 2-core machine: Shopify does not document how fast it works through a bulk operation.
 */
export const BULK_PRODUCTS_PER_HOUR = 66_000;

/**
 * What one operation adds however few its lines: staging the file, Shopify's queue, the polls every
 * 2 s and the results. Not separable from the lines in the bench's figures, which are of full
 * operations; an estimate, there so that a handful of products does not go in bulk.
 */
export const BULK_OPERATION_SECONDS = 20;

/** Lines per bulk operation: bulk-write.server.ts sends products in chunks of this many. */
export const BULK_CHUNK = 2000;

/** Points a bulk operation spends: staging its file (11) and running it (10); its polls are counted apart. */
const BULK_OPERATION_POINTS = 21;
/** The load checks on a running operation every 2 s, 1 point each (queue.server.ts BULK_POLL_MS). */
const POLL_SECONDS = 2;

export interface ProductsWay {
  bulk: boolean;
  /** Seconds request by request: the products' points at the plan's restore rate. */
  requestSeconds: number;
  /** Seconds in bulk operations: their lines at the measured pace, plus each operation's fixed wait. */
  bulkSeconds: number;
  /** Points the bulk operations spend: their files, their runs and the polls while they work. */
  bulkPoints: number;
}

/** Which way writes `products` products sooner, at `points` points for all of them and `restoreRate` points a second. */
export function productsWay(products: number, points: number, restoreRate: number): ProductsWay {
  const requestSeconds = points / restoreRate;
  const operations = Math.ceil(products / BULK_CHUNK);
  const bulkSeconds = operations * BULK_OPERATION_SECONDS + (products / BULK_PRODUCTS_PER_HOUR) * 3600;
  const bulkPoints = operations * BULK_OPERATION_POINTS + Math.ceil(bulkSeconds / POLL_SECONDS);
  return { bulk: products > 0 && bulkSeconds < requestSeconds, requestSeconds, bulkSeconds, bulkPoints };
}
