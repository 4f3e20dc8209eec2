// URL redirects (the 301s that keep search rankings): `urlRedirectCreate`/`Update`/`Delete`,
// `urlRedirect` and `urlRedirects`, with Shopify's path rules: a path is stored relative to the
// shop (a full URL is cut to its path and query), unique per shop ignoring case, at most 1024
// characters, never the same as its target, never under /admin.
import type { Args, RequestContext, ResolverModule } from '../graphql/context.ts';
import { type Filter, listRows, textFilter, type ListSpec } from './listing.ts';
import { gid, parseGid } from './ids.ts';

export const MAX_PATH_LENGTH = 1024;

interface RedirectRow {
  id: string;
  shop: string;
  path: string;
  target: string;
}

type Problem = { __typename: 'UrlRedirectUserError'; field: string[]; message: string; code: string };

function redirectObject(row: RedirectRow) {
  return { __typename: 'UrlRedirect', id: gid('UrlRedirect', row.id), path: row.path, target: row.target };
}

/** "https://old-shop.com/a/b?x=1" and "a/b?x=1" both become "/a/b?x=1". */
export function normalizePath(raw: string): string {
  const text = raw.trim();
  if (/^https?:\/\//i.test(text) && URL.canParse(text)) {
    const url = new URL(text);
    return `${url.pathname}${url.search}`;
  }
  return text.startsWith('/') ? text : `/${text}`;
}

/** The rules that need no lookup: which field is wrong and why, or nothing. */
export function ruleBroken(path: string, target: string): { field: 'path' | 'target'; message: string } | undefined {
  if (path === '/' || !path.trim()) return { field: 'path', message: "Path can't be blank" };
  if (path.length > MAX_PATH_LENGTH)
    return { field: 'path', message: `Path is too long (maximum is ${MAX_PATH_LENGTH} characters)` };
  if (/^\/admin(\/|$|\?)/i.test(path)) return { field: 'path', message: "Path can't be under /admin" };
  if (!target.trim()) return { field: 'target', message: "Target can't be blank" };
  if (path === normalizePath(target)) return { field: 'target', message: "Target can't be the same as path" };
  return undefined;
}

async function problems(
  context: RequestContext,
  path: string,
  target: string,
  code: string,
  exceptId?: string,
): Promise<Problem[]> {
  const broken = ruleBroken(path, target);
  if (broken)
    return [
      { __typename: 'UrlRedirectUserError', field: ['urlRedirect', broken.field], message: broken.message, code },
    ];
  const { rowCount } = await context.pool.query(
    'SELECT 1 FROM devstore.url_redirects WHERE shop = $1 AND lower(path) = lower($2) AND ($3::bigint IS NULL OR id <> $3)',
    [context.shop.domain, path, exceptId ?? null],
  );
  return rowCount
    ? [
        {
          __typename: 'UrlRedirectUserError',
          field: ['urlRedirect', 'path'],
          message: 'Path has already been taken',
          code,
        },
      ]
    : [];
}

async function urlRedirectCreate(args: Args, context: RequestContext) {
  const input = args.urlRedirect as { path?: string | null; target?: string | null };
  const path = normalizePath(input.path ?? '');
  const target = input.target ?? '';
  const errors = await problems(context, path, target, 'CREATE_FAILED');
  if (errors.length) return { __typename: 'UrlRedirectCreatePayload', urlRedirect: null, userErrors: errors };
  try {
    const { rows } = await context.pool.query<RedirectRow>(
      'INSERT INTO devstore.url_redirects (shop, path, target) VALUES ($1, $2, $3) RETURNING *',
      [context.shop.domain, path, target.trim()],
    );
    return {
      __typename: 'UrlRedirectCreatePayload',
      urlRedirect: redirectObject(rows[0] as RedirectRow),
      userErrors: [],
    };
  } catch (error) {
    // Two creates for one path at once: the unique index decides, as Shopify's would.
    if ((error as { code?: string }).code === '23505') {
      return {
        __typename: 'UrlRedirectCreatePayload',
        urlRedirect: null,
        userErrors: [
          {
            __typename: 'UrlRedirectUserError',
            field: ['urlRedirect', 'path'],
            message: 'Path has already been taken',
            code: 'CREATE_FAILED',
          },
        ],
      };
    }
    throw error;
  }
}

