// A clone in root's own home folder (mode 0700): the `postgres` user the server runs as can reach
// neither the data folder nor the server binaries inside node_modules, and both must still work.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../test/support/postgres.ts';
import { type EmbeddedCluster, startEmbeddedPostgres } from './embedded-postgres.server.ts';

const asRoot = process.getuid?.() === 0;

async function installedServer(): Promise<string> {
  const { postgres } = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { postgres: string };
  return path.dirname(path.dirname(postgres));
}

// Only root runs the server as another user; CI and a newcomer's machine here run as root.
describe.runIf(asRoot)('the embedded PostgreSQL in a folder only root can enter', () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'shipyard-private-home-'));
  let cluster: EmbeddedCluster | undefined;

  afterAll(async () => {
    await cluster?.stop();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('runs the server from a copy the postgres user can reach, with its data outside the private folder', async () => {
    fs.chmodSync(home, 0o700);
    const server = path.join(home, 'clone', 'node_modules', 'server');
    fs.mkdirSync(path.dirname(server), { recursive: true });
    fs.cpSync(await installedServer(), server, { recursive: true, verbatimSymlinks: true });
    const lines: string[] = [];

    cluster = await startEmbeddedPostgres({
      dataDir: path.join(home, 'clone', '.data'),
      port: await freePort(),
      ephemeral: true,
      server,
      log: (line) => lines.push(line),
    });

    const client = new pg.Client({ connectionString: cluster.url('postgres') });
    await client.connect();
    const { rows } = await client.query<{ answer: number }>('select 6 * 7 as answer');
    await client.end();
    expect(rows[0]?.answer).toBe(42);
    expect(lines.join('\n')).toMatch(
      /not reachable by the postgres user; running the embedded server from \/var\/tmp\/shipyard\/postgres-/,
    );
    expect(lines.join('\n')).toMatch(
      /not reachable by the postgres user; keeping the embedded database in \/var\/tmp\/shipyard\//,
    );
    expect(fs.existsSync(path.join(home, 'clone', '.data', 'cluster'))).toBe(false);
  });
});
