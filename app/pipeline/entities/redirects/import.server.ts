// Redirects by Shopify's CSV import (decision 0035): the paths the store already redirects are looked
// up first (the import would overwrite them), the file is staged and imported, and the redirects it
// created are read back by id, since the import answers only counts.
import { type UserError, describeUserErrors } from '../../../shopify-admin/user-errors.server.ts';
import type { Writer } from '../../../shopify-admin/writer.server.ts';
import {
  CREATE_REDIRECT_IMPORT,
  NEWEST_REDIRECT,
  REDIRECTS_PAGE,
  REDIRECT_IMPORT_STATUS,
  STAGE_REDIRECT_FILE,
  SUBMIT_REDIRECT_IMPORT,
} from '../../../shopify-admin/graphql/redirects.ts';

/** A redirect to import: the old path, as redirectPath gives it, and where it leads. */
export interface RedirectToImport {
  path: string;
  target: string;
}

export interface StoreRedirect {
  id: string;
  path: string;
  target: string;
}

/**
 * Below this many new redirects one `urlRedirectCreate` each (10 points) is cheaper, and quicker:
 * an import costs about 45 points whatever its size (stagedUploadsCreate 11, urlRedirectImportCreate
 * 10, urlRedirectImportSubmit 11, the newest redirect 3, a few 1-point polls, a look-up 2 + a
 * point per path found) plus a point per redirect read back, so it wins from 5 redirects on; at 10
 * it costs about 55 points where creating them one by one costs 100.
 */
export const IMPORT_FROM = 10;

/** Paths per look-up: one search term each, so the query stays a few kilobytes. */
const LOOKUP_PATHS = 50;
const PAGE = 250;
/** How often the import is asked whether it has finished, and for how long at most. */
const POLL_MS = 500;
const POLL_FOR_MS = 15 * 60_000;

/** A path as Shopify matches it: redirect paths are unique per shop ignoring case. */
export const pathKey = (path: string) => path.toLowerCase();

/**
 * Whether a path can go into the import. The look-up before it names the path in a quoted search
 * term, which cannot hold a double quote or a backslash; such a path goes one by one instead.
 */
