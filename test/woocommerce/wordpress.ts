// WordPress's own REST routes for pages and posts (/wp-json/wp/v2/pages and /posts), as WordPress
// answers a visitor: WooCommerce's API keys authenticate only WooCommerce's routes (wc/…), so here
// every caller is anonymous, sees published items only, and may not ask for other statuses or the
// edit context. Paging, ordering, modified_after (WordPress 5.7+) and _embed as WordPress documents.
import type { IncomingMessage } from 'node:http';
import type { Catalog } from './catalog.ts';
import { contentJson, embedded, type SeededContent } from './content.ts';
import type { JsonReply } from './pagination.ts';
import { pageReply, readPage, wooError } from './pagination.ts';

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)?$/;

function invalidParam(name: string, problem: string): JsonReply {
  return wooError(400, 'rest_invalid_param', `Invalid parameter(s): ${name}`, { params: { [name]: problem }, details: { [name]: { code: 'rest_invalid_param', message: problem, data: null } } });
}

/** A date parameter as WordPress reads it: with an offset it is absolute, without one it is the site's local time. */
function instant(value: string, offsetMinutes: number): number {
  const zoned = /(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})$/i.test(value);
  const parsed = Date.parse(zoned ? value : `${value}Z`);
  return zoned ? parsed : parsed - offsetMinutes * 60_000;
}

function collection(catalog: Catalog, url: URL, count: number, itemAt: (index: number) => SeededContent): JsonReply {
  const request = readPage(url);
  if (!('page' in request)) return request;
  if (url.searchParams.get('context') === 'edit') return wooError(401, 'rest_forbidden_context', 'Sorry, you are not allowed to edit posts in this post type.');
  const statuses = (url.searchParams.get('status') ?? 'publish').split(',');
  if (statuses.some((status) => status !== 'publish')) return wooError(401, 'rest_forbidden_status', 'Status is forbidden.');
  const modifiedAfter = url.searchParams.get('modified_after');
  if (modifiedAfter !== null && !RFC3339.test(modifiedAfter)) return invalidParam('modified_after', 'Invalid date.');
  const after = modifiedAfter === null ? null : instant(modifiedAfter, catalog.store.offsetMinutes);
  const orderby = url.searchParams.get('orderby') ?? 'date';
  if (!['date', 'id', 'modified', 'slug', 'title'].includes(orderby)) return invalidParam('orderby', 'orderby is not one of author, date, id, include, modified, parent, relevance, slug, include_slugs, title.');

  const items: SeededContent[] = [];
  for (let index = 1; index <= count; index++) {
    const item = itemAt(index);
    if (item.status === 'publish' && (after === null || item.modified.getTime() > after)) items.push(item);
  }
  const key = (item: SeededContent): number | string => (orderby === 'id' ? item.id : orderby === 'modified' ? item.modified.getTime() : orderby === 'slug' ? item.slug : orderby === 'title' ? item.title : item.created.getTime());
  items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id));
  if ((url.searchParams.get('order') ?? 'desc') === 'desc') items.reverse();

  const totalPages = Math.ceil(items.length / request.perPage);
  if (request.page > 1 && request.page > totalPages) return wooError(400, 'rest_post_invalid_page_number', 'The page number requested is larger than the number of pages available.');
  const embed = url.searchParams.has('_embed') ? (url.searchParams.get('_embed') ?? '') : null;
  return pageReply(url, request, items.length, (offset, size) =>
    items.slice(offset, offset + size).map((item) => {
      const json = contentJson(catalog.store, item);
      const related = embedded(catalog.store, item, embed);
      return related ? { ...json, _embedded: related } : json;
    }),
  );
}

/**
 * The answer for a wp/v2 route (path after /wp-json/wp/v2), or null when there is none. A Basic
 * Authorization header is taken as an application password over https, as WordPress 5.6+ does, and
 * WooCommerce's keys are no WordPress user: 401.
 */
export function wordpressRoute(catalog: Catalog, route: string, url: URL, request: IncomingMessage, secure: boolean): JsonReply | null {
  if (secure && request.headers.authorization?.startsWith('Basic ')) {
    return wooError(401, 'invalid_username', '<strong>Error:</strong> The username is not registered on this site. If you are unsure of your username, try your email address instead.');
  }
  switch (route) {
    case '/pages':
      return collection(catalog, url, catalog.counts.pages, (index) => catalog.pageAt(index));
    case '/posts':
      return collection(catalog, url, catalog.counts.posts, (index) => catalog.postAt(index));
  }
  return null;
}
