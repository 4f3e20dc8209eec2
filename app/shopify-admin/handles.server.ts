// Shopify's handle rules, to decide whether a source URL slug can stay the Shopify handle. Handles
// are lowercase, with whitespace and special characters as single hyphens and none at either end
// (https://shopify.dev/docs/api/liquid/basics#handles); since 2017 letters of any script are kept
// (https://shopify.dev/changelog/certain-properties-are-changing-to-support-a-full-utf-8-character-set),
// so "東京-cafe" or "доставка" are handles as they stand and keep their URL.

/** The handle Shopify makes of a text: accents off Latin letters, quotes and brackets dropped, "_" kept. */
export function toShopifyHandle(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/([A-Za-z])[\u0300-\u036f]+/g, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/['"()[\]]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}_]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Whether Shopify keeps this handle exactly as given (a slug that would change is left to Shopify to make from the title). */
export function isShopifyHandle(handle: string): boolean {
  return handle !== '' && toShopifyHandle(handle) === handle;
}
