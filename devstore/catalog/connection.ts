// Relay connections as Shopify serves them: opaque cursors, edges and nodes, pageInfo.
import { AsyncLocalStorage } from 'node:async_hooks';
import { ArgumentError } from '../graphql/errors.ts';
import type { Args } from '../graphql/context.ts';

export const MAX_PAGE_SIZE = 250;

export interface Page {
  limit: number;
  /** Walking backwards (last/before). */
  backwards: boolean;
  cursor: string | undefined;
}

/** Shopify requires first or last, at most 250, and only one of them. */
/**
 * Set while a bulk query runs: its nested connections take no first/last and return every node,
 * as Shopify's bulk exports do.
 */
export const unboundedPages = new AsyncLocalStorage<true>();

export function pageArgs(args: Args): Page {
  const first = typeof args.first === 'number' ? args.first : undefined;
  const last = typeof args.last === 'number' ? args.last : undefined;
  if (first === undefined && last === undefined && unboundedPages.getStore()) return { limit: Number.MAX_SAFE_INTEGER - 1, backwards: false, cursor: undefined };
  if (first === undefined && last === undefined) throw new ArgumentError('you must provide one of first or last');
  if (first !== undefined && last !== undefined) throw new ArgumentError('providing both first and last is not supported');
  const limit = (first ?? last) as number;
  if (limit < 0) throw new ArgumentError(`${first !== undefined ? 'first' : 'last'} must be a non-negative integer`);
  if (limit > MAX_PAGE_SIZE) throw new ArgumentError(`The first or last argument cannot exceed ${MAX_PAGE_SIZE}.`);
  const backwards = last !== undefined;
  const cursor = backwards ? args.before : args.after;
  return { limit, backwards, cursor: typeof cursor === 'string' ? cursor : undefined };
}

/** Where a row sits in a sorted list: its id, and the value it is sorted by. */
export interface SortPosition {
  id: string | number;
  value: unknown;
}

function isSortPosition(position: unknown): position is SortPosition {
  return typeof position === 'object' && position !== null && 'id' in position && 'value' in position;
}

/**
 * Cursors as Shopify issues them: base64 of {"last_id": <the row's numeric id>, "last_value": <what
 * the list is sorted by, as a string>} (an ID-sorted list repeats the id). A position that is not
 * a number (a composite key) is kept as it is.
 */
export function encodeCursor(position: unknown): string {
  const { id, value } = isSortPosition(position) ? position : { id: position, value: position };
  const numeric = typeof id === 'number' || (typeof id === 'string' && /^\d{1,15}$/.test(id));
  const body = { last_id: numeric ? Number(id) : id, last_value: value instanceof Date ? value.toISOString() : String(value) };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

function cursorBody(cursor: string): { last_id?: unknown; last_value?: unknown } {
  try {
    // Shopify's cursors are standard base64; devstore's are base64url. Node reads either.
    const body: unknown = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
    if (typeof body === 'object' && body !== null) return body;
  } catch {
    // falls through to the error Shopify gives for a cursor it did not issue
  }
  return {};
}

const INVALID_CURSOR = 'Invalid cursor for current pagination sort.';

/** The row id a cursor points after (as a string), for lists kept in one order. */
export function decodeCursor(cursor: string): string {
  const id = cursorBody(cursor).last_id;
  if (typeof id === 'string' || (typeof id === 'number' && Number.isSafeInteger(id))) return String(id);
  throw new ArgumentError(INVALID_CURSOR);
}

/** The row id a cursor points after, for lists compared by numeric id: anything else is not a cursor of theirs. */
export function decodeIdCursor(cursor: string): string {
  const id = decodeCursor(cursor);
  if (!/^\d{1,18}$/.test(id)) throw new ArgumentError(INVALID_CURSOR);
  return id;
}

/** The id and sort value a cursor points after, for lists sorted by something other than the id. */
export function decodeSortCursor(cursor: string): { id: string; value: string } {
  const body = cursorBody(cursor);
  if (typeof body.last_value !== 'string') throw new ArgumentError(INVALID_CURSOR);
  return { id: decodeIdCursor(cursor), value: body.last_value };
}

/**
 * Builds the connection from rows fetched with one extra row past the limit (which tells whether
 * another page exists), in the direction walked.
 */
export function connection<T>(rows: T[], page: Page, positionOf: (row: T) => unknown, toNode: (row: T) => unknown, hadCursor: boolean) {
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

/** Pages through a list already in memory (a product's variants, options). */
export function connectionOf<T>(items: T[], args: Args, positionOf: (item: T) => string | number, toNode: (item: T) => unknown) {
  const page = pageArgs(args);
  let candidates = page.backwards ? [...items].reverse() : items;
  if (page.cursor) {
    const after = decodeCursor(page.cursor);
    const index = candidates.findIndex((item) => String(positionOf(item)) === after);
    candidates = index >= 0 ? candidates.slice(index + 1) : [];
  }
  return connection(candidates.slice(0, page.limit + 1), page, positionOf, toNode, page.cursor !== undefined);
}
