// npm start: resolves the database (embedded PostgreSQL unless DATABASE_URL is set), applies
// migrations, in local mode starts devstore (the demo shop's Admin API), starts the job worker
// in-process, and serves the Remix app.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import express from 'express';
import type { Runner } from 'graphile-worker';
import { openDatabase } from './app/db/database.server.ts';
import { disconnectDb } from './app/db/db.server.ts';
import { startLocalMode } from './app/shopify-app/local-mode.server.ts';
import { EnvError, env, isLocalMode } from './app/shopify-app/env.server.ts';
import { startWorker } from './jobs/runner.ts';

const root = path.dirname(fileURLToPath(import.meta.url));
// `npm start` serves the production build; React and Remix must agree on that.
process.env.NODE_ENV ??= 'production';

let config;
try {
  config = env();
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const database = await openDatabase(config);
process.env.DATABASE_URL = database.url;

const local = isLocalMode(config) ? await startLocalMode(config, database.url) : undefined;

let runner: Runner | undefined;
if (config.RUN_WORKER) {
  runner = await startWorker({ connectionString: database.url, concurrency: config.WORKER_CONCURRENCY });
}

const build = (await import(path.join(root, 'build/index.js'))) as ServerBuild;
const app = express();
app.disable('x-powered-by');
// Remix's fingerprinted assets never change; everything else in public/ may.
app.use('/build', express.static(path.join(root, 'public/build'), { immutable: true, maxAge: '1y' }));
app.use(express.static(path.join(root, 'public'), { maxAge: '1h' }));
app.all('*', createRequestHandler({ build, mode: config.NODE_ENV }));

const server = app.listen(config.PORT, () => {
  const where = `http://localhost:${config.PORT}`;
  console.log(
    isLocalMode(config) ? `Shipyard (local mode, demo shop) at ${where}/app` : `Shipyard listening on ${where}`,
  );
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await runner?.stop();
  await local?.stop();
  await disconnectDb();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
