// Turns a canonical page into Shopify's page input, and the documents that write it. Pages have no
// custom-ID lookup in Shopify, so each carries its source reference in a metafield and a page an
// interrupted run already made is found by its handle (or title) and that reference.
import type { CanonicalRecord } from '../../../../connectors/model.ts';
import { sourceReference } from '../../../shopify-admin/source-reference.server.ts';
import { isShopifyHandle } from '../../../shopify-admin/handles.server.ts';
import { SOURCE_REFERENCE } from '../../../shopify-admin/metafield-definitions.server.ts';

export type PageRecord = CanonicalRecord<'pages'>;

/**
 * The source reference on pages and articles: a plain text metafield, since Shopify offers no lookup
 * by custom ID for them (and an `id` metafield would need a definition per owner type for nothing).
 */
export function contentReference(platform: string, sourceId: string) {
  return {
    namespace: SOURCE_REFERENCE.namespace,
    key: SOURCE_REFERENCE.key,
    type: 'single_line_text_field',
    value: sourceReference(platform, sourceId),
  };
}

/**
 * A page's or article's SEO title and description live in the metafields global.title_tag and
 * global.description_tag ("Optimize storefront SEO",
 * https://shopify.dev/docs/apps/build/marketing-analytics/optimize-storefront-seo); unset, Shopify
 * uses the title and the body, so only what the old store set is sent.
 */
export function seoMetafields(seo: { title: string | null; description: string | null } | undefined) {
  return [
    ...(seo?.title
      ? [{ namespace: 'global', key: 'title_tag', type: 'single_line_text_field', value: seo.title }]
      : []),
    ...(seo?.description
      ? [{ namespace: 'global', key: 'description_tag', type: 'multi_line_text_field', value: seo.description }]
      : []),
  ];
}

/** The search that finds what an earlier run may have made of this record: by handle, else by title. */
export function contentSearch(record: { handle: string; title: string }): string {
  return isShopifyHandle(record.handle) ? `handle:${record.handle}` : `title:"${record.title.replace(/"/g, '')}"`;
}

/** Published with its original date, or hidden. A date still to come stays a scheduled publication. */
export function publication(record: { published: boolean; publishedAt: string | null }) {
  if (!record.published) return { isPublished: false };
  if (!record.publishedAt) return { isPublished: true };
  if (Date.parse(record.publishedAt) > Date.now()) return { isPublished: false, publishDate: record.publishedAt };
  return { isPublished: true, publishDate: record.publishedAt };
}

/** Input for CREATE_PAGE, or UPDATE_PAGE's `page`; `withHandle: false` leaves the handle to Shopify. */
export function toPageInput(page: PageRecord, platform: string, withHandle = true) {
  return {
    title: page.title,
    body: page.bodyHtml,
    ...(withHandle && isShopifyHandle(page.handle) ? { handle: page.handle } : {}),
    ...publication(page),
    metafields: [contentReference(platform, page.sourceId), ...seoMetafields(page.seo)],
  };
}
