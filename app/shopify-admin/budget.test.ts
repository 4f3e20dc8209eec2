import { describe, expect, it } from 'vitest';
import { type Clock, ThrottleBudget } from './budget.server.ts';

/** A clock that only moves when someone sleeps. */
function fakeClock(): Clock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe('throttle budget', () => {
  it('lets requests through while points are free and counts the reservations of those in flight', async () => {
    const clock = fakeClock();
    const budget = new ThrottleBudget({ maximumAvailable: 2000, currentlyAvailable: 100, restoreRate: 100 }, clock);
    await budget.reserve(40);
    await budget.reserve(40);
    expect(budget.free()).toBe(20);
    expect(clock.slept).toEqual([]);
  });

  it('waits exactly as long as the bucket needs to restore the missing points', async () => {
    const clock = fakeClock();
    const budget = new ThrottleBudget({ maximumAvailable: 2000, currentlyAvailable: 30, restoreRate: 100 }, clock);
    await budget.reserve(80);
    expect(clock.slept).toEqual([500]); // 50 points at 100 points/s
    expect(budget.free()).toBeCloseTo(0);
  });

  it('takes Shopify’s figures from each response as the truth', async () => {
    const clock = fakeClock();
    const budget = new ThrottleBudget({ maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 }, clock);
    await budget.reserve(100);
    budget.settle(100, 12, { maximumAvailable: 2000, currentlyAvailable: 1500, restoreRate: 100 });
    expect(budget.free()).toBe(1500);
    expect(budget.spentPoints).toBe(12);
  });

  it('serves requests in order, so a large one is not starved', async () => {
    const clock = fakeClock();
    const budget = new ThrottleBudget({ maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 100 }, clock);
    const order: string[] = [];
    await Promise.all([
      budget.reserve(500).then(() => order.push('big')),
      budget.reserve(10).then(() => order.push('small')),
    ]);
    expect(order).toEqual(['big', 'small']);
  });

  it('never waits for more than the bucket can hold', async () => {
    const clock = fakeClock();
    const budget = new ThrottleBudget({ maximumAvailable: 100, currentlyAvailable: 0, restoreRate: 10 }, clock);
    await budget.reserve(5000);
    expect(clock.slept).toEqual([10_000]);
  });

  it('keeps the figures of the request sent last when an older answer arrives after a newer one, and counts the older one’s cost', async () => {
    const clock = fakeClock();
    const budget = new ThrottleBudget({ maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 }, clock);
    await budget.reserve(50); // A, sent at 0
    await budget.reserve(50); // B, sent at 0 too, but B is the later one
    budget.settle(50, 50, { maximumAvailable: 2000, currentlyAvailable: 100, restoreRate: 100 }, 2); // B answers first
    // A's older figures miss B's charge, so they are not taken; but B's figures may miss A's charge
    // (A can reach Shopify after B was answered), so A's cost is counted rather than forgotten.
    budget.settle(50, 50, { maximumAvailable: 2000, currentlyAvailable: 150, restoreRate: 100 }, 1);
    expect(budget.free()).toBe(50);
    expect(budget.spentPoints).toBe(100);
    // The next answer's figures are the truth again.
    await budget.reserve(10);
    budget.settle(10, 10, { maximumAvailable: 2000, currentlyAvailable: 90, restoreRate: 100 }, 3);
    expect(budget.free()).toBe(90);
  });

  it('reserves what Shopify charged an operation, for every client of the shop, fading when it costs less', () => {
    const budget = new ThrottleBudget(
      { maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 },
      fakeClock(),
    );
    // Each load job has its own client on the shop's budget: the next job's first productSet must not reserve the guess of 10.
    expect(budget.costOf('MigrateProductSet', 10)).toBe(10);
    budget.learnCost('MigrateProductSet', 40);
    expect(budget.costOf('MigrateProductSet', 10)).toBe(40);
    budget.learnCost('MigrateProductSet', 20); // a smaller product: the big one's cost fades rather than sticking for good
    expect(budget.costOf('MigrateProductSet', 10)).toBe(38);
    expect(budget.costOf('MigrateRedirect', 10)).toBe(10);
  });
});
