// Reads WordPress's own REST API (wp/v2: pages and posts) as a visitor. WooCommerce's API keys
// authenticate only WooCommerce's routes (wc/… and wc-…), so sending them here would prove nothing,
// and a Basic Authorization header is taken by WordPress 5.6+ as an application password and refused
// with 401 even on public routes. What a visitor reads is published content only: drafts, private
// and scheduled items stay in WordPress (the analysis says so; see connectors/registry.ts).
import { SourceError } from '../source-connector.ts';
import { requestProblem } from './problems.ts';
import type { WooPage } from './client.ts';

export interface WordPressClientOptions {
  timeoutMs?: number;
  retryDelaysMs?: number[];
}

const LOGIN_REQUIRED = ['rest_cannot_access', 'rest_disabled', 'rest_login_required', 'rest_not_logged_in', 'rest_forbidden'];

function headerNumber(value: string | null): number | null {
  if (value === null) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

function plain(message: string): string {
  return message.replace(/<[^>]+>/g, '').trim();
}

/** What went wrong, in words about WordPress's pages and posts rather than WooCommerce's keys. */
function wordpressProblem(status: number, body: unknown, text: string, host: string): SourceError {
  const error = body && typeof body === 'object' && 'code' in body && 'message' in body ? (body as { code: unknown; message: unknown }) : null;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    const said = `WordPress said: “${plain(error.message)}”`;
    if (error.code === 'rest_no_route') {
      return new SourceError('api-disabled', `${host} does not serve WordPress’s pages and posts through its REST API (${said}). Check that no plugin switches off /wp-json/wp/v2/, or leave pages and blog posts out of this migration.`);
    }
    if (status === 401 || status === 403 || LOGIN_REQUIRED.includes(error.code)) {
      return new SourceError('api-disabled', `A plugin on ${host} lets only logged-in users read pages and posts through WordPress’s REST API, and WooCommerce’s API keys do not log in there (${said}). Allow public REST API access to posts and pages in that plugin, or leave pages and blog posts out of this migration.`);
    }
  }
  return requestProblem({ response: { status, data: body ?? text } }, host);
}

export class WordPressClient {
  readonly host: string;
  private readonly base: string;
  private readonly timeoutMs: number;
  private readonly retryDelaysMs: number[];

  constructor(siteUrl: string, options: WordPressClientOptions = {}) {
    this.host = new URL(siteUrl).host;
    this.base = `${siteUrl.replace(/\/+$/, '')}/wp-json/wp/v2/`;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retryDelaysMs = options.retryDelaysMs ?? [500, 2000];
  }

  /** One GET of a wp/v2 route; `retry: false` answers at once instead of retrying. */
  async get(route: string, params: Record<string, string | number> = {}, { retry = true } = {}): Promise<WooPage> {
    const delays = retry ? this.retryDelaysMs : [];
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(route, params);
      } catch (error) {
        const problem = error instanceof SourceError ? error : this.networkProblem(error);
        const delay = delays[attempt];
        if (!problem.retryable || delay === undefined) throw problem;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  private async once(route: string, params: Record<string, string | number>): Promise<WooPage> {
    const url = new URL(route, this.base);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, String(value));
    const response = await fetch(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(this.timeoutMs) });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // a web page where JSON should be: classified below with its title
    }
    if (!response.ok) throw wordpressProblem(response.status, body, text, this.host);
    if (body === null) throw requestProblem({ response: { status: response.status, data: text } }, this.host);
    return { data: body, total: headerNumber(response.headers.get('x-wp-total')), totalPages: headerNumber(response.headers.get('x-wp-totalpages')) };
  }

  /** fetch's failures carry the socket's code in `cause`; a timeout is an AbortSignal's TimeoutError. */
  private networkProblem(error: unknown): SourceError {
    if (error instanceof Error && error.name === 'TimeoutError') return requestProblem({ code: 'ETIMEDOUT', message: error.message }, this.host);
    const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
    const code = typeof cause?.code === 'string' ? cause.code : undefined;
    return requestProblem({ code, message: typeof cause?.message === 'string' ? cause.message : String(error) }, this.host);
  }
}
