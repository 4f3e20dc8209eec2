// Shopify's protected customer data: what the installed app may read and write of a shop's customers
// and orders, by the access its developer selected in the Partner Dashboard and Shopify approved.
// https://shopify.dev/docs/apps/launch/protected-customer-data
//
// - Level 1 ("protected customer data") is customer and order data at all: without it the Customer
//   and Order objects are refused, on reads (the field that would return one) and on the mutations
//   that write one.
// - Level 2 ("protected customer fields") adds the fields that identify a person: "Name: first and
//   last names; Address: address line 1, address line 2, geolocation, and zip codes in both billing
//   and shipping addresses; Email; Phone". With level 1 alone those fields are redacted: null, with
//   an error on the field's path (the documented example: `customer { email phone }` answers the
//   email, `phone: null`, and "This app is not approved to access the Customer object. See
//   https://partners.shopify.com/123/apps/456/customer_data for more details." on ["customer","phone"]).
// - "GraphQL requests to unapproved types will return an HTTP 200 Ok response with an error message
//   in the errors hash."
// - Development stores: "To access customer data in development, select the data and fields you're
//   using in the Partner Dashboard. You don't need to submit a request for review for apps that are
//   installed only on development stores." So a development store goes by what was selected, every
//   other store by what Shopify's review approved.
//
// Where the documentation is silent devstore takes the stricter choice, and says so here:
// - a mutation whose input carries a protected field the app may not use is refused whole (nothing is
//   written) with "This app is not approved to use the <field> field. See … for more details.", the
//   wording Shopify documents for an unapproved field in the Customer Account API;
// - looking a customer up by email or phone (customerByIdentifier, customerSet's identifier, the
//   `email:`/`phone:` search terms) uses that field, so it needs level 2 too;
// - a redacted field that the schema makes non-null (Customer.displayName, Customer.addresses) is
//   refused like the others, so graphql-js nulls its parent, as any failed non-null field would;
// - the errors carry `extensions.code: "ACCESS_DENIED"`, the code Shopify's Admin API gives access
//   denials; the documented example shows no extensions, so apps should recognise the message too.
import type { GraphQLNamedType, GraphQLResolveInfo } from 'graphql';
import { getNamedType } from 'graphql';

export const CUSTOMER_DATA_LEVELS = ['none', 'level1', 'level2'] as const;
export type CustomerDataLevel = (typeof CUSTOMER_DATA_LEVELS)[number];

export interface ProtectedCustomerData {
  /** What the app's developer selected in the Partner Dashboard (enough on a development store). */
  selected: CustomerDataLevel;
  /** What Shopify's review approved (what counts on every other store). */
  approved: CustomerDataLevel;
}

/** devstore has no Partner Dashboard; the link has the shape of Shopify's. */
const CUSTOMER_DATA_PAGE = 'https://partners.shopify.com/1/apps/1/customer_data';

const rank = (level: CustomerDataLevel) => CUSTOMER_DATA_LEVELS.indexOf(level);

/** The level the app has on this shop. */
export function customerDataLevel(shop: {
  devStore: boolean;
  protectedCustomerData: ProtectedCustomerData;
}): CustomerDataLevel {
  const { selected, approved } = shop.protectedCustomerData;
  if (shop.devStore) return selected;
  // Shopify reviews what was requested, so an approval never reaches beyond the selection.
  return rank(approved) <= rank(selected) ? approved : selected;
}

/** Answered as a top-level error on the field's path, with Shopify's code for an access denial. */
export class CustomerDataAccessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CustomerDataAccessError';
  }
}

const objectRefused = (type: string) =>
  new CustomerDataAccessError(
    `This app is not approved to access the ${type} object. See ${CUSTOMER_DATA_PAGE} for more details.`,
  );
const fieldRefused = (field: string) =>
  new CustomerDataAccessError(
    `This app is not approved to use the ${field} field. See ${CUSTOMER_DATA_PAGE} for more details.`,
  );

/** The objects that are customer data (level 1), and their connections. */
const PROTECTED_OBJECTS: Record<string, string> = {
  Customer: 'Customer',
  CustomerConnection: 'Customer',
  CustomerEdge: 'Customer',
  Order: 'Order',
  OrderConnection: 'Order',
  OrderEdge: 'Order',
};

/** The fields that are a name, an email, a phone or an address (level 2). */
const PROTECTED_FIELDS: Record<string, ReadonlySet<string>> = {
  Customer: new Set([
    'firstName',
    'lastName',
    'displayName',
    'email',
    'defaultEmailAddress',
    'phone',
    'defaultPhoneNumber',
    'addresses',
    'addressesV2',
    'defaultAddress',
  ]),
  Order: new Set(['email', 'phone', 'billingAddress', 'shippingAddress', 'displayAddress']),
};

