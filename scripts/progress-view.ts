// Draws a migration's progress on a terminal: one bar per entity with counts, rate and time left;
// on a pipe (CI, logs) a plain line every few seconds instead.
import type { ProgressSnapshot } from '../app/pipeline/progress.server.ts';

const WIDTH = 24;

function bar(done: number, total: number): string {
  const filled = total > 0 ? Math.min(WIDTH, Math.round((done / total) * WIDTH)) : 0;
  return `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
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
        const total = entity.total ?? entity.read;
        const reading = snapshot.phase === 'extracting' || snapshot.phase === 'analyzing';
        const done = reading ? entity.read + entity.unreadable : entity.written + entity.failed + entity.skipped;
        const first = this.firstSeen.get(`${snapshot.phase}:${entity.entity}`) ?? { at: now, done };
        this.firstSeen.set(`${snapshot.phase}:${entity.entity}`, first);
        const rate = (done - first.done) / Math.max(0.001, (now - first.at) / 1000);
        const left = rate > 0 ? (total - done) / rate : Number.NaN;
        const verb = reading ? 'read' : 'written';
        return `${entity.entity.padEnd(12)} ${bar(done, total)} ${done}/${total} ${verb} · ${entity.failed + entity.unreadable} not moved · ${rate > 0 ? rate.toFixed(1) : '0'}/s · ${duration(left)} left`;
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
