// Turns a canonical blog post into an article of the shop's blog, and the documents that write
// both. Posts go into one blog, "News" (the blog every Shopify store starts with), made once.
import type { CanonicalRecord } from '../../../../connectors/model.ts';
import { isShopifyHandle } from '../../../shopify-admin/handles.server.ts';
import { contentReference, publication, seoMetafields } from './input.server.ts';

export type BlogPostRecord = CanonicalRecord<'blogPosts'>;

/** The blog blog posts move into: the one a new Shopify store already has, or one made like it. */
export const BLOG = { title: 'News', handle: 'news' } as const;

export interface ArticleOptions {
  blogId: string;
  /** Leave the handle to Shopify (the post's own is taken in the blog). */
  withHandle?: boolean;
  /** Leave the featured image behind (Shopify could not download it). */
  withImage?: boolean;
}

/** Input for CREATE_ARTICLE, or UPDATE_ARTICLE's `article`. */
export function toArticleInput(post: BlogPostRecord, platform: string, options: ArticleOptions) {
  const { withHandle = true, withImage = true } = options;
  return {
    blogId: options.blogId,
    title: post.title,
    // Shopify requires an author; the connector names one whenever the source can.
    author: { name: post.author?.trim() || BLOG.title },
    body: post.bodyHtml,
    ...(post.excerptHtml ? { summary: post.excerptHtml } : {}),
    tags: post.tags,
    ...(withHandle && isShopifyHandle(post.handle) ? { handle: post.handle } : {}),
    ...(withImage && post.image
      ? { image: { url: post.image.url, ...(post.image.alt ? { altText: post.image.alt } : {}) } }
      : {}),
    ...publication(post),
    metafields: [contentReference(platform, post.sourceId), ...seoMetafields(post.seo)],
  };
}
