// `publications` (each shop has its Online Store), `publishablePublish` and `publishableUnpublish`
// for products and collections.
import type { Args, RequestContext, ResolverModule } from '../graphql/context.ts';
import { NotImplementedError } from '../graphql/errors.ts';
import { collectionObject, type CollectionRow } from './collection-objects.ts';
import { connectionOf } from './connection.ts';
import { gid } from './ids.ts';
import { productObject } from './product-objects.ts';
import { productById } from './product-rows.ts';
import { shopObject } from './shop.ts';

interface PublicationRow {
  id: string;
  name: string;
}

function publicationObject(row: PublicationRow) {
  return { __typename: 'Publication', id: gid('Publication', row.id), name: row.name, autoPublish: false, supportsFuturePublishing: true };
}

async function publishable(context: RequestContext, id: unknown): Promise<{ id: string; object: unknown } | undefined> {
  const match = typeof id === 'string' ? /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)$/.exec(id) : null;
  if (!match?.[1] || !match[2]) return undefined;
  if (match[1] === 'Product') {
    const row = await productById(context.pool, context.shop.domain, match[2]);
    return row ? { id: match[2], object: productObject(row) } : undefined;
  }
  if (match[1] === 'Collection') {
    const { rows } = await context.pool.query<CollectionRow>('SELECT * FROM devstore.collections WHERE shop = $1 AND id = $2', [context.shop.domain, match[2]]);
    return rows[0] ? { id: match[2], object: collectionObject(rows[0]) } : undefined;
  }
  throw new NotImplementedError(`publishing a ${match[1]}`);
}

type Problem = { __typename: 'UserError'; field: string[]; message: string };

async function change(args: Args, context: RequestContext, typename: string, publish: boolean) {
  const inputs = args.input as { publicationId?: string | null; channelId?: string | null; publishDate?: string | null }[];
  if (inputs.some((input) => input.channelId)) throw new NotImplementedError('publishing by channelId (use publicationId)');
  const target = await publishable(context, args.id);
  const result = (object: unknown, userErrors: Problem[]) => ({ __typename: typename, publishable: object, shop: shopObject(context), userErrors });
  if (!target) return result(null, [{ __typename: 'UserError', field: ['id'], message: 'Publishable does not exist' }]);
  const { rows } = await context.pool.query<{ id: string }>('SELECT id FROM devstore.publications WHERE shop = $1', [context.shop.domain]);
  const known = new Set(rows.map((row) => String(row.id)));
  const errors: Problem[] = [];
  const ids = inputs.map((input, index) => {
    const id = /\/(\d+)$/.exec(input.publicationId ?? '')?.[1];
    if (!id || !known.has(id)) errors.push({ __typename: 'UserError', field: ['input', String(index), 'publicationId'], message: 'Publication does not exist' });
    return id ?? '';
  });
  if (errors.length) return result(null, errors);
  for (const [index, id] of ids.entries()) {
    if (publish) {
      await context.pool.query(
        `INSERT INTO devstore.resource_publications (publishable_id, publication_id, publish_date) VALUES ($1, $2, coalesce($3::timestamptz, now()))
         ON CONFLICT (publishable_id, publication_id) DO UPDATE SET publish_date = EXCLUDED.publish_date`,
        [target.id, id, inputs[index]?.publishDate ?? null],
      );
    } else {
      await context.pool.query('DELETE FROM devstore.resource_publications WHERE publishable_id = $1 AND publication_id = $2', [target.id, id]);
    }
  }
  return result(target.object, []);
}

export const publicationsModule: ResolverModule = {
  queries: {
    publications: async (args, context) => {
      if (args.catalogType) throw new NotImplementedError('publications by catalogType');
      const { rows } = await context.pool.query<PublicationRow>('SELECT id, name FROM devstore.publications WHERE shop = $1 ORDER BY id', [context.shop.domain]);
      if (args.reverse === true) rows.reverse();
      return connectionOf(rows, args, (row) => row.id, publicationObject);
    },
  },
  mutations: {
    publishablePublish: (args, context) => change(args, context, 'PublishablePublishPayload', true),
    publishableUnpublish: (args, context) => change(args, context, 'PublishableUnpublishPayload', false),
  },
};
