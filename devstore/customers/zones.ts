// The regions Shopify knows per country, for a MailingAddressInput's `provinceCode` ("The code for
// the region of the address, such as the province, state, or district. For example QC for Quebec,
// Canada.") and its deprecated `province` ("Use `provinceCode` instead."). The codes are Shopify's
// own, as it publishes them in its address data (https://github.com/Shopify/worldwide,
// db/data/regions/<country>.yml, each zone's `code`; a zone marked `deprecated: true` is left out): often
// the ISO 3166-2 code after the hyphen ("ME", "AUK"), the whole ISO code for some ("JP-13", "PE-LIM"),
// abbreviations of Shopify's own for others ("AGS" for Aguascalientes, "JHR" for Johor).
//
// Shopify documents no error for a code that is not one of the country's regions; devstore takes the
// stricter choice and refuses it (INVALID, in devstore's words). Only the countries listed here are
// checked: for any other country devstore does not know Shopify's regions and takes what it is given.

const JAPAN = Array.from({ length: 47 }, (_, index) => `JP-${String(index + 1).padStart(2, '0')}`);

// A table, kept a country to a line or a few as Shopify lists them, so the formatter leaves it be.
// prettier-ignore
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
  IT: [
    'AG', 'AL', 'AN', 'AO', 'AR', 'AP', 'AT', 'AV', 'BA', 'BT', 'BL', 'BN', 'BG', 'BI', 'BO', 'BZ', 'BS', 'BR', 'CA', 'CL', 'CB', 'CI', 'CE', 'CT',
    'CZ', 'CH', 'CO', 'CS', 'CR', 'KR', 'CN', 'EN', 'FM', 'FE', 'FI', 'FG', 'FC', 'FR', 'GE', 'GO', 'GR', 'IM', 'IS', 'AQ', 'SP', 'LT', 'LE', 'LC',
    'LI', 'LO', 'LU', 'MC', 'MN', 'MS', 'MT', 'VS', 'ME', 'MI', 'MO', 'MB', 'NA', 'NO', 'NU', 'OG', 'OR', 'PD', 'PA', 'PR', 'PV', 'PG', 'PU', 'PE',
    'PC', 'PI', 'PT', 'PN', 'PZ', 'PO', 'RG', 'RA', 'RC', 'RE', 'RI', 'RN', 'RM', 'RO', 'SA', 'SS', 'SV', 'SI', 'SR', 'SO', 'TA', 'TE', 'TR', 'TO',
    'TP', 'TN', 'TV', 'TS', 'UD', 'VA', 'VE', 'VB', 'VC', 'VR', 'VV', 'VI', 'VT',
  ],
  ES: [
    'C', 'VI', 'AB', 'A', 'AL', 'O', 'AV', 'BA', 'PM', 'B', 'BU', 'CC', 'CA', 'S', 'CS', 'CE', 'CR', 'CO', 'CU', 'GI', 'GR', 'GU', 'SS', 'H', 'HU',
    'J', 'LO', 'GC', 'LE', 'L', 'LU', 'M', 'MA', 'ML', 'MU', 'NA', 'OR', 'P', 'PO', 'SA', 'TF', 'SG', 'SE', 'SO', 'T', 'TE', 'TO', 'V', 'VA', 'BI',
    'ZA', 'Z',
  ],
  MX: [
    'AGS', 'BC', 'BCS', 'CAMP', 'CHIS', 'CHIH', 'DF', 'COAH', 'COL', 'DGO', 'GTO', 'GRO', 'HGO', 'JAL', 'MEX', 'MICH', 'MOR', 'NAY', 'NL', 'OAX',
    'PUE', 'QRO', 'Q ROO', 'SLP', 'SIN', 'SON', 'TAB', 'TAMPS', 'TLAX', 'VER', 'YUC', 'ZAC',
  ],
  IN: [
    'AN', 'AP', 'AR', 'AS', 'BR', 'CH', 'CG', 'DN', 'DD', 'DL', 'GA', 'GJ', 'HR', 'HP', 'JK', 'JH', 'KA', 'KL', 'LA', 'LD', 'MP', 'MH', 'MN', 'ML',
    'MZ', 'NL', 'OR', 'PY', 'PB', 'RJ', 'SK', 'TN', 'TS', 'TR', 'UP', 'UK', 'WB',
  ],
  CN: [
    'AH', 'BJ', 'CQ', 'FJ', 'GS', 'GD', 'GX', 'GZ', 'HI', 'HE', 'HL', 'HA', 'HB', 'HN', 'NM', 'JS', 'JX', 'JL', 'LN', 'NX', 'QH', 'SN', 'SD', 'SH',
    'SX', 'SC', 'TJ', 'XJ', 'YZ', 'YN', 'ZJ',
  ],
  HK: [
    'HK', 'KL', 'NT',
  ],
  IE: [
    'CW', 'CN', 'CE', 'CO', 'DL', 'D', 'G', 'KY', 'KE', 'KK', 'LS', 'LM', 'LK', 'LD', 'LH', 'MO', 'MH', 'MN', 'OY', 'RN', 'SO', 'TA', 'WD', 'WH', 'WX',
    'WW',
  ],
  AR: [
    'B', 'K', 'H', 'U', 'C', 'X', 'W', 'E', 'P', 'Y', 'L', 'F', 'M', 'N', 'Q', 'R', 'A', 'J', 'D', 'Z', 'S', 'G', 'V', 'T',
  ],
  CL: [
    'AP', 'TA', 'AN', 'AT', 'CO', 'VS', 'RM', 'LI', 'ML', 'NB', 'BI', 'AR', 'LR', 'LL', 'AI', 'MA',
  ],
  CO: [
    'AMA', 'ANT', 'ARA', 'ATL', 'DC', 'BOL', 'BOY', 'CAL', 'CAQ', 'CAS', 'CAU', 'CES', 'CHO', 'COR', 'CUN', 'GUA', 'GUV', 'HUI', 'LAG', 'MAG', 'MET',
    'NAR', 'NSA', 'PUT', 'QUI', 'RIS', 'SAP', 'SAN', 'SUC', 'TOL', 'VAC', 'VAU', 'VID',
  ],
  PE: [
    'PE-AMA', 'PE-ANC', 'PE-APU', 'PE-ARE', 'PE-AYA', 'PE-CAJ', 'PE-CAL', 'PE-CUS', 'PE-HUV', 'PE-HUC', 'PE-ICA', 'PE-JUN', 'PE-LAL', 'PE-LAM',
    'PE-LIM', 'PE-LMA', 'PE-LOR', 'PE-MDD', 'PE-MOQ', 'PE-PAS', 'PE-PIU', 'PE-PUN', 'PE-SAM', 'PE-TAC', 'PE-TUM', 'PE-UCA',
  ],
  MY: [
    'JHR', 'KDH', 'KTN', 'KUL', 'LBN', 'MLK', 'NSN', 'PHG', 'PNG', 'PRK', 'PLS', 'PJY', 'SBH', 'SWK', 'SGR', 'TRG',
  ],
  ID: [
    'AC', 'BA', 'BB', 'BT', 'BE', 'GO', 'JK', 'JA', 'JB', 'JT', 'JI', 'KB', 'KS', 'KT', 'KI', 'KU', 'KR', 'LA', 'MA', 'MU', 'SU', 'NB', 'NT', 'PA',
    'PB', 'RI', 'SS', 'SR', 'SN', 'ST', 'SG', 'SA', 'SB', 'YO',
  ],
  TH: [
    'TH-37', 'TH-15', 'TH-10', 'TH-38', 'TH-31', 'TH-24', 'TH-18', 'TH-36', 'TH-22', 'TH-50', 'TH-57', 'TH-20', 'TH-86', 'TH-46', 'TH-62', 'TH-71',
    'TH-40', 'TH-81', 'TH-52', 'TH-51', 'TH-42', 'TH-16', 'TH-58', 'TH-44', 'TH-49', 'TH-26', 'TH-73', 'TH-48', 'TH-30', 'TH-60', 'TH-80', 'TH-55',
    'TH-96', 'TH-39', 'TH-43', 'TH-12', 'TH-13', 'TH-94', 'TH-S', 'TH-82', 'TH-93', 'TH-56', 'TH-67', 'TH-76', 'TH-66', 'TH-65', 'TH-14', 'TH-54',
    'TH-83', 'TH-25', 'TH-77', 'TH-85', 'TH-70', 'TH-21', 'TH-45', 'TH-27', 'TH-47', 'TH-11', 'TH-74', 'TH-75', 'TH-19', 'TH-91', 'TH-17', 'TH-33',
    'TH-90', 'TH-64', 'TH-72', 'TH-84', 'TH-32', 'TH-63', 'TH-92', 'TH-23', 'TH-34', 'TH-41', 'TH-61', 'TH-53', 'TH-95', 'TH-35',
  ],
  PH: [
    'PH-ABR', 'PH-AGN', 'PH-AGS', 'PH-AKL', 'PH-ALB', 'PH-ANT', 'PH-APA', 'PH-AUR', 'PH-BAS', 'PH-BAN', 'PH-BTN', 'PH-BTG', 'PH-BEN', 'PH-BIL',
    'PH-BOH', 'PH-BUK', 'PH-BUL', 'PH-CAG', 'PH-CAN', 'PH-CAS', 'PH-CAM', 'PH-CAP', 'PH-CAT', 'PH-CAV', 'PH-CEB', 'PH-NCO', 'PH-COM', 'PH-DAV',
    'PH-DAS', 'PH-DVO', 'PH-DAO', 'PH-DIN', 'PH-EAS', 'PH-GUI', 'PH-IFU', 'PH-ILN', 'PH-ILS', 'PH-ILI', 'PH-ISA', 'PH-KAL', 'PH-LUN', 'PH-LAG',
    'PH-LAN', 'PH-LAS', 'PH-LEY', 'PH-MAG', 'PH-MAD', 'PH-MAS', 'PH-00', 'PH-MSC', 'PH-MSR', 'PH-MOU', 'PH-NEC', 'PH-NER', 'PH-NSA', 'PH-NUE',
    'PH-NUV', 'PH-MDC', 'PH-MDR', 'PH-PLW', 'PH-PAM', 'PH-PAN', 'PH-QUE', 'PH-QUI', 'PH-RIZ', 'PH-ROM', 'PH-WSA', 'PH-SAR', 'PH-SIG', 'PH-SOR',
    'PH-SCO', 'PH-SLE', 'PH-SUK', 'PH-SLU', 'PH-SUN', 'PH-SUR', 'PH-TAR', 'PH-TAW', 'PH-ZMB', 'PH-ZAN', 'PH-ZAS', 'PH-ZSI',
  ],
  ZA: [
    'EC', 'FS', 'GP', 'NL', 'LP', 'MP', 'NW', 'NC', 'WC',
  ],
  EG: [
    'SU', 'SHR', 'ALX', 'ASN', 'AST', 'BH', 'BNS', 'C', 'DK', 'DT', 'FYM', 'GH', 'GZ', 'HU', 'IS', 'KFS', 'LX', 'MT', 'MN', 'MNF', 'WAD', 'SIN', 'PTS',
    'KB', 'KN', 'BA', 'SHG', 'JS', 'SUZ',
  ],
  RO: [
    'AB', 'AR', 'AG', 'BC', 'BH', 'BN', 'BT', 'BV', 'BR', 'B', 'BZ', 'CL', 'CS', 'CJ', 'CT', 'CV', 'DB', 'DJ', 'GL', 'GR', 'GJ', 'HR', 'HD', 'IS',
    'IL', 'IF', 'MM', 'MH', 'MS', 'NT', 'OT', 'PH', 'SJ', 'SM', 'SB', 'SV', 'TR', 'TM', 'TL', 'VL', 'VS', 'VN',
  ],
  NG: [
    'AB', 'FC', 'AD', 'AK', 'AN', 'BA', 'BY', 'BE', 'BO', 'CR', 'DE', 'EB', 'ED', 'EK', 'EN', 'GO', 'IM', 'JI', 'KD', 'KN', 'KT', 'KE', 'KO', 'KW',
    'LA', 'NA', 'NI', 'OG', 'ON', 'OS', 'OY', 'PL', 'RI', 'SO', 'TA', 'YO', 'ZA',
  ],
  GT: [
    'AVE', 'BVE', 'CMT', 'CQM', 'EPR', 'ESC', 'GUA', 'HUE', 'IZA', 'JAL', 'JUT', 'PET', 'QUE', 'QUI', 'RET', 'SAC', 'SMA', 'SRO', 'SOL', 'SUC', 'TOT',
    'ZAC',
  ],
  PA: [
    'PA-1', 'PA-4', 'PA-2', 'PA-3', 'PA-5', 'PA-EM', 'PA-6', 'PA-KY', 'PA-7', 'PA-NB', 'PA-8', 'PA-10', 'PA-9',
  ],
  UY: [
    'UY-AR', 'UY-CA', 'UY-CL', 'UY-CO', 'UY-DU', 'UY-FS', 'UY-FD', 'UY-LA', 'UY-MA', 'UY-MO', 'UY-PA', 'UY-RN', 'UY-RV', 'UY-RO', 'UY-SA', 'UY-SJ',
    'UY-SO', 'UY-TA', 'UY-TT',
  ],
  VE: [
    'VE-Z', 'VE-B', 'VE-C', 'VE-D', 'VE-E', 'VE-F', 'VE-G', 'VE-H', 'VE-Y', 'VE-W', 'VE-A', 'VE-I', 'VE-J', 'VE-X', 'VE-K', 'VE-L', 'VE-M', 'VE-N',
    'VE-O', 'VE-P', 'VE-R', 'VE-S', 'VE-T', 'VE-U', 'VE-V',
  ],
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
    .map((key) => ({
      field: [...field, key],
      message: `${key === 'provinceCode' ? 'Province code' : 'Province'} "${address[key] ?? ''}" is not a region of ${address.countryCode ?? ''}`,
    }));
}
