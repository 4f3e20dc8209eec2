// Staging: source records as the connector read them, in the canonical model, kept per migration
// until they are written to Shopify (or kept with the reason they could not be).
import { createHash } from 'node:crypto';
import type { Extracted } from '../../../connectors/source-connector.ts';
import { type CanonicalRecord, ENTITY_SCHEMAS, type Entity, type ProductRecord } from '../../../connectors/model.ts';
import { productKeptBack } from '../analysis/product-kinds.server.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

type Tx = Prisma.TransactionClient;

/** Stable across runs for the same content: keys sorted, so a re-run recognises unchanged records. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

interface StagedRow {
  sourceId: string;
  /** 'skipped': derived records that will not be written, with the reason (a redirect another record has). */
  status: 'staged' | 'invalid' | 'skipped';
  data: unknown;
  reason: string | null;
  email: string | null;
  phone: string | null;
  contentHash: string | null;
}

/**
 * Checks each extracted record against the canonical schema. A record the connector could not read,
 * that does not fit the model, or that the analysis says Shopify has no place for (a grouped product),
 * is kept as `invalid` with the reason; nothing is dropped.
 */
export function toStagedRows(entity: Entity, records: Extracted[], pageKey: string): StagedRow[] {
  return records.map((extracted, index) => {
    // A record without an id still gets a stable one, so it is kept (and not doubled on a retry).
    const sourceId = extracted.sourceId ?? `unidentified:${pageKey}:${index}`;
    if (!extracted.ok) {
      return {
        sourceId,
        status: 'invalid',
        data: { raw: extracted.raw },
        reason: extracted.reason,
        email: null,
        phone: null,
        contentHash: null,
      };
    }
    const parsed = ENTITY_SCHEMAS[entity].safeParse(extracted.record);
    if (!parsed.success) {
      const reason = parsed.error.issues
        .map((issue) => `${issue.path.join('.') || entity}: ${issue.message}`)
        .join('; ');
      return {
        sourceId,
        status: 'invalid',
        data: { raw: extracted.raw, record: extracted.record },
        reason,
        email: null,
        phone: null,
        contentHash: null,
      };
    }
    const keptBack = entity === 'products' ? productKeptBack(parsed.data as ProductRecord) : null;
    if (keptBack)
      return {
        sourceId,
        status: 'invalid',
        data: { raw: extracted.raw, record: parsed.data },
        reason: keptBack,
        email: null,
        phone: null,
        contentHash: null,
      };
    const record = parsed.data as Record<string, unknown>;
    const email = typeof record.email === 'string' ? record.email : null;
    const phone = typeof record.phone === 'string' ? record.phone : null;
    return { sourceId, status: 'staged', data: record, reason: null, email, phone, contentHash: contentHash(record) };
  });
}

/**
 * A staged row's record, parsed by the canonical model's schema: the one place the stored JSON
 * becomes a record on its way out of staging. Parsing (not only typing) matters for a migration
 * staged by an older Shipyard and written by a newer one: the schema fills the defaults of facts
 * added since and reads the shapes it replaced (decision 0031), so an old limited coupon is still
 * limited. Only rows that passed the model on the way in are staged; one that no longer parses is
 * read as it was stored, so the write goes on and Shopify's answer decides its fate (kept with
 * Shopify's reason if refused) rather than the whole batch stopping on it. An `invalid` row holds
 * the raw source instead and is never read through here.
 */
export function stagedRecord<E extends Entity>(entity: E, row: { data: unknown }): CanonicalRecord<E> {
  const parsed = ENTITY_SCHEMAS[entity].safeParse(row.data);
  return (parsed.success ? parsed.data : row.data) as CanonicalRecord<E>;
}

/**
 * Upserts a page of rows. A record seen before keeps its place; if its content changed it goes back
 * to `staged` so the load writes the change, and if not, a record already written stays written.
 */
export async function stageRows(
  tx: Tx,
  shop: string,
  migrationId: string,
  entity: Entity,
  rows: StagedRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "SourceRecord" ("shop", "migrationId", "entity", "sourceId", "data", "email", "phone", "status", "reason", "contentHash", "updatedAt")
    SELECT ${shop}, ${migrationId}, ${entity}, r."sourceId", r."data", r."email", r."phone", r."status", r."reason", r."contentHash", now()
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS r("sourceId" text, "data" jsonb, "email" text, "phone" text, "status" text, "reason" text, "contentHash" text)
    ON CONFLICT ("migrationId", "entity", "sourceId") DO UPDATE SET
      "data" = EXCLUDED."data",
      "email" = EXCLUDED."email",
      "phone" = EXCLUDED."phone",
      "reason" = EXCLUDED."reason",
      "contentHash" = EXCLUDED."contentHash",
      "status" = CASE
        WHEN EXCLUDED."status" IN ('invalid', 'skipped') THEN EXCLUDED."status"
        WHEN "SourceRecord"."contentHash" IS NOT DISTINCT FROM EXCLUDED."contentHash" AND "SourceRecord"."status" <> 'invalid' THEN "SourceRecord"."status"
        ELSE 'staged'
      END,
      "updatedAt" = now()`;
}
