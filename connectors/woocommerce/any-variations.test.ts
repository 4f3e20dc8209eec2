// The rules for WooCommerce variations sold in "any" value: expansion, chosen variations first,
// options no variation chooses, the ceiling, stock shared out and SKUs kept apart.
import { describe, expect, it } from 'vitest';
import { expandedSku, planVariations, shareOfStock, VARIANT_CEILING } from './any-variations.ts';
import { WooProduct, WooVariation } from './responses.ts';

const attribute = (id: number, name: string, options: string[], position: number, variation = true) => ({
  id,
  name,
  position,
  variation,
  options,
});
const product = (attributes: ReturnType<typeof attribute>[]) =>
  WooProduct.parse({
    id: 1,
    name: 'Tee',
    slug: 'tee',
    permalink: '',
    type: 'variable',
    description: '',
    short_description: '',
    status: 'publish',
    sku: '',
    regular_price: '',
    sale_price: '',
    tax_status: 'taxable',
    stock_status: 'instock',
    backorders: 'no',
    weight: '',
    external_url: '',
    button_text: '',
    purchase_note: '',
    attributes,
  });
const variation = (id: number, picks: [number, string, string][]) =>
  WooVariation.parse({
    id,
    sku: `V${id}`,
    regular_price: '10',
    sale_price: '',
    status: 'publish',
    tax_status: 'taxable',
    stock_status: 'instock',
    backorders: 'no',
    weight: '',
    attributes: picks.map(([attributeId, name, option]) => ({ id: attributeId, name, option })),
  });

const COLOR = attribute(1, 'Color', ['Red', 'Blue'], 0);
const SIZE = attribute(2, 'Size', ['S', 'M', 'L'], 1);

describe('planVariations', () => {
  it('expands an open Size into every Size, leaving a combination a chosen variation has to that one', () => {
    const plan = planVariations(product([COLOR, SIZE]), [
      variation(10, [[1, 'Color', 'Red']]),
      variation(11, [
        [1, 'Color', 'Red'],
        [2, 'Size', 'M'],
      ]),
      variation(12, [
        [1, 'Color', 'Blue'],
        [2, 'Size', ''],
      ]),
    ]);
    if (typeof plan === 'string') throw new Error(plan);
    expect(plan.options.map((option) => option.name)).toEqual(['Color', 'Size']);
    expect(plan.openOptions).toEqual([]);
    expect(
      plan.combinations.map((combination) => [
        combination.variation.id,
        combination.values.map((pick) => pick.value).join('/'),
        combination.open.join(),
      ]),
    ).toEqual([
      [10, 'Red/S', 'Size'],
      [10, 'Red/L', 'Size'],
      [11, 'Red/M', ''],
      [12, 'Blue/S', 'Size'],
      [12, 'Blue/M', 'Size'],
      [12, 'Blue/L', 'Size'],
    ]);
  });

  it('an attribute every variation leaves open is no option: it is kept as product data', () => {
    const plan = planVariations(product([COLOR, SIZE]), [
      variation(10, [[1, 'Color', 'Red']]),
      variation(11, [[1, 'Color', 'Blue']]),
    ]);
    if (typeof plan === 'string') throw new Error(plan);
    expect(plan.options).toEqual([{ name: 'Color', values: ['Red', 'Blue'] }]);
    expect(plan.openOptions).toEqual([{ name: 'Size', values: ['S', 'M', 'L'] }]);
    expect(plan.combinations.map((combination) => combination.open)).toEqual([[], []]);
  });

  it('keeps the product back when two variations are the same, rather than sell only one of them unsaid', () => {
    expect(
      planVariations(product([COLOR, SIZE]), [
        variation(10, [[1, 'Color', 'Red']]),
        variation(11, [
          [1, 'Color', 'Red'],
          [2, 'Size', ''],
        ]),
      ]),
    ).toBe(
      'variations #10 and #11 are the same (Color: Red); WooCommerce sells only the first, and Shopify needs each variant to differ, so delete or change the other in WooCommerce',
    );
  });

  it('keeps the product back when the expansion would pass Shopify’s 2,048 variants, before building it', () => {
    const many = Array.from({ length: 50 }, (_, index) => `V${index}`);
    const plan = planVariations(product([attribute(1, 'A', many, 0), attribute(2, 'B', many, 1)]), [
      variation(10, [
        [1, 'A', 'V0'],
        [2, 'B', 'V0'],
      ]),
      variation(11, []),
    ]);
    expect(plan).toBe(
      `its variations sold in “any” value would become 2501 variants, one per value; Shopify allows ${VARIANT_CEILING} per product, so choose the values of some variations in WooCommerce`,
    );
  });
});

describe('shareOfStock', () => {
  it('shares a count out in whole units that add up to it, the first ones one more', () => {
    expect([0, 1, 2].map((index) => shareOfStock(7, 3, index))).toEqual([3, 2, 2]);
    expect([0, 1, 2].map((index) => shareOfStock(-4, 3, index))).toEqual([-1, -1, -2]);
    expect([0, 1, 2].map((index) => shareOfStock(0, 3, index))).toEqual([0, 0, 0]);
  });
});

describe('expandedSku', () => {
  it('adds the values left open, so each variant has its own SKU; none stays none', () => {
    expect(expandedSku('woo-vneck-tee-red', ['Extra Large'])).toBe('woo-vneck-tee-red-Extra-Large');
    expect(expandedSku(null, ['M'])).toBeNull();
  });
});
