// CSV redirect imports: `urlRedirectImportCreate` reads the file (this shop's staged upload),
// `urlRedirectImportSubmit` applies it in the background — new paths are created, existing ones get
// the new target, rows breaking the path rules are counted as failed — and `urlRedirectImport`
// reports the counts.
import type { Args, RequestContext, ResolverModule } from '../graphql/context.ts';
import { readUpload, UPLOADS_PATH } from '../bulk/uploads.ts';
import { gid, parseGid } from './ids.ts';
import { startJob } from './jobs.ts';
import { normalizePath, ruleBroken } from './redirects.ts';

interface ImportRow {
  id: string;
  rows: [string, string][];
  status: string;
  created_count: number | null;
  updated_count: number | null;
  failed_count: number | null;
  finished_at: Date | null;
}

// "A list of up to three previews of the URL redirects to be imported" (UrlRedirectImport.previewRedirects).
const PREVIEW_SIZE = 3;

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  if (field || record.length) records.push([...record, field]);
  return records.filter((row) => row.some((value) => value.trim()));
}

/**
 * The file behind `url`, which Shopify documents as "the staged upload URL of the CSV file": only
 * this shop's own staged uploads are read (another shop's upload, or any other address, is a file
 * that does not exist for it).
 */
async function readFile(context: RequestContext, url: string): Promise<string | undefined> {
  const prefix = `${context.baseUrl}${UPLOADS_PATH}/`;
  if (!url.startsWith(prefix)) return undefined;
  const key = decodeURIComponent(url.slice(prefix.length));
  if (!key.startsWith(`tmp/${context.shop.domain}/`)) return undefined;
  return (await readUpload(context.pool, key))?.bytes.toString('utf8');
}

function importObject(row: ImportRow) {
  return {
    __typename: 'UrlRedirectImport',
    id: gid('UrlRedirectImport', row.id),
    count: row.rows.length,
    createdCount: row.created_count,
    updatedCount: row.updated_count,
    failedCount: row.failed_count,
    finished: row.status === 'FINISHED',
    finishedAt: row.finished_at?.toISOString() ?? null,
    previewRedirects: row.rows
      .slice(0, PREVIEW_SIZE)
      .map(([path, target]) => ({ __typename: 'UrlRedirectImportPreview', path, target })),
  };
}

type Problem = { __typename: 'UrlRedirectImportUserError'; field: string[] | null; message: string; code: string };

async function urlRedirectImportCreate(args: Args, context: RequestContext) {
  const text = await readFile(context, String(args.url));
  if (text === undefined) {
    const problem: Problem = {
      __typename: 'UrlRedirectImportUserError',
      field: ['url'],
      message: 'File does not exist',
      code: 'FILE_DOES_NOT_EXIST',
    };
    return { __typename: 'UrlRedirectImportCreatePayload', urlRedirectImport: null, userErrors: [problem] };
  }
  // Shopify's template starts with a "Redirect from,Redirect to" header. Whether a file without one
  // loses its first redirect is not documented; devstore takes the stricter reading, that the first
  // line is always the header.
  const rows = parseCsv(text.replace(/^\uFEFF/, ''))
    .slice(1)
    .map((record) => [normalizePath(record[0] ?? ''), (record[1] ?? '').trim()]);
  const { rows: created } = await context.pool.query<ImportRow>(
    'INSERT INTO devstore.url_redirect_imports (shop, rows) VALUES ($1, $2) RETURNING *',
    [context.shop.domain, JSON.stringify(rows)],
  );
  return {
    __typename: 'UrlRedirectImportCreatePayload',
    urlRedirectImport: importObject(created[0] as ImportRow),
    userErrors: [],
  };
}

async function findImport(context: RequestContext, id: unknown): Promise<ImportRow | undefined> {
  const numeric = parseGid(id, 'UrlRedirectImport');
  const { rows } = numeric
    ? await context.pool.query<ImportRow>('SELECT * FROM devstore.url_redirect_imports WHERE shop = $1 AND id = $2', [
        context.shop.domain,
        numeric,
      ])
    : { rows: [] };
  return rows[0];
}

async function urlRedirectImportSubmit(args: Args, context: RequestContext) {
  const result = (job: unknown, userErrors: Problem[]) => ({
    __typename: 'UrlRedirectImportSubmitPayload',
    job,
    userErrors,
  });
  const found = await findImport(context, args.id);
  if (!found)
    return result(null, [
      {
        __typename: 'UrlRedirectImportUserError',
        field: ['id'],
        message: 'Redirect import does not exist',
        code: 'NOT_FOUND',
      },
    ]);
  const { rows: claimed } = await context.pool.query<{ id: string }>(
    "UPDATE devstore.url_redirect_imports SET status = 'RUNNING' WHERE id = $1 AND status = 'CREATED' RETURNING id",
    [found.id],
  );
  if (!claimed[0]) {
    const code = found.status === 'FINISHED' ? 'ALREADY_IMPORTED' : 'IN_PROGRESS';
    return result(null, [
      {
        __typename: 'UrlRedirectImportUserError',
        field: ['id'],
        message: code === 'ALREADY_IMPORTED' ? 'The import has already been submitted' : 'The import is in progress',
        code,
      },
    ]);
  }
  return result(
    await startJob(context, async (live) => {
      let created = 0;
      let updated = 0;
      let failed = 0;
      for (const [path, target] of found.rows) {
        if (ruleBroken(path, target)) {
          failed += 1;
          continue;
        }
        const { rows } = await live.pool.query<{ inserted: boolean }>(
          `INSERT INTO devstore.url_redirects (shop, path, target) VALUES ($1, $2, $3)
         ON CONFLICT (shop, lower(path)) DO UPDATE SET target = EXCLUDED.target RETURNING (xmax = 0) AS inserted`,
          [live.shop.domain, path, target],
        );
        if (rows[0]?.inserted) created += 1;
        else updated += 1;
      }
      await live.pool.query(
        "UPDATE devstore.url_redirect_imports SET status = 'FINISHED', created_count = $2, updated_count = $3, failed_count = $4, finished_at = now() WHERE id = $1",
        [found.id, created, updated, failed],
      );
    }),
    [],
  );
}

export const redirectImportsModule: ResolverModule = {
  queries: {
    urlRedirectImport: async (args, context) => {
      const row = await findImport(context, args.id);
      return row ? importObject(row) : null;
    },
  },
  mutations: { urlRedirectImportCreate, urlRedirectImportSubmit },
};
