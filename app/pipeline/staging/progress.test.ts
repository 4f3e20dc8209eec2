// Following a migration's progress: every follower in a process shares one LISTEN connection, hears
// only its own migration, and keeps hearing after PostgreSQL drops the connection.
import { describe, expect, it } from 'vitest';
import { db } from '../../db/db.server.ts';
import { listenForProgress, notifyProgress } from './progress.server.ts';

const url = () => process.env.DATABASE_URL as string;

async function listeningConnections(): Promise<number> {
  const [row] = await db().$queryRaw<{ count: bigint }[]>`
    SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`;
  return Number(row?.count ?? 0);
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('not within the time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('following progress', () => {
  it('shares one connection among followers and tells each only of its own migration', async () => {
    const heard: string[] = [];
    const stopA = await listenForProgress(url(), 'migration-a', () => heard.push('a'));
    const stopA2 = await listenForProgress(url(), 'migration-a', () => heard.push('a2'));
    const stopB = await listenForProgress(url(), 'migration-b', () => heard.push('b'));
    expect(await listeningConnections()).toBe(1);

    await notifyProgress(db(), 'migration-a');
    await until(() => heard.length === 2);
    expect(heard.sort()).toEqual(['a', 'a2']);

    await stopA();
    await stopA2();
    await notifyProgress(db(), 'migration-b');
    await until(() => heard.includes('b'));
    expect(heard.sort()).toEqual(['a', 'a2', 'b']);

    await stopB();
    await until(async () => (await listeningConnections()) === 0);
  });

  it('listens again when PostgreSQL drops the connection', async () => {
    let heard = 0;
    const stop = await listenForProgress(url(), 'migration-c', () => heard++);
    await db()
      .$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`;
    await until(async () => (await listeningConnections()) === 1 && heard === 0);
    // The new connection may still be getting ready: notify until it hears.
    await until(async () => {
      await notifyProgress(db(), 'migration-c');
      await new Promise((resolve) => setTimeout(resolve, 100));
      return heard > 0;
    }, 10_000);
    await stop();
  });
});
