// Where the migrated catalog is published: the shop's sales channels, the default (its Online
// Store) and what the merchant is warned about, the same in the setup page, the browser and the CLI.
import type { SalesChannel } from '../shopify-admin/sales-channels.server.ts';

export type { SalesChannel };

/**
 * Where a migration's catalog goes, as the plan forecasts it and the verification counts it: the
 * channels by name (none: nothing is published) and how many products and collections are published
 * on them or stay unpublished.
 */
export interface CatalogPublishing {
  channels: string[];
  products: { published: number; unpublished: number };
  collections: { published: number; unpublished: number };
}

/** The storefront's channel: what shoppers see, and where the old addresses' redirects lead. */
export const ONLINE_STORE = 'Online Store';

/** What is chosen when the merchant has not chosen: the Online Store, when the shop has one. */
export function defaultChannels(channels: SalesChannel[]): string[] {
  return channels.filter((channel) => channel.name === ONLINE_STORE).map((channel) => channel.id);
}

/** The chosen channels' names, in the shop's order; a channel the shop no longer has is left out. */
export function channelNames(chosen: string[], channels: SalesChannel[]): string[] {
  return channels.filter((channel) => chosen.includes(channel.id)).map((channel) => channel.name);
}

/** What the merchant should know about a choice of channels before anything is written. */
export function channelWarnings(chosen: string[], channels: SalesChannel[]): string[] {
  const warnings: string[] = [];
  const onlineStore = channels.find((channel) => channel.name === ONLINE_STORE);
  const known = chosen.filter((id) => channels.some((channel) => channel.id === id));
  if (known.length < chosen.length)
    warnings.push('A sales channel chosen earlier is no longer in your store; nothing is published there.');
  if (known.length === 0) {
    warnings.push(
      'No sales channel is chosen: the products and collections stay unpublished, so shoppers cannot see them and their old addresses redirect to pages that do not open until you publish them in Shopify.',
    );
  } else if (!onlineStore) {
    warnings.push(
      'Your store has no Online Store channel: shoppers cannot visit the migrated products and collections, and their old addresses redirect to pages that do not open.',
    );
  } else if (!known.includes(onlineStore.id)) {
    warnings.push(
      'The Online Store is not chosen: your storefront will not show the migrated products and collections, and their old addresses redirect to pages shoppers cannot open.',
    );
  }
  return warnings;
}

/**
 * Channels named by the merchant (the CLI's --channels: "Online Store,Point of Sale", any case, or
 * "none"); not named at all, the default. Names the shop has no channel for are returned as unknown.
 */
export function channelsNamed(
  names: string | undefined,
  channels: SalesChannel[],
): { ids: string[] } | { unknown: string[] } {
  if (names === undefined) return { ids: defaultChannels(channels) };
  const wanted = names
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (wanted.length === 1 && wanted[0]?.toLowerCase() === 'none') return { ids: [] };
  const find = (name: string) => channels.find((channel) => channel.name.toLowerCase() === name.toLowerCase());
  const unknown = wanted.filter((name) => !find(name));
  if (unknown.length > 0 || wanted.length === 0) return { unknown: unknown.length > 0 ? unknown : [names] };
  return {
    ids: channels.filter((channel) => wanted.some((name) => find(name) === channel)).map((channel) => channel.id),
  };
}
