// A coupon's exclusions as the products left once they are taken out, exactly as WooCommerce decides
// an item is covered, and what no Shopify code can hold exactly.
import { describe, expect, it } from 'vitest';
import { Discount } from '../../../../connectors/model.ts';
import { type CouponCatalog, broaderThanTheCoupon, exclusionScope } from './scope.server.ts';

const coupon = (changes: Record<string, unknown>) =>
  Discount.parse({
    sourceId: '7001',
    code: 'spring',
    sourceType: 'percent',
    value: { kind: 'percentage', percent: 10 },
    ...changes,
  });
const product = (id: number, categories: string[], variants: string[] = [String(id)]) =>
  [
    String(id),
    { gid: `gid://shopify/Product/${id}`, categorySourceIds: categories, variantSourceIds: variants },
  ] as const;

// Clothing (20) holds Shirts (21); Kitchen (30) stands alone. 103 is in both Shirts and Kitchen; 104 is variable.
const catalog: CouponCatalog = {
  products: new Map([
    product(101, ['20']),
    product(102, ['21']),
    product(103, ['21', '30']),
    product(104, ['30'], ['1041', '1042']),
    product(105, ['30']),
  ]),
  categoryParents: new Map<string, string | null>([
    ['20', null],
    ['21', '20'],
    ['30', null],
  ]),
};
const gids = (scope: ReturnType<typeof exclusionScope>) =>
  'refuse' in scope ? scope.refuse : scope.productIds.map((gid) => Number(gid.split('/').pop()));

describe('exclusions as the products left', () => {
  it('applies to every product that moved but the excluded ones', () => {
    expect(gids(exclusionScope(coupon({ excludedProductSourceIds: ['102', '105'] }), catalog))).toEqual([
      101, 103, 104,
    ]);
  });

  it('leaves out a product in an excluded category even when it is in another category too, and a product in a subcategory of it', () => {
    expect(gids(exclusionScope(coupon({ excludedCollectionSourceIds: ['20'] }), catalog))).toEqual([104, 105]);
    expect(gids(exclusionScope(coupon({ excludedCollectionSourceIds: ['30'] }), catalog))).toEqual([101, 102]);
  });

  it('starts from the coupon’s own products or categories (either one covers an item), then takes the exclusions out', () => {
    expect(
      gids(
        exclusionScope(
          coupon({ collectionSourceIds: ['30'], productSourceIds: ['101'], excludedProductSourceIds: ['105'] }),
          catalog,
        ),
      ),
    ).toEqual([101, 103, 104]);
    expect(
      gids(exclusionScope(coupon({ collectionSourceIds: ['20'], excludedCollectionSourceIds: ['30'] }), catalog)),
    ).toEqual([101, 102]);
  });

  it('tells the merchant that a product added later is not in the code, and which of its products did not move', () => {
    const scope = exclusionScope(
      coupon({ productSourceIds: ['101', '999'], excludedProductSourceIds: ['102'] }),
      catalog,
    );
    expect(scope).toEqual({
      productIds: ['gid://shopify/Product/101'],
      missing: ['999'],
      notice:
        'Excludes products 102: the code applies to the other products it applied to that moved to Shopify (1), chosen one by one. A product added to Shopify later is not in the code; add it there if the discount should cover it.',
    });
  });

  it('refuses when nothing is left, or when a category’s place in the tree is unknown', () => {
    expect(
      gids(exclusionScope(coupon({ productSourceIds: ['102'], excludedCollectionSourceIds: ['20'] }), catalog)),
    ).toBe('Excludes categories 20, and none of the products that moved to Shopify is left for the code to apply to.');
    const unknown = {
      ...catalog,
      categoryParents: new Map<string, string | null>([
        ['20', null],
        ['21', '20'],
      ]),
    };
    expect(gids(exclusionScope(coupon({ excludedCollectionSourceIds: ['20'] }), unknown))).toContain(
      'where categories 30 sit in the category tree is not known',
    );
  });
});

describe('what no Shopify code holds exactly', () => {
  it('a fixed cart coupon’s exclusions (WooCommerce refuses the whole cart), but not a percentage or fixed product one’s', () => {
    const fixedCart = {
      value: { kind: 'fixed_amount', amount: '5.00', appliesOncePerOrder: true },
      excludedProductSourceIds: ['102'],
    };
    expect(broaderThanTheCoupon(coupon(fixedCart), catalog, false)).toEqual([
      'Excludes products 102: your old store refuses this fixed cart coupon for any cart holding one of them; a Shopify code would still take the amount off the other items.',
    ]);
    expect(
      broaderThanTheCoupon(
        coupon({ ...fixedCart, value: { kind: 'fixed_amount', amount: '5.00', appliesOncePerOrder: false } }),
        catalog,
        false,
      ),
    ).toEqual([]);
    expect(broaderThanTheCoupon(coupon({ excludedProductSourceIds: ['102'] }), catalog, false)).toEqual([]);
  });

  it('an excluded single variation, maximum spend, an item limit, sale items, and a free shipping coupon’s exclusions', () => {
    expect(broaderThanTheCoupon(coupon({ excludedProductSourceIds: ['1042'] }), catalog, false)).toEqual([
      expect.stringContaining('Excludes single variations 1042'),
    ]);
    const all = coupon({
      maximumSubtotal: '200.00',
      itemLimit: 1,
      excludesSaleItems: true,
      excludedCollectionSourceIds: ['30'],
    });
    expect(broaderThanTheCoupon(all, catalog, false).map((reason) => reason.split(':')[0])).toEqual([
      'Maximum spend 200.00',
      'Discounts at most 1 item per order',
      'Excludes sale items',
    ]);
    // An item limit does nothing to free shipping.
    expect(broaderThanTheCoupon(all, catalog, true).map((reason) => reason.split(':')[0])).toEqual([
      'Maximum spend 200.00',
      'Excludes sale items',
      'Excludes categories 30',
    ]);
  });
});
