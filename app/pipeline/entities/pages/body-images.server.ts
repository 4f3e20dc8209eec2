// Images inside pages' and posts' bodies that live on the old site are copied into Shopify's Files,
// so they outlive the old site: `fileCreate` with the old URL as `originalSource` (Shopify fetches it
// itself: "Creates file assets for a store from external URLs", fileCreate's description), then,
// once the file is READY, use its `image.url` (the batch is tried again shortly while it is not). One that FAILED is deleted again (`fileDelete`),
// so no broken file is left in the merchant's Files; the body keeps the old address and the report
// says so. Each image is uploaded once per shop: the id map remembers it (entity "files", keyed by
// its old URL) across batches, migrations and re-syncs, and undo deletes the files a migration made.
import { db } from '../../../db/db.server.ts';
import { type UserError, describeUserErrors } from '../../../shopify-admin/user-errors.server.ts';
import type { Writer } from '../../../shopify-admin/writer.server.ts';
import { FILE_CREATE, FILE_DELETE, FILE_STATUS } from '../../../shopify-admin/graphql/files.ts';

const ENTITY = 'files';
/** fileCreate takes up to 250 files a call (Shopify's input limit); fewer keep each call cheap. */
const CHUNK = 25;
/** How long Shopify may take to fetch and process an image before it is reported as not moved. */
const PROCESSING_LIMIT_MS = 120_000;
/** `nodes(ids:)` takes at most 250 ids. */
const STATUS_PAGE = 250;

export type ImageOutcome = { url: string } | { failed: string };

interface Status {
  id: string;
  fileStatus: string;
  image: { url: string } | null;
  fileErrors: { code: string; message: string }[];
}

/** Whether an image is the old site's (so it goes when the site goes), as an absolute URL; null otherwise. */
export function oldSiteImage(src: string, siteUrl: string): string | null {
  try {
    const site = new URL(siteUrl);
    const url = new URL(src, site);
    return url.host === site.host && /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** Files Shopify has settled (READY or FAILED), by id, with one status call per 250 files. */
async function settledFiles(writer: Writer, ids: string[]): Promise<Map<string, Status>> {
  const settled = new Map<string, Status>();
  for (let start = 0; start < ids.length; start += STATUS_PAGE) {
    const pending = ids.slice(start, start + STATUS_PAGE);
    const { data } = await writer.client.request<{ nodes: (Status | null)[] }>(
      FILE_STATUS,
      { ids: pending },
      { estimatedCost: 1 + pending.length },
    );
    for (const node of data.nodes)
      if (node && (node.fileStatus === 'READY' || node.fileStatus === 'FAILED')) settled.set(node.id, node);
  }
  return settled;
}

/**
 * Sends the images to Shopify to fetch (`fileCreate`). Each file is remembered at once in the id
 * map without its address, so a batch tried again or a later one waits for it instead of sending
 * it twice, and an undo deletes it even if it never became READY.
 */
async function upload(
  migrationId: string,
  shop: string,
  writer: Writer,
  urls: string[],
  outcomes: Map<string, ImageOutcome>,
): Promise<void> {
  const { data } = await writer.client.request<{
    fileCreate: { files: { id: string }[] | null; userErrors: (UserError & { field: string[] | null })[] };
  }>(FILE_CREATE, { files: urls.map((url) => ({ originalSource: url, contentType: 'IMAGE' })) }, { estimatedCost: 10 });
  const { files, userErrors } = data.fileCreate;
  if (!files || files.length !== urls.length) {
    for (const url of urls)
      outcomes.set(url, {
        failed: `Shopify would not take it (${describeUserErrors(userErrors) || 'no file returned'})`,
      });
    return;
  }
  await db().idMapEntry.createMany({
    data: urls.map((url, index) => ({
      shop,
      platform: writer.platform,
      entity: ENTITY,
      sourceId: url,
      shopifyGid: files[index]?.id ?? '',
      handle: null,
      contentHash: '',
      createdBy: migrationId,
    })),
    skipDuplicates: true,
  });
}

/** Files Shopify could not fetch (or still had not after the limit) are deleted, and forgotten, so nothing broken stays in Files. */
async function removeUnusable(shop: string, writer: Writer, unusable: { url: string; id: string }[]): Promise<void> {
  if (unusable.length === 0) return;
  const { data: deleted } = await writer.client.request<{ fileDelete: { userErrors: UserError[] } }>(
    FILE_DELETE,
    { fileIds: unusable.map((file) => file.id) },
    { estimatedCost: 10 },
  );
  if (deleted.fileDelete.userErrors.length > 0)
    throw new Error(
      `Shopify would not delete the images it could not download: ${describeUserErrors(deleted.fileDelete.userErrors)}`,
    );
  await db().idMapEntry.deleteMany({
    where: { shop, platform: writer.platform, entity: ENTITY, sourceId: { in: unusable.map((file) => file.url) } },
  });
}

/**
 * The Shopify address of each of the old site's images (`urls`, absolute), uploading those not
 * uploaded before; or 'processing' while Shopify is still fetching some of them. Fetching is a wait
 * on Shopify, not on the points: the caller tries its batch again a little later as a job due then,
 * so the other entities write meanwhile (decision 0037), instead of waiting inside its job.
 */
export async function bodyImages(
  migrationId: string,
  shop: string,
  writer: Writer,
  urls: string[],
): Promise<Map<string, ImageOutcome> | 'processing'> {
  const unique = [...new Set(urls)];
  const outcomes = new Map<string, ImageOutcome>();
  const knownUrls = async () =>
    db().idMapEntry.findMany({
      where: { shop, platform: writer.platform, entity: ENTITY, sourceId: { in: unique } },
    });
  const sent = new Set((await knownUrls()).map((entry) => entry.sourceId));
  const missing = unique.filter((url) => !sent.has(url));
  for (let start = 0; start < missing.length; start += CHUNK)
    await upload(migrationId, shop, writer, missing.slice(start, start + CHUNK), outcomes);

  const known = await knownUrls();
  for (const entry of known) if (entry.handle) outcomes.set(entry.sourceId, { url: entry.handle });
  const fetching = known.filter((entry) => !entry.handle);
  if (fetching.length === 0) return outcomes;
  const statuses = await settledFiles(
    writer,
    fetching.map((entry) => entry.shopifyGid),
  );
  const unusable: { url: string; id: string }[] = [];
  let stillFetching = false;
  for (const entry of fetching) {
    const status = statuses.get(entry.shopifyGid);
    if (status?.fileStatus === 'READY' && status.image) {
      await db().idMapEntry.update({ where: { id: entry.id }, data: { handle: status.image.url } });
      outcomes.set(entry.sourceId, { url: status.image.url });
    } else if (status) {
      const why = status.fileErrors.map((error) => error.message || error.code).join('; ');
      outcomes.set(entry.sourceId, { failed: `Shopify could not download it (${why || 'no reason given'})` });
      unusable.push({ url: entry.sourceId, id: entry.shopifyGid });
    } else if (Date.now() - entry.createdAt.getTime() > PROCESSING_LIMIT_MS) {
      outcomes.set(entry.sourceId, { failed: 'Shopify was still processing it after two minutes' });
      unusable.push({ url: entry.sourceId, id: entry.shopifyGid });
    } else stillFetching = true;
  }
  await removeUnusable(shop, writer, unusable);
  return stillFetching ? 'processing' : outcomes;
}
