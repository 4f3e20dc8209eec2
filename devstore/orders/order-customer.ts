// Which customer an order created with orderCreate belongs to: by `customerId` (deprecated) or
// `customer.toAssociate` (an existing one, by id or email), or `customer.toUpsert` (found by id,
// email or phone, else created). Runs inside the order's transaction, so a refused order leaves
// no customer behind.
import type { PoolClient } from 'pg';
import { parseGid } from '../catalog/ids.ts';
import { normalizeTags } from '../catalog/product-input.ts';
import { normalizePhone } from '../customers/customers.ts';
import type { OrderProblem } from './order-input.ts';

export type CustomerLink = { id?: string | null; email?: string | null; phone?: string | null; firstName?: string | null; lastName?: string | null; note?: string | null; tags?: string[] | null };

export interface OrderCustomerInput {
  customerId?: string | null;
  customer?: { toAssociate?: CustomerLink | null; toUpsert?: CustomerLink | null } | null;
}

/** The customer's id, or null for none; problems go into `errors`. */
export async function customerFor(client: PoolClient, shop: string, input: OrderCustomerInput, errors: OrderProblem[]): Promise<string | null> {
  if (input.customerId && input.customer) {
    errors.push({ field: ['order', 'customer'], message: 'Only one of customerId or customer can be given', code: 'REDUNDANT_CUSTOMER_FIELDS' });
    return null;
  }
  const link = input.customerId ? { id: input.customerId } : (input.customer?.toAssociate ?? input.customer?.toUpsert);
  if (!link) return null;
  if (link.id) {
    const { rows } = await client.query<{ id: string }>('SELECT id FROM devstore.customers WHERE shop = $1 AND id = $2', [shop, parseGid(link.id, 'Customer') ?? '0']);
    if (!rows[0]) errors.push({ field: ['order', input.customerId ? 'customerId' : 'customer'], message: 'Customer does not exist', code: 'INVALID' });
    return rows[0]?.id ?? null;
  }
  const phone = link.phone ? normalizePhone(link.phone) : undefined;
  const { rows } = await client.query<{ id: string }>(
    'SELECT id FROM devstore.customers WHERE shop = $1 AND (lower(email) = lower($2) OR phone = $3) ORDER BY id LIMIT 1',
    [shop, link.email ?? null, phone ?? null],
  );
  if (rows[0]) return rows[0].id;
  if (!input.customer?.toUpsert) {
    errors.push({ field: ['order', 'customer', 'toAssociate'], message: 'Customer does not exist', code: 'INVALID' });
    return null;
  }
  const created = await client.query<{ id: string }>(
    'INSERT INTO devstore.customers (shop, email, phone, first_name, last_name, note, tags) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
    [shop, link.email ?? null, phone ?? null, link.firstName ?? null, link.lastName ?? null, link.note ?? null, normalizeTags(link.tags) ?? []],
  );
  return (created.rows[0] as { id: string }).id;
}
