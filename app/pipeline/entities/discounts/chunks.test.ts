// A code's customers and products go 250 ids a request (Shopify refuses longer input arrays).
import { describe, expect, it } from 'vitest';
import { inChunks } from './chunks.server.ts';

const ids = (type: string, count: number) =>
  Array.from({ length: count }, (_, index) => `gid://shopify/${type}/${index + 1}`);

describe('a code’s ids, 250 a request', () => {
  it('sends the first 250 customers and products with the code, and the rest in updates holding only them', () => {
    const input = {
      title: 'spring',
      code: 'spring',
      context: { customers: { add: ids('Customer', 300) } },
      customerGets: {
        value: { percentage: 0.1 },
        items: {
          products: {
            productsToAdd: ids('Product', 600),
            productsToRemove: ids('Product', 10).map((id) => `${id}0000`),
          },
        },
      },
    };
    const { first, rest } = inChunks(input);
    expect(first).toMatchObject({ title: 'spring', code: 'spring', customerGets: { value: { percentage: 0.1 } } });
    expect((first.context as { customers: { add: string[] } }).customers.add).toEqual(ids('Customer', 250));
    expect(
      (first.customerGets as { items: { products: { productsToAdd: string[]; productsToRemove: string[] } } }).items
        .products,
    ).toEqual({
      productsToAdd: ids('Product', 250),
      productsToRemove: input.customerGets.items.products.productsToRemove,
    });
    expect(rest).toEqual([
      {
        context: { customers: { add: ids('Customer', 300).slice(250) } },
        customerGets: { items: { products: { productsToAdd: ids('Product', 500).slice(250) } } },
      },
      { customerGets: { items: { products: { productsToAdd: ids('Product', 600).slice(500) } } } },
    ]);
  });

  it('leaves a code for every buyer and every item as it is', () => {
    const input = {
      code: 'all',
      context: { all: 'ALL' },
      customerGets: { value: { percentage: 0.1 }, items: { all: true } },
    };
    expect(inChunks(input)).toEqual({ first: input, rest: [] });
  });
});
