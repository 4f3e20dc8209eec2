#!/usr/bin/env node
// The command line for agencies and scripted runs: `npx shipyard migrate --from <platform> …`
// runs the same jobs as the admin UI, with a worker of its own, and shows progress as it goes.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ENTITIES, type Entity } from '../connectors/model.ts';
import type { ReadablePlatform } from '../connectors/platform.ts';
import { offeredPlatform, platformLimits, readablePlatforms, sourcePlatforms } from '../connectors/registry.ts';
import { createConnector } from '../connectors/registry.server.ts';
import { DEMO_SHOP } from '../app/shopify-app/app-config.server.ts';
import { openDatabase } from '../app/db/database.server.ts';
import { disconnectDb } from '../app/db/db.server.ts';
import { type Env, EnvError, env, isLocalMode } from '../app/shopify-app/env.server.ts';
import { parseExchangeRates } from '../app/migrations/exchange-rates.ts';
import { releaseJobQueue } from '../app/db/jobs.server.ts';
import { startLocalMode } from '../app/shopify-app/local-mode.server.ts';
import { db } from '../app/db/db.server.ts';
import {
  MigrationNotFound,
  MigrationStateError,
  createMigration,
  pauseMigration,
  resumeMigration,
} from '../app/pipeline/lifecycle.server.ts';
import { startMigration } from '../app/pipeline/steps/extract.server.ts';
import { type InvitationRun, invitationSummary, sendInvitations } from '../app/pipeline/steps/invite.server.ts';
import {
  RESYNC_INTERVALS,
  type ResyncInterval,
  resyncMigration,
  scheduleResync,
} from '../app/pipeline/steps/resync.server.ts';
import { type UndoReport, undoMigration } from '../app/pipeline/steps/undo.server.ts';
import type { Verification } from '../app/pipeline/steps/verify.server.ts';
import { listenForProgress, progressSnapshot } from '../app/pipeline/staging/progress.server.ts';
import { reportCsv } from '../app/pipeline/staging/report.server.ts';
import { problemSummary } from '../app/pipeline/analysis/findings.server.ts';
import { everythingReadable } from '../app/migrations/drafts.server.ts';
import { channelNames, channelWarnings, channelsNamed } from '../app/migrations/sales-channels.ts';
import { adminClientFor } from '../app/shopify-admin/connection.server.ts';
import { readSalesChannels, type SalesChannel } from '../app/shopify-admin/sales-channels.server.ts';
import { startWorker } from '../jobs/runner.ts';
import { ProgressView, keptBackWords } from './progress-view.ts';
import { invitationLines } from './invitation-summary.ts';
import { customerDataLines } from './customer-data-lines.ts';
import { customerDataNotice } from '../app/pipeline/analysis/customer-data.server.ts';
import { undoSummary } from './undo-summary.ts';
import { warningLines } from './warning-lines.ts';
import { entityChoiceLines } from './entity-choice.ts';
import { longTextRule } from '../app/pipeline/entities/long-text-rule.server.ts';

/** The platforms `--from` takes here (those for tests and development only in tests and development). */
const PLATFORMS = sourcePlatforms().flatMap((platform) => offeredPlatform(platform.id) ?? []);

/** How to migrate from one platform: its credential fields as flags, the optional ones (a group) on a line of their own. */
function migrateUsage(platform: ReadablePlatform): string {
  const flag = (field: ReadablePlatform['fields'][number]) => `--${field.flag} ${field.flagValue}`;
  const required = platform.fields.filter((field) => !field.group).map(flag);
  const groups = (platform.groups ?? []).map(
    (group) =>
      `                   [${platform.fields
        .filter((field) => field.group === group.id)
        .map(flag)
        .join(' ')}]\n`,
  );
  return `  shipyard migrate --from ${platform.id} ${required.join(' ')} [--shop <shop>.myshopify.com]
                   [--only products,collections,customers,orders,…] [--since <date>] [--no-redirects] [--invite-customers] [--cut-long-text] [--broader-coupons] [--policies] [--report <file>]
                   [--exchange-rate EUR=1.0850 …] [--channels "Online Store,Point of Sale" | --channels none]
${groups.join('')}`;
}

