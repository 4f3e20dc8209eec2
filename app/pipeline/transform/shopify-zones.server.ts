// Shopify's province codes for the countries Shipyard maps regions for, as Shopify publishes them in
// its address data (https://github.com/Shopify/worldwide, db/data/regions/<country>.yml, each zone's
// `code`). A country missing here has its region kept in the note rather than guessed at.

export interface CountryZones {
  /** Shopify's codes for this country are whole ISO 3166-2 codes ("JP-13"), not the part after the hyphen. */
  fullIsoCodes: boolean;
  codes: readonly string[];
}

const JAPAN = Array.from({ length: 47 }, (_, index) => `JP-${String(index + 1).padStart(2, '0')}`);

export const SHOPIFY_ZONES: Readonly<Record<string, CountryZones>> = {
  // US.yml: the states, DC, the territories and the armed forces' AA, AE, AP.
  US: {
    fullIsoCodes: false,
    codes: [
      'AL', 'AK', 'AS', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FM', 'FL', 'GA', 'GU', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MH', 'MD', 'MA', 'MI', 'MN',
      'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'MP', 'OH', 'OK', 'OR', 'PW', 'PA', 'PR', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA',
      'WV', 'WI', 'WY', 'VI', 'AA', 'AE', 'AP',
    ],
  },
  CA: { fullIsoCodes: false, codes: ['AB', 'BC', 'MB', 'NB', 'NL', 'NT', 'NS', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] },
  BR: { fullIsoCodes: false, codes: ['AC', 'AL', 'AP', 'AM', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MT', 'MS', 'MG', 'PA', 'PB', 'PR', 'PE', 'PI', 'RJ', 'RN', 'RS', 'RO', 'RR', 'SC', 'SP', 'SE', 'TO'] },
  AU: { fullIsoCodes: false, codes: ['ACT', 'NSW', 'NT', 'QLD', 'SA', 'TAS', 'VIC', 'WA'] },
  NZ: { fullIsoCodes: false, codes: ['AUK', 'BOP', 'CAN', 'CIT', 'GIS', 'HKB', 'MWT', 'MBH', 'NSN', 'NTL', 'OTA', 'STL', 'TKI', 'TAS', 'WKO', 'WGN', 'WTC'] },
  // JP.yml: "code: JP-13", the same as its iso_code.
  JP: { fullIsoCodes: true, codes: JAPAN },
};
