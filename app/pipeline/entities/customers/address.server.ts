// A customer's or order's address and phone as Shopify takes them: phone numbers in international
// form (E.164) read in the address's country, the region as Shopify's province code for that
// country, and one address where billing and shipping differ only by a phone, case or spacing.
// What Shopify would not take is left out of the address and said, so the caller keeps it.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import type { OrderRecord } from '../../../../connectors/model.ts';
import { shopifyProvinceCode } from '../../../shopify-admin/regions.server.ts';

type CanonicalAddress = NonNullable<OrderRecord['billingAddress']>;

/**
 * The phone in E.164 ("+12075550142"), read as the customer would dial it in `country` when it has
 * no country prefix ("(207) 555-0142" in the US); null when it is not a number anyone could ring
 * there. MailingAddressInput.phone: "Formatted using E.164 standard. For example, _+16135551111_."
 * Decision 0026: libphonenumber-js with its full ("max") metadata decides, not a pattern of digits.
 */
export function internationalPhone(phone: string, country: string | null): string | null {
  const region = country && /^[A-Z]{2}$/.test(country) ? (country as CountryCode) : undefined;
  const read = (text: string) => {
    const parsed = parsePhoneNumberFromString(text, region);
    return parsed?.isValid() ? parsed.number : null;
  };
  // "0049 30 …": 00 is the international prefix in most of the world, though not in the address's country (011 in the US).
  return read(phone) ?? (/^\s*00/.test(phone) ? read(phone.replace(/^\s*00/, '+')) : null);
}

export type Region = { provinceCode: string } | { unmatched: string } | null;

/**
 * Shopify's province code for the address's region: `MailingAddressInput.provinceCode`, "The code
 * for the region of the address, such as the province, state, or district. For example QC for
 * Quebec, Canada." Shopify's codes per country are its own (Shopify/worldwide, db/data/regions):
 * often the ISO 3166-2 code after the hyphen ("ME", "AUK"), the whole code for some ("JP-13",
 * "PE-LIM"), abbreviations of its own for others ("AGS" for MX-AGU); app/shopify-admin/regions.server.ts knows each.
 * `unmatched`: the source named a region Shipyard cannot give Shopify's code for.
 */
export function shopifyRegion(address: Pick<CanonicalAddress, 'countryCode' | 'province' | 'provinceCode'>): Region {
  if (!address.province && !address.provinceCode) return null;
  const iso = address.provinceCode;
  const code =
    iso && address.countryCode && iso.startsWith(`${address.countryCode}-`) ? shopifyProvinceCode(iso) : null;
  return code ? { provinceCode: code } : { unmatched: address.province ?? iso ?? '' };
}

/** Billing and shipping are one address when they differ only by a phone, by case or by spacing. */
export function sameAddressKey(address: CanonicalAddress): string {
  const parts = [
    address.firstName,
    address.lastName,
    address.company,
    address.address1,
    address.address2,
    address.city,
    address.provinceCode ?? address.province,
    address.zip,
    address.countryCode,
  ];
  return JSON.stringify(parts.map((part) => (part ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase()));
}

export interface ShopifyAddress {
  input: Record<string, unknown>;
  /** The source's phone Shopify would refuse, left out of the address. */
  invalidPhone: string | null;
  /** The source's region Shopify has no code for, left out of the address. */
  unmatchedRegion: string | null;
}

/**
 * The address as MailingAddressInput: no deprecated `province`, only a code Shopify knows for the
 * country. Its phone is read in its country, else in `storeCountry` (the source store's own).
 */
export function shopifyAddress(address: CanonicalAddress, storeCountry: string | null = null): ShopifyAddress {
  const phone = address.phone ? internationalPhone(address.phone, address.countryCode ?? storeCountry) : null;
  const region = shopifyRegion(address);
  const fields = {
    firstName: address.firstName,
    lastName: address.lastName,
    company: address.company,
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    provinceCode: region && 'provinceCode' in region ? region.provinceCode : null,
    zip: address.zip,
    countryCode: address.countryCode,
    phone,
  };
  return {
    input: Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null)),
    invalidPhone: address.phone && !phone ? address.phone : null,
    unmatchedRegion: region && 'unmatched' in region ? region.unmatched : null,
  };
}

/** A region Shopify has no code for, in the merchant's words. */
export function unmatchedRegionMessage(region: string, countryCode: string | null): string {
  return `The region "${region}"${countryCode ? ` (${countryCode})` : ''} has no Shopify province code Shipyard knows; the address moved without it and the region is kept in the note.`;
}

export interface OrderAddressProblem {
  code: 'order-phone-invalid' | 'address-region-unmatched';
  /** What the address could not hold, in the merchant's words (the order's report). */
  message: string;
  /** The same detail for the order's note, so nothing is lost. */
  noteLine: string;
}

/** An order's billing or shipping address for orderCreate, with what Shopify would not take said, for the order's note. */
export function orderAddress(
  address: CanonicalAddress | null,
  which: 'billing' | 'shipping',
  storeCountry: string | null = null,
): { input: Record<string, unknown> | undefined; problems: OrderAddressProblem[] } {
  if (!address) return { input: undefined, problems: [] };
  const { input, invalidPhone, unmatchedRegion } = shopifyAddress(address, storeCountry);
  const label = which === 'billing' ? 'Billing' : 'Shipping';
  const problems: OrderAddressProblem[] = [];
  if (invalidPhone) {
    problems.push({
      code: 'order-phone-invalid',
      message: `The ${which} phone "${invalidPhone}" is not a number that can be rung${(address.countryCode ?? storeCountry) ? ` in ${address.countryCode ?? storeCountry}` : ''}; it is in the order's note.`,
      noteLine: `${label} phone on the old store (not valid in Shopify): ${invalidPhone}`,
    });
  }
  if (unmatchedRegion) {
    problems.push({
      code: 'address-region-unmatched',
      message: `The ${which} region "${unmatchedRegion}" has no Shopify province code Shipyard knows; it is in the order's note.`,
      noteLine: `${label} region on the old store: ${unmatchedRegion}`,
    });
  }
  return { input, problems };
}
