// What the migration page reads: one shop's migration with its progress, review, report rows and
// redirects. Another shop's migration is answered exactly like a missing one (404), so ids cannot be probed.
import type { RawRecordNaming } from '../../connectors/platform.ts';
import { readablePlatform } from '../../connectors/registry.ts';
import { db } from '../db/db.server.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { asStatus, statusLabel } from './list.server.ts';
import type { MigrationStatus } from '../pipeline/lifecycle.server.ts';
import { type ProblemGroup, problemSummary } from '../pipeline/analysis/findings.server.ts';
import type { MigrationPlan } from '../pipeline/analysis/plan.server.ts';
import { type ProgressSnapshot, progressSnapshot } from '../pipeline/staging/progress.server.ts';
import { redirectTarget } from '../pipeline/entities/redirects/input.server.ts';
import { IN_SHOPIFY } from '../pipeline/staging/outcomes.server.ts';
import type { Verification } from '../pipeline/steps/verify.server.ts';
import { platformLabel } from './platforms.server.ts';
import type { NotMovedRow, NotMovedStatus, RedirectRow } from './views.ts';

export const PAGE_SIZE = 25;

export async function ownedMigration(shop: string, id: string) {
  const migration = await db().migration.findFirst({ where: { id, shop } });
  if (!migration)
    throw new Response('There is no such migration in this store.', { status: 404, statusText: 'Not Found' });
  return migration;
}

/** A snapshot for a migration the shop owns (the SSE route and the polling fallback both read this). */
export async function ownedSnapshot(shop: string, id: string): Promise<ProgressSnapshot> {
  await ownedMigration(shop, id);
  const snapshot = await progressSnapshot(id);
  if (!snapshot) throw new Response('There is no such migration in this store.', { status: 404 });
  return snapshot;
}

export interface MigrationPageData {
  id: string;
  status: MigrationStatus;
  statusLabel: string;
  phase: string;
  sourceLabel: string;
  sourceUrl: string | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  snapshot: ProgressSnapshot;
  plan: MigrationPlan | null;
  problems: ProblemGroup[];
  verification: Verification | null;
  /** Records that did not move, per entity, for the report's filter. */
  notMovedByEntity: { entity: string; records: number }[];
  redirects: number;
}

export async function migrationPage(shop: string, id: string): Promise<MigrationPageData> {
  const migration = await ownedMigration(shop, id);
  const status = asStatus(migration.status);
  const [snapshot, problems, notMoved, redirects] = await Promise.all([
    ownedSnapshot(shop, id),
    problemSummary(id),
    db().sourceRecord.groupBy({
      by: ['entity'],
      where: { migrationId: id, status: { in: ['invalid', 'failed', 'skipped'] } },
      _count: true,
      orderBy: { entity: 'asc' },
    }),
    db().sourceRecord.count({ where: { migrationId: id, entity: 'redirects' } }),
  ]);
  return {
    id,
    status,
    statusLabel: statusLabel(status),
    phase: migration.phase,
    sourceLabel: platformLabel(migration.sourcePlatform),
    sourceUrl: migration.sourceUrl,
    error: migration.error,
    createdAt: migration.createdAt.toISOString(),
    startedAt: migration.startedAt?.toISOString() ?? null,
    finishedAt: migration.finishedAt?.toISOString() ?? null,
    snapshot,
    plan: (migration.plan as MigrationPlan | null) ?? null,
    problems,
    verification: (migration.verification as Verification | null) ?? null,
    notMovedByEntity: notMoved.map((row) => ({ entity: row.entity, records: row._count })),
    redirects,
  };
}

export interface NotMovedFilter {
  entity?: string;
  status?: NotMovedStatus;
  search?: string;
  page: number;
}

// The record's name wherever the canonical model or the raw source keeps it (invalid records keep
// only `raw`, named where its platform's descriptor says): the same order as nameOf in report.server.ts.
function nameSql(naming: RawRecordNaming): Prisma.Sql {
  const raw = naming.paths.map(
    (path) =>
      Prisma.sql`CASE WHEN jsonb_typeof(data->'raw' #> ${path}::text[]) = 'string' THEN nullif(data->'raw' #>> ${path}::text[], '') END`,
  );
  return Prisma.sql`coalesce(nullif(data->>'title', ''), nullif(data->>'name', ''), nullif(data->>'email', ''), nullif(data->>'code', ''),
  nullif(data->>'number', ''), nullif(data->>'path', ''), nullif(data->'record'->>'title', ''), nullif(data->'record'->>'name', ''),
  ${raw.length > 0 ? Prisma.join(raw, ', ') : Prisma.sql`NULL`}, '')`;
}

