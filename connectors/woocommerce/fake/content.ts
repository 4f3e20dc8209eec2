// The seeded store's WordPress pages and blog posts, built from their index in the shapes WordPress's
// REST API documents (wp/v2, "view" context): titles and excerpts as rendered HTML with texturized
// entities, permalinks, GMT and local dates, authors, featured media and terms. The first indexes
// are the awkward ones real blogs have; every seventh regular one is a draft or private.
import { type YoastSeo, yoastHeadJson } from './real-content.ts';
import { datePair } from './shapes.ts';
import type { Store } from './store.ts';

export type ContentStatus = 'publish' | 'draft' | 'private' | 'future' | 'pending';

export interface WpAuthor {
  id: number;
  name: string;
  slug: string;
}

export interface WpMedia {
  id: number;
  /** The file is gone from disk (its URL answers 404), or the attachment itself was deleted. */
  broken: 'file-gone' | 'deleted' | null;
  file: string;
  alt: string;
}

export interface WpTerm {
  id: number;
  name: string;
  slug: string;
  taxonomy: 'category' | 'post_tag';
}

/** What a page or post is, before the server renders it as WordPress would. */
export interface SeededContent {
  id: number;
  type: 'page' | 'post';
  status: ContentStatus;
  /** As WordPress renders it: texturized, with entities. */
  title: string;
  slug: string;
  /** The path of the pretty permalink ("/about-us/"); WordPress links drafts as ?page_id=… or ?p=…. */
  path: string;
  content: string;
  /** A manual excerpt; empty means WordPress makes one from the content. */
  excerpt: string;
  /** Password-protected: WordPress sends no content or excerpt to a visitor. */
  password: boolean;
  author: number;
  parent: number;
  media: WpMedia | null;
  categories: WpTerm[];
  tags: WpTerm[];
  created: Date;
  modified: Date;
  /** SEO fields set in Yoast SEO, sent as its `yoast_head_json` (real-content.ts). */
  yoast?: YoastSeo;
}

export const AUTHORS: WpAuthor[] = [
  { id: 1, name: 'Ingrid Nord', slug: 'ingrid' },
  { id: 2, name: 'Lars Berg', slug: 'lars' },
];

export const POST_CATEGORIES: WpTerm[] = [
  { id: 1, name: 'Uncategorized', slug: 'uncategorized', taxonomy: 'category' },
  { id: 31, name: 'Journal', slug: 'journal', taxonomy: 'category' },
  { id: 32, name: 'Care &amp; Repair', slug: 'care-repair', taxonomy: 'category' },
];

export const POST_TAGS: WpTerm[] = [
  { id: 41, name: 'Linen', slug: 'linen', taxonomy: 'post_tag' },
  { id: 42, name: 'Wool', slug: 'wool', taxonomy: 'post_tag' },
  { id: 43, name: 'Behind the scenes', slug: 'behind-the-scenes', taxonomy: 'post_tag' },
  { id: 44, name: 'Slow &amp; Steady', slug: 'slow-steady', taxonomy: 'post_tag' },
];

export const AWKWARD_PAGES = [
  'front-page',
  'texturized-title',
  'child-page',
  'non-latin-slug',
  'draft',
  'private',
] as const;
export const AWKWARD_POSTS = [
  'empty-title',
  'image-gone',
  'media-deleted',
  'texturized-title',
  'password-protected',
  'no-author',
  'draft',
  'scheduled',
  'private',
] as const;
export type AwkwardPage = (typeof AWKWARD_PAGES)[number];
export type AwkwardPost = (typeof AWKWARD_POSTS)[number];

const SEEDED_FROM = Date.parse('2024-02-01T09:00:00Z');
/** When the scheduled post goes out: years ahead of any test's clock. */
export const SCHEDULED_FOR = new Date('2031-03-01T09:00:00Z');
export const pageId = (index: number): number => 100 + index;
export const postId = (index: number): number => 10_000 + index;
const mediaId = (postIndex: number): number => 50_000 + postIndex;