/** The platforms' own flag help (a group's flags together), indented as the usage's. */
function flagHelp(platform: ReadablePlatform): string {
  return (platform.groups ?? [])
    .filter((group) => group.flagHelp)
    .map((group) => {
      const flags = platform.fields.filter((field) => field.group === group.id).map((field) => `--${field.flag}`);
      return `  ${flags.join(', ')}\n${(group.flagHelp ?? '')
        .split('\n')
        .map((line) => `             ${line}`)
        .join('\n')}\n`;
    })
    .join('');
}

const USAGE = `Usage:
${PLATFORMS.map(migrateUsage).join('')}  shipyard resume <migration id> [--shop …]
  shipyard resync <migration id> [--every hourly|daily|never] [--shop …] [--report <file>]
  shipyard undo <migration id> [--shop …]
  shipyard invite <migration id> [--shop …]

  --only     the entities to move: ${ENTITIES.join(', ')}. Without it, everything the store has and the
             credentials can read, as the setup page starts; what is left out is printed with the reason
  --since    move only what changed in the store after this date (2026-11-01 or 2026-11-01T09:00:00Z)
  --channels the sales channels, by name, that products and categories shoppers could see in the old
             store are published on (default: Online Store); none leaves everything unpublished.
             Drafts, private products and products hidden from the shop stay unpublished
${PLATFORMS.map(flagHelp).join('')}  resync     moves what changed or appeared in the store since the migration (or its last re-sync)
             started reading; --every repeats it on a schedule, --every never stops the schedule
  undo       deletes from Shopify what the migration and its re-syncs created; what the store had
             before (a customer with the same email) stays
  --invite-customers
             offer account invitations after launch (passwords cannot move to Shopify)
  --exchange-rate
             for orders in another currency than the Shopify store's: what one unit of it is worth in
             the store's currency (EUR=1.0850; repeat for more). Shopify records each order in both;
             without a rate such orders are kept back and listed in the report (no rate is guessed)
  --cut-long-text
             cut text longer than Shopify allows (255 characters for a title, tag or name, 5,000 for a
             customer note) at a word boundary, keeping the full text in a metafield; without it such
             a record is kept back with the reason
  --broader-coupons
             make a code of a coupon Shopify cannot hold exactly (maximum spend, an item limit, sale
             items excluded, a fixed cart coupon's exclusions) without that restriction, with a warning
             in the report; without it such a coupon is kept back with the reason
  --policies
             write the old store's privacy, refund and terms pages as the Shopify shop's policies
             (the policy the shop had is kept, and undo puts it back); without it they move as pages
  invite     emails an account invitation to each customer the migration and its re-syncs created
             (migrated with --invite-customers); customers the store already had and those already
             invited get none, those Shopify refused before are tried again

  --report   where the CSV report goes (default: <data dir>/reports/shipyard-report-<migration id>.csv, the data
             dir being SHIPYARD_DATA_DIR, .data): every record that did not move and every warning, each row
             with its severity (not moved / warning); written when there is either, and its path printed

The warnings the migration page shows (coupons changed or kept back, totals that differ, phone numbers not
kept, …) are printed after the analysis and again at the end.

Exit codes: 0 everything moved (warnings or not); 1 some records did not move or were skipped (the report path
is printed) or the migration failed, or Shopify refused some invitations (each is printed with its reason); 2 bad
arguments or connection.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    from: { type: 'string' },
    // Every platform's credential flags (--url, --key, …): its descriptor names them.
    ...Object.fromEntries(
      readablePlatforms().flatMap((platform) =>
        platform.fields.map((field) => [field.flag, { type: 'string' as const }]),
      ),
    ),
    shop: { type: 'string' },
    only: { type: 'string' },
    since: { type: 'string' },
    every: { type: 'string' },
    channels: { type: 'string' },
    'no-redirects': { type: 'boolean' },
    'invite-customers': { type: 'boolean' },
    'exchange-rate': { type: 'string', multiple: true },
    'cut-long-text': { type: 'boolean' },
    'broader-coupons': { type: 'boolean' },
    policies: { type: 'boolean' },
    report: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

const [command, migrationArg] = positionals;
if (values.help) {
  // Asked for, the help is the answer (stdout); after wrong arguments it is the error (stderr, exit 2).
  console.log(USAGE);
  process.exit(0);
}
if (!command || !['migrate', 'resume', 'resync', 'undo', 'invite'].includes(command)) fail(USAGE);
if (command !== 'migrate' && !migrationArg)
  fail(`${command} needs the migration's id (printed when it started).\n\n${USAGE}`);
