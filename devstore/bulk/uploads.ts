// Staged uploads served by devstore itself: `stagedUploadsCreate` hands out targets under
// /devstore/uploads, which take the bytes (a signed multipart POST form, upload-form.ts, or PUT) and
// serve them back (GET), so `fileCreate` and `bulkOperationRunMutation` can use them as Shopify's would.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Pool } from 'pg';
import type { Args, RequestContext, ResolverModule } from '../graphql/context.ts';
import { BodyTooLarge, readBytes, sendJson } from '../http.ts';
import { checkForm, createdXml, errorXml, shopOfKey, signedFormFields } from './upload-form.ts';

/** Shopify's ceiling for a bulk mutation's variables file. */
export const MAX_BULK_FILE_BYTES = 100 * 1024 * 1024;
const MAX_UPLOAD_BYTES = MAX_BULK_FILE_BYTES;
export const UPLOADS_PATH = '/devstore/uploads';

interface StagedUploadInput {
  resource: string;
  filename: string;
  mimeType: string;
  httpMethod?: string | null;
  fileSize?: string | number | null;
}

/** Keys name their shop, so an upload needs no token: like a signed URL, knowing the key is enough. */
function keyFor(shop: string, resource: string, filename: string): string {
  const safe = filename.replace(/[^\w.-]+/g, '_') || 'file';
  return resource === 'BULK_MUTATION_VARIABLES'
    ? `tmp/${shop}/bulk/${randomUUID()}/bulk_op_vars`
    : `tmp/${shop}/${randomUUID()}/${safe}`;
}

/** What a shop's upload forms are signed with: its app's secret (the domain for a shop without one). */
const signingSecret = (shop: { appSecret: string | null; domain: string }) => shop.appSecret ?? shop.domain;

async function stagedUploadsCreate(args: Args, context: RequestContext) {
  const inputs = args.input as StagedUploadInput[];
  const userErrors: { __typename: 'UserError'; field: string[]; message: string }[] = [];
  inputs.forEach((input, index) => {
    if (
      input.resource === 'BULK_MUTATION_VARIABLES' &&
      input.fileSize !== null &&
      input.fileSize !== undefined &&
      Number(input.fileSize) > MAX_BULK_FILE_BYTES
    ) {
      userErrors.push({
        __typename: 'UserError',
        field: ['input', String(index), 'fileSize'],
        message: `The file size must be at most ${MAX_BULK_FILE_BYTES} bytes.`,
      });
    }
    if (!input.filename.trim())
      userErrors.push({
        __typename: 'UserError',
        field: ['input', String(index), 'filename'],
        message: "Filename can't be blank",
      });
  });
  // Beside userErrors the list of targets is empty, not null, as Shopify answers its payloads' lists (issue 10).
  if (userErrors.length) return { __typename: 'StagedUploadsCreatePayload', stagedTargets: [], userErrors };
  const stagedTargets = inputs.map((input) => {
    const key = keyFor(context.shop.domain, input.resource, input.filename);
    const resourceUrl = `${context.baseUrl}${UPLOADS_PATH}/${key}`;
    const parameter = (name: string, value: string) => ({ __typename: 'StagedUploadParameter', name, value });
    if (input.httpMethod === 'PUT') {
      return {
        __typename: 'StagedMediaUploadTarget',
        url: resourceUrl,
        resourceUrl,
        parameters: [parameter('content_type', input.mimeType), parameter('acl', 'private')],
      };
    }
    const fields = signedFormFields(
      signingSecret(context.shop),
      context.shop.domain,
      key,
      input.mimeType,
      MAX_UPLOAD_BYTES,
      new Date(),
    );
    return {
      __typename: 'StagedMediaUploadTarget',
      url: `${context.baseUrl}${UPLOADS_PATH}`,
      resourceUrl,
      parameters: fields.map(({ name, value }) => parameter(name, value)),
    };
  });
  return { __typename: 'StagedUploadsCreatePayload', stagedTargets, userErrors: [] };
}

export const stagedUploadsModule: ResolverModule = { mutations: { stagedUploadsCreate } };

