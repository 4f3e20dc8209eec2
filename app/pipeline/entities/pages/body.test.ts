import { describe, expect, it } from 'vitest';
import { bodyReferences, rewriteBody } from './body.server.ts';

const BODY =
  '<p><a href="https://old.test/product/mug/" class="x">mug</a> <a href=\'https://old.test/?page_id=7&amp;lang=en\'>guide</a> <a name="top">top</a></p>' +
  '<figure><img src="https://old.test/up/a.jpg" alt="A" srcset="https://old.test/up/a-300.jpg 300w, https://old.test/up/a.jpg 1200w" sizes="100vw" /></figure>' +
  '<img alt="B" src="https://elsewhere.test/b.png">';

describe('rewriteBody', () => {
  it('lists the links and images as written, with &amp; decoded', () => {
    expect(bodyReferences(BODY)).toEqual({
      links: ['https://old.test/product/mug/', 'https://old.test/?page_id=7&lang=en'],
      images: ['https://old.test/up/a.jpg', 'https://elsewhere.test/b.png'],
    });
  });

  it('rewrites the links and images it is given new addresses for, and leaves the rest byte for byte', () => {
    const links: Record<string, string> = {
      'https://old.test/product/mug/': '/products/mug',
      'https://old.test/?page_id=7&lang=en': '/pages/guide?a=1&b=2',
    };
    const images: Record<string, string> = { 'https://old.test/up/a.jpg': 'https://cdn.test/files/a.jpg?v=1' };
    const result = rewriteBody(BODY, { link: (href) => links[href] ?? null, image: (src) => images[src] ?? null });
    expect(result).toBe(
      '<p><a href="/products/mug" class="x">mug</a> <a href="/pages/guide?a=1&amp;b=2">guide</a> <a name="top">top</a></p>' +
        '<figure><img src="https://cdn.test/files/a.jpg?v=1" alt="A" /></figure>' +
        '<img alt="B" src="https://elsewhere.test/b.png">',
    );
  });

  it('leaves a body with nothing to rewrite unchanged', () => {
    expect(rewriteBody(BODY, { link: () => null, image: () => null })).toBe(BODY);
  });
});
