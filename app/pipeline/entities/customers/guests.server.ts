// Customers Shopify makes for a migrated order. An order that names no customer but has an email
// (a guest checkout, or a customer who did not move) is linked by Shopify to the shop's customer with
// that email, or to one it makes for it ("A customer profile is created when a customer interacts
// with your business by […] placing an order", help.shopify.com/en/manual/customers/manage-customers).
// A customer the store did not have before the order is the migration's doing: it is linked as
// created by the migration (entity `guestCustomers`, keyed by the order's source id, so no email is
// kept in the id map), and an undo deletes it after the orders. One the store already had stays.
import { db } from '../../../db/db.server.ts';
import type { AdminClient } from '../../../shopify-admin/client.server.ts';
import { CUSTOMER_BY_EMAIL } from '../../../shopify-admin/graphql/customers.ts';

export const GUEST_CUSTOMERS = 'guestCustomers';

/** Whether the store has a customer with this email before the order is written. */
export async function customerExists(client: AdminClient, email: string): Promise<boolean> {
  const { data } = await client.request<{ customerByIdentifier: { id: string } | null }>(
    CUSTOMER_BY_EMAIL,
    { email },
    { estimatedCost: 1 },
  );
  return data.customerByIdentifier !== null;
}

/**
 * Links the customer Shopify made for the order as created by the migration. Two orders of one guest
 * (written side by side) may both see no customer before: the customer is linked once.
 */
export async function recordGuestCustomer(
  shop: string,
  platform: string,
  migrationId: string,
  orderSourceId: string,
  customerGid: string,
): Promise<void> {
  const linked = await db().idMapEntry.findFirst({ where: { shop, shopifyGid: customerGid }, select: { id: true } });
  if (linked) return;
  await db().idMapEntry.upsert({
    where: { shop_platform_entity_sourceId: { shop, platform, entity: GUEST_CUSTOMERS, sourceId: orderSourceId } },
    create: {
      shop,
      platform,
      entity: GUEST_CUSTOMERS,
      sourceId: orderSourceId,
      shopifyGid: customerGid,
      contentHash: '',
      createdBy: migrationId,
    },
    update: { shopifyGid: customerGid },
  });
}
