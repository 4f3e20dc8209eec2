// How far a migration has got, in the merchant's terms: while reading, records read out of the
// source's count; while writing, records written (or kept with a reason) out of those read.
// Shared by the dashboard (server) and the live migration page (browser).

export interface EntityCounts {
  total: number | null;
  read: number;
  unreadable: number;
  written: number;
  unchanged: number;
  failed: number;
  skipped: number;
  readDone: boolean;
}

const WRITING_PHASES = ['loading', 'verifying', 'done'];

export function isWriting(phase: string): boolean {
  return WRITING_PHASES.includes(phase);
}

export interface Stage {
  verb: 'read' | 'written';
  done: number;
  /** null while the source has not said how many there are. */
  total: number | null;
}

/**
 * What a progress line says, in the same words on the migration page and the command line. While
 * writing: `moved` counts only what this run wrote to Shopify, `unchanged` what an earlier run wrote
 * and had not changed (nothing sent), `skipped` what was rightly left out (a coupon used up, a record
 * kept as it is in Shopify), `notMoved` what could not be read or Shopify refused; the four add up to
 * `done`, out of every record the source had. While reading: records read, and those that could not be.
 */
export interface Tally extends Stage {
  moved: number;
  unchanged: number;
  skipped: number;
  notMoved: number;
}

export function entityTally(counts: EntityCounts, phase: string): Tally {
  if (isWriting(phase)) {
    const notMoved = counts.failed + counts.unreadable;
    const done = counts.written + counts.unchanged + counts.skipped + notMoved;
    // Redirects are derived while writing, so their "read" count can trail what was written.
    return {
      verb: 'written',
      done,
      total: Math.max(counts.read + counts.unreadable, done),
      moved: counts.written,
      unchanged: counts.unchanged,
      skipped: counts.skipped,
      notMoved,
    };
  }
  const done = counts.read + counts.unreadable;
  return {
    verb: 'read',
    done,
    total: counts.total ?? (counts.readDone ? done : null),
    moved: counts.read,
    unchanged: 0,
    skipped: 0,
    notMoved: counts.unreadable,
  };
}

/** The counts after "N of M written", in the same words everywhere: only those there are. */
export function tallyParts(tally: Tally, writing: boolean): { count: number; words: string }[] {
  return [
    { count: tally.unchanged, words: 'unchanged' },
    { count: tally.skipped, words: 'skipped' },
    { count: tally.notMoved, words: writing ? 'not moved' : 'unreadable' },
  ].filter((part) => part.count > 0);
}

export function entityStage(counts: EntityCounts, phase: string): Stage {
  const { verb, done, total } = entityTally(counts, phase);
  return { verb, done, total };
}

export function overallStage(entities: EntityCounts[], phase: string): { done: number; total: number } {
  const stages = entities.map((counts) => entityStage(counts, phase));
  return {
    done: stages.reduce((sum, stage) => sum + stage.done, 0),
    total: stages.reduce((sum, stage) => sum + (stage.total ?? stage.done), 0),
  };
}

export interface Sample {
  at: number;
  done: number;
}

/** Records a second over the last minute of samples; null until there are two samples to compare. */
export function ratePerSecond(samples: Sample[], windowMs = 60_000): number | null {
  const last = samples.at(-1);
  if (!last) return null;
  const first = samples.find((sample) => last.at - sample.at <= windowMs);
  if (!first || last.at - first.at < 1000 || last.done <= first.done) return null;
  return ((last.done - first.done) * 1000) / (last.at - first.at);
}

/**
 * The rate time left is counted at: on a development or trial store (`ordersPerMinute`, from the
 * plan) orders go no faster than the store takes them, whatever the last minute's pace, and that
 * pace is known before the first order is written (decision 0015).
 */
export function pacedRate(
  entity: string,
  rate: number | null,
  ordersPerMinute: number | null | undefined,
): number | null {
  if (entity !== 'orders' || !ordersPerMinute) return rate;
  const pace = ordersPerMinute / 60;
  return rate === null ? pace : Math.min(rate, pace);
}

export function secondsLeft(done: number, total: number, rate: number | null): number | null {
  if (rate === null || rate <= 0 || total <= done) return null;
  return Math.ceil((total - done) / rate);
}
