// The Publishable fields of products and collections: where they are published.
import { batcher, type Args, type RequestContext } from '../graphql/context.ts';
import { parseGid } from './ids.ts';

interface Placement {
  publication_id: string;
  publish_date: Date;
}

function placementsOf(context: RequestContext, publishableId: string): Promise<Placement[]> {
  return batcher<string, Placement[]>(
    context,
    'publications',
    async (ids) => {
      const { rows } = await context.pool.query<Placement & { publishable_id: string }>(
        'SELECT publishable_id, publication_id, publish_date FROM devstore.resource_publications WHERE publishable_id = ANY($1::bigint[])',
        [ids],
      );
      const found = new Map<string, Placement[]>();
      for (const row of rows) found.set(String(row.publishable_id), [...(found.get(String(row.publishable_id)) ?? []), row]);
      return found;
    },
    [],
  ).get(publishableId);
}

const live = (placement: Placement) => placement.publish_date.getTime() <= Date.now();

export function publicationFields(publishableId: string) {
  return {
    publishedOnPublication: async (args: Args, context: RequestContext) => {
      const publicationId = parseGid(args.publicationId, 'Publication');
      return (await placementsOf(context, publishableId)).some((placement) => String(placement.publication_id) === publicationId && live(placement));
    },
    publicationCount: async (args: Args, context: RequestContext) =>
      (await placementsOf(context, publishableId)).filter((placement) => args.onlyPublished === false || live(placement)).length,
    resourcePublicationsCount: async (_args: Args, context: RequestContext) => ({ __typename: 'Count', count: (await placementsOf(context, publishableId)).length, precision: 'EXACT' }),
  };
}