export const importable = (path: string) => !/["\\]/.test(path);

interface Page {
  urlRedirects: { nodes: StoreRedirect[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/** Every redirect the search finds, page by page: 2 points a page plus 1 a redirect found. */
async function redirectsFound(writer: Writer, query: string | null, first: number): Promise<StoreRedirect[]> {
  const found: StoreRedirect[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { data: Page } = await writer.client.request<Page>(
      REDIRECTS_PAGE,
      { query, first, after },
      { estimatedCost: 2 + first },
    );
    found.push(...page.data.urlRedirects.nodes);
    if (!page.data.urlRedirects.pageInfo.hasNextPage) return found;
    after = page.data.urlRedirects.pageInfo.endCursor;
    first = PAGE;
  }
}

/** The id of the store's newest redirect, or null when it has none. */
export async function newestRedirectId(writer: Writer): Promise<string | null> {
  const { data } = await writer.client.request<{ urlRedirects: { nodes: { id: string }[] } }>(
    NEWEST_REDIRECT,
    {},
    { estimatedCost: 3 },
  );
  return data.urlRedirects.nodes[0]?.id ?? null;
}

/**
 * The store's redirects at these paths, by path key. Searched by path, fifty at a time joined by
 * OR (https://shopify.dev/docs/api/usage/search-syntax), each page sized to the paths asked, so a
 * look-up costs 2 points plus one per redirect found.
 */
export async function redirectsAt(writer: Writer, paths: string[]): Promise<Map<string, StoreRedirect>> {
  const wanted = new Set(paths.map(pathKey));
  const found = new Map<string, StoreRedirect>();
  for (let start = 0; start < paths.length; start += LOOKUP_PATHS) {
    const chunk = paths.slice(start, start + LOOKUP_PATHS);
    const query = chunk.map((path) => `path:"${path}"`).join(' OR ');
    for (const redirect of await redirectsFound(writer, query, chunk.length))
      if (wanted.has(pathKey(redirect.path))) found.set(pathKey(redirect.path), redirect);
  }
  return found;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** Shopify's redirect template: a "Redirect from,Redirect to" header, then a redirect a line. */
export function redirectsCsv(redirects: RedirectToImport[]): string {
  return ['Redirect from,Redirect to', ...redirects.map((r) => `${csvField(r.path)},${csvField(r.target)}`)]
    .map((line) => `${line}\n`)
    .join('');
}

/** Uploads the CSV as a staged URL_REDIRECT_IMPORT file; the URL urlRedirectImportCreate reads. */
async function stagedFile(writer: Writer, csv: string): Promise<string> {
  const { data } = await writer.client.request<{
    stagedUploadsCreate: {
      stagedTargets: { url: string; resourceUrl: string; parameters: { name: string; value: string }[] }[];
      userErrors: UserError[];
    };
  }>(
    STAGE_REDIRECT_FILE,
    {
      input: [
        {
          resource: 'URL_REDIRECT_IMPORT',
          filename: 'redirects.csv',
          mimeType: 'text/csv',
          httpMethod: 'POST',
          fileSize: String(Buffer.byteLength(csv)),
        },
      ],
    },
    { estimatedCost: 11 },
  );
  const target = data.stagedUploadsCreate.stagedTargets[0];
  if (!target)
    throw new Error(`Shopify gave no upload target: ${describeUserErrors(data.stagedUploadsCreate.userErrors)}`);
  // The form carries every parameter the target gives, in order, and the file last: they are a signed policy.
  const form = new FormData();
  for (const parameter of target.parameters) form.append(parameter.name, parameter.value);
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'redirects.csv');
  const response = await fetch(target.url, { method: 'POST', body: form, signal: AbortSignal.timeout(120_000) });
  if (!response.ok) throw new Error(`Shopify's storage refused the redirects file (${response.status})`);
  return target.resourceUrl;
}

/** A submitted import: its id, and the store's newest redirect before it. */
export interface StartedImport {
  id: string;
  newestBefore: string | null;
}

/**
 * Stages and submits an import of `redirects`, whose paths the store must not have (the import
 * would give an existing path the file's target); `newestBefore` is the store's newest redirect
 * (newestRedirectId), read before. Returns at once: the import runs at Shopify.
 */
export async function startRedirectImport(
  writer: Writer,
  redirects: RedirectToImport[],
  newestBefore: string | null,
): Promise<StartedImport> {
  const url = await stagedFile(writer, redirectsCsv(redirects));
  const { data: created } = await writer.client.request<{
    urlRedirectImportCreate: { urlRedirectImport: { id: string } | null; userErrors: UserError[] };
  }>(CREATE_REDIRECT_IMPORT, { url }, { estimatedCost: 10 });
  const started = created.urlRedirectImportCreate.urlRedirectImport;
  if (!started)
    throw new Error(
      `Shopify did not take the redirects file: ${describeUserErrors(created.urlRedirectImportCreate.userErrors)}`,
    );
  const { data: submitted } = await writer.client.request<{
    urlRedirectImportSubmit: { job: { id: string } | null; userErrors: UserError[] };
  }>(SUBMIT_REDIRECT_IMPORT, { id: started.id }, { estimatedCost: 11 });
  if (submitted.urlRedirectImportSubmit.userErrors.length)
    throw new Error(
      `Shopify did not start the redirect import: ${describeUserErrors(submitted.urlRedirectImportSubmit.userErrors)}`,
    );
  return { id: started.id, newestBefore };
}

export interface ImportCounts {
  count: number | null;
  createdCount: number | null;
  updatedCount: number | null;
  failedCount: number | null;
}

/** The import's counts once it has finished, or null while it runs (1 point a call). */
export async function importFinished(writer: Writer, id: string): Promise<ImportCounts | null> {
  const { data } = await writer.client.request<{ urlRedirectImport: ({ finished: boolean } & ImportCounts) | null }>(
    REDIRECT_IMPORT_STATUS,
    { id },
    { estimatedCost: 1 },
  );
  if (!data.urlRedirectImport) throw new Error(`Shopify no longer knows the redirect import ${id}`);
  const { finished, ...counts } = data.urlRedirectImport;
  return finished ? counts : null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits for the import: a wait on Shopify, not on the points, so it only sleeps between 1-point
 * polls. A scheduler that lets other entities write meanwhile can call importFinished itself.
 */
export async function awaitImport(writer: Writer, id: string): Promise<ImportCounts> {
  const until = Date.now() + POLL_FOR_MS;
  for (;;) {
    const counts = await importFinished(writer, id);
    if (counts) return counts;
    if (Date.now() > until)
      throw new Error(`The redirect import ${id} has not finished after ${POLL_FOR_MS / 60_000} minutes`);
    await sleep(POLL_MS);
  }
}

/**
 * The redirects the import created, by path key: those newer than the store's newest before it,
 * read a page of 250 at a time (about a point each), kept when they are at one of the file's paths
 * (matched by path alone: Shopify may write a target its own way).
 */
export async function importedRedirects(
  writer: Writer,
  started: StartedImport,
  redirects: RedirectToImport[],
): Promise<Map<string, StoreRedirect>> {
  const sent = new Set(redirects.map((redirect) => pathKey(redirect.path)));
  const newestNumber = started.newestBefore?.split('/').pop();
  const created = await redirectsFound(
    writer,
    newestNumber ? `id:>${newestNumber}` : null,
    Math.min(PAGE, redirects.length),
  );
  const byPath = new Map<string, StoreRedirect>();
  for (const redirect of created) if (sent.has(pathKey(redirect.path))) byPath.set(pathKey(redirect.path), redirect);
  return byPath;
}
