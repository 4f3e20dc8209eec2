// Reviews as product metafields: the list, the standard rating and count, Shopify's size limit, and
// variables valid for metafieldsSet in the pinned Admin schema.
import { type OperationDefinitionNode, getVariableValues, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { Review } from '../../../../connectors/model.ts';
import { loadAdminSchema } from '../../../../admin-api/schema.ts';
import { averageRating, plainText, productReviewMetafields, reviewsHash } from './input.server.ts';
import { PRODUCT_REVIEWS_SET } from '../../../shopify-admin/graphql/metafields.ts';

const schema = loadAdminSchema();
const PRODUCT = 'gid://shopify/Product/11';

const review = (sourceId: string, rating: number, createdAt: string, changes: Record<string, unknown> = {}) =>
  Review.parse({
    sourceId,
    productSourceId: '1001',
    rating,
    author: 'Anna S.',
    email: 'anna@example.com',
    bodyHtml: '<p>Great &amp; sturdy 👍</p>',
    verified: true,
    createdAt,
    ...changes,
  });

describe('reviews → product metafields', () => {
  const reviews = [
    review('3001', 5, '2024-01-01T10:00:00.000Z'),
    review('3002', 4, '2024-03-01T10:00:00.000Z', { verified: false, author: 'Ben O.' }),
    review('3003', 4, '2024-02-01T10:00:00.000Z'),
  ];
  const { metafields, shown, leftOut } = productReviewMetafields(PRODUCT, reviews);

  it('produces variables Shopify’s schema accepts', () => {
    const operation = parse(PRODUCT_REVIEWS_SET).definitions[0] as OperationDefinitionNode;
    const result = getVariableValues(schema, operation.variableDefinitions ?? [], { metafields });
    expect(result.errors?.map((error) => error.message) ?? []).toEqual([]);
  });

  it('lists the reviews newest first as text, without the reviewer’s email', () => {
    expect(metafields[0]).toMatchObject({ ownerId: PRODUCT, namespace: 'shipyard', key: 'reviews', type: 'json' });
    expect(JSON.parse(metafields[0]?.value ?? '')).toEqual([
      {
        id: '3002',
        rating: 4,
        author: 'Ben O.',
        date: '2024-03-01T10:00:00.000Z',
        text: 'Great & sturdy 👍',
        verified: false,
      },
      {
        id: '3003',
        rating: 4,
        author: 'Anna S.',
        date: '2024-02-01T10:00:00.000Z',
        text: 'Great & sturdy 👍',
        verified: true,
      },
      {
        id: '3001',
        rating: 5,
        author: 'Anna S.',
        date: '2024-01-01T10:00:00.000Z',
        text: 'Great & sturdy 👍',
        verified: true,
      },
    ]);
    expect(metafields[0]?.value).not.toContain('anna@example.com');
    expect(shown.map((item) => item.sourceId)).toEqual(['3002', '3003', '3001']);
    expect(leftOut).toEqual([]);
  });

  it('keeps the average in reviews.rating on a 1–5 scale and the count in reviews.rating_count', () => {
    expect(metafields[1]).toEqual({
      ownerId: PRODUCT,
      namespace: 'reviews',
      key: 'rating',
      type: 'rating',
      value: '{"value":"4.33","scale_min":"1.0","scale_max":"5.0"}',
    });
    expect(metafields[2]).toEqual({
      ownerId: PRODUCT,
      namespace: 'reviews',
      key: 'rating_count',
      type: 'number_integer',
      value: '3',
    });
    expect(averageRating([review('1', 4, '2024-01-01T00:00:00Z'), review('2', 5, '2024-01-01T00:00:00Z')])).toBe('4.5');
    expect(averageRating([review('1', 4, '2024-01-01T00:00:00Z')])).toBe('4.0');
  });

  it('leaves the oldest texts out when the list outgrows the size limit, and still counts them', () => {
    const limited = productReviewMetafields(PRODUCT, reviews, 300);
    expect(Buffer.byteLength(limited.metafields[0]?.value ?? '')).toBeLessThanOrEqual(300);
    expect(limited.shown.map((item) => item.sourceId)).toEqual(['3002', '3003']);
    expect(limited.leftOut.map((item) => item.sourceId)).toEqual(['3001']);
    expect(limited.metafields[2]?.value).toBe('3');
    const fits = JSON.stringify(JSON.parse(metafields[0]?.value ?? '[]'));
    expect(productReviewMetafields(PRODUCT, reviews, Buffer.byteLength(fits)).leftOut).toEqual([]);
  });

  it('turns review HTML into plain text', () => {
    expect(
      plainText(
        '<p>Fits well.</p><p>Colour&nbsp;as shown &#8211; <b>love</b> it<br/>Would buy&#x21;</p><script>x()</script>',
      ),
    ).toBe('Fits well.\n\nColour as shown – love it\nWould buy!x()');
  });

  it('changes its hash when a review is added, changed or removed, not when they come in another order', () => {
    const rows = [
      { sourceId: '3001', contentHash: 'a' },
      { sourceId: '3002', contentHash: 'b' },
    ];
    expect(reviewsHash(PRODUCT, rows)).toBe(reviewsHash(PRODUCT, [...rows].reverse()));
    expect(reviewsHash(PRODUCT, rows)).not.toBe(
      reviewsHash(PRODUCT, [...rows, { sourceId: '3003', contentHash: 'c' }]),
    );
    expect(reviewsHash(PRODUCT, rows)).not.toBe(
      reviewsHash(PRODUCT, [
        { sourceId: '3001', contentHash: 'a2' },
        rows[1] as { sourceId: string; contentHash: string },
      ]),
    );
    expect(reviewsHash(PRODUCT, rows)).not.toBe(reviewsHash(PRODUCT, rows.slice(1)));
  });
});