function dates(index: number): { created: Date; modified: Date } {
  const created = new Date(SEEDED_FROM + index * 86_400_000);
  return { created, modified: new Date(created.getTime() + 7 * 86_400_000) };
}

function regularStatus(index: number, awkward: number): ContentStatus {
  const position = index - awkward;
  if (position % 7 === 0) return position % 14 === 0 ? 'private' : 'draft';
  return 'publish';
}

export function seededPage(index: number): SeededContent {
  const kind = AWKWARD_PAGES[index - 1];
  const base: SeededContent = {
    id: pageId(index),
    type: 'page',
    status: 'publish',
    title: `Page ${index}`,
    slug: `page-${index}`,
    path: `/page-${index}/`,
    content: `<p>What page ${index} says.</p>`,
    excerpt: '',
    password: false,
    author: 1,
    parent: 0,
    media: null,
    categories: [],
    tags: [],
    ...dates(index),
  };
  switch (kind) {
    case 'front-page':
      // The static front page: its permalink is the site itself, which has no redirect to make.
      return {
        ...base,
        title: 'Home',
        slug: 'home',
        path: '/',
        content: '<!-- wp:paragraph --><p>Welcome to Atelier Nord.</p><!-- /wp:paragraph -->',
      };
    case 'texturized-title':
      return {
        ...base,
        title: 'Shipping &#038; Returns',
        slug: 'shipping-returns',
        path: '/shipping-returns/',
        content: '<h2>Shipping</h2><p>We ship within 2&nbsp;days.</p><h2>Returns</h2><p>30 days, no questions.</p>',
      };
    case 'child-page':
      return {
        ...base,
        title: 'Size Guide',
        slug: 'size-guide',
        path: '/shipping-returns/size-guide/',
        parent: pageId(2),
        content: '<table><tr><th>EU</th><th>UK</th></tr><tr><td>38</td><td>10</td></tr></table>',
      };
    case 'non-latin-slug':
      return {
        ...base,
        title: 'Доставка',
        slug: '%d0%b4%d0%be%d1%81%d1%82%d0%b0%d0%b2%d0%ba%d0%b0',
        path: '/%d0%b4%d0%be%d1%81%d1%82%d0%b0%d0%b2%d0%ba%d0%b0/',
        content: '<p>Доставка по всей Европе.</p>',
      };
    case 'draft':
      return { ...base, status: 'draft', title: 'Wholesale (coming soon)', slug: 'wholesale' };
    case 'private':
      return { ...base, status: 'private', title: 'Staff notes', slug: 'staff-notes' };
    default:
      return { ...base, status: regularStatus(index, AWKWARD_PAGES.length) };
  }
}

function postBase(index: number): SeededContent {
  const { created, modified } = dates(index);
  const slug = `journal-entry-${index}`;
  const tags = [POST_TAGS[index % POST_TAGS.length], POST_TAGS[(index + 1) % POST_TAGS.length]].filter(
    (tag): tag is WpTerm => tag !== undefined,
  );
  return {
    id: postId(index),
    type: 'post',
    status: 'publish',
    title: `Journal entry ${index}`,
    slug,
    path: '',
    content: `<!-- wp:paragraph --><p>Notes from the workshop, entry ${index}.</p><!-- /wp:paragraph --><p>More words follow here.</p>`,
    excerpt: index % 2 === 0 ? `<p>A short look at entry ${index}.</p>` : '',
    password: false,
    author: (index % AUTHORS.length) + 1,
    parent: 0,
    media:
      index % 3 === 0
        ? null
        : {
            id: mediaId(index),
            broken: null,
            file: `journal-${index}.jpg`,
            alt: index % 2 === 0 ? `Photo for entry ${index}` : '',
          },
    categories: [POST_CATEGORIES[1 + (index % 2)] ?? POST_CATEGORIES[0]].filter(
      (term): term is WpTerm => term !== undefined,
    ),
    tags,
    created,
    modified,
  };
}

/** Posts live under /year/month/slug/, the permalink structure most blogs pick. */
function withPermalink(post: SeededContent): SeededContent {
  return { ...post, path: `/${post.created.toISOString().slice(0, 7).replace('-', '/')}/${post.slug}/` };
}

