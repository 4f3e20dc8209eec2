// A migration's life written down in one place: its statuses and phases, the moves between
// statuses the table allows (transition() refuses any other), the re-sync chain a run belongs to,
// and the moves the merchant makes that are no step of their own: create and change a draft, pause,
// resume, cancel. The steps (steps/*.server.ts) start their own work and move the status through
// transition(). Every change is scoped by the shop that asks for it, and each queues its jobs in
// the same transaction that records it.
import { ENTITIES, type Entity } from '../../connectors/model.ts';
import { encryptCredentials } from '../db/credentials.server.ts';
import { db } from '../db/db.server.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { HELD, PLACEMENT_BATCH } from './entities/products/bulk-publishing.server.ts';
import { LOAD_ORDER } from './analysis/plan.server.ts';
import { REDIRECTED_ENTITIES } from './entities/redirects/input.server.ts';
import { type WritingOptions, migrationOptions } from './options.server.ts';
import { queueAnalyze, queueExtract, queueLoad, queueVerify } from './queue.server.ts';
import { restartWriting } from './schedule.server.ts';

export const MIGRATION_STATUSES = [
  'draft',
  'running',
  'ready',
  'paused',
  'completed',
  'failed',
  'cancelled',
  'undoing',
  'undone',
] as const;
export type MigrationStatus = (typeof MIGRATION_STATUSES)[number];

/**
 * Where a migration's work stands, beside its status: a draft; reading the source, analyzing, then
 * (status ready) waiting for the merchant; writing, verifying; undoing; done. Phases move on
 * inside a status, by the step that finishes one (a conditional update, so only one job does it).
 */
export const MIGRATION_PHASES = [
  'draft',
  'extracting',
  'analyzing',
  'ready',
  'loading',
  'verifying',
  'undoing',
  'done',
] as const;
export type MigrationPhase = (typeof MIGRATION_PHASES)[number];

/**
 * Every move between statuses, and who makes it:
 * - draft → running: started (steps/extract); running ⇄ paused: paused and resumed by the merchant;
 * - running → ready: the analysis waits for the merchant (steps/analyze); ready → running: approved (steps/load);
 * - running → completed: verified (steps/verify); running or paused → failed: the source or Shopify stopped it;
 * - anything not completed or cancelled → cancelled, by the merchant;
 * - completed, failed, cancelled or undone → undoing (steps/undo), or straight to undone when
 *   nothing is left to delete; also how the later runs of an undone chain end; undoing → undone or failed.
 */
export const TRANSITIONS: Record<MigrationStatus, readonly MigrationStatus[]> = {
  draft: ['running', 'cancelled'],
  running: ['paused', 'ready', 'completed', 'failed', 'cancelled'],
  ready: ['running', 'cancelled'],
  paused: ['running', 'failed', 'cancelled'],
  completed: ['undoing', 'undone'],
  failed: ['undoing', 'undone', 'cancelled'],
  cancelled: ['undoing', 'undone'],
  undoing: ['undone', 'failed', 'cancelled'],
  undone: ['undoing', 'undone', 'cancelled'],
};

export function canTransition(from: string, to: MigrationStatus): boolean {
  return (TRANSITIONS[from as MigrationStatus] ?? []).includes(to);
}

/** The statuses a migration may be in to move to `to`: for moving several runs at once (updateMany). */
export function statusesBefore(to: MigrationStatus): MigrationStatus[] {
  return MIGRATION_STATUSES.filter((from) => canTransition(from, to));
}

/** Runs of a chain that are still under way: a re-sync or an undo waits for them. */
export const UNDER_WAY: string[] = ['draft', 'running', 'paused', 'ready', 'undoing'];

/** A change the migration's status does not allow, in words meant for the merchant. */
export class MigrationStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationStateError';
  }
}

export class MigrationNotFound extends Error {
  constructor(id: string) {
    super(`No migration ${id} in this shop`);
    this.name = 'MigrationNotFound';
  }
}

export type Tx = Parameters<Parameters<ReturnType<typeof db>['$transaction']>[0]>[0];

/**
 * Moves a migration (as the caller read it) to another status, with whatever else changes with it;
 * a move the table does not allow is refused with MigrationStateError, and nothing is written.
 */
export async function transition(
  client: Tx | ReturnType<typeof db>,
  migration: { id: string; status: string },
  to: MigrationStatus,
  data: Omit<Prisma.MigrationUpdateInput, 'status'> = {},
) {
  if (!canTransition(migration.status, to))
    throw new MigrationStateError(`A migration that is ${migration.status} cannot become ${to}.`);
  return client.migration.update({ where: { id: migration.id }, data: { ...data, status: to } });
}

/** Another shop's migration is as good as missing: the same answer, so ids cannot be probed. */
export async function ownedMigration(shop: string, id: string) {
  const migration = await db().migration.findFirst({ where: { id, shop } });
  if (!migration) throw new MigrationNotFound(id);
  return migration;
}

