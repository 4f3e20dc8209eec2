// The analysis' check of text longer than Shopify allows, on the records as they would be written:
// a product's title and tags, a customer's names, tags and note — the note of customers merged into
// one (same email or phone) with every note joined, and the contact details Shopify would refuse
// kept in it. Each such record is named, with what the merchant's rule does about it (decision 0019).
import type { ProductRecord } from '../../../connectors/model.ts';
import type { Finding } from './findings.server.ts';
import { type StagedCustomer, customerGroups, groupOf, mergedCustomer } from '../entities/customers/groups.server.ts';
import { checkContact, customerLongText } from '../entities/customers/input.server.ts';
import { productLongText } from '../entities/products/input.server.ts';
import { type LongText, describeLongText } from '../../shopify-admin/limits/text-limits.server.ts';
import { type LongTextRule, longTextAction } from '../entities/long-text-rule.server.ts';

function finding(
  entity: string,
  sourceId: string,
  name: string,
  items: LongText[],
  rule: LongTextRule,
  merged = 0,
): Finding {
  const together = merged > 0 ? ` (with the ${merged + 1} customers who share its email or phone merged into one)` : '';
  return {
    entity,
    sourceId,
    code: 'text-too-long',
    subject: items.map((item) => item.field).join(', '),
    message: `“${name}”${together}: ${describeLongText(items)}`,
    action: longTextAction(rule),
  };
}

export function productLongTextFindings(products: ProductRecord[], rule: LongTextRule): Finding[] {
  return products.flatMap((product) => {
    const items = productLongText(product);
    return items.length > 0 ? [finding('products', product.sourceId, product.title.slice(0, 80), items, rule)] : [];
  });
}

/** For each customer of the batch that leads its group: the merged customer's text. */
export async function customerLongTextFindings(
  migrationId: string,
  rows: StagedCustomer[],
  rule: LongTextRule,
): Promise<Finding[]> {
  if (rows.length === 0) return [];
  const groups = await customerGroups(migrationId, rows);
  return rows.flatMap((row) => {
    const { leader, group } = groupOf(row, groups);
    if (leader.id !== row.id) return [];
    const customer = mergedCustomer(row, group);
    const items = customerLongText(customer, checkContact(customer));
    const name =
      [customer.firstName, customer.lastName].filter(Boolean).join(' ') || customer.email || customer.sourceId;
    return items.length > 0
      ? [finding('customers', row.sourceId, name.slice(0, 80), items, rule, group.length - 1)]
      : [];
  });
}
