// Shopify's province codes per country, as Shopify publishes them in its address data
// (https://github.com/Shopify/worldwide, db/data/regions/<country>.yml): each zone's `code`, the value
// MailingAddressInput.provinceCode takes, and its ISO 3166-2 code (the zone's `iso_code`; where the file
// gives none, the country and the code joined by a hyphen). Shipyard's canonical addresses carry ISO codes,
// so this is how a region finds Shopify's code. A country missing here (Turkey: Shopify keeps no regions for
// it) has its region kept in the note rather than guessed at.

export interface CountryZones {
  /** Shopify's codes for the country's regions, each zone's `code`. */
  codes: readonly string[];
  /** Zones whose `iso_code` is not the country and the code joined by a hyphen (MX's "AGS" is MX-AGU). */
  isoCodes?: Readonly<Record<string, string>>;
}

const JAPAN = Array.from({ length: 47 }, (_, index) => `JP-${String(index + 1).padStart(2, '0')}`);

// A table, kept a country to a line or a few as Shopify lists them, so the formatter leaves it be.
// prettier-ignore
export const SHOPIFY_ZONES: Readonly<Record<string, CountryZones>> = {
  // US.yml: the states, DC, the territories and the armed forces' AA, AE, AP.
  US: {
    codes: [
      'AL', 'AK', 'AS', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FM', 'FL', 'GA', 'GU', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MH', 'MD', 'MA', 'MI', 'MN',
      'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'MP', 'OH', 'OK', 'OR', 'PW', 'PA', 'PR', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA',
      'WV', 'WI', 'WY', 'VI', 'AA', 'AE', 'AP',
    ],
  },
  CA: { codes: ['AB', 'BC', 'MB', 'NB', 'NL', 'NT', 'NS', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] },
  BR: { codes: ['AC', 'AL', 'AP', 'AM', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MT', 'MS', 'MG', 'PA', 'PB', 'PR', 'PE', 'PI', 'RJ', 'RN', 'RS', 'RO', 'RR', 'SC', 'SP', 'SE', 'TO'] },
  AU: { codes: ['ACT', 'NSW', 'NT', 'QLD', 'SA', 'TAS', 'VIC', 'WA'] },
  NZ: { codes: ['AUK', 'BOP', 'CAN', 'CIT', 'GIS', 'HKB', 'MWT', 'MBH', 'NSN', 'NTL', 'OTA', 'STL', 'TKI', 'TAS', 'WKO', 'WGN', 'WTC'] },
  // JP.yml: "code: JP-13", the same as its iso_code.
  JP: { codes: JAPAN },
  // IT.yml: the provinces, Aosta's `code: AO` with `iso_code: IT-23`; Olbia-Tempio (OT) is `deprecated: true` and left out; Sud Sardegna (SU) is not there yet.
  IT: {
    codes: [
      'AG', 'AL', 'AN', 'AO', 'AR', 'AP', 'AT', 'AV', 'BA', 'BT', 'BL', 'BN', 'BG', 'BI', 'BO', 'BZ', 'BS', 'BR', 'CA', 'CL', 'CB', 'CI', 'CE', 'CT',
      'CZ', 'CH', 'CO', 'CS', 'CR', 'KR', 'CN', 'EN', 'FM', 'FE', 'FI', 'FG', 'FC', 'FR', 'GE', 'GO', 'GR', 'IM', 'IS', 'AQ', 'SP', 'LT', 'LE', 'LC',
      'LI', 'LO', 'LU', 'MC', 'MN', 'MS', 'MT', 'VS', 'ME', 'MI', 'MO', 'MB', 'NA', 'NO', 'NU', 'OG', 'OR', 'PD', 'PA', 'PR', 'PV', 'PG', 'PU', 'PE',
      'PC', 'PI', 'PT', 'PN', 'PZ', 'PO', 'RG', 'RA', 'RC', 'RE', 'RI', 'RN', 'RM', 'RO', 'SA', 'SS', 'SV', 'SI', 'SR', 'SO', 'TA', 'TE', 'TR', 'TO',
      'TP', 'TN', 'TV', 'TS', 'UD', 'VA', 'VE', 'VB', 'VC', 'VR', 'VV', 'VI', 'VT',
    ],
    isoCodes: { AO: 'IT-23' },
  },
  // ES.yml: the provinces, by the letters of ISO 3166-2:ES ("C" A Coruña, "PM" Balears).
  ES: {
    codes: [
      'C', 'VI', 'AB', 'A', 'AL', 'O', 'AV', 'BA', 'PM', 'B', 'BU', 'CC', 'CA', 'S', 'CS', 'CE', 'CR', 'CO', 'CU', 'GI', 'GR', 'GU', 'SS', 'H', 'HU',
      'J', 'LO', 'GC', 'LE', 'L', 'LU', 'M', 'MA', 'ML', 'MU', 'NA', 'OR', 'P', 'PO', 'SA', 'TF', 'SG', 'SE', 'SO', 'T', 'TE', 'TO', 'V', 'VA', 'BI',
      'ZA', 'Z',
    ],
  },
  // MX.yml: Shopify's own state abbreviations ("AGS", "Q ROO"), each with its ISO code (`iso_code: MX-AGU`).
  MX: {
    codes: [
      'AGS', 'BC', 'BCS', 'CAMP', 'CHIS', 'CHIH', 'DF', 'COAH', 'COL', 'DGO', 'GTO', 'GRO', 'HGO', 'JAL', 'MEX', 'MICH', 'MOR', 'NAY', 'NL', 'OAX',
      'PUE', 'QRO', 'Q ROO', 'SLP', 'SIN', 'SON', 'TAB', 'TAMPS', 'TLAX', 'VER', 'YUC', 'ZAC',
    ],
    isoCodes: { AGS: 'MX-AGU', BC: 'MX-BCN', CAMP: 'MX-CAM', CHIS: 'MX-CHP', CHIH: 'MX-CHH', DF: 'MX-CMX', COAH: 'MX-COA', DGO: 'MX-DUR', GTO: 'MX-GUA', HGO: 'MX-HID', MICH: 'MX-MIC', NL: 'MX-NLE', QRO: 'MX-QUE', 'Q ROO': 'MX-ROO', TAMPS: 'MX-TAM', TLAX: 'MX-TLA' },
  },
  // IN.yml: Chhattisgarh is "CG" (`iso_code: IN-CT`), Telangana "TS" (IN-TG), Uttarakhand "UK" (IN-UT).
  IN: {
    codes: [
      'AN', 'AP', 'AR', 'AS', 'BR', 'CH', 'CG', 'DN', 'DD', 'DL', 'GA', 'GJ', 'HR', 'HP', 'JK', 'JH', 'KA', 'KL', 'LA', 'LD', 'MP', 'MH', 'MN', 'ML',
      'MZ', 'NL', 'OR', 'PY', 'PB', 'RJ', 'SK', 'TN', 'TS', 'TR', 'UP', 'UK', 'WB',
    ],
    isoCodes: { CG: 'IN-CT', TS: 'IN-TG', UK: 'IN-UT' },
  },
  // CN.yml: ISO's letters, but Xizang (Tibet) is "YZ" (`iso_code: CN-XZ`); no Macao (a country of its own).
  CN: {
    codes: [
      'AH', 'BJ', 'CQ', 'FJ', 'GS', 'GD', 'GX', 'GZ', 'HI', 'HE', 'HL', 'HA', 'HB', 'HN', 'NM', 'JS', 'JX', 'JL', 'LN', 'NX', 'QH', 'SN', 'SD', 'SH',
      'SX', 'SC', 'TJ', 'XJ', 'YZ', 'YN', 'ZJ',
    ],
    isoCodes: { YZ: 'CN-XZ' },
  },
  // HK.yml: Hong Kong Island "HK", Kowloon "KL", New Territories "NT" (iso_code HK-HK, HK-KL, HK-NT).
  HK: {
    codes: [
      'HK', 'KL', 'NT',
    ],
  },
  // IE.yml: the counties by ISO 3166-2:IE's letters.
  IE: {
    codes: [
      'CW', 'CN', 'CE', 'CO', 'DL', 'D', 'G', 'KY', 'KE', 'KK', 'LS', 'LM', 'LK', 'LD', 'LH', 'MO', 'MH', 'MN', 'OY', 'RN', 'SO', 'TA', 'WD', 'WH',
      'WX', 'WW',
    ],
  },
  // AR.yml: the provinces by ISO 3166-2:AR's letters.
  AR: {
    codes: [
      'B', 'K', 'H', 'U', 'C', 'X', 'W', 'E', 'P', 'Y', 'L', 'F', 'M', 'N', 'Q', 'R', 'A', 'J', 'D', 'Z', 'S', 'G', 'V', 'T',
    ],
  },
  // CL.yml: the regions by ISO 3166-2:CL's letters.
  CL: {
    codes: [
      'AP', 'TA', 'AN', 'AT', 'CO', 'VS', 'RM', 'LI', 'ML', 'NB', 'BI', 'AR', 'LR', 'LL', 'AI', 'MA',
    ],
  },
  // CO.yml: the departments by ISO 3166-2:CO's letters.
  CO: {
    codes: [
      'AMA', 'ANT', 'ARA', 'ATL', 'DC', 'BOL', 'BOY', 'CAL', 'CAQ', 'CAS', 'CAU', 'CES', 'CHO', 'COR', 'CUN', 'GUA', 'GUV', 'HUI', 'LAG', 'MAG', 'MET',
      'NAR', 'NSA', 'PUT', 'QUI', 'RIS', 'SAP', 'SAN', 'SUC', 'TOL', 'VAC', 'VAU', 'VID',
    ],
  },
  // PE.yml: whole ISO codes ("PE-LIM").
  PE: {
    codes: [
      'PE-AMA', 'PE-ANC', 'PE-APU', 'PE-ARE', 'PE-AYA', 'PE-CAJ', 'PE-CAL', 'PE-CUS', 'PE-HUV', 'PE-HUC', 'PE-ICA', 'PE-JUN', 'PE-LAL', 'PE-LAM',
      'PE-LIM', 'PE-LMA', 'PE-LOR', 'PE-MDD', 'PE-MOQ', 'PE-PAS', 'PE-PIU', 'PE-PUN', 'PE-SAM', 'PE-TAC', 'PE-TUM', 'PE-UCA',
    ],
  },
  // MY.yml: three-letter codes of Shopify's own ("JHR"), each with its ISO number (`iso_code: MY-01`).
  MY: {
    codes: [
      'JHR', 'KDH', 'KTN', 'KUL', 'LBN', 'MLK', 'NSN', 'PHG', 'PNG', 'PRK', 'PLS', 'PJY', 'SBH', 'SWK', 'SGR', 'TRG',
    ],
    isoCodes: { JHR: 'MY-01', KDH: 'MY-02', KTN: 'MY-03', KUL: 'MY-14', LBN: 'MY-15', MLK: 'MY-04', NSN: 'MY-05', PHG: 'MY-06', PNG: 'MY-07', PRK: 'MY-08', PLS: 'MY-09', PJY: 'MY-16', SBH: 'MY-12', SWK: 'MY-13', SGR: 'MY-10', TRG: 'MY-11' },
  },
  // ID.yml: the provinces by ISO 3166-2:ID's letters.
  ID: {
    codes: [
      'AC', 'BA', 'BB', 'BT', 'BE', 'GO', 'JK', 'JA', 'JB', 'JT', 'JI', 'KB', 'KS', 'KT', 'KI', 'KU', 'KR', 'LA', 'MA', 'MU', 'SU', 'NB', 'NT', 'PA',
      'PB', 'RI', 'SS', 'SR', 'SN', 'ST', 'SG', 'SA', 'SB', 'YO',
    ],
  },
  // TH.yml: whole ISO codes ("TH-10"), and Pattaya "TH-S".
  TH: {
    codes: [
      'TH-37', 'TH-15', 'TH-10', 'TH-38', 'TH-31', 'TH-24', 'TH-18', 'TH-36', 'TH-22', 'TH-50', 'TH-57', 'TH-20', 'TH-86', 'TH-46', 'TH-62', 'TH-71',
      'TH-40', 'TH-81', 'TH-52', 'TH-51', 'TH-42', 'TH-16', 'TH-58', 'TH-44', 'TH-49', 'TH-26', 'TH-73', 'TH-48', 'TH-30', 'TH-60', 'TH-80', 'TH-55',
      'TH-96', 'TH-39', 'TH-43', 'TH-12', 'TH-13', 'TH-94', 'TH-S', 'TH-82', 'TH-93', 'TH-56', 'TH-67', 'TH-76', 'TH-66', 'TH-65', 'TH-14', 'TH-54',
      'TH-83', 'TH-25', 'TH-77', 'TH-85', 'TH-70', 'TH-21', 'TH-45', 'TH-27', 'TH-47', 'TH-11', 'TH-74', 'TH-75', 'TH-19', 'TH-91', 'TH-17', 'TH-33',
      'TH-90', 'TH-64', 'TH-72', 'TH-84', 'TH-32', 'TH-63', 'TH-92', 'TH-23', 'TH-34', 'TH-41', 'TH-61', 'TH-53', 'TH-95', 'TH-35',
    ],
  },
  // PH.yml: whole ISO codes ("PH-CEB", Metro Manila "PH-00").
  PH: {
    codes: [
      'PH-ABR', 'PH-AGN', 'PH-AGS', 'PH-AKL', 'PH-ALB', 'PH-ANT', 'PH-APA', 'PH-AUR', 'PH-BAS', 'PH-BAN', 'PH-BTN', 'PH-BTG', 'PH-BEN', 'PH-BIL',
      'PH-BOH', 'PH-BUK', 'PH-BUL', 'PH-CAG', 'PH-CAN', 'PH-CAS', 'PH-CAM', 'PH-CAP', 'PH-CAT', 'PH-CAV', 'PH-CEB', 'PH-NCO', 'PH-COM', 'PH-DAV',
      'PH-DAS', 'PH-DVO', 'PH-DAO', 'PH-DIN', 'PH-EAS', 'PH-GUI', 'PH-IFU', 'PH-ILN', 'PH-ILS', 'PH-ILI', 'PH-ISA', 'PH-KAL', 'PH-LUN', 'PH-LAG',
      'PH-LAN', 'PH-LAS', 'PH-LEY', 'PH-MAG', 'PH-MAD', 'PH-MAS', 'PH-00', 'PH-MSC', 'PH-MSR', 'PH-MOU', 'PH-NEC', 'PH-NER', 'PH-NSA', 'PH-NUE',
      'PH-NUV', 'PH-MDC', 'PH-MDR', 'PH-PLW', 'PH-PAM', 'PH-PAN', 'PH-QUE', 'PH-QUI', 'PH-RIZ', 'PH-ROM', 'PH-WSA', 'PH-SAR', 'PH-SIG', 'PH-SOR',
      'PH-SCO', 'PH-SLE', 'PH-SUK', 'PH-SLU', 'PH-SUN', 'PH-SUR', 'PH-TAR', 'PH-TAW', 'PH-ZMB', 'PH-ZAN', 'PH-ZAS', 'PH-ZSI',
    ],
  },
  // ZA.yml: KwaZulu-Natal is "NL" (`iso_code: ZA-KZN`).
  ZA: {
    codes: [
      'EC', 'FS', 'GP', 'NL', 'LP', 'MP', 'NW', 'NC', 'WC',
    ],
    isoCodes: { NL: 'ZA-KZN' },
  },
  // EG.yml: the governorates by ISO 3166-2:EG's letters ("C" Cairo).
  EG: {
    codes: [
      'SU', 'SHR', 'ALX', 'ASN', 'AST', 'BH', 'BNS', 'C', 'DK', 'DT', 'FYM', 'GH', 'GZ', 'HU', 'IS', 'KFS', 'LX', 'MT', 'MN', 'MNF', 'WAD', 'SIN',
      'PTS', 'KB', 'KN', 'BA', 'SHG', 'JS', 'SUZ',
    ],
  },
  // RO.yml: the counties by ISO 3166-2:RO's letters ("B" Bucharest).
  RO: {
    codes: [
      'AB', 'AR', 'AG', 'BC', 'BH', 'BN', 'BT', 'BV', 'BR', 'B', 'BZ', 'CL', 'CS', 'CJ', 'CT', 'CV', 'DB', 'DJ', 'GL', 'GR', 'GJ', 'HR', 'HD', 'IS',
      'IL', 'IF', 'MM', 'MH', 'MS', 'NT', 'OT', 'PH', 'SJ', 'SM', 'SB', 'SV', 'TR', 'TM', 'TL', 'VL', 'VS', 'VN',
    ],
  },
  // NG.yml: the states by ISO 3166-2:NG's letters.
  NG: {
    codes: [
      'AB', 'FC', 'AD', 'AK', 'AN', 'BA', 'BY', 'BE', 'BO', 'CR', 'DE', 'EB', 'ED', 'EK', 'EN', 'GO', 'IM', 'JI', 'KD', 'KN', 'KT', 'KE', 'KO', 'KW',
      'LA', 'NA', 'NI', 'OG', 'ON', 'OS', 'OY', 'PL', 'RI', 'SO', 'TA', 'YO', 'ZA',
    ],
  },
  // GT.yml: three-letter codes of Shopify's own ("GUA"), each with its ISO code (`iso_code: GT-GU`).
  GT: {
    codes: [
      'AVE', 'BVE', 'CMT', 'CQM', 'EPR', 'ESC', 'GUA', 'HUE', 'IZA', 'JAL', 'JUT', 'PET', 'QUE', 'QUI', 'RET', 'SAC', 'SMA', 'SRO', 'SOL', 'SUC',
      'TOT', 'ZAC',
    ],
    isoCodes: { AVE: 'GT-AV', BVE: 'GT-BV', CMT: 'GT-CM', CQM: 'GT-CQ', EPR: 'GT-PR', ESC: 'GT-ES', GUA: 'GT-GU', HUE: 'GT-HU', IZA: 'GT-IZ', JAL: 'GT-JA', JUT: 'GT-JU', PET: 'GT-PE', QUE: 'GT-QZ', QUI: 'GT-QC', RET: 'GT-RE', SAC: 'GT-SA', SMA: 'GT-SM', SRO: 'GT-SR', SOL: 'GT-SO', SUC: 'GT-SU', TOT: 'GT-TO', ZAC: 'GT-ZA' },
  },
  // PA.yml: whole ISO codes ("PA-8").
  PA: {
    codes: [
      'PA-1', 'PA-4', 'PA-2', 'PA-3', 'PA-5', 'PA-EM', 'PA-6', 'PA-KY', 'PA-7', 'PA-NB', 'PA-8', 'PA-10', 'PA-9',
    ],
  },
  // UY.yml: whole ISO codes ("UY-MO").
  UY: {
    codes: [
      'UY-AR', 'UY-CA', 'UY-CL', 'UY-CO', 'UY-DU', 'UY-FS', 'UY-FD', 'UY-LA', 'UY-MA', 'UY-MO', 'UY-PA', 'UY-RN', 'UY-RV', 'UY-RO', 'UY-SA', 'UY-SJ',
      'UY-SO', 'UY-TA', 'UY-TT',
    ],
  },
  // VE.yml: whole ISO codes ("VE-A").
  VE: {
    codes: [
      'VE-Z', 'VE-B', 'VE-C', 'VE-D', 'VE-E', 'VE-F', 'VE-G', 'VE-H', 'VE-Y', 'VE-W', 'VE-A', 'VE-I', 'VE-J', 'VE-X', 'VE-K', 'VE-L', 'VE-M', 'VE-N',
      'VE-O', 'VE-P', 'VE-R', 'VE-S', 'VE-T', 'VE-U', 'VE-V',
    ],
  },
};

/** A zone's ISO 3166-2 code: its `iso_code`, else "<country>-<code>" (a code that is a whole ISO code already, "JP-13", is its own). */
function isoCode(country: string, zones: CountryZones, code: string): string {
  return zones.isoCodes?.[code] ?? (code.startsWith(`${country}-`) ? code : `${country}-${code}`);
}

let byIso: Map<string, string> | null = null;

/** Shopify's province code for a region by its ISO 3166-2 code ("US-ME" → "ME", "MX-AGU" → "AGS", "JP-13" → "JP-13"), or null when Shopify has none. */
export function shopifyProvinceCode(iso: string): string | null {
  byIso ??= new Map(
    Object.entries(SHOPIFY_ZONES).flatMap(([country, zones]) =>
      zones.codes.map((code) => [isoCode(country, zones, code), code] as const),
    ),
  );
  return byIso.get(iso) ?? null;
}
