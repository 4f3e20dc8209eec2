// A migration's life as the merchant drives it: created (with the source credentials encrypted),
// started, paused, resumed, cancelled. Every change is scoped by the shop that asks for it, and
// each step queues its jobs in the same transaction that records it.
import { ENTITIES, type Entity } from '../../connectors/model.ts';
import { encryptCredentials } from '../db/credentials.server.ts';
import { db } from '../db/db.server.ts';
import { HELD, PLACEMENT_BATCH } from './entities/products/bulk-publishing.server.ts';
import { LOAD_ORDER } from './analysis/plan.server.ts';
import { REDIRECTED_ENTITIES } from './entities/redirects/input.server.ts';
import { chainOf, customersToInvite, newInvitationRun, type InvitationRun } from './steps/invite.server.ts';
import { queueAnalyze, queueExtract, queueInvitations, queueLoad, queueUndo, queueVerify } from './queue.server.ts';
import { newUndoReport, nextUndoEntity, resyncChain } from './steps/undo.server.ts';

export interface NewMigration {
  shop: string;
  platform: string;
  sourceUrl: string;
  credentials: unknown;
  entities: Entity[];
  options?: Record<string, unknown>;
}

/** A change the migration's status does not allow, in words meant for the merchant. */
export class MigrationStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationStateError';
  }
}

/** The entities in write order, with redirects (derived from what moved) unless turned off or nothing moving had a URL. */
export function entitiesInLoadOrder(chosen: Entity[], redirects: boolean): Entity[] {
  const withRedirects = redirects && chosen.some((entity) => (REDIRECTED_ENTITIES as Entity[]).includes(entity));
  return LOAD_ORDER.filter((entity) => (entity === 'redirects' ? withRedirects : chosen.includes(entity)));
}

export class MigrationNotFound extends Error {
  constructor(id: string) {
    super(`No migration ${id} in this shop`);
    this.name = 'MigrationNotFound';
  }
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
      entities: entitiesInLoadOrder(input.entities, input.options?.redirects !== false),
      options: (input.options ?? {}) as object,
    },
  });
}

/** Another shop's migration is as good as missing: the same answer, so ids cannot be probed. */
async function owned(shop: string, id: string) {
  const migration = await db().migration.findFirst({ where: { id, shop } });
  if (!migration) throw new MigrationNotFound(id);
  return migration;
}

/** Redirects are not read from the source: they are derived from what moved (load/redirects.server.ts). */
export function extractedEntities(entities: string[]): Entity[] {
  return (entities as Entity[]).filter((entity) => entity !== 'redirects');
}

type Tx = Parameters<Parameters<ReturnType<typeof db>['$transaction']>[0]>[0];

/** The status change and one extract job per entity. startedAt is when reading began: a re-sync reads what changed after it. */
async function beginReading(tx: Tx, migration: { id: string; shop: string; entities: string[] }) {
  const { id, shop } = migration;
  const started = await tx.migration.update({ where: { id }, data: { status: 'running', phase: 'extracting', startedAt: new Date(), error: null } });
  for (const entity of extractedEntities(migration.entities)) {
    await tx.migrationEntity.upsert({ where: { migrationId_entity: { migrationId: id, entity } }, create: { migrationId: id, shop, entity }, update: {} });
    await queueExtract(tx, id, entity);
  }
  return started;
}

/** Starts reading the source: one extract job per entity, all queued with the status change. */
export async function startMigration(shop: string, id: string) {
  const migration = await owned(shop, id);
  if (migration.status !== 'draft') throw new MigrationStateError(`The migration is ${migration.status}; only a draft can start.`);
  return db().$transaction((tx) => beginReading(tx, migration));
}

/** Jobs already running finish their piece; every job checks the status before the next piece. */
export async function pauseMigration(shop: string, id: string) {
  const migration = await owned(shop, id);
  if (migration.status !== 'running') throw new MigrationStateError(`The migration is ${migration.status}; only a running one can pause.`);
  return db().migration.update({ where: { id }, data: { status: 'paused', pausedAt: new Date() } });
}

/** Picks up where each entity stopped: the saved extract cursors and the records not yet written. */
export async function resumeMigration(shop: string, id: string) {
  const migration = await owned(shop, id);
  if (migration.status !== 'paused') throw new MigrationStateError(`The migration is ${migration.status}; only a paused one can resume.`);
  return db().$transaction(async (tx) => {
    const resumed = await tx.migration.update({ where: { id }, data: { status: 'running', pausedAt: null } });
    if (migration.phase === 'extracting') {
      const pending = await tx.migrationEntity.findMany({ where: { migrationId: id, extractDone: false } });
      for (const { entity: name } of pending) {
        await queueExtract(tx, id, name as Entity);
      }
    } else if (migration.phase === 'analyzing') {
      await queueAnalyze(tx, id);
    } else if (migration.phase === 'loading') {
      // Paused while the products written in bulk were being published: publishing goes on after the
      // last batch it collected (and the entities after products follow).
      const held = await tx.bulkBatch.findFirst({ where: { migrationId: id, entity: PLACEMENT_BATCH, status: HELD } });
      if (held) {
        await tx.bulkBatch.update({ where: { id: held.id }, data: { status: 'collected' } });
        await queueLoad(tx, id, 'products', held.lastRecordId);
        return resumed;
      }
      // Writing goes on with the first entity (in load order) that still has records to write;
      // records already written are recognised by their hash and skipped without a request.
      const pending = await tx.sourceRecord.groupBy({ by: ['entity'], where: { migrationId: id, status: 'staged' } });
      const next = (migration.entities as Entity[]).find((entity) => pending.some((row) => row.entity === entity) || entity === 'redirects');
      if (next) await queueLoad(tx, id, next);
      else await queueVerify(tx, id);
    } else if (migration.phase === 'verifying') {
      await queueVerify(tx, id);
    }
    return resumed;
  });
}