export function seededPost(index: number): SeededContent {
  return withPermalink(awkwardOrRegularPost(index));
}

function awkwardOrRegularPost(index: number): SeededContent {
  const kind = AWKWARD_POSTS[index - 1];
  const base = postBase(index);
  switch (kind) {
    case 'empty-title':
      // WordPress saves a post without a title and lists it as "(no title)".
      return { ...base, title: '', slug: String(base.id) };
    case 'image-gone':
      return {
        ...base,
        title: 'Linen care, step by step',
        slug: 'linen-care',
        media: { id: mediaId(index), broken: 'file-gone', file: 'gone-linen-care.jpg', alt: 'Linen drying on a line' },
      };
    case 'media-deleted':
      return {
        ...base,
        title: 'Our new workshop',
        slug: 'new-workshop',
        media: { id: mediaId(index), broken: 'deleted', file: 'workshop.jpg', alt: '' },
      };
    case 'texturized-title':
      return {
        ...base,
        title: 'Autumn&#8217;s collection &#8211; a first look',
        slug: 'autumn-first-look',
        excerpt: '<p>Wool, linen &amp; a little colour.</p>',
        categories: [],
        tags: [],
      };
    case 'password-protected':
      return { ...base, title: 'Friends &amp; family sale', slug: 'friends-family', password: true };
    case 'no-author':
      // The author's account was deleted and the posts kept: WordPress cannot embed the author.
      return { ...base, title: 'Guest post: dyeing with onion skins', slug: 'onion-skins', author: 99 };
    case 'draft':
      return { ...base, status: 'draft', title: 'Half-written thoughts' };
    case 'scheduled':
      // WordPress schedules a post by giving it a date still to come.
      return { ...base, status: 'future', title: 'Winter sale announcement', created: SCHEDULED_FOR };
    case 'private':
      return { ...base, status: 'private', title: 'Supplier list' };
    default:
      return { ...base, status: regularStatus(index, AWKWARD_POSTS.length) };
  }
}

