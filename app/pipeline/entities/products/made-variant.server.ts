// Which Shopify variant a past order line of a WooCommerce variation sold in "any" value (any
// Size) was: the variation became one variant per value it left open (decision 0025), and the
// line says which value the shopper chose. Only an exact, single match links the line.
import type { OrderRecord } from '../../../../connectors/model.ts';

/** One variant made from a variation: the values it has for the options the variation left open. */
export interface MadeVariant {
  shopifyGid: string;
  open: { name: string; value: string }[];
}

type Line = OrderRecord['lineItems'][number];

const same = (a: string, b: string) => a.trim().localeCompare(b.trim(), undefined, { sensitivity: 'accent' }) === 0;

/**
 * The variant whose open values are exactly what the shopper chose for those options (names and
 * values compared without regard to case, in any order), or null when none or more than one fits:
 * a line that cannot be told apart stays a custom item rather than be linked to the wrong size.
 */
export function variantChosen(line: Pick<Line, 'chosenOptions'>, made: readonly MadeVariant[]): string | null {
  const fits = made.filter(
    (variant) =>
      variant.open.length > 0 &&
      variant.open.every((pick) => {
        const chosen = line.chosenOptions.filter((option) => same(option.name, pick.name));
        return chosen.length === 1 && chosen.every((option) => same(option.value, pick.value));
      }),
  );
  return fits.length === 1 ? (fits[0]?.shopifyGid ?? null) : null;
}