/** One page of the records that did not move, filtered and searched (name, source id or reason). */
export async function notMovedPage(
  shop: string,
  id: string,
  filter: NotMovedFilter,
): Promise<{ rows: NotMovedRow[]; total: number }> {
  const migration = await ownedMigration(shop, id);
  const naming = readablePlatform(migration.sourcePlatform)?.rawNames ?? { paths: [] };
  const NAME = nameSql(naming);
  const decode = naming.decode ?? ((text: string) => text);
  const conditions = [Prisma.sql`"migrationId" = ${id}`, Prisma.sql`status IN ('invalid', 'failed', 'skipped')`];
  if (filter.entity) conditions.push(Prisma.sql`entity = ${filter.entity}`);
  if (filter.status) conditions.push(Prisma.sql`status = ${filter.status}`);
  if (filter.search) {
    const like = `%${filter.search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    conditions.push(Prisma.sql`("sourceId" ILIKE ${like} OR reason ILIKE ${like} OR ${NAME} ILIKE ${like})`);
  }
  const where = Prisma.join(conditions, ' AND ');
  const [rows, counted] = await Promise.all([
    db().$queryRaw<
      { id: bigint; entity: string; sourceId: string; name: string; status: NotMovedStatus; reason: string | null }[]
    >`
      SELECT id, entity, "sourceId", ${NAME} AS name, status, reason FROM "SourceRecord"
      WHERE ${where} ORDER BY id LIMIT ${PAGE_SIZE} OFFSET ${(filter.page - 1) * PAGE_SIZE}`,
    db().$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "SourceRecord" WHERE ${where}`,
  ]);
  return {
    // An unreadable record's name is the source's own text, which some platforms send escaped ("&amp;").
    rows: rows.map((row) => ({ ...row, id: row.id.toString(), name: decode(row.name), reason: row.reason ?? '' })),
    total: Number(counted[0]?.count ?? 0),
  };
}

type RedirectTarget = Parameters<typeof redirectTarget>[0];

/** One page of the migration's redirects: old path → new path, and whether Shopify took it. */
export async function redirectsPage(
  shop: string,
  id: string,
  page: number,
): Promise<{ rows: RedirectRow[]; total: number }> {
  const migration = await ownedMigration(shop, id);
  const [rows, total] = await Promise.all([
    db().$queryRaw<
      {
        id: bigint;
        path: string;
        targetPath: string | null;
        entity: RedirectTarget;
        handle: string | null;
        status: string;
        reason: string | null;
        linked: boolean;
      }[]
    >`
      SELECT r.id, r.data->>'path' AS path, r.data->>'targetPath' AS "targetPath", r.data->'target'->>'entity' AS entity, m.handle, r.status, r.reason, own.id IS NOT NULL AS linked
      FROM "SourceRecord" r
      LEFT JOIN "IdMapEntry" m ON m.shop = r.shop AND m.platform = ${migration.sourcePlatform}
        AND m.entity = r.data->'target'->>'entity' AND m."sourceId" = r.data->'target'->>'sourceId'
      LEFT JOIN "IdMapEntry" own ON own.shop = r.shop AND own.platform = ${migration.sourcePlatform}
        AND own.entity = 'redirects' AND own."sourceId" = r."sourceId"
      WHERE r."migrationId" = ${id} AND r.entity = 'redirects'
      ORDER BY r.id LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`,
    db().sourceRecord.count({ where: { migrationId: id, entity: 'redirects' } }),
  ]);
  return {
    rows: rows.map((row) => ({
      id: row.id.toString(),
      path: row.path,
      target: row.targetPath ?? (row.handle ? redirectTarget(row.entity, row.handle) : null),
      // An undo deletes the redirect from Shopify and its link with it: it is no longer live.
      status:
        IN_SHOPIFY.includes(row.status) && !row.linked && ['undoing', 'undone'].includes(migration.status)
          ? 'removed'
          : row.status,
      reason: row.reason,
    })),
    total,
  };
}
