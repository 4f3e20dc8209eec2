// The regions Shopify knows per country, for a MailingAddressInput's `provinceCode` ("The code for
// the region of the address, such as the province, state, or district. For example QC for Quebec,
// Canada.") and its deprecated `province` ("Use `provinceCode` instead."). The codes are Shopify's
// own, as it publishes them in its address data (https://github.com/Shopify/worldwide,
// db/data/regions/<country>.yml, each zone's `code`): mostly the ISO 3166-2 code after the hyphen
// ("ME", "AUK"), the whole ISO code for Japan ("JP-13").
//
// Shopify documents no error for a code that is not one of the country's regions; devstore takes the
// stricter choice and refuses it (INVALID, in devstore's words). Only the countries listed here are
// checked: for any other country devstore does not know Shopify's regions and takes what it is given.

const JAPAN = Array.from({ length: 47 }, (_, index) => `JP-${String(index + 1).padStart(2, '0')}`);

const ZONES: Readonly<Record<string, readonly string[]>> = {
  US: [
    'AL', 'AK', 'AS', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FM', 'FL', 'GA', 'GU', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MH', 'MD', 'MA', 'MI', 'MN',
    'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'MP', 'OH', 'OK', 'OR', 'PW', 'PA', 'PR', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA',
    'WV', 'WI', 'WY', 'VI', 'AA', 'AE', 'AP',
  ],
  CA: ['AB', 'BC', 'MB', 'NB', 'NL', 'NT', 'NS', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'],
  BR: ['AC', 'AL', 'AP', 'AM', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MT', 'MS', 'MG', 'PA', 'PB', 'PR', 'PE', 'PI', 'RJ', 'RN', 'RS', 'RO', 'RR', 'SC', 'SP', 'SE', 'TO'],
  AU: ['ACT', 'NSW', 'NT', 'QLD', 'SA', 'TAS', 'VIC', 'WA'],
  NZ: ['AUK', 'BOP', 'CAN', 'CIT', 'GIS', 'HKB', 'MWT', 'MBH', 'NSN', 'NTL', 'OTA', 'STL', 'TKI', 'TAS', 'WKO', 'WGN', 'WTC'],
  JP: JAPAN,
};

interface RegionInput {
  countryCode?: string | null;
  province?: string | null;
  provinceCode?: string | null;
}

/** The address's region fields that are not one of its country's regions, each with devstore's message. */
export function regionErrors(address: RegionInput, field: string[]): { field: string[]; message: string }[] {
  const zones = address.countryCode ? ZONES[address.countryCode] : undefined;
  if (!zones) return [];
  return (['provinceCode', 'province'] as const)
    .filter((key) => {
      const value = address[key];
      return typeof value === 'string' && value !== '' && !zones.includes(value);
    })
    .map((key) => ({ field: [...field, key], message: `${key === 'provinceCode' ? 'Province code' : 'Province'} "${address[key] ?? ''}" is not a region of ${address.countryCode ?? ''}` }));
}
