// Reads WordPress's own REST API (wp/v2: pages and posts). WooCommerce's API keys authenticate only
// WooCommerce's routes (wc/… and wc-…), so they are never sent here: a Basic Authorization header is
// taken by WordPress 5.6+ as an application password and refused with 401 even on public routes.
// Without a WordPress login the client is a visitor and reads published content only (the analysis
// says so; see connectors/registry.ts). With a WordPress user and application password it sends
// them as Basic auth, and WordPress's refusals are said about those two fields.
import { SourceError } from '../source-connector.ts';
import { requestProblem } from './problems.ts';
import type { WooPage } from './client.ts';

export interface WordPressClientOptions {
  timeoutMs?: number;
  retryDelaysMs?: number[];
}

export interface WordPressLogin {
  user: string;
  password: string;
}

/** wp_authenticate_application_password's refusals (401), and the field each one is about. */
const LOGIN_REFUSALS: Record<string, { field: string; advice: string }> = {
  invalid_username: {
    field: 'wordpressUser',
    advice: 'Enter the username you log in to WordPress with (or your email address).',
  },
  invalid_email: {
    field: 'wordpressUser',
    advice: 'Enter the username you log in to WordPress with (or your email address).',
  },
  incorrect_password: {
    field: 'wordpressApplicationPassword',
    advice:
      'Create a new one in WordPress under Users → Profile → Application Passwords, for this user, and paste it here.',
  },
  application_passwords_disabled: {
    field: 'wordpressApplicationPassword',
    advice:
      'A plugin or the site’s settings switched application passwords off; switch them on, or leave both WordPress fields empty to move published pages and posts only.',
  },
  application_passwords_disabled_for_user: {
    field: 'wordpressApplicationPassword',
    advice: 'Ask the site’s administrator to allow them for this account, or use an Administrator’s.',
  },
};

const LOGIN_REQUIRED = [
  'rest_cannot_access',
  'rest_disabled',
  'rest_login_required',
  'rest_not_logged_in',
  'rest_forbidden',
];

function headerNumber(value: string | null): number | null {
  if (value === null) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

function plain(message: string): string {
  return message.replace(/<[^>]+>/g, '').trim();
}

/** What went wrong, in words about WordPress's pages and posts rather than WooCommerce's keys. */
function wordpressProblem(
  status: number,
  body: unknown,
  text: string,
  host: string,
  login: WordPressLogin | null,
): SourceError {
  const error =
    body && typeof body === 'object' && 'code' in body && 'message' in body
      ? (body as { code: unknown; message: unknown })
      : null;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    const said = `WordPress said: “${plain(error.message)}”`;
    const refusal = login ? LOGIN_REFUSALS[error.code] : undefined;
    if (login && error.code === 'rest_not_logged_in') {
      // WordPress ignores an application password it does not support here and answers as to a visitor.
      return new SourceError(
        'wrong-credentials',
        `${host} ignored the application password and did not log “${login.user}” in (${said}). WordPress takes application passwords only over https://: enter the store address with https://, and check that no plugin switches application passwords off.`,
        { field: 'wordpressApplicationPassword' },
      );
    }
    if (refusal)
      return new SourceError(
        'wrong-credentials',
        `${host} did not accept the application password for the WordPress user “${login?.user}” (${said}). ${refusal.advice}`,
        { field: refusal.field },
      );
    if (
      login &&
      status === 403 &&
      (error.code === 'rest_forbidden_status' || error.code === 'rest_forbidden_context')
    ) {
      return new SourceError(
        'forbidden',
        `The WordPress user “${login.user}” may not read drafts and private pages and posts on ${host} (${said}). Use an Administrator’s or Editor’s application password.`,
        { field: 'wordpressUser' },
      );
    }
    if (error.code === 'rest_no_route') {
      return new SourceError(
        'api-disabled',
        `${host} does not serve WordPress’s pages and posts through its REST API (${said}). Check that no plugin switches off /wp-json/wp/v2/, or leave pages and blog posts out of this migration.`,
      );
    }
    if (status === 401 || status === 403 || LOGIN_REQUIRED.includes(error.code)) {
      return new SourceError(
        'api-disabled',
        `A plugin on ${host} lets only logged-in users read pages and posts through WordPress’s REST API, and WooCommerce’s API keys do not log in there (${said}). Allow public REST API access to posts and pages in that plugin, or leave pages and blog posts out of this migration.`,
      );
    }
  }
  return requestProblem({ response: { status, data: body ?? text } }, host);
}

export class WordPressClient {
  readonly host: string;
  private readonly base: string;
  private readonly timeoutMs: number;
  private readonly retryDelaysMs: number[];
  /** The Basic Authorization header for the merchant's application password; null reads as a visitor. */
  private readonly authorization: string | null;
  readonly login: WordPressLogin | null;

  constructor(siteUrl: string, options: WordPressClientOptions = {}, login: WordPressLogin | null = null) {
    this.login = login;
    this.authorization = login ? `Basic ${Buffer.from(`${login.user}:${login.password}`).toString('base64')}` : null;
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
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.authorization) headers.Authorization = this.authorization;
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(this.timeoutMs) });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // a web page where JSON should be: classified below with its title
    }
    if (!response.ok) throw wordpressProblem(response.status, body, text, this.host, this.login);
    if (body === null) throw requestProblem({ response: { status: response.status, data: text } }, this.host);
    return {
      data: body,
      total: headerNumber(response.headers.get('x-wp-total')),
      totalPages: headerNumber(response.headers.get('x-wp-totalpages')),
    };
  }

  /** fetch's failures carry the socket's code in `cause`; a timeout is an AbortSignal's TimeoutError. */
  private networkProblem(error: unknown): SourceError {
    if (error instanceof Error && error.name === 'TimeoutError')
      return requestProblem({ code: 'ETIMEDOUT', message: error.message }, this.host);
    const cause =
      error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
    const code = typeof cause?.code === 'string' ? cause.code : undefined;
    return requestProblem(
      { code, message: typeof cause?.message === 'string' ? cause.message : String(error) },
      this.host,
    );
  }
}
