// The warnings a migration keeps for the merchant (MigrationProblem rows: analysis findings and what
// the writing changed), by code, in the merchant's words: the review page, the CLI and the CSV report
// all label them from here.

/** Each problem code (analysis findings and write-time problems) as a heading a merchant reads. */
export const PROBLEM_TITLES: Record<string, string> = {
  'unreadable-record': 'Records that could not be read',
  'too-many-options': 'Products with more than 3 options',
  'too-many-variants': 'Products with more than 2,048 variants',
  'missing-sku': 'Variants without a SKU',
  'invalid-handle': 'URL slugs Shopify would change',
  'broken-html': 'Descriptions with broken HTML',
  'image-unreachable': 'Images that cannot be fetched',
  'duplicate-sku': 'SKUs used more than once',
  'duplicate-handle': 'URL slugs used by several products',
  'source-limit': 'What the old store does not let Shipyard read',
  'image-not-moved': 'Images Shopify could not download',
  'handle-taken': 'Addresses already used in your Shopify store',
  'password-protected': 'Password-protected pages and posts, moved hidden',
  'customer-email-invalid': 'Customers with an email address that is not valid',
  'customer-phone-invalid': 'Customers with a phone number that is not valid',
  'order-phone-invalid': 'Orders with a phone number that is not valid',
  'address-region-unmatched': 'Addresses whose region has no Shopify province code',
  'customer-phone-taken': 'Phone numbers another customer already has',
  'customer-merged': 'Customers who signed up more than once',
  'order-total-differs': 'Orders whose total Shopify computes differently',
  'order-product-missing': 'Orders for products that no longer exist',
  'discount-restriction-not-kept': 'Coupon rules Shopify discount codes cannot hold',
  'discount-free-shipping-not-kept': 'Coupons giving free shipping beside a discount',
  'discount-limit-changed': 'Coupons with uses already made',
  'discount-products-missing': 'Coupons for products that did not move',
  'discount-customers-missing': 'Coupons for customers not in Shopify',
  'discount-kept-back': 'Coupons kept back: Shopify’s codes would give more than they did',
  'discount-made-broader': 'Coupons made broader than they were, as you chose',
  'discount-exclusions-as-products': 'Coupons with exclusions, made for the products that moved',
  'customer-data-access': 'Customers and orders Shopify has not approved Shipyard to use',
  'text-too-long': 'Text longer than Shopify allows',
  'stays-unpublished': 'Products that move unpublished',
  'store-page-not-moved': 'The old store’s own pages, replaced by Shopify’s',
  'store-page-policy': 'Policy pages Shopify keeps as policies',
  'link-not-moved': 'Links to pages or products that did not move',
  'body-image-not-moved': 'Images in pages and posts Shopify could not download',
  'review-awaiting-moderation': 'Reviews awaiting moderation, kept back',
  'external-product': 'External (affiliate) products, moved as drafts',
  'downloadable-product': 'Downloadable products: files need a digital downloads app',
  'any-value-variation': 'Variations sold in any size, colour…: one variant per value',
  'any-value-option': 'Options no variation chooses, kept as product data',
};

/** A heading for a problem kind without its own words yet: "some-code" reads "Some code". */
export function problemTitle(code: string): string {
  return PROBLEM_TITLES[code] ?? code.charAt(0).toUpperCase() + code.slice(1).replace(/-/g, ' ');
}
