// WooCommerce's state codes as ISO 3166-2 subdivision codes ("JP13" → "JP-13"), so the canonical
// address says which region it means in a form every destination can read. WooCommerce keeps its
// own codes per country in i18n/states.php
// (https://github.com/woocommerce/woocommerce/blob/trunk/plugins/woocommerce/i18n/states.php) and
// sends them as they are in a customer's or order's `state`. Where ISO has changed a code, the ISO
// code here is the one Shopify's address data gives the region (https://github.com/Shopify/worldwide,
// db/data/regions/<country>.yml, `iso_code`), so the two meet. Any other country's state gets no
// code: the address keeps the text WooCommerce sent, and the mapping to Shopify says so.

/**
 * Countries whose WooCommerce codes are the part of the ISO 3166-2 code after the hyphen (states.php:
 * US, CA's "QC", AU's "NSW", BR's "SP", IT's "RM", ES's "C", IE's "D", AR's "B", ID's "JK", RO's "B",
 * NG's "LA", IN's "MH", ZA's "KZN", PE's "LIM", PH's "CEB"; GT's "GU" and VE's "A" in WooCommerce
 * before it wrote them "GT-GU", "VE-A").
 */
const ISO_SUFFIX = new Set([
  'US',
  'CA',
  'AU',
  'BR',
  'IT',
  'ES',
  'IE',
  'AR',
  'ID',
  'RO',
  'NG',
  'IN',
  'ZA',
  'PE',
  'PH',
  'GT',
  'VE',
]);

/** Countries whose WooCommerce codes are the country and the ISO code without the hyphen (states.php: "JP01" … "JP47", "TR01" … "TR81", "EGALX", "EGC"). */
const ISO_WITHOUT_HYPHEN = new Set(['JP', 'TR', 'EG']);

/** New Zealand: states.php had two-letter codes of its own; ISO 3166-2:NZ (and WooCommerce since) has three letters. */
const NZ: Record<string, string> = {
  NL: 'NTL',
  AK: 'AUK',
  WA: 'WKO',
  BP: 'BOP',
  TK: 'TKI',
  GI: 'GIS',
  HB: 'HKB',
  MW: 'MWT',
  WE: 'WGN',
  NS: 'NSN',
  MB: 'MBH',
  TM: 'TAS',
  WC: 'WTC',
  CT: 'CAN',
  OT: 'OTA',
  SL: 'STL',
};

/**
 * Codes that are not the ISO code after the hyphen, per country, each matched by the region's name in
 * states.php and in Shopify's <country>.yml.
 */
