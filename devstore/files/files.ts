// `fileCreate` (fetched asynchronously, see fetcher.ts), `fileDelete` and the `files` query.
import type { Args, RequestContext, ResolverModule } from '../graphql/context.ts';
import { NotImplementedError } from '../graphql/errors.ts';
import { idFilter, listRows, type ListSpec } from '../catalog/listing.ts';
import { parseAnyGid } from '../catalog/ids.ts';
import { fileObject, type FileRow } from './file-objects.ts';

const MAX_ALT_LENGTH = 512;
const IMAGE_EXTENSIONS = /\.(jpe?g|png|gif|webp|heic|avif|svg)$/i;

interface FileInput {
  originalSource: string;
  alt?: string | null;
  contentType?: string | null;
  filename?: string | null;
  duplicateResolutionMode?: string | null;
}

type Problem = { __typename: 'FilesUserError'; field: string[]; message: string; code: string };

/** Without a contentType Shopify goes by the name: an image extension is an IMAGE, anything else a FILE. */
function contentTypeOf(input: FileInput): string {
  if (input.contentType) return input.contentType;
  const name =
    input.filename ??
    (URL.canParse(input.originalSource) ? new URL(input.originalSource).pathname : input.originalSource);
  return IMAGE_EXTENSIONS.test(name) ? 'IMAGE' : 'FILE';
}

async function fileCreate(args: Args, context: RequestContext) {
  const inputs = args.files as FileInput[];
  const errors: Problem[] = [];
  const types = inputs.map(contentTypeOf);
  inputs.forEach((input, index) => {
    const at = ['files', String(index)];
    const type = types[index] as string;
    if (type !== 'IMAGE' && type !== 'FILE') throw new NotImplementedError(`fileCreate of contentType ${type}`);
    if (input.duplicateResolutionMode && input.duplicateResolutionMode !== 'APPEND_UUID')
      throw new NotImplementedError(`fileCreate duplicateResolutionMode ${input.duplicateResolutionMode}`);
    const valid = URL.canParse(input.originalSource) && /^https?:$/.test(new URL(input.originalSource).protocol);
    if (!valid)
      errors.push({
        __typename: 'FilesUserError',
        field: [...at, 'originalSource'],
        message: 'Image URL is invalid',
        code: type === 'IMAGE' ? 'INVALID_IMAGE_SOURCE_URL' : 'INVALID',
      });
    if ((input.alt ?? '').length > MAX_ALT_LENGTH)
      errors.push({
        __typename: 'FilesUserError',
        field: [...at, 'alt'],
        message: `The alt value exceeds the maximum limit of ${MAX_ALT_LENGTH} characters.`,
        code: 'ALT_VALUE_LIMIT_EXCEEDED',
      });
  });
  // Beside userErrors the list of files is empty, not null, as Shopify answers its payloads' lists (issue 10).
  if (errors.length) return { __typename: 'FileCreatePayload', files: [], userErrors: errors };
  const { rows } = await context.pool.query<FileRow>(
    `INSERT INTO devstore.files (shop, content_type, alt, filename, original_source)
     SELECT $1, u.content_type, u.alt, u.filename, u.source FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS u(content_type, alt, filename, source, n)
     ORDER BY u.n RETURNING *`,
    [
      context.shop.domain,
      types,
      inputs.map((input) => input.alt ?? ''),
      inputs.map((input) => input.filename ?? null),
      inputs.map((input) => input.originalSource),
    ],
  );
  context.fetchFiles(rows.map((row) => String(row.id)));
  return { __typename: 'FileCreatePayload', files: rows.map((row) => fileObject(row, context)), userErrors: [] };
}

/**
 * fileDelete: "Deletes file assets that were previously uploaded to your store" (the mutation's
 * description), a product's media among them. An id that names no file of the shop is refused with
 * FILE_DOES_NOT_EXIST ("File does not exist.", FilesErrorCode) and, stricter than a partial delete,
 * nothing is deleted then; `deletedFileIds` is then `[]`, as every list beside userErrors (README).
 */
async function fileDelete(args: Args, context: RequestContext) {
  const ids = args.fileIds as string[];
  const parsed = ids.map((id) => parseAnyGid(id));
  const rowIds = parsed.flatMap((gid) =>
    gid && (gid.type === 'MediaImage' || gid.type === 'GenericFile') ? [gid.id] : [],
  );
  const { rows } = await context.pool.query<{ id: string; content_type: string }>(
    'SELECT id, content_type FROM devstore.files WHERE shop = $1 AND id = ANY($2::bigint[])',
    [context.shop.domain, rowIds],
  );
  const exists = (index: number) => {
    const gid = parsed[index];
    return rows.some(
      (row) => gid && row.id === gid.id && (row.content_type === 'IMAGE') === (gid.type === 'MediaImage'),
    );
  };
  const missing = ids.filter((_id, index) => !exists(index));
  if (missing.length > 0) {
    return {
      __typename: 'FileDeletePayload',
      deletedFileIds: [],
      userErrors: missing.map((id) => ({
        __typename: 'FilesUserError',
        field: ['fileIds'],
        message: `File id ${id} does not exist.`,
        code: 'FILE_DOES_NOT_EXIST',
      })),
    };
  }
  await context.pool.query('DELETE FROM devstore.files WHERE shop = $1 AND id = ANY($2::bigint[])', [
    context.shop.domain,
    rowIds,
  ]);
  return { __typename: 'FileDeletePayload', deletedFileIds: ids, userErrors: [] };
}

const FILES: ListSpec = {
  name: 'files',
  table: 'devstore.files',
  filters: {
    status: (value, param) => `status = ${param(value.toUpperCase())}`,
    media_type: (value, param) =>
      `content_type = ${param(value.toUpperCase() === 'GENERIC_FILE' ? 'FILE' : value.toUpperCase())}`,
    filename: (value, param) => `filename = ${param(value)}`,
    product_id: idFilter('product_id'),
  },
};

async function fileById(context: RequestContext, id: string, contentType: 'IMAGE' | 'FILE') {
  const { rows } = await context.pool.query<FileRow>(
    'SELECT * FROM devstore.files WHERE shop = $1 AND id = $2 AND (content_type = $3) = $4',
    [context.shop.domain, id, 'IMAGE', contentType === 'IMAGE'],
  );
  return rows[0] ? fileObject(rows[0], context) : null;
}

export const filesModule: ResolverModule = {
  queries: { files: (args, context) => listRows<FileRow>(context, args, FILES, (row) => fileObject(row, context)) },
  mutations: { fileCreate, fileDelete },
  nodes: {
    MediaImage: (context, id) => fileById(context, id, 'IMAGE'),
    GenericFile: (context, id) => fileById(context, id, 'FILE'),
  },
};
