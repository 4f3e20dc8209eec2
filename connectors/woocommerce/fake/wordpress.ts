// WordPress's own REST routes for pages and posts (/wp-json/wp/v2/pages and /posts) and users/me.
// WooCommerce's API keys authenticate only WooCommerce's routes (wc/…), so a caller without a
// WordPress application password (wordpress-users.ts) is a visitor: published items only, no other
// statuses, no edit context. A logged-in user may ask for other statuses and the edit context as
// their role allows, and sees others' drafts and private items only as an Editor or Administrator.
// Paging, ordering, modified_after (WordPress 5.7+) and _embed as WordPress documents.
import type { IncomingMessage } from 'node:http';
import type { Catalog } from './catalog.ts';
import { contentJson, embedded, type SeededContent } from './content.ts';
import type { JsonReply } from './pagination.ts';
import { pageReply, readPage, wooError } from './pagination.ts';
import { wooPage } from './real-products.ts';
import { type WpUser, authenticatedUser, can, currentUserReply } from './wordpress-users.ts';

/** rest_authorization_required_code(): 401 for a visitor, 403 for a user who lacks the right. */
const refusedCode = (user: WpUser | null) => (user ? 403 : 401);

/** WP_REST_Posts_Controller::check_read_permission, for the statuses the seeded site has. */
function readable(user: WpUser | null, item: SeededContent): boolean {
  if (item.status === 'publish') return true;
  if (!user) return false;
  const plural = item.type === 'page' ? 'pages' : 'posts';
  if (item.status === 'private') return item.author === user.id || can(user, `read_private_${plural}`);
  return item.author === user.id || can(user, `edit_others_${plural}`);
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)?$/;

function invalidParam(name: string, problem: string): JsonReply {
  return wooError(400, 'rest_invalid_param', `Invalid parameter(s): ${name}`, {
    params: { [name]: problem },
    details: { [name]: { code: 'rest_invalid_param', message: problem, data: null } },
  });
}

/** A date parameter as WordPress reads it: with an offset it is absolute, without one it is the site's local time. */
function instant(value: string, offsetMinutes: number): number {
  const zoned = /(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})$/i.test(value);
  const parsed = Date.parse(zoned ? value : `${value}Z`);
  return zoned ? parsed : parsed - offsetMinutes * 60_000;
}

function collection(
  catalog: Catalog,
  url: URL,
  count: number,
  itemAt: (index: number) => SeededContent,
  type: 'pages' | 'posts',
  user: WpUser | null,
): JsonReply {
  const request = readPage(url);
  if (!('page' in request)) return request;
  const edit = url.searchParams.get('context') === 'edit';
  const mayEdit = user !== null && can(user, `edit_${type}`);
  if (edit && !mayEdit)
    return wooError(
      refusedCode(user),
      'rest_forbidden_context',
      'Sorry, you are not allowed to edit posts in this post type.',
    );
  const statuses = (url.searchParams.get('status') ?? 'publish').split(',');
  // sanitize_post_statuses: any status but the default needs edit_posts (private: read_private_posts too will do).
  const allowed = (status: string) =>
    status === 'publish' || mayEdit || (status === 'private' && user !== null && can(user, `read_private_${type}`));
  if (!statuses.every(allowed)) return wooError(refusedCode(user), 'rest_forbidden_status', 'Status is forbidden.');
  const modifiedAfter = url.searchParams.get('modified_after');
  if (modifiedAfter !== null && !RFC3339.test(modifiedAfter)) return invalidParam('modified_after', 'Invalid date.');
  const after = modifiedAfter === null ? null : instant(modifiedAfter, catalog.store.offsetMinutes);
  const orderby = url.searchParams.get('orderby') ?? 'date';
  if (!['date', 'id', 'modified', 'slug', 'title'].includes(orderby))
    return invalidParam(
      'orderby',
      'orderby is not one of author, date, id, include, modified, parent, relevance, slug, include_slugs, title.',
    );

  const items: SeededContent[] = [];
  for (let index = 1; index <= count; index++) {
    const item = itemAt(index);
    if (statuses.includes(item.status) && readable(user, item) && (after === null || item.modified.getTime() > after))
      items.push(item);
  }
  const key = (item: SeededContent): number | string =>
    orderby === 'id'
      ? item.id
      : orderby === 'modified'
        ? item.modified.getTime()
        : orderby === 'slug'
          ? item.slug
          : orderby === 'title'
            ? item.title
            : item.created.getTime();
  items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id));
  if ((url.searchParams.get('order') ?? 'desc') === 'desc') items.reverse();

  const totalPages = Math.ceil(items.length / request.perPage);
  if (request.page > 1 && request.page > totalPages)
    return wooError(
      400,
      'rest_post_invalid_page_number',
      'The page number requested is larger than the number of pages available.',
    );
  const embed = url.searchParams.has('_embed') ? (url.searchParams.get('_embed') ?? '') : null;
  return pageReply(url, request, items.length, (offset, size) =>
    items.slice(offset, offset + size).map((item) => {
      const json = contentJson(catalog.store, item, edit);
      const related = embedded(catalog.store, item, embed);
      return related ? { ...json, _embedded: related } : json;
    }),
  );
}

/**
 * The answer for a wp/v2 route (path after /wp-json/wp/v2), or null when there is none. A Basic
 * Authorization header is taken as an application password where WordPress supports them (https, or
 * a local site), as WordPress 5.6+ does:
 * WooCommerce's keys are no WordPress user (401 invalid_username), a seeded user's password logs in.
 */
export function wordpressRoute(
  catalog: Catalog,
  route: string,
  url: URL,
  request: IncomingMessage,
  applicationPasswords: boolean,
): JsonReply | null {
  const login = authenticatedUser(request, applicationPasswords);
  if (login && 'body' in login) return login;
  const user = login;
  switch (route) {
    case '/users/me':
      return currentUserReply(catalog.store.siteUrl, user, url);
    case '/pages':
      return collection(catalog, url, catalog.counts.pages, (index) => catalog.pageAt(index), 'pages', user);
    case '/posts':
      return collection(catalog, url, catalog.counts.posts, (index) => catalog.postAt(index), 'posts', user);
  }
  // One page by id (WooCommerce's own pages, realProducts on); WordPress answers an unknown id so.
  const page = /^\/pages\/(\d+)$/.exec(route);
  if (page && catalog.wooPages) {
    const found = wooPage(catalog.store, Number(page[1]));
    return found ? { status: 200, body: found } : wooError(404, 'rest_post_invalid_id', 'Invalid post ID.');
  }
  return null;
}
