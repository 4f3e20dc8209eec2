import { describe, expect, it } from 'vitest';
import { toArticleInput } from './post-input.server.ts';
import { contentSearch, publication, toPageInput } from './input.server.ts';

const page = {
  sourceId: '7',
  title: 'Доставка',
  handle: 'доставка',
  bodyHtml: '<p>Hi</p>',
  published: true,
  publishedAt: '2024-03-01T10:00:00.000Z',
  sourcePath: '/x/',
  seo: { title: null, description: null },
};
const post = {
  ...page,
  handle: 'linen-care',
  title: 'Linen care',
  excerptHtml: '<p>Short.</p>',
  author: null,
  tags: ['Linen'],
  image: { sourceId: '9', url: 'https://old.example.com/a.jpg', alt: '', position: 0 },
};

describe('pages and articles as Shopify input', () => {
  it('keeps the original publication date; a date to come stays scheduled; an unpublished one is hidden', () => {
    expect(publication(page)).toEqual({ isPublished: true, publishDate: '2024-03-01T10:00:00.000Z' });
    expect(publication({ published: true, publishedAt: '2999-01-01T00:00:00.000Z' })).toEqual({
      isPublished: false,
      publishDate: '2999-01-01T00:00:00.000Z',
    });
    expect(publication({ published: false, publishedAt: '2024-03-01T10:00:00.000Z' })).toEqual({ isPublished: false });
  });

  it('keeps a unicode handle (Shopify handles are UTF-8), leaves one Shopify would change to Shopify and finds such a page again by its title', () => {
    expect(toPageInput(page, 'woocommerce')).toHaveProperty('handle', 'доставка');
    expect(contentSearch(page)).toBe('handle:доставка');
    const changed = { ...page, handle: 'Доставка & возврат' };
    expect(toPageInput(changed, 'woocommerce')).not.toHaveProperty('handle');
    expect(contentSearch(changed)).toBe('title:"Доставка"');
    expect(contentSearch(post)).toBe('handle:linen-care');
    expect(toPageInput(page, 'woocommerce').metafields).toEqual([
      { namespace: 'shipyard', key: 'source_reference', type: 'single_line_text_field', value: 'woocommerce:7' },
    ]);
  });

  it('an article names an author always, carries the excerpt as summary, and the image unless told to leave it', () => {
    const input = toArticleInput(post, 'woocommerce', { blogId: 'gid://shopify/Blog/1' });
    expect(input).toMatchObject({
      blogId: 'gid://shopify/Blog/1',
      author: { name: 'News' },
      summary: '<p>Short.</p>',
      handle: 'linen-care',
      image: { url: 'https://old.example.com/a.jpg' },
      tags: ['Linen'],
    });
    expect(input.image).not.toHaveProperty('altText');
    // An author left blank at the source is no author to Shopify (AUTHOR_FIELD_REQUIRED): the blog's name stands in.
    expect(toArticleInput({ ...post, author: '  ' }, 'woocommerce', { blogId: 'b' }).author).toEqual({ name: 'News' });
    expect(toArticleInput({ ...post, author: 'Mia' }, 'woocommerce', { blogId: 'b' }).author).toEqual({ name: 'Mia' });
    expect(
      toArticleInput(post, 'woocommerce', { blogId: 'b', withImage: false, withHandle: false }),
    ).not.toHaveProperty('image');
    expect(toArticleInput(post, 'woocommerce', { blogId: 'b', withHandle: false })).not.toHaveProperty('handle');
  });
});
