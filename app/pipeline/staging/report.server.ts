// The migration report: every record that did not move, with the exact reason, readable in the
// admin; and as CSV (admin download, CLI) those plus every warning the review page shows, each row
// with its severity. Streams from the database in batches, never the whole list at once.
import { rawRecordName } from '../../../connectors/platform.ts';
import { readablePlatform } from '../../../connectors/registry.ts';
import { db } from '../../db/db.server.ts';
import { problemTitle } from '../../migrations/problem-labels.ts';

export interface ReportRow {
  entity: string;
  sourceId: string;
  name: string;
  status: 'invalid' | 'failed' | 'skipped';
  reason: string;
}

const BATCH = 500;

type RawName = (raw: unknown) => string;

function nameOf(data: unknown, rawName: RawName): string {
  const record = (data ?? {}) as Record<string, unknown>;
  const inner = (record.record ?? record) as Record<string, unknown>;
  for (const key of ['title', 'name', 'email', 'code', 'number', 'path']) {
    if (typeof inner[key] === 'string' && inner[key]) return inner[key];
  }
  // An unreadable record keeps what the source sent, which only its platform knows how to name.
  return record.raw === undefined ? '' : rawName(record.raw);
}

/** How the migration's source platform names a record it sent as it was (its descriptor says). */
async function rawNameFor(migrationId: string): Promise<RawName> {
  const migration = await db().migration.findUnique({ where: { id: migrationId }, select: { sourcePlatform: true } });
  const naming = readablePlatform(migration?.sourcePlatform ?? '')?.rawNames ?? { paths: [] };
  return (raw) => rawRecordName(naming, raw);
}

/** The records that did not move, in the order they were read. */
export async function* reportRows(migrationId: string): AsyncGenerator<ReportRow> {
  const rawName = await rawNameFor(migrationId);
  let after: bigint | null = null;
  for (;;) {
    const rows: {
      id: bigint;
      entity: string;
      sourceId: string;
      status: string;
      reason: string | null;
      data: unknown;
    }[] = await db().sourceRecord.findMany({
      where: {
        migrationId,
        status: { in: ['invalid', 'failed', 'skipped'] },
        ...(after === null ? {} : { id: { gt: after } }),
      },
      orderBy: { id: 'asc' },
      take: BATCH,
      select: { id: true, entity: true, sourceId: true, status: true, reason: true, data: true },
    });
    for (const row of rows) {
      yield {
        entity: row.entity,
        sourceId: row.sourceId,
        name: nameOf(row.data, rawName),
        status: row.status as ReportRow['status'],
        reason: row.reason ?? '',
      };
    }
    if (rows.length < BATCH) return;
    after = rows.at(-1)?.id ?? null;
  }
}

/** A record that moved with a change, or a warning the analysis or the writing kept (MigrationProblem). */
export interface WarningRow {
  entity: string;
  sourceId: string;
  name: string;
  /** The problem's heading, or "Moved with a change" for a record whose reason says what changed. */
  status: string;
  reason: string;
  action: string;
}

/**
 * The warnings, one row per record a warning is about (or per warning about the store as a whole):
 * every MigrationProblem, except those on records that did not move (their own row says why), then
 * the records that moved with a reason no warning already gives (a detail Shopify refused, a merge).
 */
export async function* warningRows(migrationId: string): AsyncGenerator<WarningRow> {
  const rawName = await rawNameFor(migrationId);
  let after = 0n;
  for (;;) {
    const problems = await db().$queryRaw<
      {
        id: bigint;
        entity: string;
        sourceId: string | null;
        code: string;
        message: string;
        action: string;
        data: unknown;
      }[]
    >`
      SELECT p.id, p.entity, p."sourceId", p.code, p.message, p.action, r.data
      FROM "MigrationProblem" p
      LEFT JOIN "SourceRecord" r ON r."migrationId" = p."migrationId" AND r.entity = p.entity AND r."sourceId" = p."sourceId"
      WHERE p."migrationId" = ${migrationId} AND p.id > ${after} AND (r.status IS NULL OR r.status NOT IN ('invalid', 'failed', 'skipped'))
      ORDER BY p.id LIMIT ${BATCH}`;
    for (const row of problems)
      yield {
        entity: row.entity,
        sourceId: row.sourceId ?? '',
        name: nameOf(row.data, rawName),
        status: problemTitle(row.code),
        reason: row.message,
        action: row.action,
      };
    if (problems.length < BATCH) break;
    after = problems.at(-1)?.id ?? after;
  }
  after = 0n;
  for (;;) {
    const changed = await db().$queryRaw<
      { id: bigint; entity: string; sourceId: string; reason: string; data: unknown }[]
    >`
      SELECT r.id, r.entity, r."sourceId", r.reason, r.data FROM "SourceRecord" r
      WHERE r."migrationId" = ${migrationId} AND r.id > ${after} AND r.status = 'written' AND r.reason IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM "MigrationProblem" p WHERE p."migrationId" = r."migrationId" AND p.entity = r.entity AND p."sourceId" = r."sourceId")
      ORDER BY r.id LIMIT ${BATCH}`;
    for (const row of changed)
      yield {
        entity: row.entity,
        sourceId: row.sourceId,
        name: nameOf(row.data, rawName),
        status: 'Moved with a change',
        reason: row.reason,
        action: '',
      };
    if (changed.length < BATCH) return;
    after = changed.at(-1)?.id ?? after;
  }
}

/**
 * One CSV field. Quoted when it must be; a value a spreadsheet would run as a formula (=, +, -, @,
 * tab, carriage return) is prefixed with ' so opening the report cannot execute source data.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const HEADER = ['Severity', 'What', 'Source id', 'Name', 'Status', 'Reason', 'What Shipyard did or you can do'];
const STATUS_WORDS = { invalid: 'Could not be read', failed: 'Shopify refused it', skipped: 'Skipped' } as const;
/** The severity column: a record that is not in Shopify, or something that moved (or will) with a change to know about. */
export const SEVERITY = { notMoved: 'not moved', warning: 'warning' } as const;

/** The CSV's rows after its header: what did not move first, then the warnings. */
async function* csvLines(migrationId: string): AsyncGenerator<string> {
  for await (const row of reportRows(migrationId))
    yield [SEVERITY.notMoved, row.entity, row.sourceId, row.name, STATUS_WORDS[row.status], row.reason, '']
      .map(csvField)
      .join(',');
  for await (const row of warningRows(migrationId))
    yield [SEVERITY.warning, row.entity, row.sourceId, row.name, row.status, row.reason, row.action]
      .map(csvField)
      .join(',');
}

export function reportCsv(migrationId: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const rows = csvLines(migrationId);
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        // The byte-order mark makes spreadsheet programs read the file as UTF-8.
        controller.enqueue(encoder.encode(`\uFEFF${HEADER.join(',')}\r\n`));
        return;
      }
      const next = await rows.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(`${next.value}\r\n`));
    },
  });
}
