// Records written per minute over a migration's life, from samples of the running total (one per
// batch written, plus the live ones the progress stream brings): equal buckets of whole minutes,
// at most `maxPoints` of them, each the records written in it per minute (the one under way by the
// time it has had).

export interface WrittenPoint {
  /** Milliseconds since the epoch. */
  at: number;
  written: number;
}

export interface RatePoint {
  /** The bucket's end, in milliseconds since the epoch. */
  at: number;
  perMinute: number;
}

const MINUTE = 60_000;
const MIN_PARTIAL_MS = 15_000;

export function writesPerMinute(samples: WrittenPoint[], maxPoints = 60): RatePoint[] {
  const sorted = [...samples].sort((a, b) => a.at - b.at);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last || last.at - first.at <= 0) return [];
  const bucketMinutes = Math.max(1, Math.ceil((last.at - first.at) / maxPoints / MINUTE));
  const bucketMs = bucketMinutes * MINUTE;
  const buckets = Math.max(1, Math.ceil((last.at - first.at) / bucketMs));
  // The running total at a moment: the last sample taken by then.
  let index = 0;
  let total = first.written;
  const writtenBy = (moment: number) => {
    while (index < sorted.length && (sorted[index]?.at ?? Infinity) <= moment)
      total = Math.max(total, sorted[index++]?.written ?? total);
    return total;
  };
  const points: RatePoint[] = [];
  let before = first.written;
  for (let bucket = 1; bucket <= buckets; bucket++) {
    const start = first.at + (bucket - 1) * bucketMs;
    const end = Math.min(first.at + bucket * bucketMs, last.at);
    // The minute under way counts by the time it has had; a few seconds of it would only make a spike.
    const minutes = (end - start) / MINUTE;
    if (end - start < bucketMs && end - start < MIN_PARTIAL_MS && points.length > 0) break;
    const now = writtenBy(end);
    points.push({ at: end, perMinute: Math.max(0, now - before) / minutes });
    before = now;
  }
  return points;
}

export interface ThroughputSummary {
  latest: number;
  peak: number;
  average: number;
  /** Minutes the samples cover. */
  minutes: number;
}

export function summarize(points: RatePoint[], samples: WrittenPoint[]): ThroughputSummary | null {
  const latest = points.at(-1);
  if (!latest) return null;
  const times = samples.map((sample) => sample.at);
  const written = samples.map((sample) => sample.written);
  const minutes = (Math.max(...times) - Math.min(...times)) / MINUTE;
  return {
    latest: latest.perMinute,
    peak: Math.max(...points.map((point) => point.perMinute)),
    average: minutes > 0 ? (Math.max(...written) - Math.min(...written)) / minutes : 0,
    minutes,
  };
}
