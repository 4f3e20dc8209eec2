// A process keeps running (and exits 0) when PostgreSQL ends the connections of its idle pool, as the
// embedded server does when it stops at the end of a CLI run; a bare pg.Pool dies of it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isConnectionEnded } from './pool.server.ts';

const POOL_MODULE = path.join(import.meta.dirname, 'pool.server.ts');

/**
 * A child process with an idle pool whose server connection is then ended by PostgreSQL
 * (pg_terminate_backend: the same 57P01 a shutdown sends); it waits until the pool has let the
 * client go, then exits 0.
 */
function poolLosingItsServer(pool: 'bare' | 'shipyard'): Promise<{ code: number | null; stderr: string }> {
  const script = `
    import pg from 'pg';
    import { openPool } from ${JSON.stringify(POOL_MODULE)};
    const url = process.env.DATABASE_URL;
    const pool = ${pool === 'bare' ? 'new pg.Pool({ connectionString: url })' : 'openPool(url)'};
    const { rows } = await pool.query('SELECT pg_backend_pid() AS pid');
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
    await admin.end();
    while (pool.totalCount > 0) await new Promise((resolve) => setImmediate(resolve));
    await pool.end();
    process.exit(0);
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: process.env.DATABASE_URL ?? '', NODE_ENV: 'test' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

describe('a pool whose PostgreSQL ends its connections', () => {
  it('kills a process with a bare pg.Pool (the crash the CLI had at exit)', async () => {
    const { code, stderr } = await poolLosingItsServer('bare');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/terminating connection due to administrator command/);
  });

  it('leaves a process with openPool running, exiting 0 with nothing on stderr', async () => {
    const { code, stderr } = await poolLosingItsServer('shipyard');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('knows PostgreSQL’s shutdown codes and pg’s closed socket, and nothing else', () => {
    expect(isConnectionEnded({ code: '57P01', message: 'terminating connection due to administrator command' })).toBe(
      true,
    );
    expect(isConnectionEnded(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionEnded({ code: '23505', message: 'duplicate key value' })).toBe(false);
  });
});
