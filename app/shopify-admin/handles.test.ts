import { describe, expect, it } from 'vitest';
import { isShopifyHandle, toShopifyHandle } from './handles.server.ts';

describe('Shopify handles', () => {
  it.each(['東京-cafe-tasse', 'доставка', 'mug-3', 'tea_towel'])('keeps %s as it is', (handle) => {
    expect(isShopifyHandle(handle)).toBe(true);
  });

  // Accents come off Latin letters ("converted to an equivalent standard ASCII character", Shopify's help centre).
  it.each(['Mug 3!', '%e6%9d%b1%e4%ba%ac', 'a--b', '-mug', 'Доставка', 'café', ''])(
    'would change %s, so leaves it to Shopify',
    (handle) => {
      expect(isShopifyHandle(handle)).toBe(false);
    },
  );

  it('makes a handle the way Shopify does', () => {
    expect(toShopifyHandle('Tasse « Café » ☕ 東京 🍵')).toBe('tasse-cafe-東京');
    expect(toShopifyHandle("Tom's (Blue) Shirt")).toBe('toms-blue-shirt');
  });
});
