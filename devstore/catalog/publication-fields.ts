// The Publishable fields of products and collections (where they are published), and what a
// product's storefront shows for it: its Online Store URL and publication date.
// https://shopify.dev/docs/api/admin-graphql/latest/interfaces/Publishable
import { batcher, type Args, type RequestContext } from '../graphql/context.ts';
import { parseGid } from './ids.ts';

interface Placement {
  publication_id: string;
  publish_date: Date;
  online_store: boolean;
}

function placementsOf(context: RequestContext, publishableId: string): Promise<Placement[]> {
  return batcher<string, Placement[]>(
    context,
    'publications',
    async (ids) => {
      const { rows } = await context.pool.query<Placement & { publishable_id: string }>(
        `SELECT r.publishable_id, r.publication_id, r.publish_date, p.name = 'Online Store' AS online_store
         FROM devstore.resource_publications r JOIN devstore.publications p ON p.id = r.publication_id
         WHERE r.publishable_id = ANY($1::bigint[])`,
        [ids],
      );
      const found = new Map<string, Placement[]>();
      for (const row of rows)
        found.set(String(row.publishable_id), [...(found.get(String(row.publishable_id)) ?? []), row]);
      return found;
    },
    [],
  ).get(publishableId);
}

/** Published now, not only scheduled for a date still to come. */
const live = (placement: Placement) => placement.publish_date.getTime() <= Date.now();

export function publicationFields(publishableId: string) {
  return {
    publishedOnPublication: async (args: Args, context: RequestContext) => {
      const publicationId = parseGid(args.publicationId, 'Publication');
      return (await placementsOf(context, publishableId)).some(
        (placement) => String(placement.publication_id) === publicationId && live(placement),
      );
    },
    // Both counts take `onlyPublished` (default true: "Include only the resource's publications that
    // are published. If false, then return all the resource's publications including future publications.").
    publicationCount: async (args: Args, context: RequestContext) =>
      (await placementsOf(context, publishableId)).filter(
        (placement) => args.onlyPublished === false || live(placement),
      ).length,
    resourcePublicationsCount: async (args: Args, context: RequestContext) => ({
      __typename: 'Count',
      count: (await placementsOf(context, publishableId)).filter(
        (placement) => args.onlyPublished === false || live(placement),
      ).length,
      precision: 'EXACT',
    }),
  };
}

/**
 * A product's Publishable fields and its storefront: `onlineStoreUrl` is null when "the product isn't
 * published to the online store sales channel" (Product.onlineStoreUrl), and a product shows in a
 * channel only with an active status (publishablePublish: "For products to be visible in a channel,
 * they must have an active ProductStatus"); an unlisted one is active and reached by its link
 * (ProductStatus.UNLISTED). `publishedAt` is when it was published to the online store.
 */
export function productPublicationFields(row: { id: string; shop: string; handle: string; status: string }) {
  const publishableId = String(row.id);
  const onOnlineStore = async (context: RequestContext) =>
    (await placementsOf(context, publishableId)).find((placement) => placement.online_store && live(placement));
  return {
    ...publicationFields(publishableId),
    onlineStoreUrl: async (_args: Args, context: RequestContext) =>
      ['ACTIVE', 'UNLISTED'].includes(row.status) && (await onOnlineStore(context))
        ? `https://${row.shop}/products/${row.handle}`
        : null,
    publishedAt: async (_args: Args, context: RequestContext) =>
      (await onOnlineStore(context))?.publish_date.toISOString() ?? null,
  };
}
