// The jobs that carry a migration forward, each with its key and its queue in one place.
//
// A key keeps one pending job per step: queueing the same step again replaces it rather than
// adding a second. A key does not cover a job a worker already holds — graphile-worker then adds
// a new one — so each migration's jobs also go into named queues, which run one job at a time:
// reading runs one queue per entity (entities are read in parallel, pages of one entity never
// are), and everything after reading shares one queue. A resume that arrives while a paused
// job is still finishing its piece therefore waits for it instead of running beside it.
//
// Several entities may be under way at once (schedule.server.ts): their chains share the write
// queue, one job at a time, so two chains never spend the shop's points side by side, in one worker
// process or several. A chain that waits on Shopify (a bulk operation, a paced store, the daily
// variant limit) waits as a job that is not due yet (`runAt`); graphile-worker picks only due jobs
// and locks a queue only while one of its jobs runs, so the other chains' jobs run meanwhile.
import type { Entity } from '../../connectors/model.ts';
import { queueInTransaction } from '../db/jobs.server.ts';

type Tx = Parameters<typeof queueInTransaction>[0];

const readQueue = (migrationId: string, entity: Entity) => `migration:${migrationId}:read:${entity}`;
const writeQueue = (migrationId: string) => `migration:${migrationId}:write`;

export function queueExtract(tx: Tx, migrationId: string, entity: Entity) {
  return queueInTransaction(
    tx,
    'migration-extract',
    { migrationId, entity },
    {
      jobKey: `migration-extract:${migrationId}:${entity}`,
      queueName: readQueue(migrationId, entity),
    },
  );
}

export function queueAnalyze(tx: Tx, migrationId: string, afterId: bigint | null = null) {
  return queueInTransaction(
    tx,
    'migration-analyze',
    afterId === null ? { migrationId } : { migrationId, afterId: afterId.toString() },
    {
      jobKey: `migration-analyze:${migrationId}`,
      queueName: writeQueue(migrationId),
    },
  );
}

/** `runAt`: not before then (a limit Shopify sets, such as a development store's 5 orders a minute). */
export function queueLoad(tx: Tx, migrationId: string, entity: Entity, afterId: bigint | null = null, runAt?: Date) {
  return queueInTransaction(
    tx,
    'migration-load',
    { migrationId, entity, afterId: afterId?.toString() ?? null },
    {
      jobKey: `migration-load:${migrationId}:${entity}`,
      queueName: writeQueue(migrationId),
      ...(runAt ? { runAt } : {}),
    },
  );
}

/** How often a bulk operation is checked on. */
const BULK_POLL_MS = 2000;

/** The next check on a bulk operation Shopify is running, a little later. */
export function queueBulkPoll(tx: Tx, migrationId: string, batchId: string) {
  return queueInTransaction(
    tx,
    'migration-bulk-poll',
    { migrationId, batchId },
    {
      jobKey: `migration-bulk-poll:${batchId}`,
      queueName: writeQueue(migrationId),
      runAt: new Date(Date.now() + BULK_POLL_MS),
    },
  );
}

export function queueVerify(tx: Tx, migrationId: string) {
  return queueInTransaction(
    tx,
    'migration-verify',
    { migrationId },
    {
      jobKey: `migration-verify:${migrationId}`,
      queueName: writeQueue(migrationId),
    },
  );
}

/** Undo shares the write queue: it never runs beside a write or another undo batch of the migration. */
export function queueUndo(tx: Tx, migrationId: string, entity: string, afterId: bigint | null) {
  return queueInTransaction(
    tx,
    'migration-undo',
    { migrationId, entity, afterId: afterId?.toString() ?? null },
    {
      jobKey: `migration-undo:${migrationId}`,
      queueName: writeQueue(migrationId),
    },
  );
}

/** Account invitations share the write queue: one batch at a time, never beside an undo of the migration. */
export function queueInvitations(tx: Tx, migrationId: string, afterId: bigint | null) {
  return queueInTransaction(
    tx,
    'migration-invite',
    afterId === null ? { migrationId } : { migrationId, afterId: afterId.toString() },
    {
      jobKey: `migration-invite:${migrationId}`,
      queueName: writeQueue(migrationId),
    },
  );
}

/** The dry run's next batch; it shares the write queue, so it never runs beside a step that writes. */
export function queueDryRun(tx: Tx, migrationId: string, afterId: bigint | null = null) {
  return queueInTransaction(
    tx,
    'migration-dry-run',
    afterId === null ? { migrationId } : { migrationId, afterId: afterId.toString() },
    {
      jobKey: `migration-dry-run:${migrationId}`,
      queueName: writeQueue(migrationId),
    },
  );
}
