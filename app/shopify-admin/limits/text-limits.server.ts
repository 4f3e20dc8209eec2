// The lengths Shopify allows for the text Shipyard writes, and what the merchant chose to do with a
// longer one: keep the record back with the reason, or cut the text at a word boundary, keep the
// full text in a metafield and report the cut. Decision 0019.
//
// Shopify counts characters (not bytes or UTF-16 units): a customer's first and last name 255, a
// customer note 5,000 (CustomerMergePreviewBlockingFields.note: "over the 5000 character limit"), a
// tag 255 (OrderCreateUpsertCustomerAttributesInput.tags: "Each tag can have up to 255 characters"),
// a product title 255 (CombinedListingUpdateUserErrorCode.TITLE_TOO_LONG), a handle 255.
import { z } from 'zod';

export const TEXT_LIMITS = { name: 255, note: 5000, tag: 255, title: 255, handle: 255 } as const;

export const LONG_TEXT_RULES = ['keep-back', 'cut'] as const;
export type LongTextRule = (typeof LONG_TEXT_RULES)[number];

/** The rule as the migration's options hold it (`longText`); keeping the record back unless the merchant chose to cut. */
export function longTextRule(options: unknown): LongTextRule {
  return z.object({ longText: z.enum(LONG_TEXT_RULES).default('keep-back') }).catch({ longText: 'keep-back' }).parse(options ?? {}).longText;
}

export const characters = (text: string) => [...text].length;

export interface LongText {
  /** The input field ("note", "title", "tags"). */
  field: string;
  /** The field as the merchant reads it ("the note"). */
  label: string;
  limit: number;
  full: string;
  /** The text cut at a word boundary to fit. */
  cut: string;
}

/**
 * The first `limit` characters, ending where a word ends when a space falls within them (else
 * exactly at the limit); spaces and dangling punctuation at the end are dropped.
 */
export function cutAtWordBoundary(text: string, limit: number): string {
  const chars = [...text];
  if (chars.length <= limit) return text;
  const head = chars.slice(0, limit);
  const next = chars[limit] ?? '';
  let end = head.length;
  if (!/\s/.test(next)) {
    const lastSpace = head.findLastIndex((char) => /\s/.test(char));
    if (lastSpace > 0) end = lastSpace;
  }
  return head.slice(0, end).join('').replace(/[\s,;:–—-]+$/u, '');
}

export function longText(field: string, label: string, value: string | null | undefined, limit: number): LongText | null {
  if (!value || characters(value) <= limit) return null;
  return { field, label, limit, full: value, cut: cutAtWordBoundary(value, limit) };
}

/** Each tag over Shopify's 255 characters. */
export function longTags(tags: string[]): LongText[] {
  return tags.flatMap((tag) => longText('tags', 'a tag', tag, TEXT_LIMITS.tag) ?? []);
}

const count = (value: number) => value.toLocaleString('en-US');

/** "the note has 5,312 characters and the title 300; Shopify allows 5,000 and 255" in one sentence per field. */
export function describeLongText(items: LongText[]): string {
  return items.map((item) => `${item.label.charAt(0).toUpperCase()}${item.label.slice(1)} has ${count(characters(item.full))} characters; Shopify allows ${count(item.limit)}.`).join(' ');
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
export function fullTextMetafields(items: LongText[]): { namespace: string; key: string; type: string; value: string }[] {
  const byKey = new Map<string, string[]>();
  for (const item of items) byKey.set(fullTextKey(item.field), [...(byKey.get(fullTextKey(item.field)) ?? []), item.full]);
  return [...byKey].map(([key, values]) => ({ namespace: 'shipyard', key, type: 'multi_line_text_field', value: values.join('\n') }));
}
