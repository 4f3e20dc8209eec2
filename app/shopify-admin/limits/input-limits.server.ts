// Shopify's documented limits on what one request may carry (https://shopify.dev/docs/api/usage/limits#input-limits).

/** Shopify refuses an input array over 250 items… */
export const MAX_INPUT_ARRAY = 250;
/** …but a product may have 3 options and 2,048 variants (an option's values may reach as many). */
export const MAX_OPTIONS = 3;
export const MAX_VARIANTS = 2048;
/** urlRedirectCreate refuses a path longer than this ("Path is too long (maximum is 1024 characters)"). */
export const MAX_REDIRECT_PATH = 1024;
/** Shopify refuses a json metafield value over 128KB (API 2026-04 and later). */
export const MAX_JSON_METAFIELD_BYTES = 128 * 1024;
