// Shopify's leaky bucket for calculated query cost: one per app and shop, sized by the shop's plan.
export const PLANS = ['Basic', 'Standard', 'Advanced', 'Plus', 'Enterprise'] as const;
export type Plan = (typeof PLANS)[number];

/** Points restored per second, from Shopify's rate-limit table. */
export const RESTORE_RATE: Record<Plan, number> = {
  Basic: 100,
  Standard: 100,
  Advanced: 200,
  Plus: 1000,
  Enterprise: 2000,
};
/** The bucket holds twenty seconds of restore. */
export const BUCKET_SECONDS = 20;

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

interface BucketState {
  available: number;
  updatedAt: number;
  restoreRate: number;
}

export class LeakyBuckets {
  private readonly buckets = new Map<string, BucketState>();
  private readonly now: () => number;

  constructor(now: () => number) {
    this.now = now;
  }

  private bucket(key: string, restoreRate: number): BucketState {
    let state = this.buckets.get(key);
    const now = this.now();
    if (!state) {
      state = { available: restoreRate * BUCKET_SECONDS, updatedAt: now, restoreRate };
      this.buckets.set(key, state);
    }
    // A plan change takes effect at once; what is left is capped by the new size.
    state.restoreRate = restoreRate;
    const maximum = restoreRate * BUCKET_SECONDS;
    state.available = Math.min(maximum, state.available + ((now - state.updatedAt) / 1000) * restoreRate);
    state.updatedAt = now;
    return state;
  }

  status(key: string, restoreRate: number): ThrottleStatus {
    const state = this.bucket(key, restoreRate);
    return {
      maximumAvailable: restoreRate * BUCKET_SECONDS,
      currentlyAvailable: Math.floor(state.available),
      restoreRate,
    };
  }

  /** Takes the requested cost if the bucket holds it; false means the request is throttled. */
  take(key: string, restoreRate: number, cost: number): boolean {
    const state = this.bucket(key, restoreRate);
    if (cost > state.available) return false;
    state.available -= cost;
    return true;
  }

  /** After execution the difference between requested and actual cost goes back in. */
  refund(key: string, restoreRate: number, points: number): void {
    const state = this.bucket(key, restoreRate);
    state.available = Math.min(restoreRate * BUCKET_SECONDS, state.available + points);
  }

  reset(key: string): void {
    this.buckets.delete(key);
  }
}
