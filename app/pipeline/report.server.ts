// The migration report: every record that did not move, with the exact reason, readable in the
// admin and downloadable as CSV. Streams from the database in batches, never the whole list at once.
import { decodeEntities } from '../../connectors/woocommerce/text.ts';
import { db } from '../db.server.ts';

export interface ReportRow {
  entity: string;
  sourceId: string;
  name: string;
  status: 'invalid' | 'failed' | 'skipped';
  reason: string;
}

const BATCH = 500;

function nameOf(data: unknown): string {
  const record = (data ?? {}) as Record<string, unknown>;
  const inner = (record.record ?? record) as Record<string, unknown>;
  for (const key of ['title', 'name', 'email', 'code', 'number', 'path']) {
    if (typeof inner[key] === 'string' && inner[key]) return inner[key];
  }
  // An unreadable record keeps what the source sent; WooCommerce products come with their variations.
  const raw = record.raw as Record<string, unknown> | undefined;
  const product = raw?.product as Record<string, unknown> | undefined;
  // WordPress sends a title as { rendered }; a post without one still has its slug.
  const rendered = (raw?.title as { rendered?: unknown } | undefined)?.rendered;
  for (const name of [raw?.name, product?.name, raw?.title, rendered, raw?.slug]) if (typeof name === 'string' && name) return decodeEntities(name);
  return '';
}

/** The records that did not move, in the order they were read. */
export async function* reportRows(migrationId: string): AsyncGenerator<ReportRow> {
  let after: bigint | null = null;
  for (;;) {
    const rows: { id: bigint; entity: string; sourceId: string; status: string; reason: string | null; data: unknown }[] = await db().sourceRecord.findMany({
      where: { migrationId, status: { in: ['invalid', 'failed', 'skipped'] }, ...(after === null ? {} : { id: { gt: after } }) },
      orderBy: { id: 'asc' },
      take: BATCH,
      select: { id: true, entity: true, sourceId: true, status: true, reason: true, data: true },
    });
    for (const row of rows) {
      yield { entity: row.entity, sourceId: row.sourceId, name: nameOf(row.data), status: row.status as ReportRow['status'], reason: row.reason ?? '' };
    }
    if (rows.length < BATCH) return;
    after = rows.at(-1)?.id ?? null;
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

const HEADER = ['What', 'Source id', 'Name', 'Status', 'Reason'];
const STATUS_WORDS = { invalid: 'Could not be read', failed: 'Shopify refused it', skipped: 'Skipped' } as const;

export function reportCsv(migrationId: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const rows = reportRows(migrationId);
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
      const row = next.value;
      const line = [row.entity, row.sourceId, row.name, STATUS_WORDS[row.status], row.reason].map(csvField).join(',');
      controller.enqueue(encoder.encode(`${line}\r\n`));
    },
  });
}
