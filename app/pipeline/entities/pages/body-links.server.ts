// Where a link inside a page's or post's body leads in Shopify. Links to the old store's products,
// categories, pages and posts — by permalink, or WordPress's ?p=ID / ?page_id=ID forms — become the
// Shopify path of what they moved to (/products/h, /collections/h, /pages/h, /blogs/b/h); a link to
// WooCommerce's cart, checkout, account or shop page becomes Shopify's own. Pages are written after
// products and collections (plan.server.ts LOAD_ORDER), so those are known by then; a page or post
// this migration writes later (a page linking to a post) gets its old path on the new domain, which
// the redirects step turns into a 301 to its new address — never a guessed handle. A link to
// anything else on the old site that did not move is left as it is and reported.
import { db } from '../../../db/db.server.ts';
import { type RedirectedEntity, redirectPath, redirectTarget } from '../redirects/input.server.ts';
import { shopifysOwnPage } from '../policies/store-pages.server.ts';

export type LinkOutcome = { to: string } | { notMoved: true } | null;

interface Reference {
  id: string | null;
  path: string | null;
  fragment: string;
}

/** WordPress's own files and endpoints, not pages of the store. */
const NOT_CONTENT = /^\/(wp-content|wp-admin|wp-includes|wp-json|feed)(\/|$)|^\/wp-login\.php/;

const normalPath = (path: string) => redirectPath(path).toLowerCase();

/** What an href on the old site points at, or null for a link elsewhere (or to the home page, which stays "/"). */
export function oldSiteReference(href: string, siteUrl: string): Reference | null {
  let url: URL;
  try {
    url = new URL(href, siteUrl);
  } catch {
    return null;
  }
  if (url.host !== new URL(siteUrl).host || !/^https?:$/.test(url.protocol) || NOT_CONTENT.test(url.pathname))
    return null;
  const id = url.searchParams.get('page_id') ?? url.searchParams.get('p');
  if (id !== null && /^\d+$/.test(id)) return { id, path: null, fragment: url.hash };
  if (url.pathname === '/' || url.pathname === '') return null;
  return { id: null, path: normalPath(url.pathname), fragment: url.hash };
}

interface Known {
  entity: RedirectedEntity;
  sourceId: string;
  migrationId: string;
  status: string;
  sourcePath: string | null;
  storePage: string | null;
  handle: string | null;
}

/** Resolves every link of a batch's bodies with one query over what the shop's migrations staged and wrote. */
export async function linkResolver(
  migrationId: string,
  shop: string,
  platform: string,
  siteUrl: string,
  hrefs: string[],
): Promise<(href: string) => LinkOutcome> {
  const references = new Map(hrefs.map((href) => [href, oldSiteReference(href, siteUrl)]));
  const ids = [...new Set([...references.values()].flatMap((reference) => (reference?.id ? [reference.id] : [])))];
  const paths = [
    ...new Set([...references.values()].flatMap((reference) => (reference?.path ? [reference.path] : []))),
  ];
  if (ids.length === 0 && paths.length === 0) return () => null;
  // The newest staging of each record; WordPress ids are one sequence over every post type, so ?p= finds a product, page or post.
  const rows = await db().$queryRaw<Known[]>`
    SELECT DISTINCT ON (r.entity, r."sourceId") r.entity, r."sourceId", r."migrationId", r.status, r.data->>'sourcePath' AS "sourcePath", r.data->>'storePage' AS "storePage", m.handle
    FROM "SourceRecord" r
    LEFT JOIN "IdMapEntry" m ON m.shop = r.shop AND m.platform = ${platform} AND m.entity = r.entity AND m."sourceId" = r."sourceId"
    WHERE r.shop = ${shop} AND r.entity IN ('products', 'collections', 'pages', 'blogPosts')
      AND ((r.entity <> 'collections' AND r."sourceId" = ANY(${ids}::text[])) OR lower(rtrim(r.data->>'sourcePath', '/')) = ANY(${paths}::text[]))
    ORDER BY r.entity, r."sourceId", r.id DESC`;
  const byId = new Map(rows.filter((row) => row.entity !== 'collections').map((row) => [row.sourceId, row]));
  const byPath = new Map(
    rows.filter((row) => row.sourcePath).map((row) => [normalPath(row.sourcePath as string), row]),
  );
  return (href) => {
    const reference = references.get(href);
    if (!reference) return null;
    const known = reference.id ? byId.get(reference.id) : byPath.get(reference.path ?? '');
    if (!known) return { notMoved: true };
    const own =
      known.entity === 'pages' ? shopifysOwnPage({ storePage: (known.storePage ?? undefined) as never }) : null;
    if (own) return { to: own.path + reference.fragment };
    if (known.handle) return { to: redirectTarget(known.entity, known.handle) + reference.fragment };
    // Written later in this migration: its old path, which the redirects step points at its new address.
    if (known.migrationId === migrationId && known.status === 'staged' && known.sourcePath)
      return { to: redirectPath(known.sourcePath) + reference.fragment };
    return { notMoved: true };
  };
}
