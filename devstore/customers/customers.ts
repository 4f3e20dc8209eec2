// Customers: `customerSet` (upsert by id, email or phone), `customerDelete`, `customer`,
// `customerByIdentifier` (also by custom ID) and `customers` (email:, phone:, tag:, updated_at:
// filters), with addresses and metafields.
import type { Args, RequestContext, ResolverModule } from '../graphql/context.ts';
import { customerDataLevel } from '../graphql/customer-data-access.ts';
import { ArgumentError, NotImplementedError } from '../graphql/errors.ts';
import { CustomIdError, type CustomId, ownerByCustomId } from '../catalog/custom-ids.ts';
import { metafieldFields } from '../catalog/metafields.ts';
import { connectionOf } from '../catalog/connection.ts';
import { dateFilter, listRows, tagFilter, type ListSpec } from '../catalog/listing.ts';
import { gid, parseGid } from '../catalog/ids.ts';
import { normalizeTags } from '../catalog/product-input.ts';
import { customerTextErrors } from '../catalog/text-limits.ts';
import { shopObject } from '../catalog/shop.ts';
import { countryName } from './countries.ts';
import { regionErrors } from './zones.ts';

interface AddressInput {
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  company?: string | null;
  country?: string | null;
  countryCode?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  phone?: string | null;
  province?: string | null;
  provinceCode?: string | null;
  zip?: string | null;
}

interface CustomerInput {
  id?: string | null;
  email?: string | null;
  phone?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  note?: string | null;
  locale?: string | null;
  tags?: string[] | null;
  taxExempt?: boolean | null;
  addresses?: AddressInput[] | null;
}

export interface CustomerRow {
  id: string;
  shop: string;
  email: string | null;
  phone: string | null;
  first_name: string | null;
  last_name: string | null;
  note: string | null;
  locale: string;
  tax_exempt: boolean;
  tags: string[];
  addresses: (AddressInput & { id: string })[];
  /** CustomerState: DISABLED until the customer is invited (INVITED) or makes an account (ENABLED). */
  state: string;
  created_at: Date;
  updated_at: Date;
}

