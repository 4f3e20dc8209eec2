// WordPress pages and posts (wp/v2 with _embed) as canonical pages and blog posts. Titles arrive
// rendered (texturized, with entities), slugs percent-encoded when not Latin, the author, featured
// image and terms embedded. Read with a WordPress login (context=edit) they include drafts, private,
// scheduled and password-protected items: only published ones are published in Shopify, a scheduled
// one keeps its date, and a password-protected one (Shopify has no such thing) moves hidden. Read as
// a visitor, a password-protected one has no content and is kept out with the reason, as is one
// without a title. SEO titles and descriptions come from Yoast SEO's `yoast_head_json`
// (https://developer.yoast.com/customization/apis/rest-api/); WooCommerce's and WordPress's own
// pages are marked (store-pages.ts).
import { z } from 'zod';
import { BlogPost, Page, type StorePage } from '../model.ts';
import type { Extracted } from '../source-connector.ts';
import { gmt, schemaReason } from './responses.ts';
import { storePageRole } from './store-pages.ts';
import { decodeEntities, decodeSlug, permalinkPath } from './text.ts';

// `raw` comes only in the edit context (a WordPress login).
const Rendered = z.object({
  rendered: z
    .string()
    .nullish()
    .transform((value) => value ?? ''),
  raw: z.string().optional(),
  protected: z.boolean().optional(),
});

const WpContent = z.object({
  id: z.number().int(),
  date_gmt: z.string().nullish(),
  modified_gmt: z.string().nullish(),
  slug: z
    .string()
    .nullish()
    .transform((value) => value ?? ''),
  status: z.string(),
  link: z
    .string()
    .nullish()
    .transform((value) => value ?? ''),
  title: Rendered,
  content: Rendered,
  excerpt: Rendered.optional(),
  author: z.number().int().nullish(),
  featured_media: z.number().int().nullish(),
  yoast_head_json: z.object({ title: z.string().nullish(), description: z.string().nullish() }).passthrough().nullish(),
  _embedded: z
    .object({
      author: z.array(z.unknown()).optional(),
      'wp:featuredmedia': z.array(z.unknown()).optional(),
      'wp:term': z.array(z.array(z.unknown())).optional(),
    })
    .optional(),
});
type WpContent = z.infer<typeof WpContent>;

// Embedded objects WordPress could not load arrive as error bodies ({ code, message, data }) instead.
const EmbeddedAuthor = z.object({ name: z.string() });
const EmbeddedMedia = z.object({ id: z.number().int(), source_url: z.string(), alt_text: z.string().nullish() });
const EmbeddedTerm = z.object({
  name: z.string(),
  slug: z.string(),
  taxonomy: z.string(),
  link: z.string().optional(),
});

export interface ContentContext {
  /** Who wrote a post whose author WordPress cannot name (a deleted account): the site itself. */
  siteName: string;
}

export interface PageContext extends ContentContext {
  /** The pages WooCommerce's settings name (store-pages.ts). */
  storePages: Map<number, StorePage>;
}

function unreadable(raw: unknown, what: string, error: z.ZodError): Extracted {
  return {
    ok: false,
    sourceId: null,
    reason: `WordPress sent ${what} Shipyard cannot read (${schemaReason(error)})`,
    raw,
  };
}

function result(schema: z.ZodType, candidate: unknown, sourceId: string, raw: unknown, what: string): Extracted {
  const parsed = schema.safeParse(candidate);
  if (!parsed.success)
    return {
      ok: false,
      sourceId,
      reason: `${what} does not fit Shipyard’s model (${schemaReason(parsed.error)})`,
      raw,
    };
  return { ok: true, sourceId, record: parsed.data, raw };
}

/** Why this item cannot move as it is, or null. */
function refusal(item: WpContent, kind: 'page' | 'post', title: string): string | null {
  if (title === '')
    return `The ${kind} ${item.id} (${item.link || item.slug}) has no title, and Shopify needs one. Give it a title in WordPress and run the migration again.`;
  if (item.content.protected && !readable(item)) {
    return `The ${kind} “${title}” is password-protected: WordPress does not send its content without the password, and Shopify ${kind === 'page' ? 'pages' : 'articles'} cannot have one. Remove the password in WordPress (or copy the ${kind} by hand) to move it.`;
  }
  return null;
}

/** In the edit context WordPress sends a protected item's content (and its password) to whoever may edit it. */
function readable(item: WpContent): boolean {
  return item.content.raw !== undefined;
}

/**
 * Published stays published; scheduled ("future") is published at its date, which Shopify keeps as a
 * scheduled publication; drafts, pending and private items, and protected ones, move hidden.
 */
function published(item: WpContent): boolean {
  return (item.status === 'publish' || item.status === 'future') && !item.content.protected;
}

