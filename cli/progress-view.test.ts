import { describe, expect, it } from 'vitest';
import type { ProgressSnapshot } from '../app/pipeline/staging/progress.server.ts';
import { ProgressView, keptBackWords } from './progress-view.ts';

const entity = (name: string, counts: Partial<ProgressSnapshot['entities'][number]>) => ({
  entity: name,
  total: null,
  read: 0,
  unreadable: 0,
  written: 0,
  unchanged: 0,
  failed: 0,
  skipped: 0,
  readDone: true,
  ...counts,
});
const snapshot = (
  phase: string,
  entities: ProgressSnapshot['entities'],
  ordersPerMinute: number | null = null,
): ProgressSnapshot => ({
  migrationId: 'm',
  status: 'running',
  phase,
  error: null,
  entities,
  ordersPerMinute,
  at: new Date(0).toISOString(),
});

describe('the CLI progress lines', () => {
  it('says written only of what was written, skipped and not moved apart, and redirects out of their total', () => {
    const view = new ProgressView(process.stdout);
    const lines = view.lines(
      snapshot('verifying', [
        entity('discounts', { total: 6, read: 5, unreadable: 1, written: 3, skipped: 1, failed: 1 }),
        entity('redirects', { total: 7, read: 7, written: 7 }),
      ]),
      0,
    );
    expect(lines[1]).toMatch(/^discounts\s+[█░]+ 3\/6 written · 1 skipped · 2 not moved$/);
    expect(lines[2]).toMatch(/^redirects\s+[█░]+ 7\/7 written$/);
  });

  it('says unchanged of what an earlier run wrote, apart from what this run wrote, the bar full when all are done', () => {
    const view = new ProgressView(process.stdout);
    const lines = view.lines(
      snapshot('done', [entity('products', { total: 6, read: 6, written: 1, unchanged: 4, skipped: 1 })]),
      0,
    );
    expect(lines[1]).toBe(`products     ${'█'.repeat(24)} 1/6 written · 4 unchanged · 1 skipped`);
  });

  it('counts the orders’ time left at the pace a development store takes them, before the first is written', () => {
    const view = new ProgressView(process.stdout);
    const [, orders] = view.lines(snapshot('loading', [entity('orders', { total: 60, read: 60 })], 5), 0);
    expect(orders).toMatch(/0\/60 written · 12:00 left$/);
  });

  it('says redirects are made once the catalog is written while reading', () => {
    const view = new ProgressView(process.stdout);
    expect(view.lines(snapshot('extracting', [entity('redirects', {})]), 0)[1]).toBe(
      'redirects    made once products and collections are written',
    );
  });

  it('ends with what did not move and what was skipped apart, as the bars count them', () => {
    expect(keptBackWords(2, 3)).toBe('2 records did not move and 3 were skipped');
    expect(keptBackWords(1, 1)).toBe('1 record did not move and 1 was skipped');
    expect(keptBackWords(2, 0)).toBe('2 records did not move');
    expect(keptBackWords(0, 1)).toBe('1 record was skipped');
  });
});
