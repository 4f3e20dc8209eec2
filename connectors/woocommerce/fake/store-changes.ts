// What happens on the old store between a migration and its re-sync: a customer signs up, an
// order is placed, a customer changes their name. Stamped with the store's clock, as WooCommerce
// stamps date_created and date_modified (products are edited through catalog.editProduct).
import type { Catalog } from './catalog.ts';
import { datePair } from './shapes.ts';

function stamped(
  record: Record<string, unknown>,
  at: Date,
  offsetMinutes: number,
  created: boolean,
): Record<string, unknown> {
  const pair = datePair(at, offsetMinutes);
  const modified = { date_modified: pair.local, date_modified_gmt: pair.gmt };
  return created
    ? { ...record, date_created: pair.local, date_created_gmt: pair.gmt, ...modified }
    : { ...record, ...modified };
}

/** Wraps the catalog's customers and orders so records can be added and changed after seeding. */
export function storeChanges(catalog: Catalog) {
  const { customerAt, orderAt } = catalog;
  const added = { customers: new Map<number, Date>(), orders: new Map<number, Date>() };
  const customerEdits = new Map<number, { at: Date; changes: Record<string, unknown> }>();
  const offset = catalog.store.offsetMinutes;
  catalog.customerAt = (index) => {
    const edit = customerEdits.get(index);
    const createdAt = added.customers.get(index);
    let customer = customerAt(index);
    if (createdAt) customer = stamped(customer, createdAt, offset, true);
    return edit ? stamped({ ...customer, ...edit.changes }, edit.at, offset, false) : customer;
  };
  catalog.orderAt = (index) => {
    const createdAt = added.orders.get(index);
    return createdAt ? stamped(orderAt(index), createdAt, offset, true) : orderAt(index);
  };
  return {
    /** A new customer; returns its WooCommerce id. */
    signUp(): number {
      const index = ++catalog.counts.customers;
      added.customers.set(index, catalog.store.now);
      return Number(catalog.customerAt(index).id);
    },
    /** A new order (of an existing customer, by the catalog's rotation); returns its id. */
    placeOrder(): number {
      const index = ++catalog.counts.orders;
      added.orders.set(index, catalog.store.now);
      return Number(catalog.orderAt(index).id);
    },
    editCustomer(id: number, changes: Record<string, unknown>): void {
      customerEdits.set(id - 5000, { at: catalog.store.now, changes });
    },
  };
}
