// The metafields Shipyard owns (namespace, key and type) and the definitions it makes sure a shop has.
// Metafields a record carries because its source had the field (shipyard.total_spent, shipyard.full_<field>, …)
// are written by the entity that has them.
import type { AdminClient } from './client.server.ts';
import { ENSURE_SOURCE_REFERENCE_DEFINITION } from './graphql/metafields.ts';

/** Where each object came from ("woocommerce:42"): Shopify's custom ID, unique per resource type (source-reference.server.ts). */
export const SOURCE_REFERENCE = { namespace: 'shipyard', key: 'source_reference', type: 'id' } as const;

/** A product's reviews (decision 0009): the reviews in Shipyard's own json, the average and count in Shopify's standard metafields that themes and review apps read. */
export const REVIEWS_METAFIELD = { namespace: 'shipyard', key: 'reviews', type: 'json' } as const;
export const RATING_METAFIELD = { namespace: 'reviews', key: 'rating', type: 'rating' } as const;
export const RATING_COUNT_METAFIELD = { namespace: 'reviews', key: 'rating_count', type: 'number_integer' } as const;

export function sourceReferenceDefinition(ownerType: 'PRODUCT' | 'COLLECTION' | 'CUSTOMER' | 'ORDER') {
  return {
    definition: {
      name: 'Shipyard source reference',
      description: 'Where Shipyard migrated this from (platform:id). Keeps re-runs from creating duplicates.',
      ownerType,
      ...SOURCE_REFERENCE,
    },
  };
}

interface DefinitionResult {
  metafieldDefinitionCreate: {
    createdDefinition: { id: string } | null;
    userErrors: { message: string; code: string | null }[];
  };
}

/** Creates the unique source-reference definitions once per shop; "already taken" means done. */
export async function ensureSourceReferenceDefinitions(client: AdminClient): Promise<void> {
  for (const ownerType of ['PRODUCT', 'COLLECTION', 'CUSTOMER', 'ORDER'] as const) {
    const { data } = await client.request<DefinitionResult>(
      ENSURE_SOURCE_REFERENCE_DEFINITION,
      sourceReferenceDefinition(ownerType),
      { estimatedCost: 10 },
    );
    const errors = data.metafieldDefinitionCreate.userErrors.filter((error) => error.code !== 'TAKEN');
    if (errors.length > 0)
      throw new Error(
        `Could not define the source reference metafield on ${ownerType}: ${errors.map((error) => error.message).join('; ')}`,
      );
  }
}
