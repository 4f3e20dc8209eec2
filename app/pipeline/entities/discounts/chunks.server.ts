// A discount code's customers and products, 250 ids a request: Shopify refuses any longer input array.
import { MAX_INPUT_ARRAY } from '../../../shopify-admin/limits/input-limits.server.ts';

/** A code for more customers or products than one input array may carry gets the others in updates. */
const IDS_PER_REQUEST = MAX_INPUT_ARRAY;

type IdLists = { addCustomers: string[]; removeCustomers: string[]; addProducts: string[]; removeProducts: string[] };

/** The customers and products from the `from`-th on, at most 250 of each list. */
function idsPart(
  lists: IdLists,
  from: number,
): { context?: Record<string, unknown>; customerGets?: { items: Record<string, unknown> } } {
  const slice = (ids: string[]) => ids.slice(from, from + IDS_PER_REQUEST);
  const some = (name: string, ids: string[]) => (ids.length > 0 ? { [name]: ids } : {});
  const customers = { ...some('add', slice(lists.addCustomers)), ...some('remove', slice(lists.removeCustomers)) };
  const products = {
    ...some('productsToAdd', slice(lists.addProducts)),
    ...some('productsToRemove', slice(lists.removeProducts)),
  };
  return {
    ...(Object.keys(customers).length > 0 ? { context: { customers } } : {}),
    ...(Object.keys(products).length > 0 ? { customerGets: { items: { products } } } : {}),
  };
}

/** The input with at most 250 customers and 250 products to add and to remove, and the updates that bring in the rest. */
export function inChunks(input: Record<string, unknown>): {
  first: Record<string, unknown>;
  rest: Record<string, unknown>[];
} {
  const customers = (input.context as { customers?: { add?: string[]; remove?: string[] } } | undefined)?.customers;
  const customerGets = input.customerGets as
    { items?: { products?: { productsToAdd?: string[]; productsToRemove?: string[] } } } | undefined;
  const products = customerGets?.items?.products;
  const lists: IdLists = {
    addCustomers: customers?.add ?? [],
    removeCustomers: customers?.remove ?? [],
    addProducts: products?.productsToAdd ?? [],
    removeProducts: products?.productsToRemove ?? [],
  };
  const longest = Math.max(...Object.values(lists).map((ids) => ids.length));
  const rest: Record<string, unknown>[] = [];
  for (let from = IDS_PER_REQUEST; from < longest; from += IDS_PER_REQUEST) rest.push(idsPart(lists, from));
  const first = idsPart(lists, 0);
  return {
    first: {
      ...input,
      ...(customers && first.context ? { context: first.context } : {}),
      ...(products && first.customerGets ? { customerGets: { ...customerGets, items: first.customerGets.items } } : {}),
    },
    rest,
  };
}
