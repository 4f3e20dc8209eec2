// WooCommerce's state codes as ISO 3166-2 subdivision codes ("JP13" → "JP-13"), so the canonical
// address says which region it means in a form every destination can read. WooCommerce keeps its
// own codes per country in i18n/states.php
// (https://github.com/woocommerce/woocommerce/blob/trunk/plugins/woocommerce/i18n/states.php) and
// sends them as they are in a customer's or order's `state`; only the countries below are known.
// Any other country's state gets no code: the address keeps the text WooCommerce sent, and the
// mapping to Shopify says so.

/** Countries whose WooCommerce codes are the part of the ISO 3166-2 code after the hyphen (states.php: US, CA's "QC", AU's "NSW", BR's "SP"). */
const ISO_SUFFIX = new Set(['US', 'CA', 'AU', 'BR']);

/** Countries whose WooCommerce codes are the country and the ISO number without the hyphen (states.php: "JP01" … "JP47", "TR01" … "TR81"). */
const ISO_WITHOUT_HYPHEN = new Set(['JP', 'TR']);

/** New Zealand: states.php has two-letter codes of its own; ISO 3166-2:NZ has three letters. */
const NZ: Record<string, string> = {
  NL: 'NTL', AK: 'AUK', WA: 'WKO', BP: 'BOP', TK: 'TKI', GI: 'GIS', HB: 'HKB', MW: 'MWT',
  WE: 'WGN', NS: 'NSN', MB: 'MBH', TM: 'TAS', WC: 'WTC', CT: 'CAN', OT: 'OTA', SL: 'STL',
};

/** The ISO 3166-2 code ("JP-13", "US-ME", "NZ-AUK") of a WooCommerce state, or null when Shipyard does not know the country's codes. */
export function isoSubdivision(country: string | null, state: string | null): string | null {
  if (!country || !state) return null;
  const code = state.trim().toUpperCase();
  // Several countries' codes in states.php are ISO codes already ("TH-10", "BD-13", "CL-RM").
  if (new RegExp(`^${country}-[A-Z0-9]{1,3}$`).test(code)) return code;
  if (ISO_SUFFIX.has(country) && /^[A-Z]{2,3}$/.test(code)) return `${country}-${code}`;
  if (ISO_WITHOUT_HYPHEN.has(country)) {
    const number = new RegExp(`^${country}(\\d{2})$`).exec(code)?.[1];
    return number ? `${country}-${number}` : null;
  }
  if (country === 'NZ') return NZ[code] ? `NZ-${NZ[code]}` : null;
  return null;
}
