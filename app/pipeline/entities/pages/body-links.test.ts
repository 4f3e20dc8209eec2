import { describe, expect, it } from 'vitest';
import { linkResolver, oldSiteReference } from './body-links.server.ts';
import { oldSiteImage } from './body-images.server.ts';

const SITE = 'https://old.test';

describe('what a link in a body points at on the old site', () => {
  it('reads permalinks (without the trailing slash, any case) and WordPress’s ?p= and ?page_id= forms, keeping the #fragment', () => {
    expect(oldSiteReference('https://old.test/Product/Blue-Mug/#reviews', SITE)).toEqual({
      id: null,
      path: '/product/blue-mug',
      fragment: '#reviews',
    });
    expect(oldSiteReference('/about-us/', SITE)).toEqual({ id: null, path: '/about-us', fragment: '' });
    expect(oldSiteReference('http://old.test/?page_id=42', SITE)).toEqual({ id: '42', path: null, fragment: '' });
    expect(oldSiteReference('https://old.test/?post_type=product&p=7', SITE)).toEqual({
      id: '7',
      path: null,
      fragment: '',
    });
  });

  it('leaves links elsewhere, to the home page and to WordPress’s own files alone', () => {
    for (const href of [
      'https://example.org/x/',
      'mailto:hi@old.test',
      '/',
      'https://old.test/wp-content/uploads/guide.pdf',
      '#top',
      'https://old.test/feed/',
    ]) {
      expect(oldSiteReference(href, SITE), href).toBeNull();
    }
  });

  it('uploads only the old site’s images, as absolute URLs', () => {
    expect(oldSiteImage('/wp-content/uploads/a.jpg', SITE)).toBe('https://old.test/wp-content/uploads/a.jpg');
    expect(oldSiteImage('https://cdn.example.org/a.jpg', SITE)).toBeNull();
    expect(oldSiteImage('data:image/png;base64,AAAA', SITE)).toBeNull();
  });
});

describe('linkResolver', () => {
  it('asks the database with only paths, or only ids, and calls what it does not know not moved', async () => {
    const byPath = await linkResolver('no-migration', 'nobody.myshopify.com', 'woocommerce', SITE, [
      'https://old.test/product/gone/',
      'https://example.org/',
    ]);
    expect([byPath('https://old.test/product/gone/'), byPath('https://example.org/')]).toEqual([
      { notMoved: true },
      null,
    ]);
    const byId = await linkResolver('no-migration', 'nobody.myshopify.com', 'woocommerce', SITE, [
      'https://old.test/?p=12',
    ]);
    expect(byId('https://old.test/?p=12')).toEqual({ notMoved: true });
  });
});