export async function cancelMigration(shop: string, id: string) {
  const migration = await owned(shop, id);
  if (['completed', 'cancelled'].includes(migration.status)) throw new MigrationStateError(`The migration is already ${migration.status}.`);
  return db().migration.update({ where: { id }, data: { status: 'cancelled', finishedAt: new Date() } });
}

/** The merchant read the analysis and the plan: write to Shopify. */
export async function approveMigration(shop: string, id: string) {
  const migration = await owned(shop, id);
  if (migration.status !== 'ready') throw new MigrationStateError(`The migration is ${migration.status}; only one ready for review can start writing.`);
  const first = migration.entities[0] as Entity | undefined;
  return db().$transaction(async (tx) => {
    const approved = await tx.migration.update({ where: { id }, data: { status: 'running', phase: 'loading' } });
    if (first) await queueLoad(tx, id, first);
    return approved;
  });
}

/**
 * How records are written, kept in Migration.options beside redirects and unattended: the order
 * loader reads keepOrderNumbers, orderStatusMap and exchangeRates (transform/order.server.ts'
 * OrderOptions), the loaders read existingRecords, longText and channels (the sales channels to
 * publish on; unset, the shop's Online Store: load/publishing.server.ts); inviteCustomers is offered after launch.
 */
export interface WritingOptions {
  keepOrderNumbers: boolean;
  orderStatusMap: Record<string, { financialStatus: string; fulfillmentStatus: string | null }>;
  exchangeRates: Record<string, string>;
  existingRecords: 'update' | 'skip';
  inviteCustomers: boolean;
  /** Text longer than Shopify allows: the record kept back, or the text cut (transform/text-limits.server.ts). */
  longText: 'keep-back' | 'cut';
  /** A coupon Shopify cannot hold exactly: kept back (false), or made broader with a warning (decision 0024). */
  broaderCoupons: boolean;
  /** The privacy, refund and terms pages as plain pages, or as the shop's policies (load/policies.server.ts). */
  policies?: 'pages' | 'policies';
  channels?: string[];
}

/** The merchant's choices on a draft: what to move and how. Options not given keep what the draft had. */
export async function updateDraft(shop: string, id: string, choices: { entities: Entity[]; redirects: boolean; review: boolean; options?: WritingOptions }) {
  const migration = await owned(shop, id);
  if (migration.status !== 'draft') throw new MigrationStateError('This migration has started; its settings can no longer change.');
  const previous = (migration.options ?? {}) as Record<string, unknown>;
  return db().migration.update({
    where: { id },
    data: {
      entities: entitiesInLoadOrder(choices.entities, choices.redirects),
      options: { ...previous, ...choices.options, redirects: choices.redirects, unattended: !choices.review } as object,
    },
  });
}

/** How often a merchant may ask Shipyard to re-sync on its own. */
export const RESYNC_INTERVALS = { hourly: 3_600_000, daily: 86_400_000 } as const;
export type ResyncInterval = keyof typeof RESYNC_INTERVALS;

const UNDER_WAY = ['draft', 'running', 'paused', 'ready', 'undoing'];

/**
 * A re-sync: a new migration linked to the latest completed run of the chain (resyncOf), reading
 * only what changed in the source after that run began reading (options.modifiedAfter; endpoints
 * the source cannot filter are read whole and their content hashes skip what did not change),
 * with the same entities and options, unattended. The id map turns its writes into updates.
 */
export async function resyncMigration(shop: string, id: string) {
  const migration = await owned(shop, id);
  if (migration.status !== 'completed') throw new MigrationStateError(`The migration is ${migration.status}; only a completed migration can be re-synced.`);
  const chain = await db().migration.findMany({ where: { shop, id: { in: await resyncChain(shop, id) } }, orderBy: { createdAt: 'asc' } });
  if (chain.some((run) => UNDER_WAY.includes(run.status))) throw new MigrationStateError('A re-sync of this migration is already under way; wait for it to finish.');
  const previous = chain.filter((run) => run.status === 'completed' && run.startedAt).at(-1) ?? migration;
  if (!previous.startedAt) throw new MigrationStateError('The migration never read its source, so there is no point to re-sync from.');
  const options = { ...(previous.options as Record<string, unknown>), modifiedAfter: previous.startedAt.toISOString(), unattended: true };
  return db().$transaction(async (tx) => {
    // The schedule follows the newest run, which is the one the next re-sync starts from.
    const every = chain.find((run) => run.resyncEvery)?.resyncEvery ?? null;
    await tx.migration.updateMany({ where: { shop, id: { in: chain.map((run) => run.id) } }, data: { resyncEvery: null, nextResyncAt: null } });
    const created = await tx.migration.create({
      data: {
        shop,
        sourcePlatform: previous.sourcePlatform,
        sourceUrl: previous.sourceUrl,
        sourceCredentials: previous.sourceCredentials,
        entities: previous.entities,
        options: options as object,
        resyncOf: previous.id,
        resyncEvery: every,
        nextResyncAt: every ? nextResyncAt(every) : null,
      },
    });
    return beginReading(tx, created);
  });
}

