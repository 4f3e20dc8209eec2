// What the merchant is told when Shopify has not approved Shipyard to use their customers' personal
// data (protected customer data): the same words in the plan, the report and on the command line.
// Decision 0014.
import type { Entity } from '../../../connectors/model.ts';

/** What cannot move without protected customer data: customers, and orders (each names its buyer). */
export const CUSTOMER_DATA_ENTITIES: readonly Entity[] = ['customers', 'orders'];

export const isCustomerDataEntity = (entity: string) => (CUSTOMER_DATA_ENTITIES as readonly string[]).includes(entity);

export interface CustomerDataNotice {
  /** The chosen entities kept back for it. */
  heldBack: Entity[];
  /** Shopify's own words. */
  shopifySays: string;
  /** Found while planning (before anything was written), or while writing (the approval was taken back). */
  found: 'planning' | 'writing';
}

const LABELS: Partial<Record<Entity, string>> = { customers: 'customers', orders: 'orders' };

function listed(entities: Entity[]): string {
  const words = entities.map((entity) => LABELS[entity] ?? entity);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? 'customers');
}

export function customerDataWords(notice: CustomerDataNotice): { title: string; meaning: string; whatToDo: string } {
  const what = listed(notice.heldBack);
  const capitalised = what.charAt(0).toUpperCase() + what.slice(1);
  return {
    title: `Your ${what} cannot move yet: Shopify has not approved Shipyard to use customers’ personal data`,
    meaning:
      (notice.found === 'planning'
        ? `Customers’ names, emails, phone numbers and addresses are protected customer data, which an app may read and write only once Shopify has approved it to. Shopify has not approved Shipyard on this store, so ${what} are kept in Shipyard, none of them written, each with this reason; everything else moves as planned.`
        : `Shopify stopped letting Shipyard use customers’ names, emails, phone numbers and addresses while it was writing. ${capitalised} already written stay in Shopify; the others are kept in Shipyard with this reason; everything else goes on.`) +
      ` Shopify answered: “${notice.shopifySays}”`,
    whatToDo:
      'Shipyard’s developer asks Shopify for this access in the Partner Dashboard (Apps → Shipyard → API access requests → Protected customer data access: protected customer data, and the name, email, phone and address fields), and Shopify reviews it; on a development store selecting them is enough. ' +
      'If Shipyard was installed for you by an agency as a custom app, ask them to do it. Once it is granted, start a new migration with Customers and Orders: what has already moved is recognised and not written twice.',
  };
}

/** The reason each record kept back carries, in the report and its CSV. */
export function heldBackReason(notice: CustomerDataNotice): string {
  return `Kept back: Shopify has not approved Shipyard to use customers’ names, emails, phone numbers and addresses (protected customer data) on this store. Shopify answered: “${notice.shopifySays}”`;
}
