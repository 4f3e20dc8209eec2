import { describe, expect, it } from 'vitest';
import { storePageRole } from './store-pages.ts';

const SETTINGS = new Map([
  [5, 'shop'],
  [6, 'cart'],
  [7, 'checkout'],
  [8, 'my-account'],
  [9, 'terms'],
] as const);

describe('storePageRole', () => {
  it('knows the pages WooCommerce’s settings name, whatever their content', () => {
    expect([5, 6, 7, 8, 9].map((id) => storePageRole(id, 'anything', '<p>Hello</p>', new Map(SETTINGS)))).toEqual([
      'shop',
      'cart',
      'checkout',
      'my-account',
      'terms',
    ]);
  });

  it('knows a page that is only the cart, checkout or account shortcode or block', () => {
    const none = new Map();
    expect(storePageRole(20, 'basket', '<p>[woocommerce_cart]</p>', none)).toBe('cart');
    expect(
      storePageRole(
        21,
        'kasse',
        '<!-- wp:woocommerce/checkout -->\n<div class="wp-block-woocommerce-checkout"></div>\n<!-- /wp:woocommerce/checkout -->',
        none,
      ),
    ).toBe('checkout');
    expect(
      storePageRole(22, 'konto', '<!-- wp:shortcode -->\n[woocommerce_my_account]\n<!-- /wp:shortcode -->', none),
    ).toBe('my-account');
  });

  it('leaves a page that only mentions a shortcode among other words the merchant’s own', () => {
    expect(
      storePageRole(23, 'help', '<p>Your cart:</p><p>[woocommerce_cart]</p><p>Questions? Write to us.</p>', new Map()),
    ).toBeNull();
  });

  it('knows the privacy and refund pages by the slugs WordPress and WooCommerce create them with', () => {
    expect(storePageRole(30, 'privacy-policy', '<p>Who we are</p>', new Map())).toBe('privacy');
    expect(storePageRole(31, 'refund_returns', '<p>Refunds</p>', new Map())).toBe('refund');
    expect(storePageRole(32, 'about-us', '<p>About</p>', new Map())).toBeNull();
  });
});
