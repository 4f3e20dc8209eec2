import { afterEach, describe, expect, it } from 'vitest';
import { disconnectDb } from '../db/db.server.ts';
import { loader } from './healthz.tsx';

const reachable = process.env.DATABASE_URL;

afterEach(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = reachable;
});

describe('/healthz', () => {
  it('answers 200 when the database answers', async () => {
    const response = await loader();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'reachable' });
  });

  it('answers 503 when the database does not', async () => {
    await disconnectDb();
    process.env.DATABASE_URL = 'postgresql://nobody:wrong@127.0.0.1:1/nothing';
    const response = await loader();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'error', database: 'unreachable' });
  });
});
