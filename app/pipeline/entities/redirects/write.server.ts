// Load redirects: a 301 from each old product, collection, page and post URL to its new Shopify URL,
// and from the old tag, category and shop pages to Shopify's listings (listings.server.ts). New ones
// go by Shopify's CSV import when there are enough of them (import.server.ts), a few one by one; a
// path the store already redirects is adopted, not doubled; a path Shopify refuses is kept with
// Shopify's reason.
import type { Entity } from '../../../../connectors/model.ts';
import { db } from '../../../db/db.server.ts';
import { contentHash, stageRows } from '../../staging/records.server.ts';
import { Prisma } from '../../../generated/prisma/client.ts';
import { type ListingRedirectData, listingRedirectRows } from './listings.server.ts';
import {
  REDIRECTED_ENTITIES,
  type RedirectedEntity,
  isSameAddress,
  redirectPath,
  redirectTarget,
} from './input.server.ts';
import { idMapFor, recordWritten } from '../../staging/id-map.server.ts';
import {
  type BatchResult,
  batchResult,
  eachRecord,
  nextBatch,
  recordFailed,
  recordUnchanged,
  settledWithoutWriting,
} from '../../staging/outcomes.server.ts';
import { type UserError, describeUserErrors } from '../../../shopify-admin/user-errors.server.ts';
import type { Writer } from '../../../shopify-admin/writer.server.ts';
import { CREATE_REDIRECT, FIND_REDIRECT, UPDATE_REDIRECT } from '../../../shopify-admin/graphql/redirects.ts';
import { inParallel } from '../../../shopify-admin/writer.server.ts';
import {
  IMPORT_FROM,
  type StoreRedirect,
  awaitImport,
  importable,
  importedRedirects,
  newestRedirectId,
  pathKey,
  redirectNumber,
  redirectsAt,
  sentAfter,
  sentInImport,
  startRedirectImport,
} from './import.server.ts';

type Target = RedirectedEntity;

interface RecordRedirectData {
  path: string;
  target: { entity: Target; sourceId: string };
}

/**
 * A record's old URL, to wherever the record went; or one with a fixed Shopify path: a listing's, or
 * a page the old store has of its own, such as its cart (store-pages.server.ts).
 */
type RedirectData = RecordRedirectData | ListingRedirectData;
const isListing = (data: RedirectData): data is ListingRedirectData => 'targetPath' in data;

const WHAT: Record<Target, string> = {
  products: 'product',
  collections: 'collection',
  pages: 'page',
  blogPosts: 'blog post',
};

/**
 * Stages a redirect for every written product, collection, page and post that had a URL on the old store. Its
 * content hash covers the new handle, so a handle that changed on a re-run updates the redirect.
 */
export async function deriveRedirects(migrationId: string, platform: string): Promise<number> {
  const { shop } = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
  const rows = await db().$queryRaw<{ entity: Target; sourceId: string; sourcePath: string; handle: string }[]>`
    SELECT r.entity, r."sourceId", r.data->>'sourcePath' AS "sourcePath", m.handle
    FROM "SourceRecord" r
    JOIN "IdMapEntry" m ON m.shop = r.shop AND m.platform = ${platform} AND m.entity = r.entity AND m."sourceId" = r."sourceId"
    WHERE r."migrationId" = ${migrationId} AND r.entity IN (${Prisma.join(REDIRECTED_ENTITIES)}) AND r.status IN ('written', 'unchanged')
      AND coalesce(r.data->>'sourcePath', '') <> '' AND m.handle IS NOT NULL
    ORDER BY r.id`;
  // Two records with the same old URL (WooCommerce allows it after an import): one address can lead
  // to one page, the first record's, which also kept the handle; the others say so in the report.
  const firstWithPath = new Map<string, (typeof rows)[number]>();
  for (const row of rows)
    if (!firstWithPath.has(redirectPath(row.sourcePath))) firstWithPath.set(redirectPath(row.sourcePath), row);
  const staged: {
    sourceId: string;
    status: 'staged' | 'skipped';
    data: RedirectData;
    reason: string | null;
    email: null;
    phone: null;
    contentHash: string;
  }[] = rows.map((row) => {
    const data: RecordRedirectData = { path: row.sourcePath, target: { entity: row.entity, sourceId: row.sourceId } };
    const owner = firstWithPath.get(redirectPath(row.sourcePath));
    const shared = owner !== row;
    return {
      sourceId: `${row.entity}:${row.sourceId}`,
      status: shared ? ('skipped' as const) : ('staged' as const),
      data,
      reason: shared
        ? `The old URL ${row.sourcePath} also belonged to ${owner ? WHAT[owner.entity] : 'another record'} ${owner?.sourceId}, and redirects there: one address can lead to one page.`
        : null,
      email: null,
      phone: null,
      contentHash: contentHash({ ...data, targetPath: redirectTarget(row.entity, row.handle) }),
    };
  });
  staged.push(...(await listingRedirectRows(migrationId, shop, platform, new Set(firstWithPath.keys()))));
  for (let start = 0; start < staged.length; start += 500) {
    await db().$transaction((tx) => stageRows(tx, shop, migrationId, 'redirects', staged.slice(start, start + 500)));
  }
  return staged.length;
}

