// Metafields on products, variants, collections, customers, orders, pages, blogs and articles:
// reading them, `metafieldsSet` (25 at most) and `metafieldsDelete`.
import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { batcher, type Args, type RequestContext, type ResolverModule } from '../graphql/context.ts';
import { connectionOf } from './connection.ts';
import { gid, parseAnyGid } from './ids.ts';
import { invalidValue, isKnownType } from './metafield-types.ts';
import { resolveNamespace } from './namespaces.ts';

export const MAX_METAFIELDS_PER_SET = 25;

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

export function metafieldObject(row: MetafieldRow) {
  let jsonValue: unknown = row.value;
  if (row.type === 'json' || row.type === 'rich_text_field' || row.type === 'rating' || row.type.startsWith('list.'))
    jsonValue = safeJson(row.value);
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
    compareDigest: compareDigest(row),
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

/** A `keys` entry ("namespace.key"), its namespace resolved. */
function resolveKey(entry: string): string {
  const at = entry.lastIndexOf('.');
  return at < 0 ? entry : `${resolveNamespace(entry.slice(0, at))}.${entry.slice(at + 1)}`;
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
      const namespace = typeof args.namespace === 'string' ? resolveNamespace(args.namespace) : undefined;
      const keys = Array.isArray(args.keys) ? (args.keys as string[]).map(resolveKey) : undefined;
      const chosen = all.filter(
        (row) =>
          (namespace === undefined || row.namespace === namespace) &&
          (!keys || keys.includes(`${row.namespace}.${row.key}`)),
      );
      return connectionOf(chosen, args, (row) => row.id, metafieldObject);
    },
    metafield: async (args: Args, context: RequestContext) => {
      const namespace = resolveNamespace(typeof args.namespace === 'string' ? args.namespace : null);
      const row = (await metafieldsOf(context, ownerId)).find(
        (item) => item.namespace === namespace && item.key === args.key,
      );
      return row ? metafieldObject(row) : null;
    },
  };
}

export interface MetafieldInput {
  namespace?: string | null;
  key?: string | null;
  type?: string | null;
  value?: string | null;
  compareDigest?: string | null;
}

/** Writes an owner's metafields inside the caller's transaction; `replace` drops the ones not given. */
export async function writeMetafields(
  client: PoolClient,
  shop: string,
  ownerId: string,
  ownerType: string,
  inputs: MetafieldInput[],
  replace: boolean,
): Promise<void> {
  if (replace) {
    const keep = inputs.map((input) => `${resolveNamespace(input.namespace)}.${input.key ?? ''}`);
    await client.query(
      "DELETE FROM devstore.metafields WHERE owner_id = $1 AND NOT (namespace || '.' || key = ANY($2::text[]))",
      [ownerId, keep],
    );
  }
  for (const input of inputs) {
    await client.query(
      `INSERT INTO devstore.metafields (shop, owner_id, owner_type, namespace, key, type, value) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (owner_id, namespace, key) DO UPDATE SET type = EXCLUDED.type, value = EXCLUDED.value, updated_at = now()`,
      [
        shop,
        ownerId,
        ownerType,
        resolveNamespace(input.namespace),
        input.key,
        input.type ?? 'single_line_text_field',
        input.value ?? '',
      ],
    );
  }
}

/** userErrors for a list of metafield inputs (type known, value fits the type, key present), in a shop of `currency`. */
export function metafieldInputErrors(
  inputs: MetafieldInput[],
  path: string[],
  currency: string,
): { field: string[]; message: string; code: string }[] {
  const errors: { field: string[]; message: string; code: string }[] = [];
  inputs.forEach((input, index) => {
    const at = [...path, String(index)];
    if (!input.key) errors.push({ field: [...at, 'key'], message: "Key can't be blank", code: 'BLANK' });
    if (!input.type) errors.push({ field: [...at, 'type'], message: "Type can't be blank", code: 'BLANK' });
    else if (!isKnownType(input.type))
      errors.push({
        field: [...at, 'type'],
        message: `Type '${input.type}' is not a valid type.`,
        code: 'INVALID_TYPE',
      });
    else if (input.value === '')
      errors.push({ field: [...at, 'value'], message: "Value can't be blank", code: 'BLANK' });
    else if (input.value !== undefined && input.value !== null) {
      const problem = invalidValue(input.type, input.value, currency);
      if (problem) errors.push({ field: [...at, 'value'], message: problem, code: 'INVALID_VALUE' });
    }
  });
  return errors;
}

