// Turns a canonical customer into Shopify's customerSet input, the metafields Shopify has no field
// for (source reference, total spent, order count) and the email marketing consent, which Shopify
// only takes through its own mutation. Contact details Shopify would refuse are left out and kept
// in the note, each with the reason, so the customer still moves. Text longer than Shopify allows
// is cut only when the merchant chose so (text-limits.server.ts).
import type { CustomerRecord } from '../../../connectors/model.ts';
import { SOURCE_REFERENCE, sourceReference } from '../source-reference.server.ts';
import { type LongText, type LongTextRule, TEXT_LIMITS, cutAtWordBoundary, fullTextMetafields, longTags, longText } from './text-limits.server.ts';

export const CUSTOMER_SET = `#graphql
  mutation MigrateCustomer($input: CustomerSetInput!, $identifier: CustomerSetIdentifiers) {
    customerSet(input: $input, identifier: $identifier) {
      customer {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const CUSTOMER_BY_REFERENCE = `#graphql
  query CustomerBySourceReference($identifier: CustomerIdentifierInput!) {
    customerByIdentifier(identifier: $identifier) {
      id
    }
  }
`;

export const CUSTOMER_METAFIELDS = `#graphql
  mutation MigrateCustomerMetafields($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        key
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const CUSTOMER_EMAIL_CONSENT = `#graphql
  mutation MigrateCustomerEmailConsent($input: CustomerEmailMarketingConsentUpdateInput!) {
    customerEmailMarketingConsentUpdate(input: $input) {
      customer {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

type Address = CustomerRecord['addresses'][number];

// Close to what Shopify accepts: one @, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Shopify keeps phone numbers in international (E.164) form; spaces, dashes, dots and brackets are dropped first. */
export function internationalPhone(phone: string): string | null {
  const compact = phone.replace(/[\s\-().]/g, '').replace(/^00/, '+');
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : null;
}

export interface Contact {
  email: string | null;
  phone: string | null;
  /** Details Shopify would refuse, each said in the merchant's words. */
  problems: { code: 'customer-email-invalid' | 'customer-phone-invalid'; subject: string; message: string }[];
}

export function checkContact(customer: Pick<CustomerRecord, 'email' | 'phone'>): Contact {
  const problems: Contact['problems'] = [];
  const email = customer.email && EMAIL.test(customer.email) ? customer.email : null;
  if (customer.email && !email) problems.push({ code: 'customer-email-invalid', subject: customer.email, message: `The email "${customer.email}" is not a valid address; the customer moved without it and it is kept in the customer's note.` });
  const phone = customer.phone ? internationalPhone(customer.phone) : null;
  if (customer.phone && !phone) problems.push({ code: 'customer-phone-invalid', subject: customer.phone, message: `The phone "${customer.phone}" is not in international form (+49 30 …); the customer moved without it and it is kept in the customer's note.` });
  return { email, phone, problems };
}

const addressKey = (address: Address) =>
  JSON.stringify([address.firstName, address.lastName, address.company, address.address1, address.address2, address.city, address.province, address.zip, address.countryCode, address.phone].map((part) => part?.trim().toLowerCase() ?? ''));

/** Billing and shipping addresses without repeats, the default first (Shopify makes the first one the default). */
export function customerAddresses(customer: Pick<CustomerRecord, 'addresses' | 'defaultAddressIndex'>): Address[] {
  const preferred = customer.defaultAddressIndex === null ? undefined : customer.addresses[customer.defaultAddressIndex];
  const ordered = preferred ? [preferred, ...customer.addresses.filter((address) => address !== preferred)] : customer.addresses;
  const seen = new Set<string>();
  return ordered.filter((address) => {
    const key = addressKey(address);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const sum = (values: (string | null)[]) => {
  const known = values.filter((value): value is string => value !== null);
  return known.length === 0 ? null : (known.reduce((total, value) => total + Math.round(Number(value) * 100), 0) / 100).toFixed(2);
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
  const latestConsent = consents.sort((a, b) => (b.consentUpdatedAt ?? '').localeCompare(a.consentUpdatedAt ?? ''))[0] ?? null;
  const counts = all.map((customer) => customer.ordersCount).filter((count): count is number => count !== null);
  return {
    ...first,
    firstName: first.firstName ?? others.find((customer) => customer.firstName)?.firstName ?? null,
    lastName: first.lastName ?? others.find((customer) => customer.lastName)?.lastName ?? null,
    phone: first.phone ?? others.find((customer) => customer.phone)?.phone ?? null,
    addresses: customerAddresses(first).concat(others.flatMap((customer) => customer.addresses)),
    defaultAddressIndex: first.addresses.length > 0 ? 0 : null,
    tags: [...new Set(all.flatMap((customer) => customer.tags))],
    note: all.map((customer) => customer.note).filter(Boolean).join('\n\n') || null,
    locale: first.locale ?? others.find((customer) => customer.locale)?.locale ?? null,
    emailMarketing: latestConsent,
    totalSpent: sum(all.map((customer) => customer.totalSpent)),
    ordersCount: counts.length === 0 ? null : counts.reduce((total, count) => total + count, 0),
  };
}

function addressInput(address: Address) {
  const phone = address.phone ? internationalPhone(address.phone) : null;
  const fields = {
    firstName: address.firstName, lastName: address.lastName, company: address.company, address1: address.address1, address2: address.address2,
    city: address.city, province: address.province, zip: address.zip, countryCode: address.countryCode, phone,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null));
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

/** The text the customer is written with: names, tags, and the note with the contact details Shopify would not take. */
function customerText(customer: CustomerRecord, contact: Contact) {
  const kept = contact.problems.map((problem) => `${problem.code === 'customer-email-invalid' ? 'Email' : 'Phone'} on the old store (not valid in Shopify): ${problem.subject}`);
  return { firstName: customer.firstName, lastName: customer.lastName, note: [customer.note, ...kept].filter(Boolean).join('\n') || null, tags: customer.tags };
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
export function toCustomerSetVariables(customer: CustomerRecord, contact: Contact, existingId: string | null, rule: LongTextRule = 'keep-back'): CustomerSetVariables {
  const text = customerText(customer, contact);
  const fit = (value: string | null, limit: number) => (value && rule === 'cut' ? cutAtWordBoundary(value, limit) : value);
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
    addresses: customerAddresses(customer).map(addressInput),
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
    ...(customer.totalSpent === null ? [] : [{ ownerId, namespace: 'shipyard', key: 'total_spent', type: 'number_decimal', value: customer.totalSpent }]),
    ...(customer.ordersCount === null ? [] : [{ ownerId, namespace: 'shipyard', key: 'orders_count', type: 'number_integer', value: String(customer.ordersCount) }]),
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
