// A product's reviews as metafields on the product (docs/decisions/0009-reviews-as-metafields.md):
// the reviews themselves in `shipyard.reviews` (json), the average and count in Shopify's standard
// `reviews.rating` (rating) and `reviews.rating_count` (number_integer), which themes and review
// apps read.
import type { ReviewRecord } from '../../../../connectors/model.ts';
import { contentHash } from '../../staging/records.server.ts';
import {
  RATING_COUNT_METAFIELD,
  RATING_METAFIELD,
  REVIEWS_METAFIELD,
} from '../../../shopify-admin/metafield-definitions.server.ts';
import { MAX_JSON_METAFIELD_BYTES } from '../../../shopify-admin/limits/input-limits.server.ts';

/** Metafields one product's reviews take; metafieldsSet takes 25 at most per call. */
export const METAFIELDS_PER_PRODUCT = 3;

/** One review as themes read it from `shipyard.reviews`; no email: metafields are public to themes. */
export interface StoredReview {
  id: string;
  rating: number;
  author: string;
  date: string;
  text: string;
  verified: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The review's words without markup: themes show them as text, so no HTML a review carried can run on the storefront. */
export function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity, name: string) => {
      if (!name.startsWith('#')) return ENTITIES[name.toLowerCase()] ?? entity;
      const code = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    })
    .trim();
}

export function storedReview(review: ReviewRecord): StoredReview {
  return {
    id: review.sourceId,
    rating: review.rating,
    author: review.author,
    date: review.createdAt,
    text: plainText(review.bodyHtml),
    verified: review.verified,
  };
}

/** "4.33": the average to two places, always with a decimal point, as the rating type wants. */
export function averageRating(reviews: ReviewRecord[]): string {
  const average = reviews.reduce((sum, review) => sum + review.rating, 0) / reviews.length;
  const rounded = String(Math.round(average * 100) / 100);
  return rounded.includes('.') ? rounded : `${rounded}.0`;
}

export interface ProductReviews {
  metafields: { ownerId: string; namespace: string; key: string; type: string; value: string }[];
  /** Reviews whose text is on the product. */
  shown: ReviewRecord[];
  /** Reviews counted in the rating whose text did not fit in Shopify's size limit (the oldest). */
  leftOut: ReviewRecord[];
}

/** The metafields for one product's published reviews, newest first; the oldest give way when the list outgrows 128KB. */
export function productReviewMetafields(
  productId: string,
  reviews: ReviewRecord[],
  maxBytes = MAX_JSON_METAFIELD_BYTES,
): ProductReviews {
  const newestFirst = [...reviews].sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || a.sourceId.localeCompare(b.sourceId),
  );
  const stored = newestFirst.map(storedReview);
  let count = stored.length;
  // Each review adds its JSON and a comma; "[]" is two bytes more.
  let bytes =
    2 +
    stored.reduce((sum, review) => sum + Buffer.byteLength(JSON.stringify(review)) + 1, 0) -
    (stored.length > 0 ? 1 : 0);
  while (count > 0 && bytes > maxBytes) {
    count--;
    bytes -= Buffer.byteLength(JSON.stringify(stored[count])) + (count > 0 ? 1 : 0);
  }
  return {
    metafields: [
      { ownerId: productId, ...REVIEWS_METAFIELD, value: JSON.stringify(stored.slice(0, count)) },
      {
        ownerId: productId,
        ...RATING_METAFIELD,
        value: JSON.stringify({ value: averageRating(reviews), scale_min: '1.0', scale_max: '5.0' }),
      },
      { ownerId: productId, ...RATING_COUNT_METAFIELD, value: String(reviews.length) },
    ],
    shown: newestFirst.slice(0, count),
    leftOut: newestFirst.slice(count),
  };
}

/** What a product's reviews amount to: any review added, changed or removed changes it, so the product is written again. */
export function reviewsHash(productId: string, rows: { sourceId: string; contentHash: string | null }[]): string {
  return contentHash([
    productId,
    ...[...rows].sort((a, b) => a.sourceId.localeCompare(b.sourceId)).map((row) => [row.sourceId, row.contentHash]),
  ]);
}
