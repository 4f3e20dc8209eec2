import { describe, expect, it } from 'vitest';
import { summarize, writesPerMinute } from './throughput.ts';

const at = (minutes: number) => Date.UTC(2026, 10, 22, 8, 0, 0) + minutes * 60_000;

describe('records written per minute', () => {
  it('counts what was written in each minute from the running total', () => {
    const samples = [
      { at: at(0), written: 100 },
      { at: at(0.5), written: 200 },
      { at: at(1), written: 300 },
      { at: at(1.5), written: 300 },
      { at: at(2.5), written: 350 },
      { at: at(3), written: 500 },
    ];
    const points = writesPerMinute(samples);
    expect(points.map((point) => point.perMinute)).toEqual([200, 0, 200]);
    expect(points.map((point) => point.at)).toEqual([at(1), at(2), at(3)]);
    expect(summarize(points, samples)).toEqual({ latest: 200, peak: 200, average: 400 / 3, minutes: 3 });
  });

  it('keeps a long run to at most the points asked for, each a rate per minute', () => {
    const samples = Array.from({ length: 241 }, (_, minute) => ({ at: at(minute), written: minute * 50 }));
    const points = writesPerMinute(samples, 60);
    expect(points).toHaveLength(60);
    expect(new Set(points.map((point) => point.perMinute))).toEqual(new Set([50]));
  });

  it('counts the minute under way by the time it has had, once it has had a quarter of one', () => {
    expect(
      writesPerMinute([
        { at: at(0), written: 0 },
        { at: at(0.1), written: 60 },
      ]),
    ).toEqual([{ at: at(0.1), perMinute: 600 }]);
    const running = [
      { at: at(0), written: 0 },
      { at: at(1), written: 100 },
      { at: at(1.1), written: 150 },
    ];
    expect(writesPerMinute(running)).toEqual([{ at: at(1), perMinute: 100 }]);
    expect(writesPerMinute([...running, { at: at(1.5), written: 200 }]).at(-1)).toEqual({
      at: at(1.5),
      perMinute: 200,
    });
  });

  it('draws nothing from one sample', () => {
    expect(writesPerMinute([{ at: at(0), written: 5 }])).toEqual([]);
    expect(summarize([], [])).toBeNull();
  });
});
