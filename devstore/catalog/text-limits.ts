// The lengths Shopify allows for the text Shipyard writes, checked before anything is saved. Where
// the schema says so it is cited; Shopify counts characters, not UTF-16 units or bytes.
// - customer note 5,000: `CustomerMergePreviewBlockingFields.note` ("over the 5000 character limit");
// - order note 5,000: `Order.note` ("The maximum length is 5000 characters");
// - a tag 255: `OrderCreateUpsertCustomerAttributesInput.tags` ("Each tag can have up to 255
//   characters"), also taken for product tags;
// - product title 255: `CombinedListingUpdateUserErrorCode.TITLE_TOO_LONG` ("The title cannot be
//   longer than 255 characters.");
// - handle 255 and a customer's first and last name 255: Shopify's limits (the admin refuses more);
//   the schema names no number, only `CustomerSetUserErrorCode.TOO_LONG` ("The input value is too long.").
// Messages follow Shopify's userError wording ("Title can't be blank"): "<Field> is too long
// (maximum is <n> characters)".
import { normalizeTags } from './product-input.ts';

export const TEXT_LIMITS = { title: 255, handle: 255, tag: 255, name: 255, note: 5000 } as const;

export const characters = (text: string) => [...text].length;

export interface LengthError {
  field: string[];
  message: string;
}

/** One error per field longer than its limit; `label` is the field as the message names it ("First name"). */
export function tooLong(
  checks: { field: string[]; label: string; value: string | null | undefined; limit: number }[],
): LengthError[] {
  return checks.flatMap(({ field, label, value, limit }) =>
    typeof value === 'string' && characters(value) > limit
      ? [{ field, message: `${label} is too long (maximum is ${limit} characters)` }]
      : [],
  );
}

/** Each tag longer than Shopify allows, after the normalising Shopify does (split on commas, trimmed). */
export function tagsTooLong(tags: unknown, field: string[]): LengthError[] {
  return (normalizeTags(tags) ?? []).flatMap((tag, index) =>
    characters(tag) > TEXT_LIMITS.tag
      ? [{ field: [...field, String(index)], message: `Tag is too long (maximum is ${TEXT_LIMITS.tag} characters)` }]
      : [],
  );
}

/** A product's title, handle and tags against Shopify's lengths; `path` is where the input sits (["input"] for productSet). */
export function productTextErrors(
  input: { title?: string | null; handle?: string | null; tags?: unknown },
  path: string[],
): LengthError[] {
  return [
    ...tooLong([
      { field: [...path, 'title'], label: 'Title', value: input.title, limit: TEXT_LIMITS.title },
      { field: [...path, 'handle'], label: 'Handle', value: input.handle, limit: TEXT_LIMITS.handle },
    ]),
    ...tagsTooLong(input.tags, [...path, 'tags']),
  ];
}

/** A customer's names, note and tags against Shopify's lengths. */
export function customerTextErrors(
  input: { firstName?: string | null; lastName?: string | null; note?: string | null; tags?: unknown },
  path: string[],
): LengthError[] {
  return [
    ...tooLong([
      { field: [...path, 'firstName'], label: 'First name', value: input.firstName, limit: TEXT_LIMITS.name },
      { field: [...path, 'lastName'], label: 'Last name', value: input.lastName, limit: TEXT_LIMITS.name },
      { field: [...path, 'note'], label: 'Note', value: input.note, limit: TEXT_LIMITS.note },
    ]),
    ...tagsTooLong(input.tags, [...path, 'tags']),
  ];
}