/** The migration and every re-sync that followed it (Migration.resyncOf), in this shop. */
export async function resyncChain(shop: string, id: string): Promise<string[]> {
  const chain = [id];
  let frontier = [id];
  while (frontier.length > 0) {
    const next = await db().migration.findMany({ where: { shop, resyncOf: { in: frontier } }, select: { id: true } });
    frontier = next.map((row) => row.id).filter((child) => !chain.includes(child));
    chain.push(...frontier);
  }
  return chain;
}

/** The whole chain a migration belongs to, from its first run: invitations cover it and all its re-syncs. */
export async function chainOf(shop: string, id: string): Promise<string[]> {
  let root = id;
  for (;;) {
    const run = await db().migration.findFirst({ where: { shop, id: root }, select: { resyncOf: true } });
    if (!run?.resyncOf) break;
    root = run.resyncOf;
  }
  return resyncChain(shop, root);
}

export interface NewMigration {
  shop: string;
  platform: string;
  sourceUrl: string;
  credentials: unknown;
  entities: Entity[];
  options?: Record<string, unknown>;
}

/** The entities in write order, with redirects (derived from what moved) unless turned off or nothing moving had a URL. */
export function entitiesInLoadOrder(chosen: Entity[], redirects: boolean): Entity[] {
  const withRedirects = redirects && chosen.some((entity) => (REDIRECTED_ENTITIES as Entity[]).includes(entity));
  return LOAD_ORDER.filter((entity) => (entity === 'redirects' ? withRedirects : chosen.includes(entity)));
}

export async function createMigration(input: NewMigration) {
  const unknown = input.entities.filter((entity) => !ENTITIES.includes(entity));
  if (unknown.length > 0) throw new Error(`Unknown entities: ${unknown.join(', ')}`);
  return db().migration.create({
    data: {
      shop: input.shop,
      sourcePlatform: input.platform,
      sourceUrl: input.sourceUrl,
      sourceCredentials: encryptCredentials(input.shop, input.credentials),
      entities: entitiesInLoadOrder(input.entities, migrationOptions(input.options).redirects),
      options: (input.options ?? {}) as object,
    },
  });
}

/** Jobs already running finish their piece; every job checks the status before the next piece. */
export async function pauseMigration(shop: string, id: string) {
  const migration = await ownedMigration(shop, id);
  if (migration.status !== 'running')
    throw new MigrationStateError(`The migration is ${migration.status}; only a running one can pause.`);
  return transition(db(), migration, 'paused', { pausedAt: new Date() });
}

/** Picks up where each entity stopped: the saved extract cursors and the records not yet written. */
export async function resumeMigration(shop: string, id: string) {
  const migration = await ownedMigration(shop, id);
  if (migration.status !== 'paused')
    throw new MigrationStateError(`The migration is ${migration.status}; only a paused one can resume.`);
  return db().$transaction(async (tx) => {
    const resumed = await transition(tx, migration, 'running', { pausedAt: null });
    if (migration.phase === 'extracting') {
      const pending = await tx.migrationEntity.findMany({ where: { migrationId: id, extractDone: false } });
      for (const { entity: name } of pending) {
        await queueExtract(tx, id, name as Entity);
      }
    } else if (migration.phase === 'analyzing') {
      await queueAnalyze(tx, id);
    } else if (migration.phase === 'loading') {
      // Paused while the products written in bulk were being published: publishing goes on after the
      // last batch it collected.
      const held = await tx.bulkBatch.findFirst({ where: { migrationId: id, entity: PLACEMENT_BATCH, status: HELD } });
      if (held) {
        await tx.bulkBatch.update({ where: { id: held.id }, data: { status: 'collected' } });
        await queueLoad(tx, id, 'products', held.lastRecordId);
      }
      // Each entity that was being written goes on (records already written are recognised by
      // their hash and skipped without a request); the queue runs it after any of its jobs still finishing.
      await restartWriting(tx, migration, held !== null);
    } else if (migration.phase === 'verifying') {
      await queueVerify(tx, id);
    }
    return resumed;
  });
}

/** Jobs check the status before their next piece; what they are writing now still lands. */
export async function cancelMigration(shop: string, id: string) {
  const migration = await ownedMigration(shop, id);
  if (['completed', 'cancelled'].includes(migration.status))
    throw new MigrationStateError(`The migration is already ${migration.status}.`);
  return transition(db(), migration, 'cancelled', { finishedAt: new Date() });
}

/** The merchant's choices on a draft: what to move and how. Options not given keep what the draft had. */
export async function updateDraft(
  shop: string,
  id: string,
  choices: { entities: Entity[]; redirects: boolean; review: boolean; options?: WritingOptions },
) {
  const migration = await ownedMigration(shop, id);
  if (migration.status !== 'draft')
    throw new MigrationStateError('This migration has started; its settings can no longer change.');
  const previous = (migration.options ?? {}) as Record<string, unknown>;
  return db().migration.update({
    where: { id },
    data: {
      entities: entitiesInLoadOrder(choices.entities, choices.redirects),
      options: { ...previous, ...choices.options, redirects: choices.redirects, unattended: !choices.review } as object,
    },
  });
}
