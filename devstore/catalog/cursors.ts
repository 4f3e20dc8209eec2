// Cursors as Shopify issues them, and the keyset condition that starts a page after one.
//
// Shopify's cursors are base64 of {"last_id": <the row's numeric id>, "last_value": "<what the list
// is sorted by, as a string>"}; an id-sorted list repeats the id ({"last_id":7,"last_value":"7"}),
// a list sorted by a date carries it in UTC as "2025-09-11 12:43:15.170695" (apps decoding Shopify's
// order cursors show both shapes; Shopify documents cursors only as opaque:
// https://shopify.dev/docs/api/usage/pagination-graphql). Every devstore connection issues this
// shape and reads back any cursor of it, so a cursor saved from Shopify works here too.
//
// A cursor that cannot be read is refused with "Invalid cursor for current pagination sort."
// (BAD_REQUEST), never a 500. Shopify documents no answer for it; the message is the one apps meet
// (Shopify's own Hydrogen templates name it), devstore's choice of code.
import { ArgumentError } from '../graphql/errors.ts';

export const INVALID_CURSOR = 'Invalid cursor for current pagination sort.';

/** What a list is sorted by besides the id: nothing, a text, a date and time, or a number. */
export type SortKind = 'id' | 'text' | 'timestamp' | 'number';

/** How a list sorted in SQL pages: its id column, and for a list sorted by something else that column and its kind. */
export interface KeysetSort {
  idColumn: string;
  column?: string;
  kind: SortKind;
}

/** A list sorted by its id alone, the order of most of Shopify's lists. */
export const BY_ID: KeysetSort = { idColumn: 'id', kind: 'id' };

/** Where a row sits in a sorted list: its id, and the value it is sorted by. */
export interface SortPosition {
  id: string | number;
  value: unknown;
}

/** A cursor read back: the id it points after, and the sort value (the id again for an id-sorted list). */
export interface CursorPosition {
  id: string;
  value: string;
}

const isSortPosition = (position: unknown): position is SortPosition =>
  typeof position === 'object' && position !== null && 'id' in position && 'value' in position;

/** Ids are PostgreSQL bigints; anything longer cannot be a row's. */
const ROW_ID = /^\d{1,18}$/;

export function encodeCursor(position: unknown): string {
  const { id, value } = isSortPosition(position) ? position : { id: position, value: position };
  const numeric = typeof id === 'number' || (typeof id === 'string' && /^\d{1,15}$/.test(id));
  const body = {
    last_id: numeric ? Number(id) : id,
    last_value: value instanceof Date ? shopifyTimestamp(value) : String(value),
  };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

/** A date as Shopify's cursors carry it: UTC, "YYYY-MM-DD HH:MM:SS.ffffff". */
function shopifyTimestamp(date: Date): string {
  return `${date.toISOString().replace('T', ' ').replace('Z', '')}000`;
}

function cursorBody(cursor: string): { last_id?: unknown; last_value?: unknown } {
  try {
    // Shopify's cursors are standard base64; devstore's are base64url. Node reads either.
    const body: unknown = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body;
  } catch {
    // falls through to the error Shopify gives for a cursor it did not issue
  }
  return {};
}

/** A cursor's id: a row id (a number, or digits), else the cursor is not one of this list's. */
function cursorId(body: { last_id?: unknown }): string {
  const id = body.last_id;
  const text =
    typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? String(id) : typeof id === 'string' ? id : '';
  if (!ROW_ID.test(text)) throw new ArgumentError(INVALID_CURSOR);
  return text;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A cursor's date as a UTC "YYYY-MM-DD HH:MM:SS[.ffffff]" PostgreSQL reads exactly: Shopify's shape
 * (no zone, UTC) is kept to the microsecond, one with a zone is moved to UTC. Anything that is not
 * a real date and time is refused, so PostgreSQL never sees it.
 */
function cursorTimestamp(value: string): string {
  const match = TIMESTAMP.exec(value);
  if (!match) throw new ArgumentError(INVALID_CURSOR);
  const [, year, month, day, hour, minute, second, fraction = '', zone] = match;
  const utc = `${year}-${month}-${day}T${hour}:${minute}:${second}`;
  const date = new Date(`${utc}${fraction.slice(0, 4)}${zone ?? 'Z'}`);
  // JavaScript rolls 30 February over into March; PostgreSQL has no year 0.
  if (Number.isNaN(date.getTime()) || Number(year) < 1 || (!zone && date.toISOString().slice(0, 19) !== utc))
    throw new ArgumentError(INVALID_CURSOR);
  return zone ? date.toISOString().replace('T', ' ').replace('Z', '') : `${utc.replace('T', ' ')}${fraction}`;
}

/** Reads a cursor for a list sorted by `kind`; one this list could not have issued is a BAD_REQUEST. */
export function readCursor(cursor: string, kind: SortKind): CursorPosition {
  const body = cursorBody(cursor);
  const id = cursorId(body);
  if (kind === 'id') return { id, value: id };
  const value = body.last_value;
  if (typeof value !== 'string' || value.includes('\u0000')) throw new ArgumentError(INVALID_CURSOR);
  if (kind === 'timestamp') return { id, value: cursorTimestamp(value) };
  if (kind === 'number' && !/^-?\d{1,18}$/.test(value)) throw new ArgumentError(INVALID_CURSOR);
  return { id, value };
}

/** The SQL a row's sort value is read with, as its cursor carries it (a date to the microsecond, in UTC). */
export function sortValueSql(sort: KeysetSort): string {
  if (!sort.column) return `${sort.idColumn}::text`;
  if (sort.kind === 'timestamp') return `to_char(${sort.column} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')`;
  return `${sort.column}::text`;
}

const CASTS: Record<SortKind, string> = {
  id: '::bigint',
  text: '::text',
  number: '::bigint',
  timestamp: "::timestamp AT TIME ZONE 'UTC'",
};

/** The condition that keeps the rows after `position` in the order walked; `param` adds a placeholder. */
export function afterCondition(
  sort: KeysetSort,
  position: CursorPosition,
  descending: boolean,
  param: (value: unknown) => string,
): string {
  const comparison = descending ? '<' : '>';
  if (!sort.column) return `${sort.idColumn} ${comparison} ${param(position.id)}::bigint`;
  return `(${sort.column}, ${sort.idColumn}) ${comparison} ((${param(position.value)}${CASTS[sort.kind]}), ${param(position.id)}::bigint)`;
}

/** ORDER BY for the list in the order walked. */
export function orderBySql(sort: KeysetSort, descending: boolean): string {
  const direction = descending ? 'DESC' : 'ASC';
  return sort.column ? `${sort.column} ${direction}, ${sort.idColumn} ${direction}` : `${sort.idColumn} ${direction}`;
}

/** A row's position for the cursor it is issued: its id, and the sort value read with `sortValueSql` (as `sort_value`). */
export function positionOf(row: { id: string; sort_value?: string }): SortPosition {
  return { id: row.id, value: row.sort_value ?? row.id };
}
