// Shopify's GraphQL Admin API meters each app+shop with a leaky bucket of points. The budget keeps
// a local picture of it — refreshed from `extensions.cost.throttleStatus` on every response — so
// the writer can keep several requests in flight without ever letting the bucket run dry.

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class ThrottleBudget {
  private available: number;
  private maximum: number;
  private restoreRate: number;
  private updatedAt: number;
  /** When the request whose figures the budget holds was sent. */
  private figuresSentAt = Number.NEGATIVE_INFINITY;
  /** Points promised to requests that have not answered yet. */
  private reserved = 0;
  private readonly clock: Clock;
  /** What each operation last cost, for every client of the shop: a job's first requests reserve what Shopify charges, not the caller's guess. */
  private readonly costs = new Map<string, number>();
  /** Operations whose first request is out to learn their price (see `priced`). */
  private readonly pricing = new Map<string, Promise<void>>();
  /** Requests wait their turn, so a big one is not starved by a stream of small ones. */
  private queue: Promise<void> = Promise.resolve();
  spentPoints = 0;
  waitedMs = 0;

  constructor(initial: ThrottleStatus, clock: Clock = realClock) {
    this.available = initial.currentlyAvailable;
    this.maximum = initial.maximumAvailable;
    this.restoreRate = initial.restoreRate;
    this.clock = clock;
    this.updatedAt = clock.now();
  }

  /** Points free now, counting what has been restored since the last response and what is reserved. */
  free(): number {
    const restored = ((this.clock.now() - this.updatedAt) / 1000) * this.restoreRate;
    return Math.min(this.maximum, this.available + restored) - this.reserved;
  }

  /** Waits until `cost` points are free, then reserves them for one request. */
  reserve(cost: number): Promise<void> {
    const wanted = Math.min(cost, this.maximum);
    const turn = this.queue.then(async () => {
      for (;;) {
        const missing = wanted - this.free();
        if (missing <= 0) break;
        const wait = Math.ceil((missing / this.restoreRate) * 1000);
        this.waitedMs += wait;
        await this.clock.sleep(wait);
      }
      this.reserved += wanted;
    });
    this.queue = turn;
    return turn;
  }

  /**
   * A request answered: release its reservation and take Shopify's figures as the truth — unless a
   * request sent later has already answered. Answers overtake each other (each has its own
   * latency); an older answer's figures miss what the newer requests were charged, whose
   * reservations are already released, and taking them would let too many requests go at once.
   */
  settle(
    reservedCost: number,
    actualCost: number,
    status: ThrottleStatus | null,
    sentAt: number = this.clock.now(),
  ): void {
    this.reserved = Math.max(0, this.reserved - Math.min(reservedCost, this.maximum));
    this.spentPoints += actualCost;
    if (status && sentAt >= this.figuresSentAt) {
      this.figuresSentAt = sentAt;
      this.available = status.currentlyAvailable;
      this.maximum = status.maximumAvailable;
      this.restoreRate = status.restoreRate;
      this.updatedAt = this.clock.now();
    } else if (status) {
      // The figures in hand may predate this request's charge (it can reach Shopify after a later
      // one was answered), and its reservation is released now: count its cost, or the next
      // requests would go on points already spent. At worst it is counted twice until the next answer.
      this.available -= actualCost;
    }
  }

  /**
   * Lets a request of `operation` go once its price is known. While Shopify has not yet said what it
   * costs (and the caller gave no estimate), the first request goes alone and the others of its kind
   * wait for its answer: a wave of them sent on a guess would each claim a fraction of its price,
   * and the bucket would run dry (THROTTLED). Call the returned function when the request is done.
   */
  async priced(operation: string, callerKnows: boolean): Promise<() => void> {
    if (callerKnows || this.costs.has(operation)) return () => {};
    const first = this.pricing.get(operation);
    if (first) {
      await first;
      // Answered (now priced), or failed: then the next in line goes first.
      return this.priced(operation, false);
    }
    let done = () => {};
    this.pricing.set(operation, new Promise<void>((resolve) => (done = resolve)));
    return () => {
      this.pricing.delete(operation);
      done();
    };
  }

  /** The cost to reserve for this operation: what Shopify charged it lately, else the caller's guess. */
  costOf(operation: string, guess: number): number {
    return Math.max(guess, this.costs.get(operation) ?? 0);
  }

  /**
   * Remembers what Shopify charged (requestedQueryCost, which is taken up front). The same operation
   * costs more for a bigger record (productSet with more variants), so the highest recent cost is
   * kept, fading, and one huge product does not slow every later one for good.
   */
  learnCost(operation: string, requested: number): void {
    this.costs.set(operation, Math.max(requested, (this.costs.get(operation) ?? 0) * 0.95));
  }

  get rate(): number {
    return this.restoreRate;
  }
}
