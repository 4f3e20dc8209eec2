// The shop's sales channels as the Admin API lists them: the publications of app catalogs (the
// Online Store, Point of Sale, …), named by their catalog's title, which replaces the deprecated
// Publication.name. https://shopify.dev/docs/api/admin-graphql/latest/queries/publications
import type { AdminClient } from './client.server.ts';

/** One of the shop's sales channels: a publication products and collections are published on. */
export interface SalesChannel {
  /** The publication's id (gid://shopify/Publication/…). */
  id: string;
  name: string;
}

/** A shop has a handful of sales channels; fifty is far more than any has. */
export const SALES_CHANNELS = `#graphql
  query SalesChannels {
    publications(first: 50, catalogType: APP) {
      nodes {
        id
        catalog {
          title
        }
      }
    }
  }
`;

interface SalesChannelsData {
  publications: { nodes: { id: string; catalog: { title: string } | null }[] };
}

export async function readSalesChannels(client: AdminClient): Promise<SalesChannel[]> {
  const { data } = await client.request<SalesChannelsData>(SALES_CHANNELS, {}, { estimatedCost: 10 });
  return data.publications.nodes.flatMap((node) => (node.catalog ? [{ id: node.id, name: node.catalog.title }] : []));
}

/** How long a shop's channels are taken as known by the jobs: every load batch needs them, and merchants rarely add one mid-migration. */
const CHANNELS_KEPT_MS = 5 * 60_000;
const kept = new Map<string, { channels: SalesChannel[]; at: number }>();

/** The shop's channels for a job, asked again after a few minutes. */
export async function salesChannelsOf(shop: string, client: AdminClient): Promise<SalesChannel[]> {
  const known = kept.get(shop);
  if (known && Date.now() - known.at < CHANNELS_KEPT_MS) return known.channels;
  const channels = await readSalesChannels(client);
  kept.set(shop, { channels, at: Date.now() });
  return channels;
}
