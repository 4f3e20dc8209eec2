// Which customer an order created with orderCreate belongs to: by `customerId` (deprecated) or
// `customer.toAssociate` (an existing one, by id or email), or `customer.toUpsert` (found by id,
// email or phone, else created); with none of those, the order's own `email` or `phone` finds the
// shop's customer or makes one, as every order with a contact does on Shopify. Runs inside the
// order's transaction, so a refused order leaves no customer behind.
//
// Shopify's words: OrderCreateOrderInput.email is "A new customer email address for the order"
// (and `phone` "A new customer phone number for the order"); "A customer profile is created when a
// customer interacts with your business by […] placing an order"
// (https://help.shopify.com/en/manual/customers/manage-customers). The schema says no more about an
// order with only an email; devstore takes the stricter reading for an app: the order is never a
// customer-less guest order when it has an email or phone. A customer made this way is named from
// the order's shipping address, else its billing address, which becomes its address ("if the
// provided customer is new […] then their name will be set to the first/last name from this
// address", OrderCreateOrderInput.billingAddress).
import type { PoolClient } from 'pg';
import { gid, parseGid } from '../catalog/ids.ts';
import { normalizeTags } from '../catalog/product-input.ts';
import { normalizePhone } from '../customers/customers.ts';
import type { OrderProblem } from './order-input.ts';

export type CustomerLink = {
  id?: string | null;
  email?: string | null;
  phone?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  note?: string | null;
  tags?: string[] | null;
};

type Address = Record<string, unknown> & { firstName?: string | null; lastName?: string | null };

export interface OrderCustomerInput {
  customerId?: string | null;
  customer?: { toAssociate?: CustomerLink | null; toUpsert?: CustomerLink | null } | null;
  email?: string | null;
  phone?: string | null;
  billingAddress?: Address | null;
  shippingAddress?: Address | null;
}

export interface OrderCustomer {
  id: string | null;
  /** Made by this order (customers/create goes out once the order is in). */
  created: boolean;
}

const NONE: OrderCustomer = { id: null, created: false };

/** The shop's customer with this email or phone, if any. */
async function findByContact(
  client: PoolClient,
  shop: string,
  email: string | null | undefined,
  phone: string | null | undefined,
): Promise<string | undefined> {
  if (!email && !phone) return undefined;
  const { rows } = await client.query<{ id: string }>(
    'SELECT id FROM devstore.customers WHERE shop = $1 AND (lower(email) = lower($2) OR phone = $3) ORDER BY (lower(email) = lower($2)) DESC NULLS LAST, id LIMIT 1',
    [shop, email ?? null, phone ?? null],
  );
  return rows[0]?.id;
}

/**
 * "If a customer is provided, and no email is provided, the customer's email will be set to this
 * field." (OrderCreateOrderInput.email): a named customer without an email takes the order's, when
 * no other customer has it.
 */
async function fillEmail(
  client: PoolClient,
  shop: string,
  customer: OrderCustomer,
  email: string | null | undefined,
): Promise<OrderCustomer> {
  if (!customer.id || !email) return customer;
  await client.query(
    `UPDATE devstore.customers SET email = $3, updated_at = now() WHERE shop = $1 AND id = $2 AND email IS NULL
       AND NOT EXISTS (SELECT 1 FROM devstore.customers other WHERE other.shop = $1 AND lower(other.email) = lower($3))`,
    [shop, customer.id, email],
  );
  return customer;
}

/** The customer's id (null for none), and whether the order made it; problems go into `errors`. */
export async function customerFor(
  client: PoolClient,
  shop: string,
  input: OrderCustomerInput,
  errors: OrderProblem[],
): Promise<OrderCustomer> {
  const customer = await namedCustomer(client, shop, input, errors);
  return customer === undefined ? contactCustomer(client, shop, input) : fillEmail(client, shop, customer, input.email);
}

/** The customer the input names (undefined when it names none). */
async function namedCustomer(
  client: PoolClient,
  shop: string,
  input: OrderCustomerInput,
  errors: OrderProblem[],
): Promise<OrderCustomer | undefined> {
  if (input.customerId && input.customer) {
    errors.push({
      field: ['order', 'customer'],
      message: 'Only one of customerId or customer can be given',
      code: 'REDUNDANT_CUSTOMER_FIELDS',
    });
    return NONE;
  }
  const link = input.customerId ? { id: input.customerId } : (input.customer?.toAssociate ?? input.customer?.toUpsert);
  if (!link) return undefined;
  if (link.id) {
    const { rows } = await client.query<{ id: string }>(
      'SELECT id FROM devstore.customers WHERE shop = $1 AND id = $2',
      [shop, parseGid(link.id, 'Customer') ?? '0'],
    );
    if (!rows[0])
      errors.push({
        field: ['order', input.customerId ? 'customerId' : 'customer'],
        message: 'Customer does not exist',
        code: 'INVALID',
      });
    return { id: rows[0]?.id ?? null, created: false };
  }
  const phone = link.phone ? normalizePhone(link.phone) : undefined;
  const found = await findByContact(client, shop, link.email, phone);
  if (found) return { id: found, created: false };
  if (!input.customer?.toUpsert) {
    errors.push({ field: ['order', 'customer', 'toAssociate'], message: 'Customer does not exist', code: 'INVALID' });
    return NONE;
  }
  const created = await client.query<{ id: string }>(
    'INSERT INTO devstore.customers (shop, email, phone, first_name, last_name, note, tags) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
    [
      shop,
      link.email ?? null,
      phone ?? null,
      link.firstName ?? null,
      link.lastName ?? null,
      link.note ?? null,
      normalizeTags(link.tags) ?? [],
    ],
  );
  return { id: (created.rows[0] as { id: string }).id, created: true };
}

/** An order with no customer named: its email (else phone) finds the shop's customer, or makes one. */
async function contactCustomer(client: PoolClient, shop: string, input: OrderCustomerInput): Promise<OrderCustomer> {
  const email = input.email?.trim() || null;
  const phone = input.phone ? (normalizePhone(input.phone) ?? null) : null;
  if (!email && !phone) return NONE;
  const found = await findByContact(client, shop, email, phone);
  if (found) return { id: found, created: false };
  const address = input.shippingAddress ?? input.billingAddress ?? null;
  const addresses = [];
  if (address) {
    const { rows } = await client.query<{ id: string }>("SELECT nextval('devstore.object_ids')::text AS id");
    addresses.push({ ...address, id: gid('MailingAddress', (rows[0] as { id: string }).id) });
  }
  const created = await client.query<{ id: string }>(
    'INSERT INTO devstore.customers (shop, email, phone, first_name, last_name, addresses) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
    [shop, email, phone, address?.firstName ?? null, address?.lastName ?? null, JSON.stringify(addresses)],
  );
  return { id: (created.rows[0] as { id: string }).id, created: true };
}
