// Ctrl-C in a terminal signals the whole foreground process group. The embedded PostgreSQL runs in a
// group of its own, so a process that pauses its migration on Ctrl-C (the CLI) still has its
// database, closes its pools, and only then stops PostgreSQL — rather than finding it gone.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../test/support/postgres.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipyard-ctrl-c-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('Ctrl-C under a process with the embedded PostgreSQL', () => {
  it('leaves the database up until the process has used it and closed its pool, then it exits 0', async () => {
    const script = `
      import { openDatabase } from ${JSON.stringify(path.join(ROOT, 'app/db/database.server.ts'))};
      import { openPool } from ${JSON.stringify(path.join(ROOT, 'app/db/pool.server.ts'))};
      import { env } from ${JSON.stringify(path.join(ROOT, 'app/shopify-app/env.server.ts'))};
      const database = await openDatabase(env(), () => {});
      const pool = openPool(database.url);
      await pool.query('SELECT 1');
      process.once('SIGINT', async () => {
        // As the CLI does: the migration is paused (a moment's work on the database), then everything closes.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const { rows } = await pool.query('SELECT 42 AS answer');
        console.log('answered ' + rows[0].answer);
        await pool.end();
        await database.close();
        process.exit(0);
      });
      setInterval(() => {}, 1000);
      console.log('ready');
    `;
    // detached: the child leads a process group of its own, as a terminal's foreground job does.
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      detached: true,
      env: {
        PATH: process.env.PATH ?? '',
        SHIPYARD_DATA_DIR: dataDir,
        SHIPYARD_PG_PORT: String(await freePort()),
        NODE_ENV: 'test',
      },
    });
    let stdout = '';
    let stderr = '';
    const ready = new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => ((stdout += chunk.toString()), stdout.includes('ready') && resolve())),
    );
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await Promise.race([ready, exited]);
    expect(stdout, stderr).toContain('ready');
    process.kill(-(child.pid as number), 'SIGINT'); // the terminal's Ctrl-C: every process of the group
    expect(await exited, stderr).toBe(0);
    expect(stdout).toContain('answered 42');
    expect(stderr).toBe('');
  }, 90_000);
});