/**
 * Yoast's title is always there, made from its template when the merchant set none: one that only
 * says the title and the site's name is what Shopify's themes show anyway, so it is left out.
 */
function seo(item: WpContent, title: string, siteName: string) {
  const head = item.yoast_head_json;
  const seoTitle = decodeEntities(head?.title ?? '').trim();
  const generated = [title, `${title} - ${siteName}`, `${title} – ${siteName}`, `${title} | ${siteName}`].includes(
    seoTitle,
  );
  const description = decodeEntities(head?.description ?? '').trim();
  return {
    title: seoTitle === '' || generated ? null : seoTitle,
    description: description === '' ? null : description,
  };
}

function common(item: WpContent, title: string, context: ContentContext) {
  return {
    sourceId: String(item.id),
    title,
    handle: decodeSlug(item.slug),
    bodyHtml: item.content.rendered.trim(),
    published: published(item),
    publishedAt: gmt(item.date_gmt),
    // Only what visitors could open has an old URL worth a redirect.
    sourcePath: item.status === 'publish' && !item.content.protected ? permalinkPath(item.link) : null,
    seo: seo(item, title, context.siteName),
    ...(item.content.protected ? { access: 'password' as const } : {}),
  };
}

export function mapPage(raw: unknown, context: PageContext): Extracted {
  const parsed = WpContent.safeParse(raw);
  if (!parsed.success) return unreadable(raw, 'a page', parsed.error);
  const item = parsed.data;
  const title = decodeEntities(item.title.rendered).trim();
  const refused = refusal(item, 'page', title);
  if (refused) return { ok: false, sourceId: String(item.id), reason: refused, raw };
  const role = storePageRole(item.id, item.slug, item.content.raw ?? item.content.rendered, context.storePages);
  return result(
    Page,
    { ...common(item, title, context), ...(role ? { storePage: role } : {}) },
    String(item.id),
    raw,
    'page',
  );
}

function image(item: WpContent) {
  const media = EmbeddedMedia.safeParse(item._embedded?.['wp:featuredmedia']?.[0]);
  if (!media.success) return null;
  return {
    sourceId: String(media.data.id),
    url: media.data.source_url,
    alt: decodeEntities(media.data.alt_text ?? ''),
    position: 0,
  };
}

/** Tags, and the categories besides WordPress's default one: Shopify articles have tags only. */
function tags(item: WpContent): string[] {
  const names = new Map<string, string>();
  for (const raw of (item._embedded?.['wp:term'] ?? []).flat()) {
    const term = EmbeddedTerm.safeParse(raw);
    if (!term.success || (term.data.taxonomy === 'category' && term.data.slug === 'uncategorized')) continue;
    if (term.data.taxonomy !== 'category' && term.data.taxonomy !== 'post_tag') continue;
    const name = decodeEntities(term.data.name).trim();
    if (name && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
  }
  return [...names.values()];
}

/**
 * The category and tag pages a published post is listed on (each embedded term's `link`, e.g.
 * /category/journal/, /tag/linen/), named by the tag the term becomes; WordPress's default category
 * becomes no tag, so its page lists the whole blog.
 */
function listings(item: WpContent): { path: string; tag: string | null }[] {
  if (item.status !== 'publish' || item.content.protected) return [];
  return (item._embedded?.['wp:term'] ?? []).flat().flatMap((raw) => {
    const term = EmbeddedTerm.safeParse(raw);
    if (!term.success || (term.data.taxonomy !== 'category' && term.data.taxonomy !== 'post_tag')) return [];
    const path = permalinkPath(term.data.link ?? '');
    const name = decodeEntities(term.data.name).trim();
    if (!path || !name) return [];
    return [{ path, tag: term.data.taxonomy === 'category' && term.data.slug === 'uncategorized' ? null : name }];
  });
}

export function mapPost(raw: unknown, context: ContentContext): Extracted {
  const parsed = WpContent.safeParse(raw);
  if (!parsed.success) return unreadable(raw, 'a post', parsed.error);
  const item = parsed.data;
  const title = decodeEntities(item.title.rendered).trim();
  const refused = refusal(item, 'post', title);
  if (refused) return { ok: false, sourceId: String(item.id), reason: refused, raw };
  const author = EmbeddedAuthor.safeParse(item._embedded?.author?.[0]);
  const excerpt = item.excerpt?.rendered.trim() ?? '';
  return result(
    BlogPost,
    {
      ...common(item, title, context),
      excerptHtml: excerpt === '' ? null : excerpt,
      author: author.success && author.data.name.trim() ? decodeEntities(author.data.name).trim() : context.siteName,
      tags: tags(item),
      image: image(item),
      ...(listings(item).length > 0 ? { listedAt: listings(item) } : {}),
    },
    String(item.id),
    raw,
    'post',
  );
}
