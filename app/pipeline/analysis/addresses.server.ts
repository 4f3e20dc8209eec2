// The analysis' check of phones and regions, before anything is written: each customer (as it will
// be written, merged with those sharing its email or phone) and each order whose phone is not a
// number even read in its address's country, or whose region has no Shopify province code. Each
// moves without it, and the detail is kept in its note (decision 0026).
import type { OrderRecord } from '../../../connectors/model.ts';
import type { Finding } from './findings.server.ts';
import { type StagedCustomer, customerGroups, groupOf, mergedCustomer } from '../entities/customers/groups.server.ts';
import { orderAddress } from '../entities/customers/address.server.ts';
import { checkContact } from '../entities/customers/input.server.ts';

const ACTIONS = {
  'customer-phone-invalid':
    "The customer moves without it; it is kept in the customer's note. Correct it in Shopify when the customer gives a valid one.",
  'address-region-unmatched':
    'The address moves without its region; the region is kept in the note. Choose it in the address in Shopify.',
  'customer-email-invalid':
    "The customer moves without it; it is kept in the customer's note. Correct it in Shopify when the customer gives a valid one.",
} as const;

/** For each customer of the batch that leads its group: its phones and regions Shopify would not take. */
export async function customerAddressFindings(migrationId: string, rows: StagedCustomer[]): Promise<Finding[]> {
  if (rows.length === 0) return [];
  const groups = await customerGroups(migrationId, rows);
  return rows.flatMap((row) => {
    const { leader, group } = groupOf(row, groups);
    if (leader.id !== row.id) return [];
    return checkContact(mergedCustomer(row, group))
      .problems.filter((problem) => problem.code !== 'customer-email-invalid')
      .map((problem) => ({
        entity: 'customers',
        sourceId: row.sourceId,
        code: problem.code,
        subject: problem.subject,
        message: problem.message,
        action: ACTIONS[problem.code],
      }));
  });
}

/** An order's billing and shipping phones and regions Shopify would not take. */
export function orderAddressFindings(order: OrderRecord): Finding[] {
  const problems = [
    ...orderAddress(order.billingAddress, 'billing', order.storeCountryCode).problems,
    ...orderAddress(order.shippingAddress, 'shipping', order.storeCountryCode).problems,
  ];
  return problems.map((problem) => ({
    entity: 'orders',
    sourceId: order.sourceId,
    code: problem.code,
    subject: order.number,
    message: `Order ${order.number}: ${problem.message}`,
    action: "The order moves without it in its address; the order's note keeps it.",
  }));
}
