// A migration's life as the merchant drives it: created (with the source credentials encrypted),
// started, paused, resumed, cancelled. Every change is scoped by the shop that asks for it, and
// each step queues its jobs in the same transaction that records it.
import { ENTITIES, type Entity } from '../../connectors/model.ts';
import { encryptCredentials } from '../credentials.server.ts';
import { db } from '../db.server.ts';
import { LOAD_ORDER } from './plan.server.ts';
import { queueAnalyze, queueExtract, queueLoad, queueVerify } from './queue.server.ts';

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

/** The entities in write order, with redirects (derived from what moved) unless turned off. */
export function entitiesInLoadOrder(chosen: Entity[], redirects: boolean): Entity[] {
  return LOAD_ORDER.filter((entity) => chosen.includes(entity) || (entity === 'redirects' && redirects));
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

/** Starts reading the source: one extract job per entity, all queued with the status change. */
export async function startMigration(shop: string, id: string) {
  const migration = await owned(shop, id);
  if (migration.status !== 'draft') throw new MigrationStateError(`The migration is ${migration.status}; only a draft can start.`);
  return db().$transaction(async (tx) => {
    const started = await tx.migration.update({ where: { id }, data: { status: 'running', phase: 'extracting', startedAt: new Date(), error: null } });
    for (const entity of extractedEntities(migration.entities)) {
      await tx.migrationEntity.upsert({ where: { migrationId_entity: { migrationId: id, entity } }, create: { migrationId: id, shop, entity }, update: {} });
      await queueExtract(tx, id, entity);
    }
    return started;
  });
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
 * loader reads keepOrderNumbers and orderStatusMap (transform/order.server.ts' OrderOptions), the
 * loaders read existingRecords; inviteCustomers is offered after launch.
 */
export interface WritingOptions {
  keepOrderNumbers: boolean;
  orderStatusMap: Record<string, { financialStatus: string; fulfillmentStatus: string | null }>;
  existingRecords: 'update' | 'skip';
  inviteCustomers: boolean;
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
