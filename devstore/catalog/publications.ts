// `publications` (the shop's Online Store and its other sales channels), `publishablePublish` and
// `publishableUnpublish` for products and collections.
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/publishablePublish
import type { Args, RequestContext, ResolverModule } from '../graphql/context.ts';
import { NotImplementedError } from '../graphql/errors.ts';
import { collectionObject, type CollectionRow } from './collection-objects.ts';
import { connectionOf } from './connection.ts';
import { gid, parseAnyGid, parseGid } from './ids.ts';
import { productObject } from './product-objects.ts';
import { productById } from './product-rows.ts';
import { shopObject } from './shop.ts';

interface PublicationRow {
  id: string;
  name: string;
  supports_future_publishing: boolean;
}

function publicationObject(row: PublicationRow) {
  return {
    __typename: 'Publication',
    id: gid('Publication', row.id),
    // Deprecated in favour of the catalog's title, which a sales channel's publication has: its app catalog.
    name: row.name,
    catalog: { __typename: 'AppCatalog', id: gid('AppCatalog', row.id), title: row.name, status: 'ACTIVE' },
    // devstore has no channel that takes new products on its own.
    autoPublish: false,
    supportsFuturePublishing: row.supports_future_publishing,
  };
}

async function publishable(context: RequestContext, id: unknown): Promise<{ id: string; object: unknown } | undefined> {
  const parsed = parseAnyGid(id);
  if (!parsed) return undefined;
  if (parsed.type === 'Product') {
    const row = await productById(context.pool, context.shop.domain, parsed.id);
    return row ? { id: parsed.id, object: productObject(row) } : undefined;
  }
  if (parsed.type === 'Collection') {
    const { rows } = await context.pool.query<CollectionRow>(
      'SELECT * FROM devstore.collections WHERE shop = $1 AND id = $2',
      [context.shop.domain, parsed.id],
    );
    return rows[0] ? { id: parsed.id, object: collectionObject(rows[0]) } : undefined;
  }
  throw new NotImplementedError(`publishing a ${parsed.type}`);
}

type Problem = { __typename: 'UserError'; field: string[]; message: string };

async function change(args: Args, context: RequestContext, typename: string, publish: boolean) {
  const inputs = args.input as {
    publicationId?: string | null;
    channelId?: string | null;
    publishDate?: string | null;
  }[];
  if (inputs.some((input) => input.channelId))
    throw new NotImplementedError('publishing by channelId (use publicationId)');
  const target = await publishable(context, args.id);
  const result = (object: unknown, userErrors: Problem[]) => ({
    __typename: typename,
    publishable: object,
    shop: shopObject(context),
    userErrors,
  });
  if (!target) return result(null, [{ __typename: 'UserError', field: ['id'], message: 'Publishable does not exist' }]);
  const { rows } = await context.pool.query<PublicationRow>(
    'SELECT id, name, supports_future_publishing FROM devstore.publications WHERE shop = $1',
    [context.shop.domain],
  );
  const known = new Map(rows.map((row) => [String(row.id), row]));
  const errors: Problem[] = [];
  const ids = inputs.map((input, index) => {
    const id = parseGid(input.publicationId, 'Publication');
    const publication = id ? known.get(id) : undefined;
    // Shopify documents no wording for these; the messages are devstore's own.
    if (!id || !publication)
      errors.push({
        __typename: 'UserError',
        field: ['input', String(index), 'publicationId'],
        message: 'Publication does not exist',
      });
    // "Only online store channels support future publishing" (PublicationInput.publishDate); it has no effect when unpublishing.
    else if (
      publish &&
      input.publishDate &&
      Date.parse(input.publishDate) > Date.now() &&
      !publication.supports_future_publishing
    ) {
      errors.push({
        __typename: 'UserError',
        field: ['input', String(index), 'publishDate'],
        message: `${publication.name} does not support future publishing`,
      });
    }
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
      await context.pool.query(
        'DELETE FROM devstore.resource_publications WHERE publishable_id = $1 AND publication_id = $2',
        [target.id, id],
      );
    }
  }
  return result(target.object, []);
}

export const publicationsModule: ResolverModule = {
  queries: {
    publications: async (args, context) => {
      // Every publication devstore has is a sales channel's, whose catalog belongs to its app
      // (CatalogType.APP: "Catalogs belonging to apps"); it has no market or company location catalogs.
      if (args.catalogType && args.catalogType !== 'APP')
        return connectionOf([], args, (row: PublicationRow) => row.id, publicationObject);
      const { rows } = await context.pool.query<PublicationRow>(
        'SELECT id, name, supports_future_publishing FROM devstore.publications WHERE shop = $1 ORDER BY id',
        [context.shop.domain],
      );
      if (args.reverse === true) rows.reverse();
      return connectionOf(rows, args, (row) => row.id, publicationObject);
    },
  },
  mutations: {
    publishablePublish: (args, context) => change(args, context, 'PublishablePublishPayload', true),
    publishableUnpublish: (args, context) => change(args, context, 'PublishableUnpublishPayload', false),
  },
};
