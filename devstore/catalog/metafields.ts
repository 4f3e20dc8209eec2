// Metafields on products, variants, collections, customers, orders, pages, blogs and articles:
// reading them, `metafieldsSet` (25 at most) and `metafieldsDelete`.
import type { PoolClient } from 'pg';
import { batcher, type Args, type RequestContext, type ResolverModule } from '../graphql/context.ts';
import { connectionOf } from './connection.ts';
import { gid } from './ids.ts';

export const MAX_METAFIELDS_PER_SET = 25;
/** A metafield set without a namespace lands in the app's reserved namespace. */
const APP_NAMESPACE = '$app';

export interface MetafieldRow {
  id: string;
  owner_id: string;
  owner_type: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  created_at: Date;
  updated_at: Date;
}

const OWNER_TABLES: Record<string, { table: string; ownerType: string }> = {
  Product: { table: 'devstore.products', ownerType: 'PRODUCT' },
  ProductVariant: { table: 'devstore.variants', ownerType: 'PRODUCTVARIANT' },
  Collection: { table: 'devstore.collections', ownerType: 'COLLECTION' },
  Customer: { table: 'devstore.customers', ownerType: 'CUSTOMER' },
  Order: { table: 'devstore.orders', ownerType: 'ORDER' },
  Page: { table: 'devstore.pages', ownerType: 'PAGE' },
  Blog: { table: 'devstore.blogs', ownerType: 'BLOG' },
  Article: { table: 'devstore.articles', ownerType: 'ARTICLE' },
};