const every = values.every === undefined ? undefined : values.every === 'never' ? null : values.every;
if (every !== undefined && (command !== 'resync' || (every !== null && !(every in RESYNC_INTERVALS))))
  fail(`--every goes with resync and is hourly, daily or never.\n\n${USAGE}`);

/**
 * The platform's credentials from its flags: a required one missing (or an address that is not one)
 * is said with the flag's own message; their format is the platform's schema's to check.
 */
function credentialArguments(platform: ReadablePlatform) {
  return z.object(
    Object.fromEntries(
      platform.fields.map((field) => {
        if (!field.missing) return [field.flag, z.string().optional()];
        return [
          field.flag,
          field.type === 'url' ? z.url({ error: field.missing }) : z.string({ error: field.missing }).min(1),
        ];
      }),
    ),
  );
}

const Arguments = z.object({
  from: z.string({ error: `--from is required (${PLATFORMS.map((platform) => platform.id).join(', ')})` }),
  only: z
    .array(
      z.enum(ENTITIES, { error: (issue) => `--only: ${String(issue.input)} is not one of ${ENTITIES.join(', ')}` }),
    )
    .optional(),
  since: z
    .string()
    .refine(
      (value) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) && !Number.isNaN(Date.parse(value)),
      { error: '--since must be a date, such as 2026-11-01 or 2026-11-01T09:00:00Z' },
    )
    .transform((value) => new Date(value))
    .refine((date) => date.getTime() <= Date.now(), {
      error: '--since is in the future: nothing could have changed after it',
    })
    .optional(),
});

let config: Env;
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
const runner = await startWorker({
  connectionString: database.url,
  concurrency: config.WORKER_CONCURRENCY,
  quiet: true,
});

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
  const platform = offeredPlatform(args.from);
  if (!platform) {
    console.error(`--from: ${args.from} is not one of ${PLATFORMS.map((candidate) => candidate.id).join(', ')}`);
    await shutdown(2);
  }
  const source = platform as ReadablePlatform;
  const flags = credentialArguments(source).safeParse(values);
  if (!flags.success) {
    console.error(flags.error.issues.map((issue) => issue.message).join('\n'));
    await shutdown(2);
  }
  // Optional fields (a group such as a second login) may be half given; the platform's schema says so.
  const given = flags.data as Record<string, string | undefined>;
  const credentials: Record<string, unknown> = Object.fromEntries(
    source.fields.map((field) => [field.name, given[field.flag]]),
  );
  const address = source.sourceAddress(credentials);
  const check = await Promise.resolve()
    .then(() => createConnector(args.from, credentials).testConnection())
    .catch((error: unknown) => ({
      ok: false as const,
      // The platform's credentials schema names what is malformed (a key's format, say).
      message:
        error instanceof z.ZodError
          ? error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
          : String(error),
    }));
  if (!check.ok) {
    console.error(`Cannot read the store at ${address}: ${check.message}`);
    await shutdown(2);
  }
  const available = check.ok ? check.description.counts : {};
  const entities: Entity[] = args.only ?? everythingReadable(available);
  if (!args.only)
    console.log(
      entityChoiceLines(
        available,
        entities,
        source,
        Object.keys(platformLimits(source.id, credentials)).length === 0,
      ).join('\n'),
    );
  if (entities.length === 0) {
    console.error('The store has nothing these credentials can read to move.');
    await shutdown(2);
  }
  const exchangeRates = parseExchangeRates((values['exchange-rate'] ?? []).join(','));
  if (typeof exchangeRates === 'string') {
    console.error(`--exchange-rate: ${exchangeRates}`);
    await shutdown(2);
  }
  const chosen =
    entities.includes('products') || entities.includes('collections') ? await chooseChannels(values.channels) : null;
  const migration = await createMigration({
    shop,
    platform: source.id,
    sourceUrl: address,
    credentials,
    entities,
    options: {
      unattended: true,
      redirects: !values['no-redirects'],
      inviteCustomers: values['invite-customers'] === true,
      exchangeRates,
      longText: values['cut-long-text'] ? 'cut' : 'keep-back',
      broaderCoupons: values['broader-coupons'] === true,
      policies: values.policies ? 'policies' : 'pages',
      ...(args.since ? { modifiedAfter: args.since.toISOString() } : {}),
      ...(chosen ? { channels: chosen } : {}),
    },
  });
  await startMigration(shop, migration.id);
  migrationId = migration.id;
  console.log(`Migration ${migrationId}: ${address} → ${shop}`);
} else {
  migrationId = migrationArg as string;
  try {
    if (command === 'resume') {
      await resumeMigration(shop, migrationId);
      console.log(`Resuming migration ${migrationId}`);
    } else if (command === 'resync') {
      const resync = await resyncMigration(shop, migrationId);
      console.log(
        `Re-sync ${resync.id} of migration ${migrationId}: what changed since ${(resync.options as { modifiedAfter: string }).modifiedAfter}`,
      );
      if (every !== undefined) {
        await scheduleResync(shop, resync.id, every as ResyncInterval | null);
        console.log(every ? `Re-syncs will run ${every}.` : 'No more scheduled re-syncs.');
      }
      migrationId = resync.id;
    } else if (command === 'invite') {
      await sendInvitations(shop, migrationId);
      console.log(`Sending account invitations for migration ${migrationId}`);
      await shutdown(await followInvitations(migrationId));
    } else {
      await undoMigration(shop, migrationId);
      console.log(`Undoing migration ${migrationId}: deleting from Shopify what it created`);
      await shutdown(await followUndo(migrationId));
    }
  } catch (error) {
    if (!(error instanceof MigrationStateError || error instanceof MigrationNotFound)) throw error;
    console.error(error.message);
    await shutdown(2);
  }
}

