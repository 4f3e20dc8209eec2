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

export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify({ last_id: position })).toString('base64url');
}

export function decodeCursor(cursor: string): string {
  try {
    const value = (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { last_id?: unknown }).last_id;
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  } catch {
    // falls through to the error Shopify gives for a cursor it did not issue
  }
  throw new ArgumentError(`Invalid cursor for current pagination sort.`);
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