const DIFFERENT: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // China: states.php numbers the provinces "CN1" (Yunnan) … "CN32" (Xinjiang); CN.yml uses ISO's
  // letters ("BJ" Beijing; Tibet "YZ" with iso_code CN-XZ). Macao ("CN30") is a country of its own
  // in Shopify's data, with no zone in CN.yml, so it stays unmatched there.
  CN: {
    CN1: 'CN-YN',
    CN2: 'CN-BJ',
    CN3: 'CN-TJ',
    CN4: 'CN-HE',
    CN5: 'CN-SX',
    CN6: 'CN-NM',
    CN7: 'CN-LN',
    CN8: 'CN-JL',
    CN9: 'CN-HL',
    CN10: 'CN-SH',
    CN11: 'CN-JS',
    CN12: 'CN-ZJ',
    CN13: 'CN-AH',
    CN14: 'CN-FJ',
    CN15: 'CN-JX',
    CN16: 'CN-SD',
    CN17: 'CN-HA',
    CN18: 'CN-HB',
    CN19: 'CN-HN',
    CN20: 'CN-GD',
    CN21: 'CN-GX',
    CN22: 'CN-HI',
    CN23: 'CN-CQ',
    CN24: 'CN-SC',
    CN25: 'CN-GZ',
    CN26: 'CN-SN',
    CN27: 'CN-GS',
    CN28: 'CN-QH',
    CN29: 'CN-NX',
    CN30: 'CN-MO',
    CN31: 'CN-XZ',
    CN32: 'CN-XJ',
  },
  // Mexico: states.php has two letters of its own ("DF", "JA", "NL"); MX.yml gives each state's ISO
  // code (`iso_code: MX-CMX`, "MX-JAL", "MX-NLE").
  MX: {
    DF: 'MX-CMX',
    JA: 'MX-JAL',
    NL: 'MX-NLE',
    AG: 'MX-AGU',
    BC: 'MX-BCN',
    BS: 'MX-BCS',
    CM: 'MX-CAM',
    CS: 'MX-CHP',
    CH: 'MX-CHH',
    CO: 'MX-COA',
    CL: 'MX-COL',
    DG: 'MX-DUR',
    GT: 'MX-GUA',
    GR: 'MX-GRO',
    HG: 'MX-HID',
    MX: 'MX-MEX',
    MI: 'MX-MIC',
    MO: 'MX-MOR',
    NA: 'MX-NAY',
    OA: 'MX-OAX',
    PU: 'MX-PUE',
    QT: 'MX-QUE',
    QR: 'MX-ROO',
    SL: 'MX-SLP',
    SI: 'MX-SIN',
    SO: 'MX-SON',
    TB: 'MX-TAB',
    TM: 'MX-TAM',
    TL: 'MX-TLA',
    VE: 'MX-VER',
    YU: 'MX-YUC',
    ZA: 'MX-ZAC',
  },
  // Malaysia: states.php's three letters ("JHR") are Shopify's codes too; MY.yml gives ISO's numbers (`iso_code: MY-01`).
  MY: {
    JHR: 'MY-01',
    KDH: 'MY-02',
    KTN: 'MY-03',
    MLK: 'MY-04',
    NSN: 'MY-05',
    PHG: 'MY-06',
    PNG: 'MY-07',
    PRK: 'MY-08',
    PLS: 'MY-09',
    SGR: 'MY-10',
    TRG: 'MY-11',
    SBH: 'MY-12',
    SWK: 'MY-13',
    KUL: 'MY-14',
    LBN: 'MY-15',
    PJY: 'MY-16',
  },
  // Hong Kong: states.php keys the areas by their English names; HK.yml has HK-HK, HK-KL, HK-NT.
  HK: { 'HONG KONG': 'HK-HK', KOWLOON: 'HK-KL', 'NEW TERRITORIES': 'HK-NT' },
  // Italy: Aosta is "AO" in states.php; ISO deleted IT-AO in 2019 and IT.yml gives it `iso_code: IT-23`.
  IT: { AO: 'IT-23' },
  // India: states.php's Telangana "TS" and Uttarakhand "UK" are ISO's IN-TG and IN-UT (IN.yml's iso_code).
  IN: { TS: 'IN-TG', UK: 'IN-UT' },
  // Philippines: states.php's Davao Occidental "DAC" and Siquijor "SIQ" are ISO's PH-DVO and PH-SIG (PH.yml).
  PH: { DAC: 'PH-DVO', SIQ: 'PH-SIG' },
};

/** The ISO 3166-2 code ("JP-13", "US-ME", "NZ-AUK", "MX-CMX") of a WooCommerce state, or null when Shipyard does not know the country's codes. */
export function isoSubdivision(country: string | null, state: string | null): string | null {
  if (!country || !state) return null;
  const code = state.trim().toUpperCase();
  // Several countries' codes in states.php are ISO codes already ("TH-10", "CL-RM", "PA-10", "UY-MO").
  if (new RegExp(`^${country}-[A-Z0-9]{1,3}$`).test(code)) return code;
  const different = DIFFERENT[country]?.[code];
  if (different) return different;
  if (ISO_SUFFIX.has(country) && /^[A-Z0-9]{1,3}$/.test(code)) return `${country}-${code}`;
  if (ISO_WITHOUT_HYPHEN.has(country)) {
    const rest = new RegExp(`^${country}([A-Z0-9]{1,3})$`).exec(code)?.[1];
    return rest ? `${country}-${rest}` : null;
  }
  if (country === 'NZ') {
    const iso = NZ[code] ?? (Object.values(NZ).includes(code) ? code : undefined);
    return iso ? `NZ-${iso}` : null;
  }
  return null;
}
