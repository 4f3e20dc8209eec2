// Where the old store's listing pages lead in Shopify: the catalog or the blog, filtered by the tag's handle.
import { describe, expect, it } from 'vitest';
import { blogListingTarget, catalogListingTarget } from './input.server.ts';

describe('listing targets', () => {
  it('a product tag page leads to the catalog filtered by the handleized tag; the shop page to the catalog', () => {
    expect(catalogListingTarget('Gift idea')).toBe('/collections/all/gift-idea');
    expect(catalogListingTarget('Café & Thé')).toBe('/collections/all/cafe-the');
    expect(catalogListingTarget('東京')).toBe('/collections/all/東京');
    expect(catalogListingTarget(null)).toBe('/collections/all');
  });

  it('a blog category or tag page leads to the blog’s articles with that tag; the default category to the blog', () => {
    expect(blogListingTarget('news', 'Slow & Steady')).toBe('/blogs/news/tagged/slow-steady');
    expect(blogListingTarget('news', null)).toBe('/blogs/news');
  });
});