async function findRedirect(context: RequestContext, id: unknown): Promise<RedirectRow | undefined> {
  const numeric = parseGid(id, 'UrlRedirect');
  if (!numeric) return undefined;
  const { rows } = await context.pool.query<RedirectRow>(
    'SELECT * FROM devstore.url_redirects WHERE shop = $1 AND id = $2',
    [context.shop.domain, numeric],
  );
  return rows[0];
}

async function urlRedirectUpdate(args: Args, context: RequestContext) {
  const existing = await findRedirect(context, args.id);
  const notFound: Problem = {
    __typename: 'UrlRedirectUserError',
    field: ['id'],
    message: 'Redirect does not exist',
    code: 'DOES_NOT_EXIST',
  };
  if (!existing) return { __typename: 'UrlRedirectUpdatePayload', urlRedirect: null, userErrors: [notFound] };
  const input = args.urlRedirect as { path?: string | null; target?: string | null };
  const path = input.path ? normalizePath(input.path) : existing.path;
  const target = input.target ?? existing.target;
  const errors = await problems(context, path, target, 'UPDATE_FAILED', existing.id);
  if (errors.length) return { __typename: 'UrlRedirectUpdatePayload', urlRedirect: null, userErrors: errors };
  const { rows } = await context.pool.query<RedirectRow>(
    'UPDATE devstore.url_redirects SET path = $2, target = $3 WHERE id = $1 RETURNING *',
    [existing.id, path, target],
  );
  return {
    __typename: 'UrlRedirectUpdatePayload',
    urlRedirect: redirectObject(rows[0] as RedirectRow),
    userErrors: [],
  };
}

async function urlRedirectDelete(args: Args, context: RequestContext) {
  const existing = await findRedirect(context, args.id);
  if (!existing)
    return {
      __typename: 'UrlRedirectDeletePayload',
      deletedUrlRedirectId: null,
      userErrors: [
        {
          __typename: 'UrlRedirectUserError',
          field: ['id'],
          message: 'Redirect does not exist',
          code: 'DOES_NOT_EXIST',
        },
      ],
    };
  await context.pool.query('DELETE FROM devstore.url_redirects WHERE id = $1', [existing.id]);
  return {
    __typename: 'UrlRedirectDeletePayload',
    deletedUrlRedirectId: gid('UrlRedirect', existing.id),
    userErrors: [],
  };
}

/**
 * `id:1234`, `id:>=1234`, `id:<=1234` (and `>`/`<`): the range the urlRedirects query documents
 * ("Filter by `id` range"); anything but a number is ignored, as other lists ignore it.
 */
const idRange: Filter = (value, param) => {
  const match = /^([<>]=?)?(\d{1,18})$/.exec(value);
  return match?.[2] ? `id ${match[1] ?? '='} ${param(match[2])}::bigint` : undefined;
};

const URL_REDIRECTS: ListSpec = {
  name: 'urlRedirects',
  table: 'devstore.url_redirects',
  filters: { path: textFilter('path'), target: textFilter('target'), id: idRange },
};

export const redirectsModule: ResolverModule = {
  nodes: {
    UrlRedirect: async (context, id) => {
      const row = await findRedirect(context, gid('UrlRedirect', id));
      return row ? redirectObject(row) : null;
    },
  },
  queries: {
    urlRedirects: (args, context) => listRows<RedirectRow>(context, args, URL_REDIRECTS, redirectObject),
    urlRedirect: async (args, context) => {
      const row = await findRedirect(context, args.id);
      return row ? redirectObject(row) : null;
    },
  },
  mutations: { urlRedirectCreate, urlRedirectUpdate, urlRedirectDelete },
};
