// What the merchant reads about publishing: before writing, how many products and collections will
// be published on which channels and how many stay unpublished (the plan); after, the verification's
// look at the storefront (a product or collection shoppers could see at the source is on each chosen
// channel, one they could not is on none) and how many were published, for the page and the CLI.
import { visibleAtSource } from '../../../connectors/model.ts';
import { db } from '../../db/db.server.ts';
import type { CatalogPublishing } from '../../migrations/sales-channels.ts';
import type { AdminClient } from '../../shopify-admin/client.server.ts';
import { inParallel } from '../../shopify-admin/writer.server.ts';
import { VERIFY_PUBLISHED } from '../../shopify-admin/graphql/publications.ts';
import type { SalesChannel } from '../../shopify-admin/sales-channels.server.ts';

const PAGE = 100;
const READS_IN_FLIGHT = 10;

/** What the source says about one written product or collection. */
export interface PublishedCheck {
  sourceId: string;
  name: string;
  shopifyGid: string;
  record: { status?: 'active' | 'draft' | 'archived'; hidden?: true };
}

export interface PublicationMismatch {
  sourceId: string;
  name: string;
  field: string;
  expected: string;
  found: string;
}

const words = (published: boolean) => (published ? 'published' : 'not published');

/**
 * One mismatch for each channel an item is not on as it should be, in the items' order. An item
 * Shopify no longer has is left to the existence check.
 */
export async function publicationMismatches(
  client: AdminClient,
  items: PublishedCheck[],
  channels: SalesChannel[],
): Promise<PublicationMismatch[]> {
  const pages: { channel: SalesChannel; ids: string[] }[] = [];
  for (const channel of channels) {
    for (let start = 0; start < items.length; start += PAGE)
      pages.push({ channel, ids: items.slice(start, start + PAGE).map((item) => item.shopifyGid) });
  }
  const published = new Map<string, boolean>();
  await inParallel(pages, READS_IN_FLIGHT, async ({ channel, ids }) => {
    const { data } = await client.request<{ nodes: ({ id: string; publishedOnPublication?: boolean } | null)[] }>(
      VERIFY_PUBLISHED,
      { ids, publicationId: channel.id },
    );
    for (const node of data.nodes)
      if (node && node.publishedOnPublication !== undefined)
        published.set(`${channel.id} ${node.id}`, node.publishedOnPublication);
  });
  return items.flatMap((item) =>
    channels.flatMap((channel) => {
      const found = published.get(`${channel.id} ${item.shopifyGid}`);
      const expected = visibleAtSource(item.record);
      return found === undefined || found === expected
        ? []
        : [
            {
              sourceId: item.sourceId,
              name: item.name,
              field: `published on ${channel.name}`,
              expected: words(expected),
              found: words(found),
            },
          ];
    }),
  );
}

/** How many of the migration's products and collections Shipyard published (on at least one channel), and how many it left unpublished. */
export async function publishingSummary(
  migrationId: string,
  shop: string,
  platform: string,
  channels: string[],
): Promise<CatalogPublishing> {
  const counts = await db().$queryRaw<{ entity: string; published: bigint; unpublished: bigint }[]>`
    SELECT r.entity, count(*) FILTER (WHERE cardinality(m."publishedOn") > 0) AS published, count(*) FILTER (WHERE cardinality(m."publishedOn") = 0) AS unpublished
    FROM "SourceRecord" r
    JOIN "IdMapEntry" m ON m.shop = ${shop} AND m.platform = ${platform} AND m.entity = r.entity AND m."sourceId" = r."sourceId"
    WHERE r."migrationId" = ${migrationId} AND r.entity IN ('products', 'collections') AND r.status IN ('written', 'unchanged')
    GROUP BY r.entity`;
  const of = (entity: string) => {
    const row = counts.find((count) => count.entity === entity);
    return { published: Number(row?.published ?? 0), unpublished: Number(row?.unpublished ?? 0) };
  };
  return { channels, products: of('products'), collections: of('collections') };
}

/**
 * The plan's forecast from what was read: how many products and collections shoppers could see at
 * the source (published on `channels`, when there are any) and how many not.
 */
export async function plannedPublishing(migrationId: string, channels: string[]): Promise<CatalogPublishing> {
  const groups = await db().$queryRaw<
    { entity: string; status: string | null; hidden: boolean; elsewhere: boolean; records: bigint }[]
  >`
    SELECT entity, data->>'status' AS status, coalesce(data->>'hidden' = 'true', false) AS hidden, data ? 'soldElsewhere' AS elsewhere, count(*) AS records
    FROM "SourceRecord" WHERE "migrationId" = ${migrationId} AND entity IN ('products', 'collections') AND status <> 'invalid'
    GROUP BY 1, 2, 3, 4`;
  const of = (entity: string) => {
    let visible = 0;
    let hidden = 0;
    for (const group of groups.filter((row) => row.entity === entity)) {
      const record = {
        ...(group.status ? { status: group.status as 'active' | 'draft' | 'archived' } : {}),
        ...(group.hidden ? { hidden: true as const } : {}),
        ...(group.elsewhere ? { soldElsewhere: true } : {}),
      };
      if (visibleAtSource(record)) visible += Number(group.records);
      else hidden += Number(group.records);
    }
    return channels.length > 0
      ? { published: visible, unpublished: hidden }
      : { published: 0, unpublished: visible + hidden };
  };
  return { channels, products: of('products'), collections: of('collections') };
}
