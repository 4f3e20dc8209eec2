// Turns a canonical customer into Shopify's customerSet input, the metafields Shopify has no field
// for (source reference, total spent, order count) and the email marketing consent, which Shopify
// only takes through its own mutation. Contact details Shopify would refuse are left out and kept
// in the note, each with the reason, so the customer still moves. Text longer than Shopify allows
// is cut only when the merchant chose so (long-text-rule.server.ts).
import type { CustomerRecord } from '../../../../connectors/model.ts';
import { sourceReference } from '../../../shopify-admin/source-reference.server.ts';
import { internationalPhone, sameAddressKey, shopifyAddress, unmatchedRegionMessage } from './address.server.ts';
import {
  type LongText,
  TEXT_LIMITS,
  cutAtWordBoundary,
  longTags,
  longText,
} from '../../../shopify-admin/limits/text-limits.server.ts';
import { type LongTextRule, fullTextMetafields } from '../long-text-rule.server.ts';
import { SOURCE_REFERENCE } from '../../../shopify-admin/metafield-definitions.server.ts';

type Address = CustomerRecord['addresses'][number];

// Close to what Shopify accepts: one @, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

type ContactProblemCode = 'customer-email-invalid' | 'customer-phone-invalid' | 'address-region-unmatched';

export interface Contact {
  email: string | null;
  phone: string | null;
  /** Details Shopify would refuse, each said in the merchant's words; they move in the customer's note. */
  problems: { code: ContactProblemCode; subject: string; message: string }[];
}

type ContactSource = Pick<CustomerRecord, 'email' | 'phone'> &
  Partial<Pick<CustomerRecord, 'addresses' | 'defaultAddressIndex' | 'storeCountryCode'>>;

/**
 * The country a customer's phone is read in when it has no country prefix: the billing address's,
 * else the shipping address's, else any address's, else the old store's own country. Without one,
 * only a number written with its country prefix is valid (decision 0026).
 */
export function phoneCountry(customer: Partial<Pick<CustomerRecord, 'addresses' | 'storeCountryCode'>>): string | null {
  const addresses = customer.addresses ?? [];
  const of = (kind: Address['kind']) =>
    addresses.find((address) => address.kind === kind && address.countryCode)?.countryCode;
  return (
    of('billing') ??
    of('shipping') ??
    addresses.find((address) => address.countryCode)?.countryCode ??
    customer.storeCountryCode ??
    null
  );
}

const phoneMessage = (phone: string, country: string | null) =>
  `The phone "${phone}" is not a number that can be rung${country ? ` in ${country}` : ' (no country to read it in)'}, and Shopify keeps phones in international form (+1 207 …); the customer moved without it and it is kept in the customer's note.`;

export function checkContact(customer: ContactSource): Contact {
  const problems: Contact['problems'] = [];
  const email = customer.email && EMAIL.test(customer.email) ? customer.email : null;
  if (customer.email && !email)
    problems.push({
      code: 'customer-email-invalid',
      subject: customer.email,
      message: `The email "${customer.email}" is not a valid address; the customer moved without it and it is kept in the customer's note.`,
    });
  const country = phoneCountry(customer);
  const phone = customer.phone ? internationalPhone(customer.phone, country) : null;
  if (customer.phone && !phone)
    problems.push({
      code: 'customer-phone-invalid',
      subject: customer.phone,
      message: phoneMessage(customer.phone, country),
    });
  for (const address of customer.addresses
    ? customerAddresses({ addresses: customer.addresses, defaultAddressIndex: customer.defaultAddressIndex ?? null })
    : []) {
    const { invalidPhone, unmatchedRegion } = shopifyAddress(address, customer.storeCountryCode ?? null);
    if (invalidPhone && !problems.some((problem) => problem.subject === invalidPhone))
      problems.push({
        code: 'customer-phone-invalid',
        subject: invalidPhone,
        message: phoneMessage(invalidPhone, address.countryCode ?? customer.storeCountryCode ?? null),
      });
    if (unmatchedRegion && !problems.some((problem) => problem.subject === unmatchedRegion))
      problems.push({
        code: 'address-region-unmatched',
        subject: unmatchedRegion,
        message: unmatchedRegionMessage(unmatchedRegion, address.countryCode),
      });
  }
  return { email, phone, problems };
}