/** Checks a value against its type the way Shopify refuses obviously wrong ones. */
export function invalidValue(type: string, value: string): string | undefined {
  const is = (ok: boolean) => (ok ? undefined : `Value must be a valid ${type.replaceAll('_', ' ')}.`);
  switch (type) {
    case 'single_line_text_field':
      return is(!value.includes('\n'));
    case 'multi_line_text_field':
      return undefined;
    case 'number_integer':
      return is(/^-?\d+$/.test(value));
    case 'number_decimal':
      return is(/^-?\d+(\.\d+)?$/.test(value));
    case 'boolean':
      return is(value === 'true' || value === 'false');
    case 'date':
      return is(/^\d{4}-\d{2}-\d{2}$/.test(value));
    case 'date_time':
      return is(!Number.isNaN(Date.parse(value)));
    case 'url':
      return is(URL.canParse(value));
    case 'color':
      return is(/^#[0-9a-fA-F]{6}$/.test(value));
    case 'json':
      if (Buffer.byteLength(value) > MAX_JSON_BYTES) return `Value exceeds the maximum size of ${MAX_JSON_BYTES / 1024}KB for json metafields.`;
      return parsesAsJson(value) ? undefined : 'Value is invalid JSON.';
    case 'rich_text_field':
      return parsesAsJson(value) ? undefined : 'Value is invalid JSON.';
    case 'rating':
      return invalidRating(value);
    default:
      return undefined;
  }
}

/** Shopify limits json values written with API 2026-04 and later to 128KB. */
export const MAX_JSON_BYTES = 128 * 1024;

function parsesAsJson(value: string): boolean {
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A rating is `{"value": "4.5", "scale_min": "1.0", "scale_max": "5.0"}`: decimals, the value within the scale. */
function invalidRating(value: string): string | undefined {
  let rating: unknown;
  try {
    rating = JSON.parse(value);
  } catch {
    return 'Value is invalid JSON.';
  }
  const fields = rating as Record<string, unknown> | null;
  if (typeof fields !== 'object' || fields === null) return 'Value must be a rating object with value, scale_min and scale_max.';
  for (const key of ['value', 'scale_min', 'scale_max']) {
    const field = fields[key];
    if (field === undefined || field === null) return `Value is missing the ${key} key.`;
    if (!DECIMAL.test(String(field))) return `Value ${key} must be a decimal number.`;
  }
  const [ratingValue, min, max] = [Number(fields.value), Number(fields.scale_min), Number(fields.scale_max)];
  if (min >= max) return 'Value scale_min must be less than scale_max.';
  if (ratingValue < min || ratingValue > max) return `Value must be between ${String(fields.scale_min)} and ${String(fields.scale_max)}.`;
  return undefined;
}

export const KNOWN_TYPES = new Set([
  'single_line_text_field', 'multi_line_text_field', 'number_integer', 'number_decimal', 'boolean', 'date', 'date_time',
  'url', 'color', 'json', 'rich_text_field', 'product_reference', 'variant_reference', 'collection_reference',
  'file_reference', 'page_reference', 'metaobject_reference', 'money', 'rating', 'weight', 'volume', 'dimension', 'link', 'id',
]);

export function isKnownType(type: string): boolean {
  return KNOWN_TYPES.has(type) || (type.startsWith('list.') && KNOWN_TYPES.has(type.slice(5)));
}

export function metafieldObject(row: MetafieldRow) {
  let jsonValue: unknown = row.value;
  if (row.type === 'json' || row.type === 'rich_text_field' || row.type === 'rating' || row.type.startsWith('list.')) jsonValue = safeJson(row.value);
  else if (row.type === 'number_integer' || row.type === 'number_decimal') jsonValue = Number(row.value);
  else if (row.type === 'boolean') jsonValue = row.value === 'true';
  return {
    __typename: 'Metafield',
    id: gid('Metafield', row.id),
    namespace: row.namespace,
    key: row.key,
    type: row.type,
    value: row.value,
    jsonValue,
    ownerType: row.owner_type,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function metafieldsOf(context: RequestContext, ownerId: string): Promise<MetafieldRow[]> {
  return batcher<string, MetafieldRow[]>(
    context,
    'metafields',
    async (ids) => {
      const { rows } = await context.pool.query<MetafieldRow>(
        'SELECT * FROM devstore.metafields WHERE shop = $1 AND owner_id = ANY($2::bigint[]) ORDER BY id',
        [context.shop.domain, ids],
      );
      const found = new Map<string, MetafieldRow[]>();
      for (const row of rows) found.set(String(row.owner_id), [...(found.get(String(row.owner_id)) ?? []), row]);
      return found;
    },
    [],
  ).get(ownerId);
}

/** The `metafields` connection and `metafield(namespace, key)` fields of any owner. */
export function metafieldFields(ownerId: string) {
  return {
    metafields: async (args: Args, context: RequestContext) => {
      const all = await metafieldsOf(context, ownerId);
      const chosen = all.filter((row) => (args.namespace === undefined || args.namespace === null || row.namespace === args.namespace) && (!Array.isArray(args.keys) || args.keys.includes(`${row.namespace}.${row.key}`)));
      return connectionOf(chosen, args, (row) => row.id, metafieldObject);
    },
    metafield: async (args: Args, context: RequestContext) => {
      const namespace = typeof args.namespace === 'string' ? args.namespace : APP_NAMESPACE;
      const row = (await metafieldsOf(context, ownerId)).find((item) => item.namespace === namespace && item.key === args.key);
      return row ? metafieldObject(row) : null;
    },
  };
}

export interface MetafieldInput {
  namespace?: string | null;
  key?: string | null;
  type?: string | null;
  value?: string | null;
}

/** Writes an owner's metafields inside the caller's transaction; `replace` drops the ones not given. */
export async function writeMetafields(client: PoolClient, shop: string, ownerId: string, ownerType: string, inputs: MetafieldInput[], replace: boolean): Promise<void> {
  if (replace) {
    const keep = inputs.map((input) => `${input.namespace ?? APP_NAMESPACE}.${input.key ?? ''}`);
    await client.query("DELETE FROM devstore.metafields WHERE owner_id = $1 AND NOT (namespace || '.' || key = ANY($2::text[]))", [ownerId, keep]);
  }
  for (const input of inputs) {
    await client.query(
      `INSERT INTO devstore.metafields (shop, owner_id, owner_type, namespace, key, type, value) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (owner_id, namespace, key) DO UPDATE SET type = EXCLUDED.type, value = EXCLUDED.value, updated_at = now()`,
      [shop, ownerId, ownerType, input.namespace ?? APP_NAMESPACE, input.key, input.type ?? 'single_line_text_field', input.value ?? ''],
    );
  }
}

/** userErrors for a list of metafield inputs (type known, value fits the type, key present). */
export function metafieldInputErrors(inputs: MetafieldInput[], path: string[]): { field: string[]; message: string; code: string }[] {
  const errors: { field: string[]; message: string; code: string }[] = [];
  inputs.forEach((input, index) => {
    const at = [...path, String(index)];
    if (!input.key) errors.push({ field: [...at, 'key'], message: "Key can't be blank", code: 'BLANK' });
    if (!input.type) errors.push({ field: [...at, 'type'], message: "Type can't be blank", code: 'BLANK' });
    else if (!isKnownType(input.type)) errors.push({ field: [...at, 'type'], message: `Type '${input.type}' is not a valid type.`, code: 'INVALID_TYPE' });
    else if (input.value !== undefined && input.value !== null) {
      const problem = invalidValue(input.type, input.value);
      if (problem) errors.push({ field: [...at, 'value'], message: problem, code: 'INVALID_VALUE' });
    }
  });
  return errors;
}

async function metafieldsSet(args: Args, context: RequestContext) {
  const inputs = (args.metafields ?? []) as (MetafieldInput & { ownerId: string })[];
  if (inputs.length > MAX_METAFIELDS_PER_SET) {
    return { __typename: 'MetafieldsSetPayload', metafields: [], userErrors: [{ __typename: 'MetafieldsSetUserError', field: ['metafields'], message: `Exceeded the maximum metafields input limit of ${MAX_METAFIELDS_PER_SET}.`, code: 'LESS_THAN_OR_EQUAL_TO', elementIndex: null }] };
  }
  const errors: { field: string[]; message: string; code: string; elementIndex: number | null }[] = metafieldInputErrors(inputs, ['metafields']).map((error) => ({ ...error, elementIndex: Number(error.field[1]) }));
  const owners: { id: string; ownerType: string }[] = [];
  for (const [index, input] of inputs.entries()) {
    const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)$/.exec(input.ownerId);
    const owner = match?.[1] ? OWNER_TABLES[match[1]] : undefined;
    const exists = owner && match?.[2] ? (await context.pool.query(`SELECT 1 FROM ${owner.table} WHERE shop = $1 AND id = $2`, [context.shop.domain, match[2]])).rowCount : 0;
    if (!owner || !match?.[2] || !exists) {
      errors.push({ field: ['metafields', String(index), 'ownerId'], message: 'Owner does not exist.', code: 'INVALID', elementIndex: index });
      owners.push({ id: '', ownerType: '' });
    } else owners.push({ id: match[2], ownerType: owner.ownerType });
  }
  if (errors.length) return { __typename: 'MetafieldsSetPayload', metafields: [], userErrors: errors.map((error) => ({ __typename: 'MetafieldsSetUserError', ...error })) };

  // All or nothing, as Shopify applies a metafieldsSet call atomically.
  const client = await context.pool.connect();
  const written: MetafieldRow[] = [];
  try {
    await client.query('BEGIN');
    for (const [index, input] of inputs.entries()) {
      const owner = owners[index] as { id: string; ownerType: string };
      const { rows } = await client.query<MetafieldRow>(
        `INSERT INTO devstore.metafields (shop, owner_id, owner_type, namespace, key, type, value) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (owner_id, namespace, key) DO UPDATE SET type = EXCLUDED.type, value = EXCLUDED.value, updated_at = now() RETURNING *`,
        [context.shop.domain, owner.id, owner.ownerType, input.namespace ?? APP_NAMESPACE, input.key, input.type, input.value],
      );
      written.push(rows[0] as MetafieldRow);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  return { __typename: 'MetafieldsSetPayload', metafields: written.map(metafieldObject), userErrors: [] };
}

interface MetafieldIdentifier {
  ownerId: string;
  namespace: string;
  key: string;
}

/**
 * Deletes metafields by owner, namespace and key. Shopify answers `null` in `deletedMetafields`
 * for one that does not exist (an unknown owner, or a type that cannot own metafields, included)
 * rather than a userError. The namespace is required here, so no `$app` default.
 */
async function metafieldsDelete(args: Args, context: RequestContext) {
  const identifiers = (args.metafields ?? []) as MetafieldIdentifier[];
  const deleted: (({ __typename: 'MetafieldIdentifier' } & MetafieldIdentifier) | null)[] = [];
  for (const identifier of identifiers) {
    const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)$/.exec(identifier.ownerId);
    const owner = match?.[1] ? OWNER_TABLES[match[1]] : undefined;
    // owner_type pins the gid's type, so a Product gid cannot reach a customer's metafield.
    const { rowCount } = owner && match?.[2]
      ? await context.pool.query('DELETE FROM devstore.metafields WHERE shop = $1 AND owner_id = $2 AND owner_type = $3 AND namespace = $4 AND key = $5', [context.shop.domain, match[2], owner.ownerType, identifier.namespace, identifier.key])
      : { rowCount: 0 };
    deleted.push(rowCount ? { __typename: 'MetafieldIdentifier', ownerId: identifier.ownerId, namespace: identifier.namespace, key: identifier.key } : null);
  }
  return { __typename: 'MetafieldsDeletePayload', deletedMetafields: deleted, userErrors: [] };
}

export const metafieldsModule: ResolverModule = { mutations: { metafieldsSet, metafieldsDelete } };
