// `fileCreate` (fetched asynchronously, see fetcher.ts) and the `files` query.
import type { Args, RequestContext, ResolverModule } from '../graphql/context.ts';
import { NotImplementedError } from '../graphql/errors.ts';
import { connection, decodeCursor, pageArgs } from '../catalog/connection.ts';
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
  const name = input.filename ?? (URL.canParse(input.originalSource) ? new URL(input.originalSource).pathname : input.originalSource);
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
    if (input.duplicateResolutionMode && input.duplicateResolutionMode !== 'APPEND_UUID') throw new NotImplementedError(`fileCreate duplicateResolutionMode ${input.duplicateResolutionMode}`);
    const valid = URL.canParse(input.originalSource) && /^https?:$/.test(new URL(input.originalSource).protocol);
    if (!valid) errors.push({ __typename: 'FilesUserError', field: [...at, 'originalSource'], message: 'Image URL is invalid', code: type === 'IMAGE' ? 'INVALID_IMAGE_SOURCE_URL' : 'INVALID' });
    if ((input.alt ?? '').length > MAX_ALT_LENGTH) errors.push({ __typename: 'FilesUserError', field: [...at, 'alt'], message: `The alt value exceeds the maximum limit of ${MAX_ALT_LENGTH} characters.`, code: 'ALT_VALUE_LIMIT_EXCEEDED' });
  });
  if (errors.length) return { __typename: 'FileCreatePayload', files: null, userErrors: errors };
  const { rows } = await context.pool.query<FileRow>(
    `INSERT INTO devstore.files (shop, content_type, alt, filename, original_source)
     SELECT $1, u.content_type, u.alt, u.filename, u.source FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS u(content_type, alt, filename, source, n)
     ORDER BY u.n RETURNING *`,
    [context.shop.domain, types, inputs.map((input) => input.alt ?? ''), inputs.map((input) => input.filename ?? null), inputs.map((input) => input.originalSource)],
  );
  context.fetchFiles(rows.map((row) => String(row.id)));
  return { __typename: 'FileCreatePayload', files: rows.map(fileObject), userErrors: [] };
}

const FILTERS: Record<string, (value: string) => [string, unknown]> = {
  status: (value) => ['status = $', value.toUpperCase()],
  media_type: (value) => ['content_type = $', value.toUpperCase() === 'GENERIC_FILE' ? 'FILE' : value.toUpperCase()],
  filename: (value) => ['filename = $', value],
  product_id: (value) => ['product_id = $::bigint', value],
};

async function files(args: Args, context: RequestContext) {
  const page = pageArgs(args);
  if (args.sortKey && args.sortKey !== 'ID') throw new NotImplementedError(`files sortKey ${String(args.sortKey)}`);
  const descending = (args.reverse === true) !== page.backwards;
  const after = page.cursor ? decodeCursor(page.cursor) : undefined;
  const values: unknown[] = [context.shop.domain, after ?? null];
  const clauses = ['shop = $1', `($2::bigint IS NULL OR id ${descending ? '<' : '>'} $2)`];
  for (const term of typeof args.query === 'string' ? args.query.split(/\s+/).filter(Boolean) : []) {
    const match = /^(\w+):(.+)$/.exec(term);
    const filter = match?.[1] ? FILTERS[match[1]] : undefined;
    if (!match?.[2] || !filter) throw new NotImplementedError(`files query '${term}'`);
    const [sql, value] = filter(match[2]);
    values.push(value);
    clauses.push(sql.replace('$', `$${values.length}`));
  }
  values.push(page.limit + 1);
  const { rows } = await context.pool.query<FileRow>(
    `SELECT * FROM devstore.files WHERE ${clauses.join(' AND ')} ORDER BY id ${descending ? 'DESC' : 'ASC'} LIMIT $${values.length}`,
    values,
  );
  return connection(rows, page, (row) => row.id, fileObject, after !== undefined);
}

async function fileById(context: RequestContext, id: string, contentType: 'IMAGE' | 'FILE') {
  const { rows } = await context.pool.query<FileRow>('SELECT * FROM devstore.files WHERE shop = $1 AND id = $2 AND (content_type = $3) = $4', [context.shop.domain, id, 'IMAGE', contentType === 'IMAGE']);
  return rows[0] ? fileObject(rows[0]) : null;
}

export const filesModule: ResolverModule = {
  queries: { files },
  mutations: { fileCreate },
  nodes: {
    MediaImage: (context, id) => fileById(context, id, 'IMAGE'),
    GenericFile: (context, id) => fileById(context, id, 'FILE'),
  },
};
