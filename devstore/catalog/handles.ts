// Handles as Shopify makes them (https://shopify.dev/docs/api/liquid/basics#handles): lowercase,
// whitespace and special characters replaced by one hyphen, none at either end; letters of any
// script are kept (https://shopify.dev/changelog/certain-properties-are-changing-to-support-a-full-utf-8-character-set:
// "a product with the title 日本 … the handle would now be generated as 日本"). A handle already
// taken is "auto-incremented by one": potion → potion-1, and shirt-1 → shirt-2.
import type { Pool, PoolClient } from 'pg';

export const MAX_HANDLE_LENGTH = 255;

/**
 * The handle Shopify makes of a text. Accents come off Latin letters only ("Crème" → "creme"; the
 * help centre's "without accents … converted to an equivalent standard ASCII character"), so "й"
 * or "東" stay what they are. Quotes, parentheses and brackets are dropped and "_" is kept, as
 * Shopify's API does (the docs name no list; devstore follows what the API is seen to answer).
 */
export function toHandle(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/([A-Za-z])[\u0300-\u036f]+/g, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/['"()[\]]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}_]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** A handle made from a title, cut to the length a handle may have. */
export function handleize(text: string): string {
  return toHandle(text).slice(0, MAX_HANDLE_LENGTH).replace(/-+$/, '');
}

export type HandleTable = 'products' | 'collections' | 'pages' | 'blogs' | 'articles';

/** What a handle is unique within: the shop, or for articles their blog (compared as its bigint, so the index serves it). */
function scopeOf(table: HandleTable): string {
  return table === 'articles' ? 'blog_id = $1::bigint' : 'shop = $1';
}

/**
 * The handle to use for `base` in this shop (or blog): base itself when free, else the next free
 * number — counted on from a number base already ends in ("shirt-1" taken → "shirt-2"), else from 1.
 */
export async function uniqueHandle(
  db: Pool | PoolClient,
  table: HandleTable,
  scope: string,
  base: string,
  exceptId?: string,
): Promise<string> {
  const root = base || table.replace(/s$/, '');
  const numbered = /^(.+)-(\d+)$/.exec(root);
  const stem = numbered?.[1] ?? root;
  const escaped = stem.replace(/[\\%_]/g, (char) => `\\${char}`);
  const { rows } = await db.query<{ handle: string }>(
    `SELECT handle FROM devstore.${table} WHERE ${scopeOf(table)} AND (handle = $2 OR handle LIKE $3) AND ($4::bigint IS NULL OR id <> $4)`,
    [scope, root, `${escaped}-%`, exceptId ?? null],
  );
  const taken = new Set(rows.map((row) => row.handle));
  if (!taken.has(root)) return root;
  for (let suffix = numbered ? Number(numbered[2]) + 1 : 1; ; suffix += 1) {
    const candidate = `${stem}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export async function handleTaken(
  db: Pool | PoolClient,
  table: HandleTable,
  scope: string,
  handle: string,
  exceptId?: string,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `SELECT 1 FROM devstore.${table} WHERE ${scopeOf(table)} AND handle = $2 AND ($3::bigint IS NULL OR id <> $3)`,
    [scope, handle, exceptId ?? null],
  );
  return Boolean(rowCount);
}
