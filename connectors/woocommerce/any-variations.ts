// WooCommerce variations that leave an attribute open ("any Size"): a variation lists only the
// attributes it fixes, and one missing (or with an empty option) sells in every value of it
// (https://woocommerce.com/document/variable-product/, "Any [attribute]"; REST v3 product
// variation `attributes`). Shopify needs one value per option on every variant, so such a
// variation becomes one variant per value it left open; an attribute that no variation fixes is
// no option at all, and is kept as product data. Decision 0025 says why.
import type { WooProduct, WooVariation } from './responses.ts';
import { decodeEntities } from './text.ts';

type Attribute = WooProduct['attributes'][number];

/** Variants a product may have in Shopify; an expansion beyond it is kept back before it is built. */
export const VARIANT_CEILING = 2048;

/** One value chosen per option, in the options' order; `open` names the options the variation left open. */
export interface Combination {
  variation: WooVariation;
  values: { option: string; value: string }[];
  open: string[];
}

export interface VariationPlan {
  options: { name: string; values: string[] }[];
  /** Attributes used for variations that no variation fixes: not options, kept as product data. */
  openOptions: { name: string; values: string[] }[];
  combinations: Combination[];
}

const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/** Whether a variation's attribute is this option: global attributes by id, local ones by name. */
function matches(option: Attribute, picked: { id: number; name: string }): boolean {
  return option.id > 0 ? picked.id === option.id : picked.id === 0 && same(picked.name, option.name);
}

/** The value the variation fixes for this attribute, or null when it sells in any. */
function fixedValue(variation: WooVariation, axis: Attribute): string | null {
  const picked = variation.attributes.find((attribute) => matches(axis, attribute));
  return picked && picked.option.trim() !== '' ? decodeEntities(picked.option) : null;
}

function cartesian(lists: { option: string; value: string }[][]): { option: string; value: string }[][] {
  return lists.reduce<{ option: string; value: string }[][]>(
    (rows, list) => rows.flatMap((row) => list.map((pick) => [...row, pick])),
    [[]],
  );
}

const key = (values: { option: string; value: string }[]) => JSON.stringify(values.map((pick) => pick.value));

/**
 * The options and one combination per Shopify variant, or why the product cannot move. A
 * combination a fully chosen variation has is that variation's; otherwise the first variation (in
 * WooCommerce's order) that sells in it takes it, as WooCommerce matches a shopper's choice to the
 * first variation that fits.
 */
export function planVariations(product: WooProduct, variations: WooVariation[]): VariationPlan | string {
  const axes = product.attributes.filter((attribute) => attribute.variation).sort((a, b) => a.position - b.position);
  const fixedBySome = (axis: Attribute) => variations.some((variation) => fixedValue(variation, axis) !== null);
  const openOptions = axes
    .filter((axis) => !fixedBySome(axis))
    .map((axis) => ({ name: decodeEntities(axis.name), values: axis.options.map(decodeEntities) }));
  const varied = axes.filter(fixedBySome);
  const options = varied.map((axis) => ({ name: decodeEntities(axis.name), values: axis.options.map(decodeEntities) }));

  const candidates = variations.map((variation) => {
    const lists = varied.map((axis, position) => {
      const option = options[position] ?? { name: axis.name, values: [] };
      const chosen = fixedValue(variation, axis);
      if (chosen === null) return option.values.map((value) => ({ option: option.name, value }));
      // Global attribute values can come back as slugs ("black"); use the spelling the product lists.
      const value = option.values.find((known) => same(known, chosen)) ?? chosen;
      if (!option.values.includes(value)) option.values.push(value);
      return [{ option: option.name, value }];
    });
    const open = varied.flatMap((axis, position) =>
      fixedValue(variation, axis) === null ? [options[position]?.name ?? axis.name] : [],
    );
    return { variation, lists, open };
  });
  const total = candidates.reduce(
    (sum, candidate) => sum + candidate.lists.reduce((product, list) => product * list.length, 1),
    0,
  );
  if (total > VARIANT_CEILING) {
    return `its variations sold in “any” value would become ${total} variants, one per value; Shopify allows ${VARIANT_CEILING} per product, so choose the values of some variations in WooCommerce`;
  }

  const chosen = new Map<string, number>();
  for (const candidate of candidates.filter((each) => each.open.length === 0)) {
    const values = candidate.lists.map((list) => list[0] ?? { option: '', value: '' });
    const first = chosen.get(key(values));
    if (first !== undefined) {
      const named =
        values.length > 0
          ? values.map((pick) => `${pick.option}: ${pick.value}`).join(', ')
          : 'no option values at all';
      return `variations #${first} and #${candidate.variation.id} are the same (${named}); WooCommerce sells only the first, and Shopify needs each variant to differ, so delete or change the other in WooCommerce`;
    }
    chosen.set(key(values), candidate.variation.id);
  }
  const taken = new Set(chosen.keys());
  const combinations: Combination[] = [];
  for (const candidate of candidates) {
    if (candidate.open.length === 0) {
      combinations.push({
        variation: candidate.variation,
        values: candidate.lists.map((list) => list[0] ?? { option: '', value: '' }),
        open: [],
      });
      continue;
    }
    for (const values of cartesian(candidate.lists)) {
      if (taken.has(key(values))) continue;
      taken.add(key(values));
      combinations.push({ variation: candidate.variation, values, open: candidate.open });
    }
  }
  return { options, openOptions, combinations };
}

/**
 * The stock of one variation shared out between the `count` variants made from it, so that Shopify
 * never sells more than the merchant has: as evenly as whole units allow, the first ones one more.
 */
export function shareOfStock(quantity: number, count: number, index: number): number {
  const each = Math.floor(quantity / count);
  return each + (index < quantity - each * count ? 1 : 0);
}

/** A SKU for one of several variants made from one variation: the variation's, with the values it left open. */
export function expandedSku(sku: string | null, openValues: string[]): string | null {
  return sku ? [sku, ...openValues.map((value) => value.trim().replace(/\s+/g, '-'))].join('-') : null;
}