interface Created {
  urlRedirectCreate: { urlRedirect: { id: string } | null; userErrors: UserError[] };
}

interface Retargeted {
  urlRedirectUpdate: { urlRedirect: { id: string } | null; userErrors: UserError[] };
}

/** Redirects a job writes at once: with the import, a thousand cost about as much as a hundred more. */
export const REDIRECT_BATCH = 1_000;

type Row = Awaited<ReturnType<typeof nextBatch>>[number];

/** A redirect that needs writing: its staged row, the old path and where it now leads. */
interface Pending {
  /** The staged row's id, by which a record Shopify refuses is kept failed (eachRecord). */
  id: bigint;
  row: Row;
  path: string;
  target: string;
}

/** A path the store already redirects: adopted when it leads to the same place, otherwise left and failed. */
async function settleExisting(
  shop: string,
  writer: Writer,
  { row, path, target }: Pending,
  existing: StoreRedirect | undefined,
  result: BatchResult,
): Promise<void> {
  if (existing && existing.target === target) {
    // The store already had this very redirect: it is the merchant's, and an undo keeps it. Unless
    // an import of this row, interrupted before its answer was linked, made it: newer than the
    // store's newest redirect before that import, it is Shipyard's own.
    const after = sentAfter(row.reason);
    const ours = after !== undefined && redirectNumber(existing.id) > after;
    await recordWritten(shop, writer.platform, 'redirects', row, existing.id, path, null, { adopted: !ours });
    result.written++;
    return;
  }
  await recordFailed(
    row,
    `${path} already redirects to ${existing?.target ?? 'another page'} in Shopify; it was left as it is.`,
  );
  result.failed++;
}

/** One `urlRedirectCreate` (10 points): for a few redirects, and for each row an import refused, so it gets Shopify's reason. */
async function createOne(shop: string, writer: Writer, pending: Pending, result: BatchResult): Promise<void> {
  const { row, path, target } = pending;
  const { data: created } = await writer.client.request<Created>(
    CREATE_REDIRECT,
    { urlRedirect: { path, target } },
    { estimatedCost: 10 },
  );
  const { urlRedirect, userErrors } = created.urlRedirectCreate;
  if (urlRedirect) {
    await recordWritten(shop, writer.platform, 'redirects', row, urlRedirect.id, path);
    result.written++;
    return;
  }
  if (userErrors.some((error) => /already been taken/i.test(error.message))) {
    const found = await writer.client.request<{
      urlRedirects: { nodes: { id: string; path: string; target: string }[] };
    }>(FIND_REDIRECT, { query: `path:${path}` }, { estimatedCost: 3 });
    const existing = found.data.urlRedirects.nodes.find((node) => pathKey(node.path) === pathKey(path));
    await settleExisting(shop, writer, pending, existing, result);
    return;
  }
  await recordFailed(row, describeUserErrors(userErrors) || 'Shopify returned no redirect');
  result.failed++;
}

/**
 * A redirect an earlier run wrote whose target moved (the record got a new handle): the same
 * redirect is given the new target. Says false when it is gone from the store, to be created again.
 */
async function retarget(
  shop: string,
  writer: Writer,
  { row, path, target }: Pending,
  id: string,
  result: BatchResult,
): Promise<boolean> {
  const { data } = await writer.client.request<Retargeted>(
    UPDATE_REDIRECT,
    { id, urlRedirect: { path, target } },
    { estimatedCost: 10 },
  );
  const { urlRedirect, userErrors } = data.urlRedirectUpdate;
  if (urlRedirect) {
    await recordWritten(shop, writer.platform, 'redirects', row, urlRedirect.id, path);
    result.written++;
    return true;
  }
  if (userErrors.some((error) => error.code === 'DOES_NOT_EXIST')) return false;
  await recordFailed(row, describeUserErrors(userErrors) || 'Shopify returned no redirect');
  result.failed++;
  return true;
}

/**
 * Writes new redirects by Shopify's CSV import. Paths the store already redirects are settled
 * first, without importing (the import would overwrite them), unless the store has no redirect at
 * all; the rows the import created are linked from the read-back; every other row is created one
 * by one, so a row the import refused ends with Shopify's own reason.
 */