type Input = Record<string, unknown> | null | undefined;
const given = (input: Input, fields: string[]) =>
  fields.filter((field) => input?.[field] !== undefined && input[field] !== null);
const PERSON = ['firstName', 'lastName', 'email', 'phone', 'addresses'];

/** The mutations that write a customer or an order: which object they touch, and the protected fields their input carries. */
const MUTATIONS: Record<
  string,
  { object: (args: Record<string, unknown>) => string | null; fields: (args: Record<string, unknown>) => string[] }
> = {
  customerSet: {
    object: () => 'Customer',
    fields: (args) => [...given(args.input as Input, PERSON), ...given(args.identifier as Input, ['email', 'phone'])],
  },
  customerCreate: { object: () => 'Customer', fields: (args) => given(args.input as Input, PERSON) },
  customerUpdate: { object: () => 'Customer', fields: (args) => given(args.input as Input, PERSON) },
  customerDelete: { object: () => 'Customer', fields: () => [] },
  customerEmailMarketingConsentUpdate: { object: () => 'Customer', fields: () => [] },
  customerSendAccountInviteEmail: {
    object: () => 'Customer',
    fields: (args) => (given(args.email as Input, ['to']).length ? ['email'] : []),
  },
  orderCreate: {
    object: () => 'Order',
    fields: (args) => {
      const order = args.order as Input;
      const upsert = ((order?.customer as Input)?.toUpsert ?? null) as Input;
      return [...given(order, ['email', 'phone', 'billingAddress', 'shippingAddress']), ...given(upsert, PERSON)];
    },
  },
  orderDelete: { object: () => 'Order', fields: () => [] },
  orderUpdate: {
    object: () => 'Order',
    fields: (args) => given(args.input as Input, ['email', 'phone', 'shippingAddress']),
  },
  // Metafields on a customer or an order are that customer's or order's data.
  metafieldsSet: {
    object: (args) =>
      ownerObject((args.metafields as { ownerId?: unknown }[] | undefined)?.map((metafield) => metafield.ownerId)),
    fields: () => [],
  },
  metafieldsDelete: {
    object: (args) =>
      ownerObject((args.metafields as { ownerId?: unknown }[] | undefined)?.map((metafield) => metafield.ownerId)),
    fields: () => [],
  },
};

function ownerObject(ownerIds: unknown[] | undefined): string | null {
  for (const id of ownerIds ?? []) {
    const type = typeof id === 'string' ? /^gid:\/\/shopify\/(Customer|Order)\//.exec(id)?.[1] : undefined;
    if (type) return type;
  }
  return null;
}

/** Reads that look a customer or an order up by a protected field. */
function lookupFields(field: string, args: Record<string, unknown>): string[] {
  if (field === 'customerByIdentifier') {
    const identifier = args.identifier as Input;
    return [
      ...(given(identifier, ['emailAddress']).length ? ['email'] : []),
      ...(given(identifier, ['phoneNumber']).length ? ['phone'] : []),
    ];
  }
  if ((field === 'customers' || field === 'orders') && typeof args.query === 'string') {
    return [...args.query.matchAll(/(?:^|[\s(])-?(email|phone):/g)].map((match) => match[1] as string);
  }
  return [];
}

/**
 * Why this field may not be resolved for the shop's app, or undefined when it may. Called for every
 * field, so the common case (the app has level 2) returns at once.
 */
export function customerDataRefusal(
  level: CustomerDataLevel,
  info: GraphQLResolveInfo,
  args: Record<string, unknown>,
): CustomerDataAccessError | undefined {
  if (level === 'level2') return undefined;
  const parent = info.parentType.name;
  const field = info.fieldName;
  if (info.parentType === info.schema.getMutationType()) {
    const rule = MUTATIONS[field];
    if (!rule) return undefined;
    const object = rule.object(args);
    if (!object) return undefined;
    if (level === 'none') return objectRefused(object);
    const used = rule.fields(args)[0];
    return used ? fieldRefused(used) : undefined;
  }
  const returned = PROTECTED_OBJECTS[(getNamedType(info.returnType) as GraphQLNamedType).name];
  if (level === 'none') return returned ? objectRefused(returned) : undefined;
  if (PROTECTED_FIELDS[parent]?.has(field)) return objectRefused(parent);
  if (info.parentType === info.schema.getQueryType()) {
    const used = lookupFields(field, args)[0];
    if (used) return fieldRefused(used);
  }
  return undefined;
}

/** For `node`/`nodes`: an object reached through an interface is refused once its type is known. */
export function customerDataTypeRefusal(
  level: CustomerDataLevel,
  typename: string,
): CustomerDataAccessError | undefined {
  return level === 'none' && PROTECTED_OBJECTS[typename] ? objectRefused(PROTECTED_OBJECTS[typename]) : undefined;
}
