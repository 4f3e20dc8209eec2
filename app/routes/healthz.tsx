// GET /healthz: 200 when the app can reach its database, 503 otherwise. For load balancers and CI.
import { db } from '../db/db.server.ts';

export const loader = async () => {
  const started = performance.now();
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ status: 'ok', database: 'reachable', databaseMs: Math.round(performance.now() - started) });
  } catch (error) {
    console.error('health check: database unreachable', error instanceof Error ? error.message : error);
    return Response.json({ status: 'error', database: 'unreachable' }, { status: 503 });
  }
};
