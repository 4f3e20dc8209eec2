#!/usr/bin/env node
// The command line for agencies and scripted runs: `npx shipyard migrate --from woocommerce …`
// runs the same jobs as the admin UI, with a worker of its own, and shows progress as it goes.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ENTITIES, type Entity } from '../connectors/model.ts';
import { createConnector } from '../connectors/registry.server.ts';
import { DEMO_SHOP } from '../app/app-config.server.ts';
import { openDatabase } from '../app/db/database.server.ts';
import { disconnectDb } from '../app/db.server.ts';
import { EnvError, env, isLocalMode } from '../app/env.server.ts';
import { releaseJobQueue } from '../app/jobs.server.ts';
import { startLocalMode } from '../app/local-mode.server.ts';
import { createMigration, pauseMigration, resumeMigration, startMigration } from '../app/pipeline/lifecycle.server.ts';
import { listenForProgress, progressSnapshot } from '../app/pipeline/progress.server.ts';
import { reportCsv } from '../app/pipeline/report.server.ts';
import { startWorker } from '../jobs/runner.ts';
import { ProgressView } from './progress-view.ts';

const USAGE = `Usage:
  shipyard migrate --from woocommerce --url <store URL> --key <consumer key> --secret <consumer secret> [--shop <shop>.myshopify.com] [--only products,collections] [--no-redirects] [--report-dir .]
  shipyard resume <migration id> [--shop …]

Exit codes: 0 everything moved; 1 some records did not move (the report path is printed) or the migration failed; 2 bad arguments or connection.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    from: { type: 'string' },
    url: { type: 'string' },
    key: { type: 'string' },
    secret: { type: 'string' },
    shop: { type: 'string' },
    only: { type: 'string' },
    'no-redirects': { type: 'boolean' },
    'report-dir': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

const [command, migrationArg] = positionals;
if (values.help || !command || !['migrate', 'resume'].includes(command)) fail(USAGE, values.help ? 0 : 2);

const Arguments = z.object({
  from: z.string({ error: '--from is required (woocommerce)' }),
  url: z.url({ error: '--url must be the store address, such as https://old-store.example.com' }),
  key: z.string({ error: '--key is required (the REST API consumer key, ck_…)' }).min(1),
  secret: z.string({ error: '--secret is required (the REST API consumer secret, cs_…)' }).min(1),
  only: z.array(z.enum(ENTITIES)).optional(),
});

let config;
try {
  config = env();
} catch (error) {
  if (error instanceof EnvError) fail(error.message);
  throw error;
}
const shop = values.shop ?? (isLocalMode(config) ? DEMO_SHOP : fail('--shop is required outside local mode'));

const database = await openDatabase(config, () => {});
process.env.DATABASE_URL = database.url;
const local = isLocalMode(config) ? await startLocalMode(config, database.url, () => {}) : undefined;
const runner = await startWorker({ connectionString: database.url, concurrency: config.WORKER_CONCURRENCY, quiet: true });

async function shutdown(code: number): Promise<never> {
  await runner.stop();
  await local?.stop();
  await releaseJobQueue();
  await disconnectDb();
  await database.close();
  process.exit(code);
}

let migrationId: string;
if (command === 'migrate') {
  const parsed = Arguments.safeParse({ ...values, only: values.only?.split(',').map((entity) => entity.trim()) });
  if (!parsed.success) {
    console.error(parsed.error.issues.map((issue) => issue.message).join('\n'));
    await shutdown(2);
  }
  const args = parsed.data as z.infer<typeof Arguments>;
  const credentials = { url: args.url, consumerKey: args.key, consumerSecret: args.secret };
  const check = await Promise.resolve()
    .then(() => createConnector(args.from, credentials).testConnection())
    .catch((error: unknown) => ({
      ok: false as const,
      // The platform's credentials schema names what is malformed (a key's format, say).
      message: error instanceof z.ZodError ? error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') : String(error),
    }));
  if (!check.ok) {
    console.error(`Cannot read the store at ${args.url}: ${check.message}`);
    await shutdown(2);
  }
  const entities: Entity[] = args.only ?? ['collections', 'products'];
  const migration = await createMigration({
    shop, platform: args.from, sourceUrl: args.url, credentials, entities,
    options: { unattended: true, redirects: !values['no-redirects'] },
  });
  await startMigration(shop, migration.id);
  migrationId = migration.id;
  console.log(`Migration ${migrationId}: ${args.url} → ${shop}`);
} else {
  if (!migrationArg) fail(USAGE);
  migrationId = migrationArg;
  await resumeMigration(shop, migrationId);
  console.log(`Resuming migration ${migrationId}`);
}

// Ctrl-C pauses: the jobs in hand finish, and `shipyard resume <id>` carries on from there.
process.once('SIGINT', () => {
  console.log(`\nPausing… resume with: npx shipyard resume ${migrationId}${values.shop ? ` --shop ${shop}` : ''}`);
  void pauseMigration(shop, migrationId).finally(() => shutdown(130));
});

const view = new ProgressView(process.stdout);
let settle = () => {};
const finished = new Promise<void>((resolve) => (settle = resolve));
const refresh = async () => {
  const snapshot = await progressSnapshot(migrationId);
  if (!snapshot) return;
  view.render(snapshot);
  if (['completed', 'failed', 'cancelled'].includes(snapshot.status)) settle();
};
const stopListening = await listenForProgress(database.url, migrationId, () => void refresh());
const timer = setInterval(() => void refresh(), 1000); // also catches changes made without a notification
await finished;
clearInterval(timer);
await stopListening();

const final = await progressSnapshot(migrationId);
view.done();
if (final?.status !== 'completed') {
  console.error(`The migration ${final?.status ?? 'disappeared'}: ${final?.error ?? ''}`);
  await shutdown(1);
}
const notMoved = (final?.entities ?? []).reduce((sum, entity) => sum + entity.failed + entity.unreadable + entity.skipped, 0);
if (notMoved > 0) {
  const file = path.resolve(values['report-dir'] ?? '.', `shipyard-report-${migrationId}.csv`);
  fs.writeFileSync(file, Buffer.from(await new Response(reportCsv(migrationId)).arrayBuffer()));
  console.log(`${notMoved} record${notMoved === 1 ? '' : 's'} did not move; the reasons are in ${file}`);
  await shutdown(1);
}
console.log('Everything moved.');
await shutdown(0);
