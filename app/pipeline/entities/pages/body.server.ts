// Rewrites a page's or post's HTML body: each <a href> and <img src> is offered to the caller, which
// answers the new address or null to leave it. A rewritten image loses its srcset and sizes: they list
// the old site's resized copies, which go when the old site goes, and Shopify's CDN serves any width of
// the one uploaded file (https://shopify.dev/docs/api/liquid/filters/image_url). Everything else in
// the markup is left byte for byte as it was.

export interface BodyRewrite {
  link: (href: string) => string | null;
  image: (src: string) => string | null;
}

const TAG = /<(a|img)\b[^>]*>/gi;
const ATTRIBUTE = (name: string) => new RegExp(`(\\s${name}\\s*=\\s*)("([^"]*)"|'([^']*)')`, 'i');

function attribute(tag: string, name: string): string | null {
  const match = ATTRIBUTE(name).exec(tag);
  return match ? decodeAmp(match[3] ?? match[4] ?? '') : null;
}

/** Attribute values arrive with "&amp;" for "&" (WordPress writes ?page_id=1&amp;x=2). */
function decodeAmp(value: string): string {
  return value.replace(/&amp;/g, '&').replace(/&#0?38;/g, '&');
}

function encodeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

function withAttribute(tag: string, name: string, value: string): string {
  return tag.replace(ATTRIBUTE(name), (_whole, before: string) => `${before}"${encodeAttribute(value)}"`);
}

function without(tag: string, name: string): string {
  return tag.replace(ATTRIBUTE(name), '');
}

/** The addresses a body links to and the images it shows, as written (entities decoded). */
export function bodyReferences(html: string): { links: string[]; images: string[] } {
  const links: string[] = [];
  const images: string[] = [];
  for (const match of html.matchAll(TAG)) {
    const tag = match[0];
    const isImage = (match[1] ?? '').toLowerCase() === 'img';
    const value = attribute(tag, isImage ? 'src' : 'href');
    if (value) (isImage ? images : links).push(value);
  }
  return { links, images };
}

export function rewriteBody(html: string, rewrite: BodyRewrite): string {
  return html.replace(TAG, (tag, name: string) => {
    if (name.toLowerCase() === 'a') {
      const href = attribute(tag, 'href');
      const target = href === null ? null : rewrite.link(href);
      return target === null ? tag : withAttribute(tag, 'href', target);
    }
    const src = attribute(tag, 'src');
    const uploaded = src === null ? null : rewrite.image(src);
    return uploaded === null ? tag : without(without(withAttribute(tag, 'src', uploaded), 'srcset'), 'sizes');
  });
}
