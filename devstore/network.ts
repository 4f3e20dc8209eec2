// How the network between the app and a shop behaves: latency per request and injected faults,
// set per shop from tests and demos, plus the counters they read back.
import { z } from 'zod';

export const latencySchema = z.object({ baseMs: z.number().min(0), jitterMs: z.number().min(0) });
export type Latency = z.infer<typeof latencySchema>;

/** Near what Shopify shows for a small mutation. */
export const DEFAULT_LATENCY: Latency = { baseMs: 100, jitterMs: 30 };

export const faultSchema = z.object({
  /** server_error: a 5xx; rate_limited: a 429; dropped: the connection closes with no answer; slow: answered late. */
  kind: z.enum(['server_error', 'rate_limited', 'dropped', 'slow']),
  /** Share of matching requests hit, 0 to 1. */
  share: z.number().min(0).max(1),
  /** Only requests whose GraphQL operation has this name; every request when absent. */
  operationName: z.string().optional(),
  status: z.number().int().min(500).max(599).optional(),
  delayMs: z.number().min(0).optional(),
});
export type Fault = z.infer<typeof faultSchema>;

export const networkSchema = z.object({ latency: latencySchema.optional(), faults: z.array(faultSchema).optional() });

export interface Counters {
  requests: number;
  requestsThrottled: number;
  pointsSpent: number;
  faultsInjected: number;
}

/** Requests and points per GraphQL operation name, so a benchmark can say what each kind of record cost. */
export type OperationCounters = Record<string, { requests: number; points: number }>;

interface ShopNetwork {
  latency: Latency;
  faults: Fault[];
  counters: Counters;
  operations: Map<string, { requests: number; points: number }>;
}

export class Network {
  private readonly shops = new Map<string, ShopNetwork>();
  private readonly defaultLatency: Latency;
  private readonly random: () => number;

  constructor(defaultLatency: Latency, random: () => number = Math.random) {
    this.defaultLatency = defaultLatency;
    this.random = random;
  }

  private of(shop: string): ShopNetwork {
    let found = this.shops.get(shop);
    if (!found) {
      found = {
        latency: this.defaultLatency,
        faults: [],
        counters: { requests: 0, requestsThrottled: 0, pointsSpent: 0, faultsInjected: 0 },
        operations: new Map(),
      };
      this.shops.set(shop, found);
    }
    return found;
  }

  configure(shop: string, settings: z.infer<typeof networkSchema>): void {
    const network = this.of(shop);
    if (settings.latency) network.latency = settings.latency;
    if (settings.faults) network.faults = settings.faults;
  }

  settings(shop: string): { latency: Latency; faults: Fault[] } {
    const { latency, faults } = this.of(shop);
    return { latency, faults };
  }

  counters(shop: string): Counters {
    return { ...this.of(shop).counters };
  }

  count(shop: string, change: Partial<Counters>): void {
    const counters = this.of(shop).counters;
    for (const [name, amount] of Object.entries(change) as [keyof Counters, number][]) counters[name] += amount;
  }

  /** Counts one answered request of `operation` (its name, or "(anonymous)") and the points it spent. */
  countOperation(shop: string, operation: string | undefined, points: number): void {
    const operations = this.of(shop).operations;
    const name = operation ?? '(anonymous)';
    const counted = operations.get(name) ?? { requests: 0, points: 0 };
    counted.requests += 1;
    counted.points += points;
    operations.set(name, counted);
  }

  operations(shop: string): OperationCounters {
    return Object.fromEntries([...this.of(shop).operations].map(([name, counted]) => [name, { ...counted }]));
  }

  /** A reset shop starts over with default latency, no faults and zeroed counters. */
  forget(shop: string): void {
    this.shops.delete(shop);
  }

  delayMs(shop: string): number {
    const { baseMs, jitterMs } = this.of(shop).latency;
    return Math.max(0, baseMs + (this.random() * 2 - 1) * jitterMs);
  }

  /** The first configured fault that matches this request and comes up on its share. */
  faultFor(shop: string, operationName: string | undefined): Fault | undefined {
    for (const fault of this.of(shop).faults) {
      if (fault.operationName && fault.operationName !== operationName) continue;
      if (fault.share >= 1 || this.random() < fault.share) return fault;
    }
    return undefined;
  }
}
