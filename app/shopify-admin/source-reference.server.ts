// Every object Shipyard writes carries its source reference ("woocommerce:42") in an `id` metafield:
// Shopify's custom ID, unique per resource type. productSet's `customId` identifier upserts by it
// (and collections are looked up by it), so a request that reached Shopify just before a crash is
// found again on the retry instead of duplicated.
// https://shopify.dev/docs/apps/build/custom-data/metafields/working-with-custom-ids
import { SOURCE_REFERENCE } from './metafield-definitions.server.ts';

export function sourceReference(platform: string, sourceId: string): string {
  return `${platform}:${sourceId}`;
}

export function sourceReferenceMetafield(platform: string, sourceId: string) {
  return { ...SOURCE_REFERENCE, value: sourceReference(platform, sourceId) };
}

export function customIdentifier(platform: string, sourceId: string) {
  return {
    customId: {
      namespace: SOURCE_REFERENCE.namespace,
      key: SOURCE_REFERENCE.key,
      value: sourceReference(platform, sourceId),
    },
  };
}
