// devstore's stand-in for Shopify's CDN: a READY file's `image.url` / `url` is an address of devstore's
// own (`<devstore>/cdn/shop/files/<file id>/<filename>`), never the source it was fetched from, and a
// GET there answers the file's bytes as the CDN would.
//
// Shopify: a MediaImage "represents an image hosted on Shopify's content delivery network (CDN)"
// (https://shopify.dev/docs/api/admin-graphql/latest/objects/MediaImage), and `Image.width`/`height`
// are "null if the image isn't hosted by Shopify" (Image, same schema) — the URL Shopify answers is its
// own (https://cdn.shopify.com/s/files/…), while `MediaImage.originalSource.url` is "The URL of the
// original image" (MediaImageOriginalSource). So a client that needs the source must read
// originalSource, never image.url.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Pool } from 'pg';
import { sendJson } from '../http.ts';

export const CDN_PATH = '/cdn/shop/files';

/** The file's name on the CDN: the name given to fileCreate, else the last segment of its source's path. */
function cdnFilename(row: { filename: string | null; original_source: string }): string {
  const fromSource = URL.canParse(row.original_source)
    ? new URL(row.original_source).pathname.split('/').pop()
    : undefined;
  const name = row.filename ?? (fromSource ? decodeURIComponent(fromSource) : '');
  return name || 'file';
}

export function cdnUrl(baseUrl: string, row: { id: string; filename: string | null; original_source: string }): string {
  return `${baseUrl}${CDN_PATH}/${row.id}/${encodeURIComponent(cdnFilename(row))}`;
}

/**
 * GET <CDN_PATH>/<id>/<filename>: the READY file's bytes, fetched from its source (devstore keeps no
 * copy, README), with the source's content type; anything else — unknown id, wrong name, a file not
 * READY — is 404, as a CDN address that names nothing.
 */
export async function handleCdn(
  pool: Pool,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
): Promise<void> {
  const [id, name, ...rest] = pathname.slice(CDN_PATH.length + 1).split('/');
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return sendJson(response, 405, { errors: 'Method Not Allowed' });
  if (!id || !/^\d{1,18}$/.test(id) || !name || rest.length) return sendJson(response, 404, { errors: 'Not Found' });
  const { rows } = await pool.query<{ id: string; filename: string | null; original_source: string }>(
    "SELECT id, filename, original_source FROM devstore.files WHERE id = $1 AND status = 'READY'",
    [id],
  );
  const row = rows[0];
  if (!row || encodeURIComponent(cdnFilename(row)) !== name) return sendJson(response, 404, { errors: 'Not Found' });
  const source = await fetch(row.original_source, { redirect: 'follow' }).catch(() => undefined);
  if (!source?.ok || !source.body) {
    await source?.body?.cancel();
    return sendJson(response, 502, { errors: 'Bad Gateway' });
  }
  response.writeHead(200, {
    'Content-Type': source.headers.get('content-type') ?? 'application/octet-stream',
    'Cache-Control': 'public, max-age=31536000',
  });
  if (request.method === 'HEAD') {
    await source.body.cancel();
    response.end();
    return;
  }
  const reader = source.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) response.write(chunk.value);
  response.end();
}
