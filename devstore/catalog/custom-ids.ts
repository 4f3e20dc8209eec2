// Metafield definitions and custom IDs: `metafieldDefinitionCreate`, and finding a resource by the
// value of its `id`-type metafield, which Shopify keeps unique per resource type.
// https://shopify.dev/docs/apps/build/custom-data/metafields/working-with-custom-ids
import type { Pool } from 'pg';
import type { Args, RequestContext, ResolverModule } from '../graphql/context.ts';
import { gid } from './ids.ts';
import { isKnownType } from './metafield-types.ts';
import { APP_NAMESPACE, resolveNamespace } from './namespaces.ts';

export interface CustomId {
  namespace?: string | null;
  key: string;
  value: string;
}

interface DefinitionRow {
  id: string;
  owner_type: string;
  namespace: string;
  key: string;
  type: string;
  name: string;
  description: string | null;
}

const OWNER_WORDS: Record<string, string> = {
  PRODUCT: 'Product',
  PRODUCTVARIANT: 'Product variant',
  COLLECTION: 'Collection',
  CUSTOMER: 'Customer',
  ORDER: 'Order',
  LOCATION: 'Location',
};

function definitionObject(row: DefinitionRow) {
  return {
    __typename: 'MetafieldDefinition',
    id: gid('MetafieldDefinition', row.id),
    name: row.name,
    namespace: row.namespace,
    key: row.key,
    ownerType: row.owner_type,
    description: row.description,
    type: { __typename: 'MetafieldDefinitionType', name: row.type, category: row.type === 'id' ? 'REFERENCE' : 'TEXT' },
  };
}

type Problem = { __typename: 'MetafieldDefinitionCreateUserError'; field: string[]; message: string; code: string };

async function metafieldDefinitionCreate(args: Args, context: RequestContext) {
  const input = (args.definition ?? {}) as {
    name?: string;
    namespace?: string | null;
    key?: string;
    type?: string;
    ownerType?: string;
    description?: string | null;
  };
  const namespace = resolveNamespace(input.namespace);
  const problems: Problem[] = [];
  const add = (field: string, message: string, code: string) =>
    problems.push({ __typename: 'MetafieldDefinitionCreateUserError', field: ['definition', field], message, code });
  if (!input.name?.trim()) add('name', "Name can't be blank", 'BLANK');
  if (!input.key || input.key.length < 2 || input.key.length > 64 || !/^[\w-]+$/.test(input.key))
    add(
      'key',
      'Key must be 2-64 characters long and only contain alphanumeric, hyphen, and underscore characters.',
      'INVALID',
    );
  if (!(input.namespace ?? APP_NAMESPACE).startsWith(APP_NAMESPACE) && (namespace.length < 3 || namespace.length > 255))
    add('namespace', 'Namespace must be 3-255 characters long.', 'INVALID');
  if (!input.type || !isKnownType(input.type))
    add('type', `Type '${input.type ?? ''}' is not a valid type.`, 'INVALID');
  if (problems.length === 0) {
    const { rowCount } = await context.pool.query(
      'SELECT 1 FROM devstore.metafield_definitions WHERE shop = $1 AND owner_type = $2 AND namespace = $3 AND key = $4',
      [context.shop.domain, input.ownerType, namespace, input.key],
    );
    if (rowCount)
      add(
        'key',
        `Key is in use for ${OWNER_WORDS[input.ownerType ?? ''] ?? 'these'} metafields on the '${namespace}' namespace.`,
        'TAKEN',
      );
  }
  if (problems.length > 0)
    return { __typename: 'MetafieldDefinitionCreatePayload', createdDefinition: null, userErrors: problems };
  const { rows } = await context.pool.query<DefinitionRow>(
    `INSERT INTO devstore.metafield_definitions (shop, owner_type, namespace, key, type, name, description) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [context.shop.domain, input.ownerType, namespace, input.key, input.type, input.name, input.description ?? null],
  );
  return {
    __typename: 'MetafieldDefinitionCreatePayload',
    createdDefinition: definitionObject(rows[0] as DefinitionRow),
    userErrors: [],
  };
}

/**
 * The id of the shop's resource of `ownerType` whose `id` metafield (namespace, key) holds `value`;
 * null when none does. Throws CustomIdError when no `id` definition exists for that key, as
 * Shopify only looks resources up by custom IDs that are defined.
 */
export async function ownerByCustomId(
  pool: Pool,
  shop: string,
  ownerType: string,
  customId: CustomId,
): Promise<string | null> {
  const namespace = resolveNamespace(customId.namespace);
  const definition = await pool.query<{ type: string }>(
    'SELECT type FROM devstore.metafield_definitions WHERE shop = $1 AND owner_type = $2 AND namespace = $3 AND key = $4',
    [shop, ownerType, namespace, customId.key],
  );
  if (definition.rows[0]?.type !== 'id')
    throw new CustomIdError(`No metafield definition of type 'id' exists for ${namespace}.${customId.key}.`);
  const { rows } = await pool.query<{ owner_id: string }>(
    "SELECT owner_id FROM devstore.metafields WHERE shop = $1 AND owner_type = $2 AND namespace = $3 AND key = $4 AND value = $5 AND type = 'id' ORDER BY owner_id LIMIT 1",
    [shop, ownerType, namespace, customId.key, customId.value],
  );
  return rows[0]?.owner_id ?? null;
}

export class CustomIdError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CustomIdError';
  }
}

export const customIdsModule: ResolverModule = {
  mutations: { metafieldDefinitionCreate },
};
