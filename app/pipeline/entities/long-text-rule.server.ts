// What the merchant chose to do with a text longer than Shopify allows (decision 0019): keep the
// record back with the reason, or cut the text at a word boundary, keep the full text in a
// metafield and report the cut. Shopify's lengths are app/shopify-admin/limits/text-limits.server.ts.
import { z } from 'zod';
import { type LongText, characters, count, describeLongText } from '../../shopify-admin/limits/text-limits.server.ts';

export const LONG_TEXT_RULES = ['keep-back', 'cut'] as const;
export type LongTextRule = (typeof LONG_TEXT_RULES)[number];

/** The rule as the migration's options hold it (`longText`); keeping the record back unless the merchant chose to cut. */
export function longTextRule(options: unknown): LongTextRule {
  return z
    .object({ longText: z.enum(LONG_TEXT_RULES).default('keep-back') })
    .catch({ longText: 'keep-back' })
    .parse(options ?? {}).longText;
}

/** Where the full text of each cut field is kept: the record's metafield shipyard.full_<field>. */
export const fullTextKey = (field: string) => `full_${field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}`;

export function keptBackReason(items: LongText[]): string {
  return `Kept back: ${describeLongText(items)} As chosen in the options, a record with text longer than Shopify allows is not cut; choose “Cut text longer than Shopify allows” (--cut-long-text) to move it cut at a word boundary with the full text kept.`;
}

export function cutReport(items: LongText[]): string {
  return `Cut to fit Shopify at a word boundary: ${items.map((item) => `${item.label} from ${count(characters(item.full))} to ${count(characters(item.cut))} characters`).join(', ')}; the full text is kept in the metafield${items.length > 1 ? 's' : ''} ${[...new Set(items.map((item) => `shipyard.${fullTextKey(item.field)}`))].join(', ')}.`;
}

/** The action the analysis says for a record with text too long, by the merchant's rule. */
export function longTextAction(rule: LongTextRule): string {
  return rule === 'cut'
    ? 'Cut at a word boundary to fit, as chosen in the options; the full text is kept in a metafield (shipyard.full_…) on the record.'
    : 'Kept back with the reason, as chosen in the options; choose “Cut text longer than Shopify allows” to move it cut at a word boundary with the full text kept.';
}

/** The metafields that keep the full text of each cut field (tags: one per line). */
export function fullTextMetafields(
  items: LongText[],
): { namespace: string; key: string; type: string; value: string }[] {
  const byKey = new Map<string, string[]>();
  for (const item of items)
    byKey.set(fullTextKey(item.field), [...(byKey.get(fullTextKey(item.field)) ?? []), item.full]);
  return [...byKey].map(([key, values]) => ({
    namespace: 'shipyard',
    key,
    type: 'multi_line_text_field',
    value: values.join('\n'),
  }));
}