async function store(pool: Pool, key: string, contentType: string, bytes: Buffer): Promise<boolean> {
  const shop = shopOfKey(key);
  if (!shop) return false;
  const { rowCount } = await pool.query(
    `INSERT INTO devstore.uploads (key, shop, content_type, bytes) SELECT $1, domain, $3, $4 FROM devstore.shops WHERE domain = $2
     ON CONFLICT (key) DO UPDATE SET content_type = EXCLUDED.content_type, bytes = EXCLUDED.bytes, created_at = now()`,
    [key, shop, contentType, bytes],
  );
  return Boolean(rowCount);
}

export async function readUpload(pool: Pool, key: string): Promise<{ contentType: string; bytes: Buffer } | undefined> {
  const { rows } = await pool.query<{ content_type: string; bytes: Buffer }>(
    'SELECT content_type, bytes FROM devstore.uploads WHERE key = $1',
    [key],
  );
  return rows[0] ? { contentType: rows[0].content_type, bytes: rows[0].bytes } : undefined;
}

export async function saveResult(pool: Pool, key: string, text: string): Promise<void> {
  await store(pool, key, 'application/jsonl', Buffer.from(text, 'utf8'));
}

/** The HTTP side: POST multipart (form fields then `file`), PUT raw bytes, GET to read back. */
export async function handleUpload(
  pool: Pool,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
): Promise<void> {
  const key = decodeURIComponent(pathname.slice(UPLOADS_PATH.length + 1));
  try {
    if (request.method === 'GET' && key) {
      const upload = await readUpload(pool, key);
      if (!upload) return sendJson(response, 404, { errors: 'Not Found' });
      response.writeHead(200, { 'Content-Type': upload.contentType, 'Content-Length': upload.bytes.length });
      response.end(upload.bytes);
      return;
    }
    if (request.method === 'PUT' && key) {
      const bytes = await readBytes(request, MAX_UPLOAD_BYTES);
      if (!(await store(pool, key, String(request.headers['content-type'] ?? 'application/octet-stream'), bytes)))
        return sendJson(response, 403, { errors: 'unknown upload target' });
      response.writeHead(200).end();
      return;
    }
    if (request.method === 'POST' && !key) {
      // The form's fields and file, plus what its multipart encoding allows on top.
      const bytes = await readBytes(request, MAX_UPLOAD_BYTES + 64 * 1024);
      const form = await new Request('http://devstore/upload', {
        method: 'POST',
        headers: { 'content-type': String(request.headers['content-type'] ?? '') },
        body: new Uint8Array(bytes),
      }).formData();
      const outcome = await checkForm([...form.entries()], (shop) => secretOfShop(pool, shop), new Date());
      if (!outcome.ok) return sendXml(response, outcome.status, errorXml(outcome));
      if (!(await store(pool, outcome.key, outcome.contentType, outcome.bytes)))
        return sendXml(
          response,
          403,
          errorXml({ ok: false, status: 403, code: 'AccessDenied', message: 'Access denied.' }),
        );
      return sendXml(
        response,
        outcome.status,
        createdXml(
          `http://${request.headers.host ?? 'devstore'}${UPLOADS_PATH}/${outcome.key}`,
          outcome.key,
          outcome.bytes,
        ),
      );
    }
    return sendJson(response, 405, { errors: 'Method Not Allowed' });
  } catch (error) {
    if (error instanceof BodyTooLarge) return sendJson(response, 413, { errors: 'Request Entity Too Large' });
    throw error;
  }
}

async function secretOfShop(pool: Pool, domain: string): Promise<string | undefined> {
  const { rows } = await pool.query<{ domain: string; app_secret: string | null }>(
    'SELECT domain, app_secret FROM devstore.shops WHERE domain = $1',
    [domain],
  );
  return rows[0] ? signingSecret({ domain: rows[0].domain, appSecret: rows[0].app_secret }) : undefined;
}

function sendXml(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, {
    'Content-Type': 'application/xml; charset=UTF-8',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}
