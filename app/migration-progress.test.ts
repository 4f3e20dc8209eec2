import { describe, expect, it } from 'vitest';
import { entityStage, overallStage, ratePerSecond, secondsLeft } from './migration-progress.ts';

const counts = { total: 30, read: 20, unreadable: 2, written: 0, failed: 0, skipped: 0, readDone: false };

describe('migration progress', () => {
  it('counts records read (readable or not) against the source total while reading', () => {
    expect(entityStage(counts, 'extracting')).toEqual({ verb: 'read', done: 22, total: 30 });
    expect(entityStage({ ...counts, total: null }, 'extracting')).toEqual({ verb: 'read', done: 22, total: null });
    expect(entityStage({ ...counts, total: null, readDone: true }, 'analyzing')).toEqual({ verb: 'read', done: 22, total: 22 });
  });

  it('counts records written or kept with a reason against those read while writing', () => {
    expect(entityStage({ ...counts, written: 15, failed: 1, skipped: 1 }, 'loading')).toEqual({ verb: 'written', done: 17, total: 20 });
    // Redirects are staged while writing, so their read count may trail.
    expect(entityStage({ ...counts, read: 0, written: 5 }, 'loading')).toEqual({ verb: 'written', done: 5, total: 5 });
  });

  it('adds up entities, using what is done when a total is unknown', () => {
    expect(overallStage([counts, { ...counts, total: null }], 'extracting')).toEqual({ done: 44, total: 52 });
  });

  it('derives a rate from the samples of the last minute, and the time left from it', () => {
    expect(ratePerSecond([])).toBeNull();
    expect(ratePerSecond([{ at: 0, done: 0 }])).toBeNull();
    const samples = [
      { at: 0, done: 0 },
      { at: 70_000, done: 100 },
      { at: 80_000, done: 120 },
      { at: 90_000, done: 140 },
    ];
    expect(ratePerSecond(samples)).toBeCloseTo(2); // the sample at 0 is outside the minute
    expect(secondsLeft(140, 200, 2)).toBe(30);
    expect(secondsLeft(200, 200, 2)).toBeNull();
    expect(secondsLeft(10, 200, null)).toBeNull();
  });
});
