// Publishing what moved on the merchant's sales channels: a product or collection shoppers could see
// at the source goes on every chosen channel, one they could not (a draft, a hidden product) stays or
// becomes unpublished. Shopify creates both unpublished and neither ProductSetInput nor
// CollectionCreateInput takes publications, so this is a mutation of its own once the object exists:
// publishablePublish with all the chosen channels in one call (decision 0013). The id map remembers
// where Shipyard published each object (IdMapEntry.publishedOn), so an unchanged record costs
// nothing and a re-sync publishes or unpublishes only what changed at the source.
import { visibleAtSource } from '../../../../connectors/model.ts';
import { db } from '../../../db/db.server.ts';
import { defaultChannels } from '../../../migrations/sales-channels.ts';
import type { AdminClient } from '../../../shopify-admin/client.server.ts';
import { salesChannelsOf } from '../../../shopify-admin/sales-channels.server.ts';
import { type BatchResult, recordFailed, settledWithoutWriting } from '../../staging/outcomes.server.ts';
import { type UserError, describeUserErrors } from '../../../shopify-admin/user-errors.server.ts';
import { PUBLISH, UNPUBLISH } from '../../../shopify-admin/graphql/publications.ts';

/** What to change on Shopify so the object is on the channels it should be on, and on no others Shipyard put it on. */
export interface Placement {
  /** Channels to publish on. */
  publish: string[];
  /** Channels Shipyard published on earlier, to take it off. */
  unpublish: string[];
}

/**
 * The channels a migration publishes on (publication ids): the merchant's choice, or, when they
 * made none (a migration set up before the choice existed, or by a script), the shop's Online Store.
 */
export async function chosenChannels(
  chosen: string[] | undefined,
  shop: string,
  client: AdminClient,
): Promise<string[]> {
  return chosen ?? defaultChannels(await salesChannelsOf(shop, client));
}

/** Where this record belongs: on every chosen channel when shoppers could see it at the source, else nowhere. */
export function wantedChannels(
  record: { status?: 'active' | 'draft' | 'archived'; hidden?: true },
  channels: string[],
): string[] {
  return visibleAtSource(record) ? channels : [];
}

/** From where Shipyard left the object (`current`, nothing for one just created) to where it belongs. */
export function placementChange(wanted: string[], current: readonly string[]): Placement {
  return {
    publish: wanted.filter((id) => !current.includes(id)),
    unpublish: current.filter((id) => !wanted.includes(id)),
  };
}

export const placed = (change: Placement) => change.publish.length === 0 && change.unpublish.length === 0;

/** Each call costs Shopify's flat 10 points for a mutation, however many channels it names. */
const PLACEMENT_COST = 10;

/** Publishes and unpublishes as `change` says; the reason in the merchant's words when Shopify refused. */
export async function applyPlacement(client: AdminClient, id: string, change: Placement): Promise<string | null> {
  const problems: string[] = [];
  if (change.publish.length > 0) {
    const { data } = await client.request<{ publishablePublish: { userErrors: UserError[] } | null }>(
      PUBLISH,
      { id, input: change.publish.map((publicationId) => ({ publicationId })) },
      { estimatedCost: PLACEMENT_COST },
    );
    const errors = data.publishablePublish?.userErrors ?? [];
    if (errors.length > 0)
      problems.push(`Written to Shopify but not published on your sales channels: ${describeUserErrors(errors)}`);
  }
  if (change.unpublish.length > 0) {
    const { data } = await client.request<{ publishableUnpublish: { userErrors: UserError[] } | null }>(
      UNPUBLISH,
      { id, input: change.unpublish.map((publicationId) => ({ publicationId })) },
      { estimatedCost: PLACEMENT_COST },
    );
    const errors = data.publishableUnpublish?.userErrors ?? [];
    if (errors.length > 0)
      problems.push(`Still published on a sales channel it should be taken off: ${describeUserErrors(errors)}`);
  }
  return problems.length > 0 ? problems.join('; ') : null;
}

/** The object is where it belongs: the id map remembers the channels, and the record counts as written. */
export async function recordPlaced(
  shop: string,
  platform: string,
  entity: string,
  row: { id: bigint; sourceId: string },
  publishedOn: string[],
): Promise<void> {
  await db().$transaction([
    db().idMapEntry.update({
      where: { shop_platform_entity_sourceId: { shop, platform, entity, sourceId: row.sourceId } },
      data: { publishedOn },
    }),
    // A record that failed to publish before is written now; one just written keeps what its write said (a cut title).
    db().sourceRecord.updateMany({
      where: { id: row.id, status: { not: 'written' } },
      data: { status: 'written', reason: null },
    }),
  ]);
}

interface KnownLink {
  shopifyGid: string;
  contentHash: string;
  publishedOn: string[];
}

/**
 * One record of a load batch: written when it changed (`write` sends it and links it, or says the
 * record is settled otherwise: kept back, held for later), then put on the channels it belongs on.
 * `publishLater`: the channels are left to a bulk operation once every record is written
 * (bulk-publishing.server.ts), which costs no request points.
 * A record already linked that changed in neither way costs no request; with "Skip them" chosen, a linked record stays as it is in Shopify, channels included.
 */
export async function writeAndPublish(
  row: { id: bigint; sourceId: string; status: string; contentHash: string | null },
  known: KnownLink | undefined,
  how: {
    shop: string;
    platform: string;
    entity: string;
    client: AdminClient;
    skipExisting: boolean;
    wanted: string[];
    publishLater?: boolean;
  },
  result: BatchResult,
  write: () => Promise<{ id: string } | { failed: string } | { settled: true }>,
): Promise<void> {
  const change = placementChange(how.wanted, known?.publishedOn ?? []);
  const placingNow = !how.publishLater && !placed(change);
  if (
    known &&
    (how.skipExisting || !placingNow) &&
    (await settledWithoutWriting(row, known, { skipExisting: how.skipExisting }, result))
  )
    return;
  let id = known?.shopifyGid;
  if (!known || known.contentHash !== row.contentHash) {
    const written = await write();
    // The record was dealt with without writing it (kept back, or held for a later batch): nothing to publish.
    if ('settled' in written) return;
    if ('failed' in written) {
      await recordFailed(row, written.failed);
      result.failed++;
      return;
    }
    id = written.id;
  }
  if (id && placingNow) {
    const refused = await applyPlacement(how.client, id, change);
    if (refused) {
      await recordFailed(row, refused);
      result.failed++;
      return;
    }
    await recordPlaced(how.shop, how.platform, how.entity, row, how.wanted);
  }
  result.written++;
}
