// npm run worker: a worker process of its own, on the same database as the app.
import { openDatabase } from '../app/db/database.server.ts';
import { disconnectDb } from '../app/db/db.server.ts';
import { env } from '../app/shopify-app/env.server.ts';
import { startWorker } from './runner.ts';

const config = env();
const database = await openDatabase(config);
process.env.DATABASE_URL = database.url;
const runner = await startWorker({ connectionString: database.url, concurrency: config.WORKER_CONCURRENCY });
console.log(`worker running with concurrency ${config.WORKER_CONCURRENCY}`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing the jobs in hand`);
  await runner.stop();
  await disconnectDb();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
await runner.promise;
