// Runs a Node script with DATABASE_URL set: the one given, or the embedded PostgreSQL in the data
// folder (started if need be, stopped after). devstore's own commands use it, since devstore may not
// import the app's database code.   node scripts/with-database.ts devstore/main.ts [args…]
import { spawn } from 'node:child_process';
import { openDatabase } from '../app/db/database.server.ts';
import { env } from '../app/shopify-app/env.server.ts';

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/with-database.ts <script.ts> [args…]');
  process.exit(2);
}
const database = await openDatabase(env());
const child = spawn(process.execPath, [script, ...args], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: database.url },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
const code = await new Promise<number>((resolve) =>
  child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))),
);
await database.close();
process.exit(code);
