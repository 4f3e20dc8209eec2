// What a customer the store already had looked like before a migration wrote into it, and putting it
// back. With "Update them" a migration writes the old store's details into a customer found by email
// or phone; an undo never deletes that customer (it was the merchant's), and with what is kept here it
// returns it to how it was: fields, addresses and the metafields Shipyard adds (RecordBefore).
import { db } from '../../db/db.server.ts';
import type { AdminClient } from '../../shopify-admin/client.server.ts';
import { metafieldsSetCost } from '../../shopify-admin/costs.server.ts';
import { stillInShopify } from '../steps/verify.server.ts';
import { putPolicyBack } from '../entities/policies/write.server.ts';
import { type UserError, describeUserErrors } from '../../shopify-admin/user-errors.server.ts';
import { CUSTOMER_METAFIELDS } from '../../shopify-admin/graphql/metafields.ts';
import { METAFIELDS_DELETE } from '../../shopify-admin/graphql/metafields.ts';
import { CUSTOMER_SET } from '../../shopify-admin/graphql/customers.ts';
import { CUSTOMER_BEFORE } from '../../shopify-admin/graphql/customers.ts';
import { SOURCE_REFERENCE } from '../../shopify-admin/metafield-definitions.server.ts';

/** The metafields a migration sets on a customer (entities/customers/input.server.ts, customerMetafields). */
const SHIPYARD_METAFIELDS = [
  { namespace: SOURCE_REFERENCE.namespace, key: SOURCE_REFERENCE.key },
  { namespace: 'shipyard', key: 'total_spent' },
  { namespace: 'shipyard', key: 'orders_count' },
] as const;

type Metafield = { type: string; value: string } | null;

interface CustomerAsFound {
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  note: string | null;
  locale: string | null;
  tags: string[];
  addresses: {
    firstName: string | null;
    lastName: string | null;
    company: string | null;
    address1: string | null;
    address2: string | null;
    city: string | null;
    provinceCode: string | null;
    countryCodeV2: string | null;
    zip: string | null;
    phone: string | null;
  }[];
  reference: Metafield;
  totalSpent: Metafield;
  ordersCount: Metafield;
}

/** What is kept: the customer's own fields as customerSet takes them, and Shipyard's metafields as they were (null: absent). */
interface CustomerBefore {
  input: Record<string, unknown>;
  metafields: { namespace: string; key: string; was: Metafield }[];
}

/**
 * Keeps how the store's customer `gid` is now, before the migration writes into it. The first
 * migration to write into it keeps the original; later ones (a re-sync) leave it.
 */
export async function keepCustomerBefore(
  client: AdminClient,
  shop: string,
  migrationId: string,
  gid: string,
): Promise<void> {
  if (
    await db().recordBefore.findUnique({ where: { shop_shopifyGid: { shop, shopifyGid: gid } }, select: { id: true } })
  )
    return;
  const { data } = await client.request<{ customer: CustomerAsFound | null }>(
    CUSTOMER_BEFORE,
    { id: gid },
    { estimatedCost: 5 },
  );
  const customer = data.customer;
  if (!customer) return;
  const before: CustomerBefore = {
    input: {
      email: customer.email,
      phone: customer.phone,
      firstName: customer.firstName,
      lastName: customer.lastName,
      note: customer.note,
      ...(customer.locale ? { locale: customer.locale } : {}),
      tags: customer.tags,
      addresses: customer.addresses.map(({ countryCodeV2, ...address }) => ({
        ...address,
        countryCode: countryCodeV2,
      })),
    },
    metafields: [customer.reference, customer.totalSpent, customer.ordersCount].map((was, index) => ({
      ...(SHIPYARD_METAFIELDS[index] as { namespace: string; key: string }),
      was,
    })),
  };
  await db().recordBefore.createMany({
    data: [{ shop, migrationId, entity: 'customers', shopifyGid: gid, before: before as object }],
    skipDuplicates: true,
  });
}

/** Puts a customer back as it was kept; the reason in Shopify's words when it could not. */
async function putCustomerBack(client: AdminClient, gid: string, before: CustomerBefore): Promise<string | null> {
  const { data } = await client.request<{ customerSet: { customer: { id: string } | null; userErrors: UserError[] } }>(
    CUSTOMER_SET,
    { identifier: { id: gid }, input: before.input },
    { estimatedCost: 10 },
  );
  if (!data.customerSet.customer)
    return describeUserErrors(data.customerSet.userErrors) || 'Shopify did not update the customer';
  const setBack = before.metafields.flatMap((field) =>
    field.was
      ? [{ ownerId: gid, namespace: field.namespace, key: field.key, type: field.was.type, value: field.was.value }]
      : [],
  );
  const takeOff = before.metafields
    .filter((field) => !field.was)
    .map((field) => ({ ownerId: gid, namespace: field.namespace, key: field.key }));
  if (setBack.length > 0) {
    const { data: set } = await client.request<{ metafieldsSet: { userErrors: UserError[] } }>(
      CUSTOMER_METAFIELDS,
      { metafields: setBack },
      { estimatedCost: metafieldsSetCost(setBack) },
    );
    if (set.metafieldsSet.userErrors.length > 0) return describeUserErrors(set.metafieldsSet.userErrors);
  }
  if (takeOff.length > 0) {
    const { data: deleted } = await client.request<{ metafieldsDelete: { userErrors: UserError[] } }>(
      METAFIELDS_DELETE,
      { metafields: takeOff },
      { estimatedCost: 10 },
    );
    if (deleted.metafieldsDelete.userErrors.length > 0) return describeUserErrors(deleted.metafieldsDelete.userErrors);
  }
  return null;
}

export type Restoration = { outcome: 'restored' } | { outcome: 'gone' } | { outcome: 'failed'; reason: string };

/** Puts an object back as it was before the migration wrote into it. */
export async function putBack(
  client: AdminClient,
  row: { entity: string; shopifyGid: string; before: unknown },
): Promise<Restoration> {
  if (row.entity === 'policies') {
    const reason = await putPolicyBack(client, row.before);
    return reason === null ? { outcome: 'restored' } : { outcome: 'failed', reason };
  }
  if (row.entity !== 'customers')
    return { outcome: 'failed', reason: `Shipyard cannot put a ${row.entity} record back (${row.shopifyGid}).` };
  if (!(await stillInShopify(client, [row.shopifyGid])).has(row.shopifyGid)) return { outcome: 'gone' };
  const reason = await putCustomerBack(client, row.shopifyGid, row.before as CustomerBefore);
  return reason === null ? { outcome: 'restored' } : { outcome: 'failed', reason };
}