export function nextResyncAt(every: string, from = new Date()): Date | null {
  const interval = RESYNC_INTERVALS[every as ResyncInterval];
  return interval ? new Date(from.getTime() + interval) : null;
}

/** The merchant's standing request for re-syncs (null stops them), kept on the newest run of the chain. */
export async function scheduleResync(shop: string, id: string, every: ResyncInterval | null) {
  const migration = await owned(shop, id);
  if (every !== null && !(every in RESYNC_INTERVALS)) throw new MigrationStateError(`Re-syncs can run ${Object.keys(RESYNC_INTERVALS).join(' or ')}.`);
  if (['cancelled', 'undoing', 'undone'].includes(migration.status)) throw new MigrationStateError(`The migration is ${migration.status}; it cannot be re-synced.`);
  const chain = await db().migration.findMany({ where: { shop, id: { in: await resyncChain(shop, id) } }, orderBy: { createdAt: 'asc' } });
  const newest = chain.at(-1) ?? migration;
  return db().$transaction(async (tx) => {
    await tx.migration.updateMany({ where: { shop, id: { in: chain.map((run) => run.id) } }, data: { resyncEvery: null, nextResyncAt: null } });
    return tx.migration.update({ where: { id: newest.id }, data: { resyncEvery: every, nextResyncAt: every ? nextResyncAt(every) : null } });
  });
}

/**
 * Deletes from Shopify what the migration and its re-syncs created, in reverse dependency order,
 * one batch per job (undo/undo-step.server.ts); objects Shipyard found in the store and wrote
 * into stay, put back as they were. Allowed once nothing of the chain is running; again after a
 * partial undo.
 */
export async function undoMigration(shop: string, id: string) {
  const migration = await owned(shop, id);
  if (!['completed', 'failed', 'cancelled', 'undone'].includes(migration.status)) {
    throw new MigrationStateError(`The migration is ${migration.status}; ${migration.status === 'draft' ? 'nothing was written yet' : 'cancel it before undoing it'}.`);
  }
  const chain = await resyncChain(shop, id);
  const busy = await db().migration.count({ where: { shop, id: { in: chain }, status: { in: UNDER_WAY } } });
  if (busy > 0) throw new MigrationStateError('A re-sync of this migration is under way; cancel it before undoing.');
  // What an earlier undo could not put back is tried again.
  await db().recordBefore.updateMany({ where: { shop, migrationId: { in: chain } }, data: { restoreFailedAt: null } });
  const first = await nextUndoEntity(shop, chain, null);
  return db().$transaction(async (tx) => {
    await tx.migration.updateMany({ where: { shop, id: { in: chain } }, data: { resyncEvery: null, nextResyncAt: null } });
    const report = newUndoReport();
    if (!first) {
      return tx.migration.update({ where: { id }, data: { status: 'undone', phase: 'done', error: null, finishedAt: new Date(), undo: { ...report, status: 'done', finishedAt: new Date().toISOString() } as object } });
    }
    const undoing = await tx.migration.update({ where: { id }, data: { status: 'undoing', phase: 'undoing', error: null, undo: report as object } });
    await queueUndo(tx, id, first, null);
    return undoing;
  });
}

/**
 * Emails an account invitation to every customer the migration and its re-syncs created who has
 * not had one (invitations.server.ts), once the merchant has launched and asks for it. Customers
 * Shopify refused before are tried again; nobody who got one gets a second.
 */
export async function sendInvitations(shop: string, id: string) {
  const migration = await owned(shop, id);
  if (migration.status !== 'completed') throw new MigrationStateError(`The migration is ${migration.status}; invitations go out once it has completed.`);
  if ((migration.options as { inviteCustomers?: boolean }).inviteCustomers !== true) {
    throw new MigrationStateError('Account invitations were left off in this migration’s options.');
  }
  if ((migration.invitations as InvitationRun | null)?.status === 'sending') throw new MigrationStateError('Invitations are already being sent.');
  const waiting = await customersToInvite(shop, await chainOf(shop, id));
  return db().$transaction(async (tx) => {
    if (waiting === 0) {
      return tx.migration.update({ where: { id }, data: { invitations: { ...newInvitationRun(), status: 'done', finishedAt: new Date().toISOString() } as object } });
    }
    const sending = await tx.migration.update({ where: { id }, data: { invitations: newInvitationRun() as object } });
    await queueInvitations(tx, id, null);
    return sending;
  });
}