async function importMany(shop: string, writer: Writer, pending: Pending[], result: BatchResult): Promise<void> {
  const oneByOne: Pending[] = [];
  const toImport: Pending[] = [];
  const inFile = new Set<string>();
  for (const item of pending) {
    // One row per path (ignoring case, as Shopify does): a second one would update the first.
    if (!importable(item.path) || inFile.has(pathKey(item.path))) oneByOne.push(item);
    else {
      inFile.add(pathKey(item.path));
      toImport.push(item);
    }
  }
  // A store with no redirect at all needs no look-up (the first batch into a new store).
  const newestBefore = await newestRedirectId(writer);
  const existing =
    newestBefore === null
      ? new Map<string, StoreRedirect>()
      : await redirectsAt(
          writer,
          toImport.map((item) => item.path),
        );
  const fresh = toImport.filter((item) => !existing.has(pathKey(item.path)));
  await inParallel(
    toImport.filter((item) => existing.has(pathKey(item.path))),
    writer.concurrency,
    (item) => settleExisting(shop, writer, item, existing.get(pathKey(item.path)), result),
  );
  if (fresh.length) {
    const redirects = fresh.map(({ path, target }) => ({ path, target }));
    await db().sourceRecord.updateMany({
      where: { id: { in: fresh.map((item) => item.id) } },
      data: { reason: sentInImport(newestBefore) },
    });
    const started = await startRedirectImport(writer, redirects, newestBefore);
    await awaitImport(writer, started.id);
    const created = await importedRedirects(writer, started, redirects);
    await inParallel(fresh, writer.concurrency, async (item) => {
      const redirect = created.get(pathKey(item.path));
      if (!redirect) {
        oneByOne.push(item);
        return;
      }
      await recordWritten(shop, writer.platform, 'redirects', item.row, redirect.id, item.path);
      result.written++;
    });
  }
  await eachRecord(oneByOne, writer.concurrency, result, (item) => createOne(shop, writer, item, result));
}

export async function loadRedirectBatch(
  migrationId: string,
  afterId: bigint | null,
  writer: Writer,
): Promise<BatchResult> {
  const { shop } = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
  const rows = await nextBatch(migrationId, 'redirects', afterId, REDIRECT_BATCH);
  const mapped = await idMapFor(
    shop,
    writer.platform,
    'redirects',
    rows.map((row) => row.sourceId),
  );
  const result = batchResult(rows, REDIRECT_BATCH);
  // Where each redirect leads, looked up once for the batch (one query per kind of target, not one per row).
  const targets = rows.flatMap((row) => {
    const data = row.data as unknown as RedirectData;
    return isListing(data) ? [] : [data.target];
  });
  const links = new Map(
    await Promise.all(
      [...new Set(targets.map((target) => target.entity))].map(
        async (entity) =>
          [
            entity,
            await idMapFor(
              shop,
              writer.platform,
              entity as Entity,
              targets.filter((target) => target.entity === entity).map((target) => target.sourceId),
            ),
          ] as const,
      ),
    ),
  );

  const toCreate: Pending[] = [];
  const toRetarget: (Pending & { redirectId: string })[] = [];
  await eachRecord(rows, writer.concurrency, result, async (row) => {
    const data = row.data as unknown as RedirectData;
    const known = mapped.get(row.sourceId);
    // A redirect is the old URL's only route to the new page: it is always kept up to date.
    if (await settledWithoutWriting(row, known, { skipExisting: false }, result)) return;
    const targetLink = isListing(data) ? null : links.get(data.target.entity)?.get(data.target.sourceId);
    if (!isListing(data) && !targetLink?.handle) {
      await recordFailed(
        row,
        `The ${WHAT[data.target.entity]} this URL pointed to was not migrated, so there is nothing to redirect to.`,
      );
      result.failed++;
      return;
    }
    const path = redirectPath(data.path);
    const target = isListing(data) ? data.targetPath : redirectTarget(data.target.entity, targetLink?.handle ?? '');
    if (isSameAddress(path, target)) {
      await recordUnchanged(row); // the old URL already is the new one
      result.unchanged++;
      return;
    }
    if (known) toRetarget.push({ id: row.id, row, path, target, redirectId: known.shopifyGid });
    else toCreate.push({ id: row.id, row, path, target });
  });
  await eachRecord(toRetarget, writer.concurrency, result, async (item) => {
    if (!(await retarget(shop, writer, item, item.redirectId, result))) toCreate.push(item);
  });
  if (toCreate.length >= IMPORT_FROM) await importMany(shop, writer, toCreate, result);
  else await eachRecord(toCreate, writer.concurrency, result, (item) => createOne(shop, writer, item, result));
  return result;
}
