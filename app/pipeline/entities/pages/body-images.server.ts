// Images inside pages' and posts' bodies that live on the old site are copied into Shopify's Files,
// so they outlive the old site: `fileCreate` with the old URL as `originalSource` (Shopify fetches it
// itself: "Creates file assets for a store from external URLs", fileCreate's description), then wait
// until the file is READY and use its `image.url`. One that FAILED is deleted again (`fileDelete`),
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
/** How long Shopify may take to fetch and process a batch's images before they are reported as not moved. */
const PROCESSING_LIMIT_MS = 120_000;
const POLL_MS = 250;

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

async function waitUntilProcessed(writer: Writer, ids: string[]): Promise<Map<string, Status>> {
  const settled = new Map<string, Status>();
  const deadline = Date.now() + PROCESSING_LIMIT_MS;
  let pending = ids;
  while (pending.length > 0 && Date.now() < deadline) {
    const { data } = await writer.client.request<{ nodes: (Status | null)[] }>(
      FILE_STATUS,
      { ids: pending },
      { estimatedCost: 1 + pending.length },
    );
    for (const node of data.nodes)
      if (node && (node.fileStatus === 'READY' || node.fileStatus === 'FAILED')) settled.set(node.id, node);
    pending = pending.filter((id) => !settled.has(id));
    if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return settled;
}

async function upload(
  migrationId: string,
  shop: string,
  writer: Writer,
  urls: string[],
): Promise<Map<string, ImageOutcome>> {
  const outcomes = new Map<string, ImageOutcome>();
  const { data } = await writer.client.request<{
    fileCreate: { files: { id: string }[] | null; userErrors: (UserError & { field: string[] | null })[] };
  }>(FILE_CREATE, { files: urls.map((url) => ({ originalSource: url, contentType: 'IMAGE' })) }, { estimatedCost: 10 });
  const { files, userErrors } = data.fileCreate;
  if (!files || files.length !== urls.length) {
    for (const url of urls)
      outcomes.set(url, {
        failed: `Shopify would not take it (${describeUserErrors(userErrors) || 'no file returned'})`,
      });
    return outcomes;
  }
  const statuses = await waitUntilProcessed(
    writer,
    files.map((file) => file.id),
  );
  const failed: string[] = [];
  for (const [index, url] of urls.entries()) {
    const id = files[index]?.id ?? '';
    const status = statuses.get(id);
    if (status?.fileStatus === 'READY' && status.image) {
      const link = { shopifyGid: id, handle: status.image.url, contentHash: '' };
      await db().idMapEntry.upsert({
        where: { shop_platform_entity_sourceId: { shop, platform: writer.platform, entity: ENTITY, sourceId: url } },
        create: { shop, platform: writer.platform, entity: ENTITY, sourceId: url, ...link, createdBy: migrationId },
        update: link,
      });
      outcomes.set(url, { url: status.image.url });
    } else {
      failed.push(id);
      const why = status?.fileErrors.map((error) => error.message || error.code).join('; ');
      outcomes.set(url, {
        failed: status
          ? `Shopify could not download it (${why || 'no reason given'})`
          : 'Shopify was still processing it after two minutes',
      });
    }
  }
  if (failed.length > 0) {
    const { data: deleted } = await writer.client.request<{ fileDelete: { userErrors: UserError[] } }>(
      FILE_DELETE,
      { fileIds: failed },
      { estimatedCost: 10 },
    );
    if (deleted.fileDelete.userErrors.length > 0)
      throw new Error(
        `Shopify would not delete the images it could not download: ${describeUserErrors(deleted.fileDelete.userErrors)}`,
      );
  }
  return outcomes;
}

/** The Shopify address of each of the old site's images (`urls`, absolute), uploading those not uploaded before. */
export async function bodyImages(
  migrationId: string,
  shop: string,
  writer: Writer,
  urls: string[],
): Promise<Map<string, ImageOutcome>> {
  const unique = [...new Set(urls)];
  const known = await db().idMapEntry.findMany({
    where: { shop, platform: writer.platform, entity: ENTITY, sourceId: { in: unique } },
  });
  const outcomes = new Map<string, ImageOutcome>(
    known.filter((entry) => entry.handle).map((entry) => [entry.sourceId, { url: entry.handle as string }]),
  );
  const missing = unique.filter((url) => !outcomes.has(url));
  for (let start = 0; start < missing.length; start += CHUNK) {
    for (const [url, outcome] of await upload(migrationId, shop, writer, missing.slice(start, start + CHUNK)))
      outcomes.set(url, outcome);
  }
  return outcomes;
}
