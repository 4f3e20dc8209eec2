// Handles as Shopify makes them: from the title, lowercased, dashes between words, and "-1", "-2"…
// appended when the handle is already taken in the shop.
import type { Pool, PoolClient } from 'pg';

export const MAX_HANDLE_LENGTH = 255;

export function handleize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['"]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_HANDLE_LENGTH);
}

export type HandleTable = 'products' | 'collections' | 'pages' | 'blogs' | 'articles';

/** What a handle is unique within: the shop, or for articles their blog (compared as its bigint, so the index serves it). */
function scopeOf(table: HandleTable): string {
  return table === 'articles' ? 'blog_id = $1::bigint' : 'shop = $1';
}

/** The first free handle among base, base-1, base-2… for the table's rows in this shop (or blog). */
export async function uniqueHandle(db: Pool | PoolClient, table: HandleTable, scope: string, base: string, exceptId?: string): Promise<string> {
  const root = base || table.replace(/s$/, '');
  const escaped = root.replace(/[\\%_]/g, (char) => `\\${char}`);
  const { rows } = await db.query<{ handle: string }>(
    `SELECT handle FROM devstore.${table} WHERE ${scopeOf(table)} AND (handle = $2 OR handle LIKE $3) AND ($4::bigint IS NULL OR id <> $4)`,
    [scope, root, `${escaped}-%`, exceptId ?? null],
  );
  const taken = new Set(rows.map((row) => row.handle));
  if (!taken.has(root)) return root;
  for (let suffix = 1; ; suffix += 1) {
    const candidate = `${root}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export async function handleTaken(db: Pool | PoolClient, table: HandleTable, scope: string, handle: string, exceptId?: string): Promise<boolean> {
  const { rowCount } = await db.query(`SELECT 1 FROM devstore.${table} WHERE ${scopeOf(table)} AND handle = $2 AND ($3::bigint IS NULL OR id <> $3)`, [scope, handle, exceptId ?? null]);
  return Boolean(rowCount);
}