type Problem = { __typename: 'CustomerSetUserError'; field: string[]; message: string; code: string };
const problem = (field: string[], message: string, code: string): Problem => ({
  __typename: 'CustomerSetUserError',
  field,
  message,
  code,
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Shopify stores phone numbers in E.164; spaces, dashes, dots and brackets are dropped first. */
export function normalizePhone(phone: string): string | undefined {
  const compact = phone.replace(/[\s\-().]/g, '');
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : undefined;
}

export function addressObject(address: AddressInput & { id: string }) {
  const name = [address.firstName, address.lastName].filter(Boolean).join(' ');
  return {
    __typename: 'MailingAddress',
    id: address.id,
    address1: address.address1 ?? null,
    address2: address.address2 ?? null,
    city: address.city ?? null,
    company: address.company ?? null,
    // An address given by its code reads back with the country's name too (see countries.ts).
    country: address.countryCode ? countryName(address.countryCode) : (address.country ?? null),
    countryCodeV2: address.countryCode ?? null,
    firstName: address.firstName ?? null,
    lastName: address.lastName ?? null,
    name: name || null,
    phone: address.phone ?? null,
    province: address.province ?? null,
    provinceCode: address.provinceCode ?? null,
    zip: address.zip ?? null,
  };
}

export function customerObject(row: CustomerRow) {
  const addresses = row.addresses.map(addressObject);
  const displayName = [row.first_name, row.last_name].filter(Boolean).join(' ') || row.email || row.phone || '';
  return {
    __typename: 'Customer',
    id: gid('Customer', row.id),
    legacyResourceId: String(row.id),
    email: row.email,
    phone: row.phone,
    firstName: row.first_name,
    lastName: row.last_name,
    displayName,
    note: row.note,
    locale: row.locale,
    taxExempt: row.tax_exempt,
    tags: row.tags,
    state: row.state,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    addresses: (args: Args) => addresses.slice(0, typeof args.first === 'number' ? args.first : undefined),
    addressesV2: (args: Args) =>
      connectionOf(
        addresses,
        args,
        (address) => parseGid(address.id, 'MailingAddress') ?? address.id,
        (address) => address,
      ),
    defaultAddress: addresses[0] ?? null,
    ...metafieldFields(String(row.id)),
  };
}

export async function findBy(
  context: RequestContext,
  column: 'id' | 'email' | 'phone',
  value: string,
): Promise<CustomerRow | undefined> {
  const where = column === 'email' ? 'lower(email) = lower($2)' : `${column} = $2`;
  const { rows } = await context.pool.query<CustomerRow>(
    `SELECT * FROM devstore.customers WHERE shop = $1 AND ${where}`,
    [context.shop.domain, value],
  );
  return rows[0];
}

async function customerSet(args: Args, context: RequestContext) {
  const input = args.input as CustomerInput;
  const identifier = args.identifier as
    { id?: string | null; email?: string | null; phone?: string | null; customId?: unknown } | null | undefined;
  const failed = (userErrors: Problem[]) => ({ __typename: 'CustomerSetPayload', customer: null, userErrors });
  if (identifier?.customId) throw new NotImplementedError('customerSet identifier customId');

  let existing: CustomerRow | undefined;
  if (identifier) {
    if (input.id)
      return failed([
        problem(['input', 'id'], 'The id field is not allowed if identifier is provided.', 'ID_NOT_ALLOWED'),
      ]);
    if (identifier.id) {
      const id = parseGid(identifier.id, 'Customer');
      existing = id ? await findBy(context, 'id', id) : undefined;
      if (!existing)
        return failed([problem(['identifier', 'id'], 'Resource matching the identifier was not found.', 'NOT_FOUND')]);
    } else if (identifier.email) {
      if (input.email && input.email.toLowerCase() !== identifier.email.toLowerCase())
        return failed([
          problem(
            ['input', 'email'],
            'The identifier value does not match the value of the corresponding field in the input.',
            'INPUT_MISMATCH',
          ),
        ]);
      if (!input.email)
        return failed([
          problem(
            ['input', 'email'],
            'The input field corresponding to the identifier is required.',
            'MISSING_FIELD_REQUIRED',
          ),
        ]);
      existing = await findBy(context, 'email', identifier.email);
    } else if (identifier.phone) {
      if (input.phone && normalizePhone(input.phone) !== normalizePhone(identifier.phone))
        return failed([
          problem(
            ['input', 'phone'],
            'The identifier value does not match the value of the corresponding field in the input.',
            'INPUT_MISMATCH',
          ),
        ]);
      if (!input.phone)
        return failed([
          problem(
            ['input', 'phone'],
            'The input field corresponding to the identifier is required.',
            'MISSING_FIELD_REQUIRED',
          ),
        ]);
      existing = await findBy(context, 'phone', normalizePhone(identifier.phone) ?? identifier.phone);
    }
  } else if (input.id) {
    const id = parseGid(input.id, 'Customer');
    existing = id ? await findBy(context, 'id', id) : undefined;
    if (!existing) return failed([problem(['input', 'id'], 'Customer does not exist', 'NOT_FOUND')]);
  }

  const errors: Problem[] = [];
  const email = input.email?.trim() || undefined;
  if (email && !EMAIL.test(email)) errors.push(problem(['input', 'email'], 'Email is invalid', 'INVALID'));
  const phone = input.phone ? normalizePhone(input.phone) : undefined;
  if (input.phone && !phone) errors.push(problem(['input', 'phone'], 'Phone is invalid', 'INVALID'));
  // Checked on the customer as it will be: now that a null clears a field, an update can empty all four.
  const kept = <T>(given: T | undefined | null, normalized: T | undefined | null, current: T | null | undefined) =>
    given === undefined ? current : normalized;
  const named = [
    kept(input.email, email, existing?.email),
    kept(input.phone, phone, existing?.phone),
    kept(input.firstName, input.firstName, existing?.first_name),
    kept(input.lastName, input.lastName, existing?.last_name),
  ].some(Boolean);
  if (!named) errors.push(problem(['input'], 'A name, phone number or email address must be present', 'BLANK'));
  errors.push(...customerTextErrors(input, ['input']).map((error) => problem(error.field, error.message, 'TOO_LONG')));
  if (email && !errors.length) {
    const other = await findBy(context, 'email', email);
    if (other && other.id !== existing?.id)
      errors.push(problem(['input', 'email'], 'Email has already been taken', 'TAKEN'));
  }
  if (phone && !errors.length) {
    const other = await findBy(context, 'phone', phone);
    if (other && other.id !== existing?.id)
      errors.push(problem(['input', 'phone'], 'Phone has already been taken', 'TAKEN'));
  }
  (input.addresses ?? []).forEach((address, index) => {
    if (address.countryCode && !/^[A-Z]{2}$/.test(address.countryCode))
      errors.push(problem(['input', 'addresses', String(index), 'countryCode'], 'Country code is invalid', 'INVALID'));
    for (const refused of regionErrors(address, ['input', 'addresses', String(index)]))
      errors.push(problem(refused.field, refused.message, 'INVALID'));
  });
  if (errors.length) return failed(errors);

  const addresses = input.addresses
    ? await Promise.all(
        input.addresses.map(async (address, index) => ({
          ...address,
          id: existing?.addresses[index]?.id ?? gid('MailingAddress', await nextId(context)),
        })),
      )
    : undefined;
  try {
    const { rows } = existing
      ? await context.pool.query<CustomerRow>(...updateStatement(existing.id, input, { email, phone, addresses }))
      : await context.pool.query<CustomerRow>(
          `INSERT INTO devstore.customers (shop, email, phone, first_name, last_name, note, locale, tax_exempt, tags, addresses)
           VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, 'en'), coalesce($8::boolean, false), coalesce($9::text[], '{}'), coalesce($10::jsonb, '[]')) RETURNING *`,
          [
            context.shop.domain,
            email ?? null,
            phone ?? null,
            input.firstName ?? null,
            input.lastName ?? null,
            input.note ?? null,
            input.locale ?? null,
            input.taxExempt ?? null,
            normalizeTags(input.tags) ?? null,
            addresses ? JSON.stringify(addresses) : null,
          ],
        );
    const row = rows[0] as CustomerRow;
    // Webhook payloads leave out the fields the app may not see, as API answers do.
    const seen = customerDataLevel(context.shop) === 'level2' ? row.email : null;
    context.emit(existing ? 'customers/update' : 'customers/create', {
      id: Number(row.id),
      email: seen,
      admin_graphql_api_id: gid('Customer', row.id),
    });
    return { __typename: 'CustomerSetPayload', customer: customerObject(row), userErrors: [] };
  } catch (error) {
    // Two upserts of one new email at once: the unique index decides, as Shopify's would.
    if ((error as { code?: string }).code === '23505')
      return failed([problem(['input', 'email'], 'Email has already been taken', 'TAKEN')]);
    throw error;
  }
}

/**
 * The UPDATE for an existing customer. Shopify: omitted fields are not updated, every field given
 * is set to its value — so a given `null` clears the field, while an absent key keeps it.
 */
function updateStatement(
  id: string,
  input: CustomerInput,
  normalized: { email?: string; phone?: string; addresses?: (AddressInput & { id: string })[] },
): [string, unknown[]] {
  const values: unknown[] = [id];
  const sets: string[] = [];
  const set = (column: string, value: unknown, cast = '') => {
    values.push(value);
    sets.push(`${column} = $${values.length}${cast}`);
  };
  if (input.email !== undefined) set('email', normalized.email ?? null);
  if (input.phone !== undefined) set('phone', normalized.phone ?? null);
  if (input.firstName !== undefined) set('first_name', input.firstName);
  if (input.lastName !== undefined) set('last_name', input.lastName);
  if (input.note !== undefined) set('note', input.note);
  // locale and tax_exempt are NOT NULL columns with no "unset" state: a null keeps the current value.
  if (input.locale !== undefined && input.locale !== null) set('locale', input.locale);
  if (input.taxExempt !== undefined && input.taxExempt !== null) set('tax_exempt', input.taxExempt);
  // List fields are replaced by what is given, so null (no entries) empties them.
  if (input.tags !== undefined) set('tags', normalizeTags(input.tags) ?? [], '::text[]');
  if (input.addresses !== undefined) set('addresses', JSON.stringify(normalized.addresses ?? []), '::jsonb');
  return [
    `UPDATE devstore.customers SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING *`,
    values,
  ];
}

async function nextId(context: RequestContext): Promise<string> {
  const { rows } = await context.pool.query<{ id: string }>("SELECT nextval('devstore.object_ids')::text AS id");
  return (rows[0] as { id: string }).id;
}

const CUSTOMERS: ListSpec = {
  name: 'customers',
  table: 'devstore.customers',
  filters: {
    email: (value, param) => `lower(email) = lower(${param(value)})`,
    phone: (value, param) => `phone = ${param(normalizePhone(value) ?? value)}`,
    tag: tagFilter,
    updated_at: dateFilter('updated_at'),
  },
  uniqueFilters: ['email', 'phone'],
};

/** Shopify deletes only customers who have placed no orders; the others must be kept (or their orders deleted first). */
async function customerDelete(args: Args, context: RequestContext) {
  const input = args.input as { id: string };
  const failed = (message: string) => ({
    __typename: 'CustomerDeletePayload',
    deletedCustomerId: null,
    shop: shopObject(context),
    userErrors: [{ __typename: 'UserError', field: ['id'], message }],
  });
  const id = parseGid(input.id, 'Customer');
  const row = id ? await findBy(context, 'id', id) : undefined;
  if (!row) return failed("Customer can't be found");
  const { rowCount } = await context.pool.query(
    'SELECT 1 FROM devstore.orders WHERE shop = $1 AND customer_id = $2 LIMIT 1',
    [context.shop.domain, row.id],
  );
  if (rowCount) return failed('Customer can’t be deleted because they have orders');
  await context.pool.query('DELETE FROM devstore.metafields WHERE shop = $1 AND owner_id = $2', [
    context.shop.domain,
    row.id,
  ]);
  await context.pool.query('DELETE FROM devstore.customers WHERE shop = $1 AND id = $2', [context.shop.domain, row.id]);
  context.emit('customers/delete', { id: Number(row.id) });
  return {
    __typename: 'CustomerDeletePayload',
    deletedCustomerId: gid('Customer', row.id),
    shop: shopObject(context),
    userErrors: [],
  };
}

export const customersModule: ResolverModule = {
  queries: {
    customers: (args, context) => listRows<CustomerRow>(context, args, CUSTOMERS, customerObject),
    customer: async (args, context) => {
      const id = parseGid(args.id, 'Customer');
      const row = id ? await findBy(context, 'id', id) : undefined;
      return row ? customerObject(row) : null;
    },
    customerByIdentifier: async (args, context) => {
      const identifier = args.identifier as {
        id?: string | null;
        emailAddress?: string | null;
        phoneNumber?: string | null;
        customId?: unknown;
      };
      const id = identifier.customId
        ? await ownerByCustomId(context.pool, context.shop.domain, 'CUSTOMER', identifier.customId as CustomId).catch(
            (error: unknown) => {
              // A custom ID without its definition is a bad argument, answered as a GraphQL error.
              throw error instanceof CustomIdError ? new ArgumentError(error.message) : error;
            },
          )
        : identifier.id
          ? parseGid(identifier.id, 'Customer')
          : undefined;
      const row = id
        ? await findBy(context, 'id', id)
        : identifier.emailAddress
          ? await findBy(context, 'email', identifier.emailAddress)
          : identifier.phoneNumber
            ? await findBy(context, 'phone', normalizePhone(identifier.phoneNumber) ?? identifier.phoneNumber)
            : undefined;
      return row ? customerObject(row) : null;
    },
  },
  mutations: { customerSet, customerDelete },
  nodes: {
    Customer: async (context, id) => {
      const row = await findBy(context, 'id', id);
      return row ? customerObject(row) : null;
    },
  },
};
