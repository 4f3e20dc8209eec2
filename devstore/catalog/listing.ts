// A connection over one table of a shop's rows, with Shopify-style `query:` filters given as
// field → SQL condition and the sort keys the list knows: the shape of most list queries devstore
// serves. Pages are keyset pages on the sort value and the id, with Shopify's cursors (cursors.ts).
import type { Args, RequestContext } from '../graphql/context.ts';
import { NotImplementedError } from '../graphql/errors.ts';
import { connection, pageArgs } from './connection.ts';
import { BY_ID, afterCondition, orderBySql, positionOf, readCursor, sortValueSql, type KeysetSort } from './cursors.ts';

/**
 * Builds one condition from a filter's value; `param` adds a placeholder for a value. Undefined
 * when the value cannot be read (a date that is not one): the term is then ignored, as Shopify's
 * search ignores a filter it cannot read (the products search does the same, product-search.ts).
 */
export type Filter = (value: string, param: (value: unknown) => string) => string | undefined;

export interface ListSpec {
  /** The list as error messages name it ("customers"). */
  name: string;
  table: string;
  filters: Record<string, Filter>;
  /** Sort keys besides ID (`sortKey` values), and how each sorts. */
  sorts?: Record<string, KeysetSort>;
  /** The sort key used when none is given; ID unless the list says otherwise (orders: PROCESSED_AT). */
  defaultSort?: string;
  /** Which rows are the list's: the shop's by default. */
  scope?: { column: string; value: unknown };
  /** Filters that find at most one row through a unique index (a customer's email or phone). */
  uniqueFilters?: string[];
}

/** Shopify's search terms: `field:value`, `field:"quoted value"`, or a bare word. */
const TERMS = /\w+:(?:"[^"]*"|\S+)|\S+/g;

export async function listRows<Row extends { id: string; sort_value?: string }>(
  context: RequestContext,
  args: Args,
  spec: ListSpec,
  toNode: (row: Row) => unknown,
) {
  const page = pageArgs(args);
  const sortKey = typeof args.sortKey === 'string' ? args.sortKey : (spec.defaultSort ?? 'ID');
  const sort = sortKey === 'ID' ? BY_ID : spec.sorts?.[sortKey];
  if (!sort) throw new NotImplementedError(`${spec.name} sortKey ${sortKey}`);
  if (args.savedSearchId) throw new NotImplementedError(`${spec.name} savedSearchId`);
  // Walking backwards flips the order; `reverse` flips it again.
  const descending = (args.reverse === true) !== page.backwards;
  const scope = spec.scope ?? { column: 'shop', value: context.shop.domain };
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const clauses = [`${scope.column} = ${param(scope.value)}`];
  const after = page.cursor ? readCursor(page.cursor, sort.kind) : undefined;
  if (after) clauses.push(afterCondition(sort, after, descending, param));
  // Terms are ANDed; a bare OR between them starts another alternative (Shopify's search syntax,
  // https://shopify.dev/docs/api/usage/search-syntax: connectives AND and OR, AND binding tighter).
  const alternatives: string[][] = [[]];
  let uniqueLookup = false;
  let matchesAll = false;
  for (const term of typeof args.query === 'string' ? (args.query.match(TERMS) ?? []) : []) {
    if (term === 'AND') continue;
    if (term === 'OR') {
      alternatives.push([]);
      continue;
    }
    const match = /^(\w+):(.+)$/.exec(term);
    const filter = match?.[1] ? spec.filters[match[1]] : undefined;
    if (!match?.[1] || !match[2] || !filter) throw new NotImplementedError(`${spec.name} query '${term}'`);
    const condition = filter(match[2].replace(/^"(.*)"$/, '$1'), param);
    if (condition === undefined) continue;
    alternatives.at(-1)?.push(`(${condition})`);
    if (spec.uniqueFilters?.includes(match[1])) uniqueLookup = true;
  }
  // An alternative whose terms were all ignored matches every row, and so does the whole query.
  if (alternatives.length > 1) {
    uniqueLookup = false;
    matchesAll = alternatives.some((terms) => terms.length === 0);
  }
  if (!matchesAll && alternatives.some((terms) => terms.length))
    clauses.push(`(${alternatives.map((terms) => `(${terms.join(' AND ')})`).join(' OR ')})`);
  const limit = param(page.limit + 1);
  // A filter on a unique index finds at most one row. PostgreSQL cannot tell (it guesses thousands
  // of matches) and would walk the whole table in sort order to honour the LIMIT; OFFSET 0 makes it
  // find the match first and sort after.
  const matching = `SELECT *, ${sortValueSql(sort)} AS sort_value FROM ${spec.table} WHERE ${clauses.join(' AND ')}`;
  const { rows } = await context.pool.query<Row>(
    `SELECT * FROM (${uniqueLookup ? `${matching} OFFSET 0` : matching}) AS found ORDER BY ${orderBySql(sort, descending)} LIMIT ${limit}`,
    values,
  );
  return connection(rows, page, positionOf, toNode, after !== undefined);
}

/** A text compared as Shopify compares these filters: whole value, ignoring case. */
export const textFilter =
  (column: string): Filter =>
  (value, param) =>
    `lower(${column}) = lower(${param(value)})`;
export const tagFilter: Filter = (value, param) => `tags @> ARRAY[${param(value)}]::text[]`;
/** A row id (a customer's, a blog's); anything but one is ignored, as the products search ignores `id:` that is not a number. */
export const idFilter =
  (column: string): Filter =>
  (value, param) =>
    /^\d{1,18}$/.test(value) ? `${column} = ${param(value)}::bigint` : undefined;

/**
 * A date comparison (`updated_at:>2026-01-01`, `processed_at:<='2026-01-01T00:00:00Z'`); a value
 * that is not a date is ignored, as the products search ignores one.
 */
export const dateFilter =
  (column: string): Filter =>
  (value, param) => {
    const match = /^([<>]=?)?'?([^']+)'?$/.exec(value);
    const when = searchDate(match?.[2] ?? '');
    return when ? `${column} ${match?.[1] ?? '='} ${param(when)}::timestamptz` : undefined;
  };

/** A search term's date ("now", or anything JavaScript reads) as an ISO string PostgreSQL takes; undefined when it is none (or outside years 1 to 9999). */
export function searchDate(value: string): string | undefined {
  const when = value === 'now' ? new Date() : new Date(value);
  const year = when.getUTCFullYear();
  return Number.isNaN(when.getTime()) || year < 1 || year > 9999 ? undefined : when.toISOString();
}
