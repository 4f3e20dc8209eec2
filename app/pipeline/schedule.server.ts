// The writing schedule: which entity waits for which, and what starts when one is written. An
// entity starts once the entities it needs are written; several chains of load jobs may then be
// under way at once, and while one waits on Shopify (a bulk operation, a paced store, the daily
// variant limit) the others write (decision 0037). The verification starts when every entity is done.
import { z } from 'zod';
import type { Entity } from '../../connectors/model.ts';
import { queueLoad, queueVerify } from './queue.server.ts';
import type { Tx } from './lifecycle.server.ts';

/**
 * What each entity needs in the id map before it is written, read from its writer:
 * - products join their collections in the same productSet (products/write.server.ts `productContext`);
 * - orders link their customers and variants (orders/write.server.ts);
 * - pages and posts link to products' and collections' new addresses in their bodies, posts to pages
 *   too (pages/body-links.server.ts; a record not yet written gets its old path, which a redirect
 *   covers, so this is for the better link, as written before the schedule);
 * - redirects point at the handles of products, collections, pages and posts (redirects/write.server.ts);
 *   *not* at their publishing;
 * - discounts are limited to products, collections and customers (discounts/items, coupon-catalog,
 *   write.server.ts);
 * - reviews are written on their products (reviews/write.server.ts).
 * Collections and customers need nothing. Only the entities a migration moves count.
 */
export const PREREQUISITES: Record<Entity, readonly Entity[]> = {
  collections: [],
  products: ['collections'],
  customers: [],
  orders: ['products', 'customers'],
  pages: ['products', 'collections'],
  blogPosts: ['products', 'collections', 'pages'],
  redirects: ['products', 'collections', 'pages', 'blogPosts'],
  discounts: ['products', 'collections', 'customers'],
  reviews: ['products'],
};

/**
 * Where one entity's writing stands: `writing` (its load jobs are under way), `written` (every
 * record is in Shopify, so the entities that need it may start, but a bulk operation is still
 * publishing it), `done`. An entity not in the map has not started.
 */
export const WritingState = z.enum(['writing', 'written', 'done']);
export type WritingState = z.infer<typeof WritingState>;
const WritingStates = z.partialRecord(z.string(), WritingState);

/** Where `entity`'s writing stands on this migration row, without a lock (for a job of the migration's one write queue). */
export function writingStateOf(migration: { writing: unknown }, entity: Entity): WritingState | undefined {
  return WritingStates.parse(migration.writing ?? {})[entity];
}

/** The entities of `chosen` that `entity` needs written first. */
export function prerequisitesOf(entity: Entity, chosen: readonly string[]): Entity[] {
  return PREREQUISITES[entity].filter((needed) => chosen.includes(needed));
}

/** An entity nothing in the migration comes before: its first batch makes sure the shop has Shipyard's metafield definitions. */
export function startsFirst(entity: Entity, chosen: readonly string[]): boolean {
  return prerequisitesOf(entity, chosen).length === 0;
}

interface ScheduledMigration {
  id: string;
  entities: string[];
}

/**
 * The migration's writing states, read under a lock on its row: a job finishing an entity, another
 * finishing its own, and a resume decide one after the other, so an entity is started once and
 * the verification is queued by whoever finishes last.
 */
export async function lockedStates(tx: Tx, migrationId: string): Promise<Partial<Record<string, WritingState>>> {
  const rows = await tx.$queryRaw<{ writing: unknown }[]>`
    SELECT writing FROM "Migration" WHERE id = ${migrationId} FOR UPDATE`;
  return WritingStates.parse(rows[0]?.writing ?? {});
}

export type Scheduled = 'started' | 'verifying' | 'waiting';

/**
 * Moves `entity` to `state` (if given), then starts every entity whose prerequisites are written
 * and that has not started, or, when every entity is done, the verification.
 */
export async function advanceWriting(
  tx: Tx,
  migration: ScheduledMigration,
  change?: { entity: Entity; state: WritingState },
): Promise<Scheduled> {
  const states = await lockedStates(tx, migration.id);
  if (change) states[change.entity] = change.state;
  const chosen = migration.entities as Entity[];
  const ready = chosen.filter(
    (entity) =>
      states[entity] === undefined &&
      prerequisitesOf(entity, chosen).every((needed) => ['written', 'done'].includes(states[needed] ?? '')),
  );
  for (const entity of ready) states[entity] = 'writing';
  const finished = chosen.every((entity) => states[entity] === 'done');
  await tx.migration.update({
    where: { id: migration.id },
    data: { writing: states, ...(finished ? { phase: 'verifying' } : {}) },
  });
  for (const entity of ready) await queueLoad(tx, migration.id, entity);
  if (finished) {
    await queueVerify(tx, migration.id);
    return 'verifying';
  }
  return ready.length > 0 ? 'started' : 'waiting';
}

/**
 * A resume: every chain that was under way starts again from its first staged record (records
 * already written are skipped by their hash), and whatever was ready starts too. Products being
 * published are left to their bulk operation; `publishingHeld`: the pause held it, and the caller
 * has queued it again.
 */
export async function restartWriting(tx: Tx, migration: ScheduledMigration, publishingHeld: boolean) {
  const states = await lockedStates(tx, migration.id);
  for (const entity of migration.entities as Entity[]) {
    if (states[entity] === 'writing' && !(publishingHeld && entity === 'products'))
      await queueLoad(tx, migration.id, entity);
  }
  await advanceWriting(tx, migration, publishingHeld ? { entity: 'products', state: 'written' } : undefined);
}
