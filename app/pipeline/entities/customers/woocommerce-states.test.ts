// Where WooCommerce's state codes meet Shopify's: every state WooCommerce offers for a country Shopify keeps
// regions for reaches one of Shopify's province codes (the connector's ISO codes, then the address transform's table).
// It lives on the app's side because it holds both ends; the connector itself knows nothing about Shopify.
import { describe, expect, it } from 'vitest';
import { isoSubdivision } from '../../../../connectors/woocommerce/states.ts';
import { shopifyProvinceCode } from '../../../shopify-admin/regions.server.ts';

// Every state code in WooCommerce's trunk i18n/states.php for these countries (older codes after "|"), but Italy's
// Sud Sardegna ("SU") and China's Macao ("CN30"): Shopify has no zone for them (address.test.ts).
const WOOCOMMERCE_STATES: Record<string, string> = {
  IT: 'AG AL AN AO AR AP AT AV BA BT BL BN BG BI BO BZ BS BR CA CL CB CE CT CZ CH CO CS CR KR CN EN FM FE FI FG FC FR GE GO GR IM IS SP AQ LT LE LC LI LO LU MC MN MS MT ME MI MO MB NA NO NU OR PD PA PR PV PG PU PE PC PI PT PN PZ PO RG RA RC RE RI RN RM RO SA SS SV SI SR SO TA TE TR TO TP TN TV TS UD VA VE VB VC VR VV VI VT',
  ES: 'C VI AB A AL O AV BA PM B BU CC CA S CS CE CR CO CU GI GR GU SS H HU J LO GC LE L LU M MA ML MU NA OR P PO SA TF SG SE SO T TE TO V VA BI ZA Z',
  MX: 'DF JA NL AG BC BS CM CS CH CO CL DG GT GR HG MX MI MO NA OA PU QT QR SL SI SO TB TM TL VE YU ZA',
  IN: 'AP AR AS BR CT GA GJ HR HP JK JH KA KL LA MP MH MN ML MZ NL OR PB RJ SK TN TS TR UK UP WB AN CH DN DD DL LD PY',
  CN: 'CN1 CN2 CN3 CN4 CN5 CN6 CN7 CN8 CN9 CN10 CN11 CN12 CN13 CN14 CN15 CN16 CN17 CN18 CN19 CN20 CN21 CN22 CN23 CN24 CN25 CN26 CN27 CN28 CN29 CN31 CN32',
  IE: 'CW CN CE CO DL D G KY KE KK LS LM LK LD LH MO MH MN OY RN SO TA WD WH WX WW',
  AR: 'C B K H U X W E P Y L F M N Q R A J D Z S G V T',
  CL: 'CL-AI CL-AN CL-AP CL-AR CL-AT CL-BI CL-CO CL-LI CL-LL CL-LR CL-MA CL-ML CL-NB CL-RM CL-TA CL-VS',
  CO: 'CO-AMA CO-ANT CO-ARA CO-ATL CO-BOL CO-BOY CO-CAL CO-CAQ CO-CAS CO-CAU CO-CES CO-CHO CO-COR CO-CUN CO-DC CO-GUA CO-GUV CO-HUI CO-LAG CO-MAG CO-MET CO-NAR CO-NSA CO-PUT CO-QUI CO-RIS CO-SAN CO-SAP CO-SUC CO-TOL CO-VAC CO-VAU CO-VID',
  PE: 'CAL LMA AMA ANC APU ARE AYA CAJ CUS HUV HUC ICA JUN LAL LAM LIM LOR MDD MOQ PAS PIU PUN SAM TAC TUM UCA',
  MY: 'JHR KDH KTN LBN MLK NSN PHG PNG PRK PLS SBH SWK SGR TRG PJY KUL',
  ID: 'AC SU SB RI KR JA SS BB BE LA JK JB BT JT JI YO BA NB NT KB KT KI KS KU SA ST SG SR SN GO MA MU PA PB',
  TH: 'TH-37 TH-15 TH-14 TH-10 TH-38 TH-31 TH-24 TH-18 TH-36 TH-22 TH-50 TH-57 TH-20 TH-86 TH-46 TH-62 TH-71 TH-40 TH-81 TH-52 TH-51 TH-42 TH-16 TH-58 TH-44 TH-49 TH-26 TH-73 TH-48 TH-30 TH-60 TH-80 TH-55 TH-96 TH-39 TH-43 TH-12 TH-13 TH-94 TH-82 TH-93 TH-56 TH-67 TH-76 TH-66 TH-65 TH-54 TH-83 TH-25 TH-77 TH-85 TH-70 TH-21 TH-45 TH-27 TH-47 TH-11 TH-74 TH-75 TH-19 TH-91 TH-17 TH-33 TH-90 TH-64 TH-72 TH-84 TH-32 TH-63 TH-92 TH-23 TH-34 TH-41 TH-61 TH-53 TH-95 TH-35',
  PH: 'ABR AGN AGS AKL ALB ANT APA AUR BAS BAN BTN BTG BEN BIL BOH BUK BUL CAG CAN CAS CAM CAP CAT CAV CEB COM NCO DAV DAS DAC DAO DIN EAS GUI IFU ILN ILS ILI ISA KAL LUN LAG LAN LAS LEY MAG MAD MAS MSC MSR MOU NEC NER NSA NUE NUV MDC MDR PLW PAM PAN QUE QUI RIZ ROM WSA SAR SIQ SOR SCO SLE SUK SLU SUN SUR TAR TAW ZMB ZAN ZAS ZSI 00',
  ZA: 'EC FS GP KZN LP MP NC NW WC',
  HK: 'HONG KONG|KOWLOON|NEW TERRITORIES',
  EG: 'EGALX EGASN EGAST EGBA EGBH EGBNS EGC EGDK EGDT EGFYM EGGH EGGZ EGIS EGJS EGKB EGKFS EGKN EGLX EGMN EGMNF EGMT EGPTS EGSHG EGSHR EGSIN EGSUZ EGWAD',
  RO: 'AB AR AG BC BH BN BT BR BV B BZ CL CS CJ CT CV DB DJ GL GR GJ HR HD IL IS IF MM MH MS NT OT PH SJ SM SB SV TR TM TL VL VS VN',
  NG: 'AB FC AD AK AN BA BY BE BO CR DE EB ED EK EN GO IM JI KD KN KT KE KO KW LA NA NI OG ON OS OY PL RI SO TA YO ZA',
  GT: 'GT-AV GT-BV GT-CM GT-CQ GT-PR GT-ES GT-GU GT-HU GT-IZ GT-JA GT-JU GT-PE GT-QZ GT-QC GT-RE GT-SA GT-SM GT-SR GT-SO GT-SU GT-TO GT-ZA|AV BV CM CQ PR ES GU HU IZ JA JU PE QZ QC RE SA SM SR SO SU TO ZA',
  PA: 'PA-1 PA-2 PA-3 PA-4 PA-5 PA-6 PA-7 PA-8 PA-9 PA-10 PA-EM PA-KY PA-NB',
  UY: 'UY-AR UY-CA UY-CL UY-CO UY-DU UY-FS UY-FD UY-LA UY-MA UY-MO UY-PA UY-RN UY-RV UY-RO UY-SA UY-SJ UY-SO UY-TA UY-TT',
  VE: 'VE-A VE-B VE-C VE-D VE-E VE-F VE-G VE-H VE-I VE-J VE-K VE-L VE-M VE-N VE-O VE-P VE-R VE-S VE-T VE-U VE-V VE-W VE-X VE-Y VE-Z|A B C D E F G H I J K L M N O P R S T U V W X Y Z',
  NZ: 'NTL AUK WKO BOP TKI GIS HKB MWT WGN NSN MBH TAS WTC CAN OTA STL|NL AK WA BP TK GI HB MW WE NS MB TM WC CT OT SL',
};

describe('every WooCommerce state of a country Shopify keeps regions for', () => {
  it('reaches one of Shopify’s province codes for the country', () => {
    const lost = Object.entries(WOOCOMMERCE_STATES).flatMap(([country, list]) =>
      (country === 'HK' ? list.split('|') : list.split(/[ |]/))
        .filter((state) => {
          const iso = isoSubdivision(country, state);
          return !iso || !shopifyProvinceCode(iso);
        })
        .map((state) => `${country} ${state}`),
    );
    expect(lost).toEqual([]);
  });
});
