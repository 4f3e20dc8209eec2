// Load redirects: a 301 from each old product, collection, page and post URL to its new Shopify URL,
// and from the old tag, category and shop pages to Shopify's listings (listings.server.ts). A path a previous run already redirected is adopted, not
// doubled; a path Shopify refuses is kept with Shopify's reason.
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
import { CREATE_REDIRECT, FIND_REDIRECT } from '../../../shopify-admin/graphql/redirects.ts';

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

export async function loadRedirectBatch(
  migrationId: string,
  afterId: bigint | null,
  writer: Writer,
): Promise<BatchResult> {
  const { shop } = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
  const rows = await nextBatch(migrationId, 'redirects', afterId);
  const mapped = await idMapFor(
    shop,
    writer.platform,
    'redirects',
    rows.map((row) => row.sourceId),
  );
  const result = batchResult(rows);
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
      const existing = found.data.urlRedirects.nodes.find((node) => node.path === path);
      if (existing && existing.target === target) {
        // The store already had this very redirect: it is the merchant's, and an undo keeps it.
        await recordWritten(shop, writer.platform, 'redirects', row, existing.id, path, null, { adopted: true });
        result.written++;
        return;
      }
      await recordFailed(
        row,
        `${path} already redirects to ${existing?.target ?? 'another page'} in Shopify; it was left as it is.`,
      );
      result.failed++;
      return;
    }
    await recordFailed(row, describeUserErrors(userErrors) || 'Shopify returned no redirect');
    result.failed++;
  });
  return result;
}
