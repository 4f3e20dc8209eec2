// WordPress text as it arrives (titles with HTML entities, percent-encoded slugs, SEO plugin
// templates in meta_data, prices as strings) turned into plain values for the canonical model.

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  euro: '€',
};

/** WordPress stores term names and often titles with entities ("Mugs &amp; Cups"). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

/** WordPress keeps non-ASCII slugs percent-encoded ("%e6%9d%b1%e4%ba%ac-cafe"). */
export function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}

/** The path of a permalink, or null when it is WordPress's ?p=123 link for something not published. */
export function permalinkPath(permalink: string): string | null {
  if (!permalink) return null;
  try {
    const url = new URL(permalink);
    if (url.searchParams.has('p') || url.searchParams.has('post_type') || url.pathname === '/') return null;
    return url.pathname;
  } catch {
    return null;
  }
}

/** A money amount as WooCommerce should send it ("12.50"); null when empty, an error when it does not parse. */
export function parseAmount(value: string): { ok: true; amount: string | null } | { ok: false } {
  const text = value.trim();
  if (text === '') return { ok: true, amount: null };
  if (!/^\d+(\.\d+)?$/.test(text)) return { ok: false };
  return { ok: true, amount: text };
}

export function parseMeasure(value: string): number | null {
  const number = Number(value.trim());
  return value.trim() !== '' && Number.isFinite(number) && number >= 0 ? number : null;
}

/** Where Yoast SEO, Rank Math and All in One SEO (v4 and the older Pack) keep a post's SEO fields. */
const SEO_TITLE_KEYS = ['_yoast_wpseo_title', 'rank_math_title', '_aioseo_title', '_aioseop_title'];
const SEO_DESCRIPTION_KEYS = [
  '_yoast_wpseo_metadesc',
  'rank_math_description',
  '_aioseo_description',
  '_aioseop_description',
];

/**
 * SEO plugins store templates: Yoast "%%title%% %%sep%% %%sitename%%", Rank Math "%title% %sep%
 * %sitename%", AIOSEO "#post_title #separator_sa #site_title". Fill the common variables and drop the rest.
 */
function fillTemplate(template: string, title: string, siteName: string): string {
  const values: Record<string, string> = {
    title,
    post_title: title,
    sitename: siteName,
    site_title: siteName,
    sep: '-',
    separator_sa: '-',
  };
  return template
    .replace(/%%(\w+)%%|%(\w+)%|#(\w+)/g, (whole, yoast?: string, rankMath?: string, aioseo?: string) => {
      const name = yoast ?? rankMath ?? aioseo ?? '';
      if (aioseo && !(name in values)) return whole;
      return values[name] ?? '';
    })
    .replace(/\s+/g, ' ')
    .trim();
}

export function seoFields(
  meta: { key: string; value: unknown }[],
  title: string,
  siteName: string,
): { title: string | null; description: string | null } {
  const find = (keys: string[]) => {
    for (const key of keys) {
      const value = meta.find((entry) => entry.key === key)?.value;
      if (typeof value === 'string' && value.trim() !== '') return fillTemplate(value, title, siteName) || null;
    }
    return null;
  };
  return { title: find(SEO_TITLE_KEYS), description: find(SEO_DESCRIPTION_KEYS) };
}

/** A metafield key from an attribute name: Shopify allows letters, digits, "_" and "-", 64 at most. */
export function metafieldKey(prefix: string, name: string): string {
  const slug = decodeEntities(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return `${prefix}${slug || 'unnamed'}`.slice(0, 64);
}
