import type { Writer } from '../../../shopify-admin/writer.server.ts';
import { DISCOUNT_COLLECTIONS, DISCOUNT_PRODUCTS } from '../../../shopify-admin/graphql/discounts.ts';
// A basic code's chosen products or collections on a later run. An update adds to the items a code
// has (DiscountProductsInput/DiscountCollectionsInput: "to add", "to remove"), so the items the coupon
// no longer covers are read from Shopify and taken off: a code never keeps items it should not.

type ItemKind = 'products' | 'collections';
const FIELDS: Record<ItemKind, { add: string; remove: string; query: string }> = {
  products: { add: 'productsToAdd', remove: 'productsToRemove', query: DISCOUNT_PRODUCTS },
  collections: { add: 'add', remove: 'remove', query: DISCOUNT_COLLECTIONS },
};

type Items = Partial<Record<ItemKind, Record<string, string[] | undefined>>>;
const itemsOf = (input: Record<string, unknown>) => (input.customerGets as { items?: Items } | undefined)?.items;

/** The products or collections a code is chosen for, when it is: part of what decides whether it needs writing again. */
export function chosenItems(input: Record<string, unknown>): { kind: ItemKind; ids: string[] } | null {
  const items = itemsOf(input);
  for (const kind of ['products', 'collections'] as const) {
    const ids = items?.[kind]?.[FIELDS[kind].add];
    if (ids && ids.length > 0) return { kind, ids };
  }
  return null;
}

type Page = { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
type Answer = {
  codeDiscountNode: { codeDiscount: { customerGets?: { items?: Partial<Record<ItemKind, Page>> } } } | null;
};

/** The products or collections a code Shipyard made has now, page by page. */
async function currentItems(writer: Writer, id: string, kind: ItemKind): Promise<string[]> {
  const found: string[] = [];
  for (let after: string | null = null; ;) {
    const answer: { data: Answer } = await writer.client.request<Answer>(
      FIELDS[kind].query,
      { id, after },
      { estimatedCost: 10 },
    );
    const page = answer.data.codeDiscountNode?.codeDiscount.customerGets?.items?.[kind];
    if (!page) return found;
    found.push(...page.nodes.map((node) => node.id));
    if (!page.pageInfo.hasNextPage) return found;
    after = page.pageInfo.endCursor;
  }
}

/** The update with the items the code has but the coupon no longer covers to be taken off. */
export async function withItemsLeftOff(
  writer: Writer,
  id: string,
  input: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const chosen = chosenItems(input);
  if (!chosen) return input;
  const remove = (await currentItems(writer, id, chosen.kind)).filter((item) => !chosen.ids.includes(item));
  if (remove.length === 0) return input;
  const customerGets = input.customerGets as { items: Items };
  return {
    ...input,
    customerGets: {
      ...customerGets,
      items: { [chosen.kind]: { ...customerGets.items[chosen.kind], [FIELDS[chosen.kind].remove]: remove } },
    },
  };
}
