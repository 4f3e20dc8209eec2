// Redirects by Shopify's CSV import (decision 0035): the paths the store already redirects are looked
// up first (the import would overwrite them), the file is staged and imported, and the redirects it
// created are read back by id, since the import answers only counts.
import { type UserError, describeUserErrors } from '../../../shopify-admin/user-errors.server.ts';
import { type Writer, inParallel } from '../../../shopify-admin/writer.server.ts';
import { BULK_OPERATION_STATUS, stageFile } from '../../../shopify-admin/bulk-operations.server.ts';
import {
  CREATE_REDIRECT_IMPORT,
  EXPORT_REDIRECTS,
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
 * 10, urlRedirectImportSubmit 10, the newest redirect 3, a few 1-point polls, a look-up 2 + a
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
  const chunks: string[][] = [];
  for (let start = 0; start < paths.length; start += LOOKUP_PATHS)
    chunks.push(paths.slice(start, start + LOOKUP_PATHS));
  // Side by side, as the writer's requests go: the budget paces them, the answers' wait does not add up.
  await inParallel(chunks, writer.concurrency, async (chunk) => {
    const query = chunk.map((path) => `path:"${path}"`).join(' OR ');
    for (const redirect of await redirectsFound(writer, query, chunk.length))
      if (wanted.has(pathKey(redirect.path))) found.set(pathKey(redirect.path), redirect);
  });
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
  const file = {
    resource: 'URL_REDIRECT_IMPORT',
    filename: 'redirects.csv',
    mimeType: 'text/csv',
    what: 'the redirects file',
  } as const;
  const { resourceUrl } = await stageFile(writer, STAGE_REDIRECT_FILE, file, csv, 11);
  if (!resourceUrl) throw new Error('The upload target named no resource URL');
  return resourceUrl;
}

/** A redirect id's number, by which Shopify's redirects are ordered (`id:>N`). */
export const redirectNumber = (id: string) => BigInt(/(\d+)$/.exec(id)?.[1] ?? '0');

/**
 * What a row sent in an import says until the import's answer is linked to it: the store's newest
 * redirect before the import. Kept on the row before the import is submitted, so a job that dies
 * while Shopify imports knows, when tried again, that a redirect at the row's path newer than that
 * one is Shipyard's own (undo removes it), not the merchant's.
 */
export function sentInImport(newestBefore: string | null): string {
  return `Sent to Shopify in a redirect import (after redirect ${newestBefore ? redirectNumber(newestBefore) : 'none'}); not linked yet.`;
}

/** The newest redirect before the import a row was sent in (0 when the store had none), from its reason. */
export function sentAfter(reason: string | null): bigint | undefined {
  const match = /^Sent to Shopify in a redirect import \(after redirect (\d+|none)\)/.exec(reason ?? '');
  if (!match?.[1]) return undefined;
  return match[1] === 'none' ? 0n : BigInt(match[1]);
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
  }>(SUBMIT_REDIRECT_IMPORT, { id: started.id }, { estimatedCost: 10 });
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
 * How long a paged read-back may hold the shop's points before a bulk query pays instead. A bulk
 * query costs about 10 points whatever it reads, but waits on Shopify; how long a small one takes is
 * not documented (seconds, in answers on record), so it is used only where paging would spend more
 * than this many seconds of the plan's restore rate: for a batch of 1,000 on Basic, Standard and
 * Advanced (10 and 5 s), never on Plus (1 s).
 */
const BULK_AFTER_SECONDS = 2;

/** Whether to read `count` new redirects back by a bulk query rather than by pages, at this restore rate. */
export const readBackInBulk = (count: number, restoreRate: number) => count > restoreRate * BULK_AFTER_SECONDS;

/**
 * The new redirects by a bulk query: one JSONL line a redirect, no points per redirect. Null when
 * Shopify does not run it (five bulk operations per shop at once already, say) or it fails, so the
 * caller pages instead.
 */
async function exportedRedirects(writer: Writer, search: string | null): Promise<StoreRedirect[] | null> {
  const args = search ? `query: ${JSON.stringify(search)}, sortKey: ID` : 'sortKey: ID';
  const { data } = await writer.client.request<{
    bulkOperationRunQuery: { bulkOperation: { id: string } | null; userErrors: UserError[] };
  }>(
    EXPORT_REDIRECTS,
    { query: `{ urlRedirects(${args}) { edges { node { id path target } } } }` },
    { estimatedCost: 10 },
  );
  const operation = data.bulkOperationRunQuery.bulkOperation;
  if (!operation) return null;
  const until = Date.now() + POLL_FOR_MS;
  for (;;) {
    const { data: polled } = await writer.client.request<{
      bulkOperation: { status: string; url: string | null } | null;
    }>(BULK_OPERATION_STATUS, { id: operation.id }, { estimatedCost: 1 });
    const status = polled.bulkOperation?.status;
    if (status === 'COMPLETED') {
      // No url: the query found nothing.
      if (!polled.bulkOperation?.url) return [];
      const response = await fetch(polled.bulkOperation.url, { signal: AbortSignal.timeout(120_000) });
      if (!response.ok) return null;
      return (await response.text())
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as StoreRedirect);
    }
    if (!status || !['CREATED', 'RUNNING'].includes(status) || Date.now() > until) return null;
    await sleep(POLL_MS);
  }
}

/**
 * The redirects the import created, by path key: those newer than the store's newest before it,
 * kept when they are at one of the file's paths (matched by path alone: Shopify may write a target
 * its own way). Read by a bulk query where paging would hold the points too long
 * (readBackInBulk), else a page of 250 at a time, about a point each.
 */
export async function importedRedirects(
  writer: Writer,
  started: StartedImport,
  redirects: RedirectToImport[],
): Promise<Map<string, StoreRedirect>> {
  const sent = new Set(redirects.map((redirect) => pathKey(redirect.path)));
  const newestNumber = started.newestBefore?.split('/').pop();
  const search = newestNumber ? `id:>${newestNumber}` : null;
  const created =
    (readBackInBulk(redirects.length, writer.client.budget.rate) ? await exportedRedirects(writer, search) : null) ??
    (await redirectsFound(writer, search, Math.min(PAGE, redirects.length)));
  const byPath = new Map<string, StoreRedirect>();
  for (const redirect of created) if (sent.has(pathKey(redirect.path))) byPath.set(pathKey(redirect.path), redirect);
  return byPath;
}
