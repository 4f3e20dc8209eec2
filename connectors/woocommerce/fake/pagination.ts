// WordPress REST collection paging: `page` and `per_page` (1 to 100, else 400 rest_invalid_param),
// the X-WP-Total and X-WP-TotalPages headers and a Link header to the neighbouring pages.

export interface JsonReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function wooError(
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): JsonReply {
  return { status, body: { code, message, data: { status, ...extra } } };
}

function invalidParam(name: string, problem: string): JsonReply {
  return wooError(400, 'rest_invalid_param', `Invalid parameter(s): ${name}`, {
    params: { [name]: problem },
    details: { [name]: { code: 'rest_invalid_param', message: problem, data: null } },
  });
}

export interface PageRequest {
  page: number;
  perPage: number;
}

export function readPage(url: URL): PageRequest | JsonReply {
  const perPageText = url.searchParams.get('per_page') ?? '10';
  const pageText = url.searchParams.get('page') ?? '1';
  const perPage = Number(perPageText);
  const page = Number(pageText);
  if (!/^\d+$/.test(perPageText) || perPage < 1 || perPage > 100)
    return invalidParam('per_page', 'per_page must be between 1 (inclusive) and 100 (inclusive)');
  if (!/^\d+$/.test(pageText) || page < 1) return invalidParam('page', 'page must be greater than or equal to 1');
  return { page, perPage };
}

/** One page of a collection of `total` items; `slice` builds only the items on that page. */
export function pageReply(
  url: URL,
  request: PageRequest,
  total: number,
  slice: (offset: number, count: number) => unknown[],
): JsonReply {
  const totalPages = Math.ceil(total / request.perPage);
  const offset = (request.page - 1) * request.perPage;
  const count = Math.max(0, Math.min(request.perPage, total - offset));
  const links: string[] = [];
  const linkTo = (page: number, rel: string) => {
    const target = new URL(url.pathname, url);
    for (const [name, value] of new Map(url.searchParams))
      if (!name.startsWith('oauth_') && !name.startsWith('consumer_')) target.searchParams.set(name, value);
    target.searchParams.set('page', String(page));
    links.push(`<${target.href}>; rel="${rel}"`);
  };
  if (request.page > 1 && request.page <= totalPages + 1) linkTo(request.page - 1, 'prev');
  if (request.page < totalPages) linkTo(request.page + 1, 'next');
  const headers: Record<string, string> = { 'X-WP-Total': String(total), 'X-WP-TotalPages': String(totalPages) };
  if (links.length > 0) headers.Link = links.join(', ');
  return { status: 200, body: count > 0 ? slice(offset, count) : [], headers };
}

/** An in-memory collection, for the small ones (categories, tags). */
export function listReply(url: URL, items: unknown[]): JsonReply {
  const request = readPage(url);
  if (!('page' in request)) return request;
  return pageReply(url, request, items.length, (offset, count) => items.slice(offset, offset + count));
}
