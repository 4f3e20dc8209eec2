// Source customers Shopify would see as one person (one valid email, else one phone) and the one
// customer they become: the load writes it, and the analysis and the dry run check the same merged
// customer (its notes joined can pass Shopify's 5,000 characters when no single one does).
import type { CustomerRecord } from '../../../../connectors/model.ts';
import { db } from '../../../db/db.server.ts';
import { checkContact, mergeCustomers } from './input.server.ts';
import { stagedRecord } from '../../staging/records.server.ts';

export interface StagedCustomer {
  id: bigint;
  sourceId: string;
  status: string;
  contentHash: string | null;
  data: unknown;
}

/** Whom Shopify would see as the same person: the valid email, else the phone in international form. */
export function sameCustomerKey(customer: CustomerRecord): string | null {
  const contact = checkContact(customer);
  return contact.email ? `email ${contact.email}` : contact.phone ? `phone ${contact.phone}` : null;
}

/** Every customer of the migration sharing an email or phone with these rows, grouped; the first read leads its group. */
export async function customerGroups(
  migrationId: string,
  rows: StagedCustomer[],
): Promise<Map<string, StagedCustomer[]>> {
  const customers = rows.map((row) => stagedRecord('customers', row));
  const emails = customers.flatMap((customer) => (customer.email ? [customer.email] : []));
  const phones = customers.flatMap((customer) => (customer.phone ? [customer.phone] : []));
  const related = await db().sourceRecord.findMany({
    where: {
      migrationId,
      entity: 'customers',
      status: { in: ['staged', 'written', 'unchanged', 'failed'] },
      OR: [{ email: { in: emails } }, { phone: { in: phones } }],
    },
    orderBy: { id: 'asc' },
  });
  const groups = new Map<string, StagedCustomer[]>();
  for (const row of related) {
    const key = sameCustomerKey(stagedRecord('customers', row));
    if (key) groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return groups;
}

/** The row's group, its leader (who owns the Shopify customer) and what they share. */
export function groupOf(
  row: StagedCustomer,
  groups: Map<string, StagedCustomer[]>,
): { leader: StagedCustomer; group: StagedCustomer[]; key: string | null } {
  const key = sameCustomerKey(stagedRecord('customers', row));
  const group = key ? groups.get(key) : undefined;
  return { leader: group?.[0] ?? row, group: group ?? [row], key };
}

/** The customer a group's leader is written as: the group merged. */
export function mergedCustomer(leader: StagedCustomer, group: StagedCustomer[]): CustomerRecord {
  return mergeCustomers(
    stagedRecord('customers', leader),
    group.filter((member) => member.id !== leader.id).map((member) => stagedRecord('customers', member)),
  );
}
