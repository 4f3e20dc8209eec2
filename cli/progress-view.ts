// Draws a migration's progress on a terminal: one bar per entity with counts, rate and time left;
// on a pipe (CI, logs) a plain line every few seconds instead. The counts are the migration page's
// (app/migrations/progress.ts), so both say the same numbers.
import { entityTally, isWriting, pacedRate, secondsLeft, tallyParts } from '../app/migrations/progress.ts';
import type { ProgressSnapshot } from '../app/pipeline/staging/progress.server.ts';

const WIDTH = 24;

function bar(done: number, total: number): string {
  const filled = total > 0 ? Math.min(WIDTH, Math.round((done / total) * WIDTH)) : 0;
  return `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
    : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The end of a run in the bars' words: "2 records did not move and 3 were skipped". */
export function keptBackWords(notMoved: number, skipped: number): string {
  const records = (count: number) => `${count} record${count === 1 ? '' : 's'}`;
  const wereSkipped = `${skipped === 1 ? 'was' : 'were'} skipped`;
  if (skipped === 0) return `${records(notMoved)} did not move`;
  if (notMoved === 0) return `${records(skipped)} ${wereSkipped}`;
  return `${records(notMoved)} did not move and ${skipped} ${wereSkipped}`;
}

export class ProgressView {
  private readonly out: NodeJS.WriteStream;
  private drawnLines = 0;
  private lastPlain = 0;
  private readonly firstSeen = new Map<string, { at: number; done: number }>();

  constructor(out: NodeJS.WriteStream) {
    this.out = out;
  }

  lines(snapshot: ProgressSnapshot, now = Date.now()): string[] {
    const header = `${snapshot.status} · ${snapshot.phase}`;
    return [
      header,
      ...snapshot.entities.map((entity) => {
        const stage = entityTally(entity, snapshot.phase);
        const writing = isWriting(snapshot.phase);
        // Redirects are made from what was written: before writing there is nothing to count.
        if (entity.entity === 'redirects' && !writing)
          return `${entity.entity.padEnd(12)} made once products and collections are written`;
        const first = this.firstSeen.get(`${stage.verb}:${entity.entity}`) ?? { at: now, done: stage.done };
        this.firstSeen.set(`${stage.verb}:${entity.entity}`, first);
        const observed =
          now > first.at && stage.done > first.done ? ((stage.done - first.done) * 1000) / (now - first.at) : null;
        const running = snapshot.status === 'running';
        const left =
          running && stage.total !== null
            ? secondsLeft(
                stage.done,
                stage.total,
                writing ? pacedRate(entity.entity, observed, snapshot.ordersPerMinute) : observed,
              )
            : null;
        const counts = [
          `${stage.moved}/${stage.total ?? '?'} ${stage.verb}`,
          ...tallyParts(stage, writing).map((part) => `${part.count} ${part.words}`),
          ...(observed ? [`${observed.toFixed(1)}/s`] : []),
          ...(left !== null ? [`${duration(left)} left`] : []),
        ];
        return `${entity.entity.padEnd(12)} ${bar(stage.done, stage.total ?? stage.done)} ${counts.join(' · ')}`;
      }),
    ];
  }

  render(snapshot: ProgressSnapshot): void {
    const lines = this.lines(snapshot);
    if (this.out.isTTY) {
      if (this.drawnLines > 0) this.out.write(`\x1b[${this.drawnLines}A`);
      this.out.write(lines.map((line) => `\x1b[2K${line}`).join('\n') + '\n');
      this.drawnLines = lines.length;
    } else if (Date.now() - this.lastPlain > 5000 || ['completed', 'failed', 'cancelled'].includes(snapshot.status)) {
      this.lastPlain = Date.now();
      this.out.write(`${lines.join('\n')}\n`);
    }
  }

  done(): void {
    this.drawnLines = 0;
  }
}
