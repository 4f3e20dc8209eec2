// A connection over one table of a shop's rows in id order, with Shopify-style `query:` filters
// given as field → SQL condition: the shape of most list queries devstore serves.
import type { Args, RequestContext } from '../graphql/context.ts';
import { NotImplementedError } from '../graphql/errors.ts';
import { connection, decodeIdCursor, pageArgs } from './connection.ts';

/** Builds one condition from a filter's value; `param` adds a placeholder for a value. */
export type Filter = (value: string, param: (value: unknown) => string) => string;

export async function listById<Row extends { id: string }>(
  context: RequestContext,
  args: Args,
  table: string,
  filters: Record<string, Filter>,
  toNode: (row: Row) => unknown,
  scope: { column: string; value: unknown } = { column: 'shop', value: context.shop.domain },
) {
  const page = pageArgs(args);
  if (args.sortKey && args.sortKey !== 'ID') throw new NotImplementedError(`${table.replace('devstore.', '')} sortKey ${String(args.sortKey)}`);
  if (args.savedSearchId) throw new NotImplementedError(`${table.replace('devstore.', '')} savedSearchId`);
  const descending = (args.reverse === true) !== page.backwards;
  const after = page.cursor ? decodeIdCursor(page.cursor) : undefined;
  const values: unknown[] = [scope.value, after ?? null];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const clauses = [`${scope.column} = $1`, `($2::bigint IS NULL OR id ${descending ? '<' : '>'} $2)`];
  for (const term of typeof args.query === 'string' ? (args.query.match(/\w+:(?:"[^"]*"|\S+)|\S+/g) ?? []) : []) {
    const match = /^(\w+):(.+)$/.exec(term);
    const filter = match?.[1] ? filters[match[1]] : undefined;
    if (!match?.[2] || !filter) throw new NotImplementedError(`${table.replace('devstore.', '')} query '${term}'`);
    clauses.push(`(${filter(match[2].replace(/^"(.*)"$/, '$1'), param)})`);
  }
  const limit = param(page.limit + 1);
  const { rows } = await context.pool.query<Row>(`SELECT * FROM ${table} WHERE ${clauses.join(' AND ')} ORDER BY id ${descending ? 'DESC' : 'ASC'} LIMIT ${limit}`, values);
  return connection(rows, page, (row) => row.id, toNode, after !== undefined);
}

export const textFilter = (column: string): Filter => (value, param) => `lower(${column}) = lower(${param(value)})`;
export const tagFilter: Filter = (value, param) => `tags @> ARRAY[${param(value)}]::text[]`;