/**
 * Billing and shipping addresses without repeats, the default first (Shopify makes the first one the
 * default). Two that differ only by a phone, case or spacing are one (issue 11: ten of fifteen
 * customers got two identical addresses); it keeps the first one's phone, else the other's.
 */
export function customerAddresses(customer: Pick<CustomerRecord, 'addresses' | 'defaultAddressIndex'>): Address[] {
  const preferred =
    customer.defaultAddressIndex === null ? undefined : customer.addresses[customer.defaultAddressIndex];
  const ordered = preferred
    ? [preferred, ...customer.addresses.filter((address) => address !== preferred)]
    : customer.addresses;
  const kept = new Map<string, Address>();
  for (const address of ordered) {
    const key = sameAddressKey(address);
    const same = kept.get(key);
    if (!same) kept.set(key, address);
    else if (!same.phone && address.phone) kept.set(key, { ...same, phone: address.phone });
  }
  return [...kept.values()];
}

const sum = (values: (string | null)[]) => {
  const known = values.filter((value): value is string => value !== null);
  return known.length === 0
    ? null
    : (known.reduce((total, value) => total + Math.round(Number(value) * 100), 0) / 100).toFixed(2);
};

/**
 * Several source customers with one email (or phone) become one Shopify customer, as Shopify allows
 * each only once: the first one read keeps its name and settings; addresses and tags are joined,
 * notes kept, totals added up.
 */
export function mergeCustomers(first: CustomerRecord, others: CustomerRecord[]): CustomerRecord {
  if (others.length === 0) return first;
  const all = [first, ...others];
  const consents = all.flatMap((customer) => (customer.emailMarketing ? [customer.emailMarketing] : []));
  const latestConsent =
    consents.sort((a, b) => (b.consentUpdatedAt ?? '').localeCompare(a.consentUpdatedAt ?? ''))[0] ?? null;
  const counts = all.map((customer) => customer.ordersCount).filter((count): count is number => count !== null);
  return {
    ...first,
    firstName: first.firstName ?? others.find((customer) => customer.firstName)?.firstName ?? null,
    lastName: first.lastName ?? others.find((customer) => customer.lastName)?.lastName ?? null,
    phone: first.phone ?? others.find((customer) => customer.phone)?.phone ?? null,
    addresses: customerAddresses(first).concat(others.flatMap((customer) => customer.addresses)),
    defaultAddressIndex: first.addresses.length > 0 ? 0 : null,
    tags: [...new Set(all.flatMap((customer) => customer.tags))],
    note:
      all
        .map((customer) => customer.note)
        .filter(Boolean)
        .join('\n\n') || null,
    locale: first.locale ?? others.find((customer) => customer.locale)?.locale ?? null,
    emailMarketing: latestConsent,
    totalSpent: sum(all.map((customer) => customer.totalSpent)),
    ordersCount: counts.length === 0 ? null : counts.reduce((total, count) => total + count, 0),
  };
}

/** Shopify's locales are language tags ("de", "pt-BR"); WordPress writes them with an underscore. */
function localeTag(locale: string | null): string | null {
  if (!locale) return null;
  const tag = locale.replace('_', '-');
  return /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag) ? tag : null;
}

export interface CustomerSetVariables {
  input: Record<string, unknown>;
  identifier: { id: string } | { email: string } | { phone: string } | null;
}

const NOTE_LINES: Record<ContactProblemCode, string> = {
  'customer-email-invalid': 'Email on the old store (not valid in Shopify)',
  'customer-phone-invalid': 'Phone on the old store (not valid in Shopify)',
  'address-region-unmatched': 'Region on the old store (no Shopify province code)',
};

/** The text the customer is written with: names, tags, and the note with the contact details Shopify would not take. */
function customerText(customer: CustomerRecord, contact: Contact) {
  const kept = contact.problems.map((problem) => `${NOTE_LINES[problem.code]}: ${problem.subject}`);
  return {
    firstName: customer.firstName,
    lastName: customer.lastName,
    note: [customer.note, ...kept].filter(Boolean).join('\n') || null,
    tags: customer.tags,
  };
}