/**
 * The sales channels named by --channels (or the Online Store, as the setup page ticks it), with the
 * setup page's warnings; a name the shop has no channel for stops here, listing those it has.
 */
async function chooseChannels(names: string | undefined): Promise<string[]> {
  let channels: SalesChannel[];
  try {
    channels = await readSalesChannels(await adminClientFor(shop));
  } catch (error) {
    console.error(
      `Cannot read the sales channels of ${shop}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return shutdown(2);
  }
  const picked = channelsNamed(names, channels);
  if ('unknown' in picked) {
    console.error(
      `${shop} has no sales channel named ${picked.unknown.map((name) => `“${name}”`).join(', ')}; it has ${channels.map((channel) => `“${channel.name}”`).join(', ') || 'none'}.`,
    );
    return shutdown(2);
  }
  for (const warning of channelWarnings(picked.ids, channels)) console.log(`Warning: ${warning}`);
  const publishedOn = channelNames(picked.ids, channels);
  console.log(
    publishedOn.length > 0
      ? `What shoppers could see in the old store is published on ${publishedOn.join(', ')}.`
      : 'Nothing is published.',
  );
  return picked.ids;
}

/** Follows an undo to its end, prints what was deleted and what was not; 0 when everything went. */
async function followUndo(id: string): Promise<number> {
  let settle = () => {};
  const ended = new Promise<void>((resolve) => (settle = resolve));
  const check = async () => {
    const row = await db().migration.findFirst({ where: { id, shop }, select: { status: true } });
    if (row?.status !== 'undoing') settle();
  };
  const stop = await listenForProgress(database.url, id, () => void check());
  const poll = setInterval(() => void check(), 1000);
  await check();
  await ended;
  clearInterval(poll);
  await stop();
  const row = await db().migration.findFirstOrThrow({ where: { id, shop } });
  const lines = undoSummary(row.undo as UndoReport | null);
  console.log(lines.join('\n'));
  if (row.status !== 'undone') {
    console.error(`The undo stopped: ${row.error ?? ''}`);
    return 1;
  }
  return (row.undo as UndoReport | null)?.problems.length ? 1 : 0;
}

/** Follows the sending to its end and prints what was sent and refused; 0 when everyone was invited. */
async function followInvitations(id: string): Promise<number> {
  const sending = async () =>
    (
      (await db().migration.findFirst({ where: { id, shop }, select: { invitations: true } }))
        ?.invitations as InvitationRun | null
    )?.status === 'sending';
  while (await sending()) await new Promise((resolve) => setTimeout(resolve, 500));
  const summary = await invitationSummary(shop, id);
  console.log(invitationLines(summary).join('\n'));
  return summary.run?.error || summary.failed > 0 ? 1 : 0;
}

/** Where the catalog went, from the verification: how many products and collections are published, and how many stay unpublished. */
async function publishingLines(id: string): Promise<string[]> {
  const row = await db().migration.findFirst({ where: { id, shop }, select: { verification: true } });
  const publishing = (row?.verification as Verification | null)?.publishing;
  if (!publishing) return [];
  const left = publishing.products.unpublished + publishing.collections.unpublished;
  if (publishing.channels.length === 0)
    return [
      `No sales channel was chosen: none of the ${left} products and collections is published; shoppers see them once you publish them in Shopify.`,
    ];
  return [
    `Published on ${publishing.channels.join(', ')}: ${publishing.products.published} products and ${publishing.collections.published} collections.`,
    ...(left > 0 ? [`${left} stay unpublished: drafts, private or hidden in the old store.`] : []),
  ];
}

// Ctrl-C pauses: the jobs in hand finish, and `shipyard resume <id>` carries on from there.
process.once('SIGINT', () => {
  console.log(`\nPausing… resume with: npx shipyard resume ${migrationId}${values.shop ? ` --shop ${shop}` : ''}`);
  void pauseMigration(shop, migrationId).finally(() => shutdown(130));
});

const view = new ProgressView(process.stdout);
let settle = () => {};
const finished = new Promise<void>((resolve) => (settle = resolve));
let toldCustomerData = false;
let toldWarnings = false;
const refresh = async () => {
  const snapshot = await progressSnapshot(migrationId);
  if (!snapshot) return;
  // Once the analysis is done and writing begins: what the review page would have shown (the CLI does not wait for a review).
  if (snapshot.phase === 'loading' && !toldWarnings) {
    toldWarnings = true;
    const lines = warningLines(
      await problemSummary(migrationId),
      'The analysis found (the migration page shows the same; the report lists each record):',
    );
    if (lines.length > 0) {
      view.done();
      console.log(lines.join('\n'));
    }
  }
  // Said once, as soon as the plan (or a write) finds that Shopify refuses customers' personal data.
  const notice = toldCustomerData
    ? null
    : customerDataNotice(
        (await db().migration.findFirst({ where: { id: migrationId, shop }, select: { plan: true } }))?.plan,
      );
  // Checked again after the await: two refreshes may be reading at once.
  if (notice && !toldCustomerData) {
    toldCustomerData = true;
    view.done();
    console.log(customerDataLines(notice).join('\n'));
  }
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
const longText = await db().migrationProblem.count({ where: { migrationId, code: 'text-too-long' } });
if (longText > 0) {
  const rule = longTextRule(
    (await db().migration.findFirst({ where: { id: migrationId, shop }, select: { options: true } }))?.options,
  );
  console.log(
    rule === 'cut'
      ? `${longText} record${longText === 1 ? '' : 's'} had text longer than Shopify allows: cut at a word boundary, the full text kept in a metafield (shipyard.full_…).`
      : `${longText} record${longText === 1 ? '' : 's'} had text longer than Shopify allows and ${longText === 1 ? 'was' : 'were'} kept back; --cut-long-text moves them cut, the full text kept.`,
  );
}
for (const line of await publishingLines(migrationId)) console.log(line);
const warnings = await problemSummary(migrationId);
for (const line of warningLines(warnings, 'Warnings (as on the migration page):')) console.log(line);
// In the progress bars' words: skipped apart from not moved (refused or unreadable); the report lists both.
const notMoved = (final?.entities ?? []).reduce((sum, entity) => sum + entity.failed + entity.unreadable, 0);
const skipped = (final?.entities ?? []).reduce((sum, entity) => sum + entity.skipped, 0);
const changed = await db().sourceRecord.count({ where: { migrationId, status: 'written', reason: { not: null } } });
if (notMoved + skipped === 0 && warnings.length === 0 && changed === 0) {
  console.log('Everything moved.');
  await shutdown(0);
}
const file = await writeReport(migrationId);
if (notMoved + skipped > 0) {
  console.log(`${keptBackWords(notMoved, skipped)}; the reasons are in ${file}`);
  await shutdown(1);
}
console.log(`Everything moved; the warnings are in ${file}`);
await shutdown(0);

/** The CSV report where --report says, or in the data folder's reports folder; returns its path. */
async function writeReport(id: string): Promise<string> {
  const file = path.resolve(
    values.report ?? path.join(config.SHIPYARD_DATA_DIR, 'reports', `shipyard-report-${id}.csv`),
  );
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.from(await new Response(reportCsv(id)).arrayBuffer()));
  return file;
}
