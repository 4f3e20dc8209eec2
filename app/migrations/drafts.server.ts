// The new-migration flow's saved state: a draft migration holds the connection (credentials encrypted)
// and the merchant's choices, so a reload or a return visit mid-flow loses nothing; and what the
// choices are made among (the shop's sales channels).
import type { Entity } from '../../connectors/model.ts';
import type { ReadablePlatform } from '../../connectors/platform.ts';
import type { ConnectionCheck } from '../../connectors/source-connector.ts';
import { createConnector } from '../../connectors/registry.server.ts';
import { decryptCredentials } from '../db/credentials.server.ts';
import type { Choices } from './forms.ts';
import { createMigration, updateDraft } from '../pipeline/lifecycle.server.ts';
import { LOAD_ORDER } from '../pipeline/analysis/plan.server.ts';
import { ownedMigration } from './views.server.ts';
import { adminClientFor } from '../shopify-admin/connection.server.ts';
import { readSalesChannels, type SalesChannel } from '../shopify-admin/sales-channels.server.ts';

/** Asks the source store who it is; the answer's problem is already in the merchant's words. */
export async function testConnection(platform: string, credentials: unknown): Promise<ConnectionCheck> {
  try {
    return await createConnector(platform, credentials).testConnection();
  } catch (error) {
    return { ok: false, problem: 'unreachable', message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * What a new migration moves unless the merchant narrows it: everything the store has and the
 * credentials can read, in load order. `available` is the connection test's counts: an entity the
 * credentials cannot read is absent, one the store has none of is 0. The setup page starts from this,
 * and so does `shipyard migrate` without --only.
 */
export function everythingReadable(available: Partial<Record<Entity, number>>): Entity[] {
  return LOAD_ORDER.filter((entity) => entity !== 'redirects' && (available[entity] ?? 0) > 0);
}

/** The first step's result: a draft with everything on, which the next step narrows. */
export async function createDraft(
  shop: string,
  platform: ReadablePlatform,
  credentials: Record<string, unknown>,
  available: Partial<Record<Entity, number>>,
) {
  const entities = everythingReadable(available);
  return createMigration({
    shop,
    platform: platform.id,
    sourceUrl: platform.sourceAddress(credentials),
    credentials,
    entities,
    options: { redirects: true, unattended: false },
  });
}

async function ownedDraft(shop: string, id: string) {
  const migration = await ownedMigration(shop, id);
  if (migration.status !== 'draft')
    throw new Response('This migration has started; its settings can no longer change.', { status: 409 });
  return migration;
}

export async function draftCheck(shop: string, id: string): Promise<ConnectionCheck> {
  const migration = await ownedDraft(shop, id);
  if (!migration.sourceCredentials)
    return { ok: false, problem: 'wrong-credentials', message: 'This draft has no keys; start a new migration.' };
  return testConnection(migration.sourcePlatform, decryptCredentials(shop, migration.sourceCredentials));
}

/** The shop's sales channels for the setup page, or why they could not be read (the page then offers no choice). */
export async function shopSalesChannels(shop: string): Promise<{ channels: SalesChannel[]; problem: string | null }> {
  try {
    return { channels: await readSalesChannels(await adminClientFor(shop)), problem: null };
  } catch (error) {
    return { channels: [], problem: error instanceof Error ? error.message : String(error) };
  }
}

export async function saveChoices(shop: string, id: string, choices: Choices) {
  await ownedDraft(shop, id);
  const {
    keepOrderNumbers,
    orderStatusMap,
    existingRecords,
    inviteCustomers,
    exchangeRates,
    longText,
    broaderCoupons,
    policies,
    channels,
  } = choices;
  return updateDraft(shop, id, {
    entities: choices.entities as Entity[],
    redirects: choices.redirects,
    review: choices.review,
    options: {
      keepOrderNumbers,
      orderStatusMap,
      existingRecords,
      inviteCustomers,
      exchangeRates,
      longText,
      broaderCoupons,
      policies,
      ...(channels === undefined ? {} : { channels }),
    },
  });
}
