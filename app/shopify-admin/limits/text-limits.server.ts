// The lengths Shopify allows for the text Shipyard writes, and a text over one, cut at a word
// boundary to fit (what a migration does with it is app/pipeline/entities/long-text-rule.server.ts). Decision 0019.
//
// Shopify counts characters (not bytes or UTF-16 units): a customer's first and last name 255, a
// customer note 5,000 (CustomerMergePreviewBlockingFields.note: "over the 5000 character limit"), a
// tag 255 (OrderCreateUpsertCustomerAttributesInput.tags: "Each tag can have up to 255 characters"),
// a product title 255 (CombinedListingUpdateUserErrorCode.TITLE_TOO_LONG), a handle 255.
export const TEXT_LIMITS = { name: 255, note: 5000, tag: 255, title: 255, handle: 255 } as const;

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
  return head
    .slice(0, end)
    .join('')
    .replace(/[\s,;:–—-]+$/u, '');
}

export function longText(
  field: string,
  label: string,
  value: string | null | undefined,
  limit: number,
): LongText | null {
  if (!value || characters(value) <= limit) return null;
  return { field, label, limit, full: value, cut: cutAtWordBoundary(value, limit) };
}

/** Each tag over Shopify's 255 characters. */
export function longTags(tags: string[]): LongText[] {
  return tags.flatMap((tag) => longText('tags', 'a tag', tag, TEXT_LIMITS.tag) ?? []);
}

export const count = (value: number) => value.toLocaleString('en-US');

/** "the note has 5,312 characters and the title 300; Shopify allows 5,000 and 255" in one sentence per field. */
export function describeLongText(items: LongText[]): string {
  return items
    .map(
      (item) =>
        `${item.label.charAt(0).toUpperCase()}${item.label.slice(1)} has ${count(characters(item.full))} characters; Shopify allows ${count(item.limit)}.`,
    )
    .join(' ');
}
