// Linking a past order line of a variation sold in any Size to the variant made for the size the
// shopper chose: read from the line as WooCommerce sends it, matched exactly or not at all.
import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../../connectors/model.ts';
import { mapOrder } from '../../../../connectors/woocommerce/map-shop.ts';
import { seedCatalog } from '../../../../connectors/woocommerce/fake/catalog.ts';
import { variationId } from '../../../../connectors/woocommerce/fake/store.ts';
import { type MadeVariant, variantChosen } from './made-variant.server.ts';

const made: MadeVariant[] = [
  { shopifyGid: 'gid://shopify/ProductVariant/1', open: [{ name: 'Size', value: 'Small' }] },
  { shopifyGid: 'gid://shopify/ProductVariant/2', open: [{ name: 'Size', value: 'Large' }] },
];
const line = (...chosen: [string, string][]) => ({ chosenOptions: chosen.map(([name, value]) => ({ name, value })) });

describe('the variant a line of a variation sold in any value was', () => {
  it('reads the shopper’s choices from the line’s meta data as WooCommerce sends it, leaving out its hidden entries', () => {
    const catalog = seedCatalog({
      products: 2,
      awkward: false,
      realProducts: true,
      anyVariationOrders: true,
      orders: 0,
      customers: 0,
    });
    const extracted = mapOrder(catalog.orderAt(1));
    if (!extracted.ok) throw new Error(extracted.reason);
    const lines = (extracted.record as OrderRecord).lineItems;
    const anySize = String(variationId(catalog.realId('any-size-beanie'), 1));
    expect(lines.map((each) => [each.variantSourceId, each.chosenOptions])).toEqual([
      [
        anySize,
        [
          { name: 'Color', value: 'Black' },
          { name: 'Size', value: 'Large' },
        ],
      ],
      [
        anySize,
        [
          { name: 'Color', value: 'Black' },
          { name: 'Size', value: 'Small' },
        ],
      ],
    ]);
  });

  it('is the variant whose open values are the ones chosen, names and values in any case; the fixed choices do not matter', () => {
    expect(variantChosen(line(['Color', 'Black'], ['Size', 'Large']), made)).toBe('gid://shopify/ProductVariant/2');
    expect(variantChosen(line(['size', 'small'], ['Color', 'Black']), made)).toBe('gid://shopify/ProductVariant/1');
  });

  it('matches every open option, in any order', () => {
    const two: MadeVariant[] = [
      {
        shopifyGid: 'a',
        open: [
          { name: 'Size', value: 'S' },
          { name: 'Fit', value: 'Slim' },
        ],
      },
      {
        shopifyGid: 'b',
        open: [
          { name: 'Size', value: 'S' },
          { name: 'Fit', value: 'Regular' },
        ],
      },
    ];
    expect(variantChosen(line(['Fit', 'Regular'], ['Size', 's']), two)).toBe('b');
    expect(variantChosen(line(['Size', 'S']), two)).toBeNull();
  });

  it('is none when the choice is missing, unknown, given twice or fits more than one variant', () => {
    expect(variantChosen(line(), made)).toBeNull();
    expect(variantChosen(line(['Size', 'Medium']), made)).toBeNull();
    expect(variantChosen(line(['Size', 'Small'], ['Size', 'Large']), made)).toBeNull();
    expect(
      variantChosen(line(['Size', 'Small']), [
        ...made,
        { shopifyGid: 'gid://shopify/ProductVariant/3', open: [{ name: 'Size', value: 'small' }] },
      ]),
    ).toBeNull();
    expect(variantChosen(line(['Size', 'Small']), [])).toBeNull();
  });
});