async function metafieldsSet(args: Args, context: RequestContext) {
  const inputs = (args.metafields ?? []) as (MetafieldInput & { ownerId: string })[];
  if (inputs.length > MAX_METAFIELDS_PER_SET) {
    return {
      __typename: 'MetafieldsSetPayload',
      metafields: [],
      userErrors: [
        {
          __typename: 'MetafieldsSetUserError',
          field: ['metafields'],
          message: `Exceeded the maximum metafields input limit of ${MAX_METAFIELDS_PER_SET}.`,
          code: 'LESS_THAN_OR_EQUAL_TO',
          elementIndex: null,
        },
      ],
    };
  }
  const errors: { field: string[]; message: string; code: string; elementIndex: number | null }[] =
    metafieldInputErrors(inputs, ['metafields'], context.shop.currencyCode).map((error) => ({
      ...error,
      elementIndex: Number(error.field[1]),
    }));
  const owners: { id: string; ownerType: string }[] = [];
  for (const [index, input] of inputs.entries()) {
    const parsed = parseAnyGid(input.ownerId);
    const owner = parsed ? OWNER_TABLES[parsed.type] : undefined;
    const exists =
      owner && parsed
        ? (
            await context.pool.query(`SELECT 1 FROM ${owner.table} WHERE shop = $1 AND id = $2`, [
              context.shop.domain,
              parsed.id,
            ])
          ).rowCount
        : 0;
    if (!owner || !parsed || !exists) {
      errors.push({
        field: ['metafields', String(index), 'ownerId'],
        message: 'Owner does not exist.',
        code: 'INVALID',
        elementIndex: index,
      });
      owners.push({ id: '', ownerType: '' });
    } else owners.push({ id: parsed.id, ownerType: owner.ownerType });
  }
  if (errors.length)
    return {
      __typename: 'MetafieldsSetPayload',
      metafields: [],
      userErrors: errors.map((error) => ({ __typename: 'MetafieldsSetUserError', ...error })),
    };

  // All or nothing, as Shopify applies a metafieldsSet call atomically.
  const client = await context.pool.connect();
  const written: MetafieldRow[] = [];
  const stale: typeof errors = [];
  try {
    await client.query('BEGIN');
    for (const [index, input] of inputs.entries()) {
      const owner = owners[index] as { id: string; ownerType: string };
      if (
        Object.hasOwn(input, 'compareDigest') &&
        (await isStale(
          client,
          owner.id,
          resolveNamespace(input.namespace),
          input.key ?? '',
          input.compareDigest ?? null,
        ))
      ) {
        stale.push({
          field: ['metafields', String(index), 'compareDigest'],
          message: 'The metafield has been modified since it was loaded.',
          code: 'STALE_OBJECT',
          elementIndex: index,
        });
        continue;
      }
      const { rows } = await client.query<MetafieldRow>(
        `INSERT INTO devstore.metafields (shop, owner_id, owner_type, namespace, key, type, value) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (owner_id, namespace, key) DO UPDATE SET type = EXCLUDED.type, value = EXCLUDED.value, updated_at = now() RETURNING *`,
        [
          context.shop.domain,
          owner.id,
          owner.ownerType,
          resolveNamespace(input.namespace),
          input.key,
          input.type,
          input.value,
        ],
      );
      written.push(rows[0] as MetafieldRow);
    }
    await client.query(stale.length ? 'ROLLBACK' : 'COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  if (stale.length)
    return {
      __typename: 'MetafieldsSetPayload',
      metafields: [],
      userErrors: stale.map((error) => ({ __typename: 'MetafieldsSetUserError', ...error })),
    };
  return { __typename: 'MetafieldsSetPayload', metafields: written.map(metafieldObject), userErrors: [] };
}

/**
 * Compare-and-set (API 2024-07 and later): a `compareDigest` must be the digest of the value stored
 * now, and `null` means the metafield must not exist yet; else STALE_OBJECT (its schema description
 * is the message). The row is locked until the call commits, so two calls cannot both pass.
 */
async function isStale(
  client: PoolClient,
  ownerId: string,
  namespace: string,
  key: string,
  expected: string | null,
): Promise<boolean> {
  const { rows } = await client.query<MetafieldRow>(
    'SELECT * FROM devstore.metafields WHERE owner_id = $1 AND namespace = $2 AND key = $3 FOR UPDATE',
    [ownerId, namespace, key],
  );
  const current = rows[0];
  return expected === null ? current !== undefined : !current || compareDigest(current) !== expected;
}

/** What `compareDigest` reads: a digest of the stored type and value (Shopify documents it only as "a digest"). */
function compareDigest(row: Pick<MetafieldRow, 'type' | 'value'>): string {
  return createHash('sha256').update(`${row.type}\n${row.value}`).digest('hex');
}

interface MetafieldIdentifier {
  ownerId: string;
  namespace: string;
  key: string;
}

/**
 * Deletes metafields by owner, namespace and key. Shopify answers `null` in `deletedMetafields`
 * for one that does not exist (an unknown owner, or a type that cannot own metafields, included)
 * rather than a userError. The namespace is required here; `$app` names the app's own.
 */
async function metafieldsDelete(args: Args, context: RequestContext) {
  const identifiers = (args.metafields ?? []) as MetafieldIdentifier[];
  const deleted: (({ __typename: 'MetafieldIdentifier' } & MetafieldIdentifier) | null)[] = [];
  for (const identifier of identifiers) {
    const parsed = parseAnyGid(identifier.ownerId);
    const owner = parsed ? OWNER_TABLES[parsed.type] : undefined;
    // owner_type pins the gid's type, so a Product gid cannot reach a customer's metafield.
    const { rowCount } =
      owner && parsed
        ? await context.pool.query(
            'DELETE FROM devstore.metafields WHERE shop = $1 AND owner_id = $2 AND owner_type = $3 AND namespace = $4 AND key = $5',
            [context.shop.domain, parsed.id, owner.ownerType, resolveNamespace(identifier.namespace), identifier.key],
          )
        : { rowCount: 0 };
    deleted.push(
      rowCount
        ? {
            __typename: 'MetafieldIdentifier',
            ownerId: identifier.ownerId,
            namespace: identifier.namespace,
            key: identifier.key,
          }
        : null,
    );
  }
  return { __typename: 'MetafieldsDeletePayload', deletedMetafields: deleted, userErrors: [] };
}

export const metafieldsModule: ResolverModule = { mutations: { metafieldsSet, metafieldsDelete } };