/** What of the customer's text is longer than Shopify allows, as it would be written (merged notes and kept contact details included). */
export function customerLongText(customer: CustomerRecord, contact: Contact): LongText[] {
  const text = customerText(customer, contact);
  return [
    longText('firstName', 'the first name', text.firstName, TEXT_LIMITS.name),
    longText('lastName', 'the last name', text.lastName, TEXT_LIMITS.name),
    longText('note', 'the note', text.note, TEXT_LIMITS.note),
    ...longTags(text.tags),
  ].filter((item): item is LongText => item !== null);
}

/**
 * The variables for CUSTOMER_SET. `existingId` (id map, or found by source reference) updates that
 * customer; without it the customer is upserted by email, else by phone, else created. With the
 * rule `cut`, text longer than Shopify allows is cut at a word boundary (customerLongText says
 * what); with `keep-back` it is left whole, and the caller does not send the customer.
 */
export function toCustomerSetVariables(
  customer: CustomerRecord,
  contact: Contact,
  existingId: string | null,
  rule: LongTextRule = 'keep-back',
): CustomerSetVariables {
  const text = customerText(customer, contact);
  const fit = (value: string | null, limit: number) =>
    value && rule === 'cut' ? cutAtWordBoundary(value, limit) : value;
  const firstName = fit(text.firstName, TEXT_LIMITS.name);
  const lastName = fit(text.lastName, TEXT_LIMITS.name);
  const note = fit(text.note, TEXT_LIMITS.note);
  const locale = localeTag(customer.locale);
  const input: Record<string, unknown> = {
    ...(contact.email ? { email: contact.email } : {}),
    ...(contact.phone ? { phone: contact.phone } : {}),
    ...(firstName ? { firstName } : {}),
    ...(lastName ? { lastName } : {}),
    ...(note ? { note } : {}),
    ...(locale ? { locale } : {}),
    tags: text.tags.map((tag) => fit(tag, TEXT_LIMITS.tag)),
    addresses: customerAddresses(customer).map((address) => shopifyAddress(address, customer.storeCountryCode).input),
  };
  let identifier: CustomerSetVariables['identifier'] = null;
  if (existingId) identifier = { id: existingId };
  else if (contact.email) identifier = { email: contact.email };
  else if (contact.phone) identifier = { phone: contact.phone };
  return { input, identifier };
}

/**
 * The source reference (Shopify's custom ID for the customer), what Shopify computes only from its
 * own orders, and the full text of what was cut to fit Shopify.
 */
export function customerMetafields(ownerId: string, platform: string, customer: CustomerRecord, cut: LongText[] = []) {
  return [
    { ownerId, ...SOURCE_REFERENCE, value: sourceReference(platform, customer.sourceId) },
    ...(customer.totalSpent === null
      ? []
      : [{ ownerId, namespace: 'shipyard', key: 'total_spent', type: 'number_decimal', value: customer.totalSpent }]),
    ...(customer.ordersCount === null
      ? []
      : [
          {
            ownerId,
            namespace: 'shipyard',
            key: 'orders_count',
            type: 'number_integer',
            value: String(customer.ordersCount),
          },
        ]),
    ...fullTextMetafields(cut).map((metafield) => ({ ownerId, ...metafield })),
  ];
}

const STATES = { subscribed: 'SUBSCRIBED', not_subscribed: 'NOT_SUBSCRIBED', unsubscribed: 'UNSUBSCRIBED' } as const;
const OPT_IN = { single_opt_in: 'SINGLE_OPT_IN', confirmed_opt_in: 'CONFIRMED_OPT_IN', unknown: 'UNKNOWN' } as const;

/** The variables for CUSTOMER_EMAIL_CONSENT; null when the source recorded no consent (Shopify's default: not subscribed). */
export function emailConsentVariables(customerId: string, customer: CustomerRecord) {
  const consent = customer.emailMarketing;
  if (!consent) return null;
  return {
    input: {
      customerId,
      emailMarketingConsent: {
        marketingState: STATES[consent.state],
        marketingOptInLevel: OPT_IN[consent.optInLevel],
        ...(consent.consentUpdatedAt ? { consentUpdatedAt: consent.consentUpdatedAt } : {}),
      },
    },
  };
}
