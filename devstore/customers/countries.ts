// A country's name from its two-letter code, as a MailingAddress shows it: Shopify stores an
// address given with `countryCode` (MailingAddressInput.countryCode, "The two-letter code for the
// country of the address"; `country` is deprecated: "Use `countryCode` instead") and reads it back
// with both `countryCodeV2` and `country` ("The name of the country").
// https://shopify.dev/docs/api/admin-graphql/latest/objects/MailingAddress
//
// The names come from the Unicode CLDR's English region names (Node's Intl), which is where
// Shopify's own English country names agree for the common cases ("Germany", "United States",
// "United Kingdom"); a few differ in wording (CLDR's "Hong Kong SAR China").
const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** The English name of an ISO 3166-1 alpha-2 country, or null for a code that names no country. */
export function countryName(countryCode: string | null | undefined): string | null {
  // ZZ is CLDR's "Unknown Region", not a country.
  if (!countryCode || !/^[A-Za-z]{2}$/.test(countryCode) || countryCode.toUpperCase() === 'ZZ') return null;
  return names.of(countryCode.toUpperCase()) ?? null;
}
