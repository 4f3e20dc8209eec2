import { describe, expect, it } from 'vitest';
import {
  entityStage,
  entityTally,
  overallStage,
  pacedRate,
  ratePerSecond,
  secondsLeft,
  tallyParts,
} from './progress.ts';

const counts = { total: 30, read: 20, unreadable: 2, written: 0, unchanged: 0, failed: 0, skipped: 0, readDone: false };

describe('migration progress', () => {
  it('counts records read (readable or not) against the source total while reading', () => {
    expect(entityStage(counts, 'extracting')).toEqual({ verb: 'read', done: 22, total: 30 });
    expect(entityStage({ ...counts, total: null }, 'extracting')).toEqual({ verb: 'read', done: 22, total: null });
    expect(entityStage({ ...counts, total: null, readDone: true }, 'analyzing')).toEqual({
      verb: 'read',
      done: 22,
      total: 22,
    });
  });

  it('counts records written, skipped or not moved (unreadable ones too) against every record read while writing', () => {
    expect(entityStage({ ...counts, written: 15, failed: 1, skipped: 1 }, 'loading')).toEqual({
      verb: 'written',
      done: 19,
      total: 22,
    });
    // Redirects are staged while writing, so their read count may trail.
    expect(entityStage({ ...counts, read: 0, unreadable: 0, written: 5 }, 'loading')).toEqual({
      verb: 'written',
      done: 5,
      total: 5,
    });
  });

  it('says written only of what was written: skipped and not moved apart, the three adding up to what is done', () => {
    const tally = entityTally({ ...counts, written: 15, failed: 1, skipped: 3 }, 'verifying');
    expect(tally).toEqual({ verb: 'written', done: 21, total: 22, moved: 15, unchanged: 0, skipped: 3, notMoved: 3 });
    expect(tally.moved + tally.unchanged + tally.skipped + tally.notMoved).toBe(tally.done);
    expect(entityTally(counts, 'extracting')).toEqual({
      verb: 'read',
      done: 22,
      total: 30,
      moved: 20,
      unchanged: 0,
      skipped: 0,
      notMoved: 2,
    });
  });

  it('counts what an earlier run wrote and that had not changed as unchanged, not written: written + unchanged + skipped + not moved = done', () => {
    // A second run of 22 records read: 1 changed and written, 17 unchanged, 1 skipped, 1 refused and 2 unreadable.
    const tally = entityTally({ ...counts, written: 1, unchanged: 17, skipped: 1, failed: 1 }, 'done');
    expect(tally).toEqual({ verb: 'written', done: 22, total: 22, moved: 1, unchanged: 17, skipped: 1, notMoved: 3 });
    expect(tally.moved + tally.unchanged + tally.skipped + tally.notMoved).toBe(tally.done);
    expect(tallyParts(tally, true)).toEqual([
      { count: 17, words: 'unchanged' },
      { count: 1, words: 'skipped' },
      { count: 3, words: 'not moved' },
    ]);
    // Only the counts there are; while reading, not moved reads as unreadable.
    expect(tallyParts(entityTally({ ...counts, written: 22, unreadable: 0 }, 'done'), true)).toEqual([]);
    expect(tallyParts(entityTally(counts, 'extracting'), false)).toEqual([{ count: 2, words: 'unreadable' }]);
    expect(entityStage({ ...counts, unchanged: 20, written: 2 }, 'loading')).toEqual({
      verb: 'written',
      done: 24,
      total: 24,
    });
  });

  it('counts orders no faster than a development or trial store takes them, from before the first is written', () => {
    expect(pacedRate('orders', null, 5)).toBeCloseTo(5 / 60);
    expect(pacedRate('orders', 10, 5)).toBeCloseTo(5 / 60);
    expect(pacedRate('orders', 0.01, 5)).toBe(0.01);
    expect(pacedRate('orders', 10, null)).toBe(10);
    expect(pacedRate('products', 10, 5)).toBe(10);
    // 60 orders left at 5 a minute: 12 minutes, however fast products went.
    expect(secondsLeft(40, 100, pacedRate('orders', null, 5))).toBe(720);
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
