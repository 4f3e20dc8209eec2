// Relay connections as Shopify serves them: edges and nodes, pageInfo, and Shopify's cursors (cursors.ts).
import { AsyncLocalStorage } from 'node:async_hooks';
import { ArgumentError } from '../graphql/errors.ts';
import type { Args } from '../graphql/context.ts';
import { encodeCursor, readCursor, type SortPosition } from './cursors.ts';

export const MAX_PAGE_SIZE = 250;

export interface Page {
  limit: number;
  /** Walking backwards (last/before). */
  backwards: boolean;
  cursor: string | undefined;
}

/**
 * Set while a bulk query runs: its nested connections take no first/last and return every node,
 * as Shopify's bulk exports do.
 */
export const unboundedPages = new AsyncLocalStorage<true>();

/** Shopify requires first or last, at most 250, and only one of them. */
export function pageArgs(args: Args): Page {
  const first = typeof args.first === 'number' ? args.first : undefined;
  const last = typeof args.last === 'number' ? args.last : undefined;
  if (first === undefined && last === undefined && unboundedPages.getStore())
    return { limit: Number.MAX_SAFE_INTEGER - 1, backwards: false, cursor: undefined };
  if (first === undefined && last === undefined) throw new ArgumentError('you must provide one of first or last');
  if (first !== undefined && last !== undefined)
    throw new ArgumentError('providing both first and last is not supported');
  const limit = (first ?? last) as number;
  if (limit < 0) throw new ArgumentError(`${first !== undefined ? 'first' : 'last'} must be a non-negative integer`);
  if (limit > MAX_PAGE_SIZE) throw new ArgumentError(`The first or last argument cannot exceed ${MAX_PAGE_SIZE}.`);
  const backwards = last !== undefined;
  const cursor = backwards ? args.before : args.after;
  return { limit, backwards, cursor: typeof cursor === 'string' ? cursor : undefined };
}

/**
 * Builds the connection from rows fetched with one extra row past the limit (which tells whether
 * another page exists), in the direction walked.
 */
export function connection<T>(
  rows: T[],
  page: Page,
  positionOf: (row: T) => unknown,
  toNode: (row: T) => unknown,
  hadCursor: boolean,
) {
  const more = rows.length > page.limit;
  const kept = rows.slice(0, page.limit);
  if (page.backwards) kept.reverse();
  const edges = kept.map((row) => ({ __typename: 'Edge', cursor: encodeCursor(positionOf(row)), node: toNode(row) }));
  return {
    __typename: 'Connection',
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      __typename: 'PageInfo',
      hasNextPage: page.backwards ? hadCursor : more,
      hasPreviousPage: page.backwards ? more : hadCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * Pages through a list already in memory (a product's variants, options, a shop's locations), in
 * the order given. Its cursors are Shopify's like any other (cursors.ts); `positionOf` gives a row's
 * numeric id, or its id and the value the list is sorted by.
 */
export function connectionOf<T>(
  items: T[],
  args: Args,
  positionOf: (item: T) => string | number | SortPosition,
  toNode: (item: T) => unknown,
) {
  const page = pageArgs(args);
  let candidates = page.backwards ? [...items].reverse() : items;
  if (page.cursor) {
    const after = readCursor(page.cursor, 'id').id;
    const idOf = (item: T) => {
      const position = positionOf(item);
      return String(typeof position === 'object' ? position.id : position);
    };
    const index = candidates.findIndex((item) => idOf(item) === after);
    candidates = index >= 0 ? candidates.slice(index + 1) : [];
  }
  return connection(candidates.slice(0, page.limit + 1), page, positionOf, toNode, page.cursor !== undefined);
}
