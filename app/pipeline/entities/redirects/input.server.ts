// The 301s that keep search rankings: each old product, collection, page and post URL points at the
// new Shopify URL, and each old listing (tag, category and shop pages) at Shopify's listing of the
// same. Paths Shopify refuses come back as userErrors and land in the report.
import { toShopifyHandle } from '../../../shopify-admin/handles.server.ts';

// A blog post's handle in the id map is its path below /blogs/: the blog's handle, then the article's.
const TARGET_PREFIX = {
  products: '/products/',
  collections: '/collections/',
  pages: '/pages/',
  blogPosts: '/blogs/',
} as const;

/** What had a URL on the old store: the records whose old URL becomes a 301 to their new one. */
export type RedirectedEntity = keyof typeof TARGET_PREFIX;
export const REDIRECTED_ENTITIES = Object.keys(TARGET_PREFIX) as RedirectedEntity[];

/** The new URL of what moved, from the handle the id map keeps for it. */
export function redirectTarget(entity: RedirectedEntity, handle: string): string {
  return `${TARGET_PREFIX[entity]}${handle}`;
}

/** A path as the letters it stands for: "/products/%E6%9D%B1%E4%BA%AC" is "/products/東京". */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path).normalize('NFC');
  } catch {
    return path; // a stray "%" that is not an escape: compared as written
  }
}

/**
 * Whether the old URL already is the new one, so no redirect is needed: a unicode handle kept
 * from a percent-encoded slug is the same address, and Shopify matches paths ignoring case.
 */
export function isSameAddress(oldPath: string, newPath: string): boolean {
  return decodedPath(oldPath).toLowerCase() === decodedPath(newPath).toLowerCase();
}

/**
 * The old path as Shopify stores it: no scheme or host, no trailing slash (WordPress permalinks end
 * in one), percent-encoded characters kept as they were.
 */
export function redirectPath(sourcePath: string): string {
  let path = sourcePath.trim();
  try {
    if (/^https?:\/\//i.test(path)) path = new URL(path).pathname + new URL(path).search;
  } catch {
    // not a URL after all; keep it as written and let Shopify judge
  }
  if (!path.startsWith('/')) path = `/${path}`;
  const queryAt = path.indexOf('?');
  const [pathname, query] = queryAt === -1 ? [path, ''] : [path.slice(0, queryAt), path.slice(queryAt)];
  return (pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname) + query;
}

/**
 * Where an old catalog listing leads in Shopify: a tag's page (WooCommerce /product-tag/organic/) to
 * the catalog filtered by that tag, "/collections/all/[tag-handle]", the tag handleized
 * (https://shopify.dev/docs/storefronts/themes/navigation-search/filtering/tag-filtering); the shop
 * page (no tag) to the catalog itself, /collections/all.
 */
export function catalogListingTarget(tag: string | null): string {
  return tag === null ? '/collections/all' : `/collections/all/${toShopifyHandle(tag)}`;
}

/**
 * Where an old blog listing leads: a category or tag page to the blog's articles with that tag,
 * "/blogs/[blog-handle]/tagged/[tag-handle]"
 * (https://shopify.dev/docs/storefronts/themes/architecture/templates/blog, filtering by tag); a
 * page with no tag of its own (WordPress's default category) to the blog.
 */
export function blogListingTarget(blogHandle: string, tag: string | null): string {
  return tag === null ? `/blogs/${blogHandle}` : `/blogs/${blogHandle}/tagged/${toShopifyHandle(tag)}`;
}