/** The title as typed: what WordPress's texturize turned into entities, back. */
function decodeTitle(title: string): string {
  return title
    .replace(/&#038;|&amp;/g, '&')
    .replace(/&#8217;/g, '’')
    .replace(/&#8211;/g, '–');
}

/** WordPress's automatic excerpt: the first 55 words of the content, then " [&hellip;]". */
function autoExcerpt(content: string): string {
  const words = content
    .replace(/<[^>]*>/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return `<p>${words.slice(0, 55).join(' ')}${words.length > 55 ? ' [&hellip;]' : ''}</p>\n`;
}

function link(store: Store, item: SeededContent): string {
  if (item.status === 'publish') return `${store.siteUrl}${item.path}`;
  return item.type === 'page' ? `${store.siteUrl}/?page_id=${item.id}` : `${store.siteUrl}/?p=${item.id}`;
}

function termJson(store: Store, term: WpTerm): Record<string, unknown> {
  const base = term.taxonomy === 'category' ? 'category' : 'tag';
  return {
    id: term.id,
    link: `${store.siteUrl}/${base}/${term.slug}/`,
    name: term.name,
    slug: term.slug,
    taxonomy: term.taxonomy,
  };
}

function mediaJson(store: Store, item: SeededContent, media: WpMedia): Record<string, unknown> {
  if (media.broken === 'deleted')
    return { code: 'rest_post_invalid_id', message: 'Invalid post ID.', data: { status: 404 } };
  const date = datePair(item.created, store.offsetMinutes);
  const url = `${store.siteUrl}/wp-content/uploads/2024/03/${media.file}`;
  return {
    id: media.id,
    date: date.local,
    slug: media.file.replace(/\.\w+$/, ''),
    type: 'attachment',
    link: `${store.siteUrl}${item.path}${media.file.replace(/\.\w+$/, '')}/`,
    title: { rendered: media.file.replace(/\.\w+$/, '') },
    author: item.author,
    caption: { rendered: '' },
    alt_text: media.alt,
    media_type: 'image',
    mime_type: 'image/jpeg',
    media_details: { width: 1200, height: 800, file: `2024/03/${media.file}`, sizes: {} },
    source_url: url,
  };
}

function authorJson(store: Store, id: number): Record<string, unknown> {
  const author = AUTHORS.find((candidate) => candidate.id === id);
  if (!author) return { code: 'rest_user_invalid_id', message: 'Invalid user ID.', data: { status: 404 } };
  return {
    id: author.id,
    name: author.name,
    url: '',
    description: '',
    link: `${store.siteUrl}/author/${author.slug}/`,
    slug: author.slug,
    avatar_urls: {},
  };
}

/** Which related objects `_embed` asks for: all of them, or the ones it names (WordPress 5.4+). */
export function embedded(store: Store, item: SeededContent, wanted: string | null): Record<string, unknown> | null {
  if (wanted === null) return null;
  const names = wanted === '' || wanted === '1' || wanted === 'true' ? null : new Set(wanted.split(','));
  const asked = (name: string) => names === null || names.has(name);
  const result: Record<string, unknown> = {};
  if (asked('author')) result.author = [authorJson(store, item.author)];
  if (asked('wp:featuredmedia') && item.media) result['wp:featuredmedia'] = [mediaJson(store, item, item.media)];
  if (asked('wp:term') && item.type === 'post')
    result['wp:term'] = [
      item.categories.map((term) => termJson(store, term)),
      item.tags.map((term) => termJson(store, term)),
    ];
  return result;
}

/**
 * The item as wp/v2 sends it: to a visitor what a password hides stays empty; the edit context (a
 * user who may edit it) adds the raw fields and the password, and shows protected content.
 */
export function contentJson(store: Store, item: SeededContent, edit = false): Record<string, unknown> {
  const hidden = item.password && !edit;
  const created = datePair(item.created, store.offsetMinutes);
  const modified = datePair(item.modified, store.offsetMinutes);
  const api = `${store.siteUrl}/wp-json/wp/v2/${item.type === 'page' ? 'pages' : 'posts'}`;
  const common = {
    id: item.id,
    date: created.local,
    date_gmt: created.gmt,
    // The REST API drops get_the_title's "Protected: " prefix (protected_title_format): `protected` says it.
    guid: { rendered: `${store.siteUrl}/?${item.type === 'page' ? 'page_id' : 'p'}=${item.id}` },
    modified: modified.local,
    modified_gmt: modified.gmt,
    slug: item.slug,
    status: item.status,
    type: item.type,
    link: link(store, item),
    title: { ...(edit ? { raw: decodeTitle(item.title) } : {}), rendered: item.title },
    content: {
      ...(edit ? { raw: item.content, block_version: 1 } : {}),
      rendered: hidden ? '' : `${item.content}\n`,
      protected: item.password,
    },
    ...(edit ? { password: item.password ? 'family2024' : '' } : {}),
    author: item.author,
    featured_media: item.media?.id ?? 0,
    comment_status: item.type === 'post' ? 'open' : 'closed',
    ping_status: item.type === 'post' ? 'open' : 'closed',
    template: '',
    meta: { footnotes: '' },
    ...(item.yoast ? { yoast_head_json: yoastHeadJson(store.siteUrl, item, item.yoast) } : {}),
    _links: {
      self: [{ href: `${api}/${item.id}` }],
      collection: [{ href: api }],
      author: [{ embeddable: true, href: `${store.siteUrl}/wp-json/wp/v2/users/${item.author}` }],
    },
  };
  // Pages do not support excerpts, so WordPress leaves the field out of their schema.
  if (item.type === 'page') return { ...common, parent: item.parent, menu_order: 0 };
  const excerpt = hidden ? '' : item.excerpt ? `${item.excerpt}\n` : autoExcerpt(item.content);
  return {
    ...common,
    excerpt: {
      ...(edit ? { raw: item.excerpt.replace(/<\/?p>/g, '') } : {}),
      rendered: excerpt,
      protected: item.password,
    },
    sticky: false,
    format: 'standard',
    categories: item.categories.map((term) => term.id),
    tags: item.tags.map((term) => term.id),
  };
}
