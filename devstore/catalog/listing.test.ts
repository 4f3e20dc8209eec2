import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore, { devStore: false });
  await admin(devstore, shop, 'mutation { productSet(input: { title: "Teapot" }) { userErrors { message } } }');
  await admin(
    devstore,
    shop,
    'mutation { customerSet(input: { email: "ann@example.com" }) { userErrors { message } } }',
  );
  await admin(
    devstore,
    shop,
    'mutation { orderCreate(order: { email: "ann@example.com", lineItems: [{ title: "Tea", quantity: 1, priceSet: { shopMoney: { amount: "3.00", currencyCode: USD } } }] }) { userErrors { message } } }',
  );
});
afterAll(() => devstore.stop());

describe('search filters', () => {
  it("ignore a value they cannot read (a date that is not one, an id that is not a row's), as the products search does, never a 500", async () => {
    const lists: [string, string][] = [
      ['products', 'id:>123456789012345678901'],
      ['products', "created_at:>'-271821-04-20'"],
      ['orders', 'processed_at:>soon'],
      ['orders', 'customer_id:99999999999999999999'],
      ['customers', "updated_at:<'-271821-04-20'"],
      ['files', 'product_id:abc'],
      ['articles', 'blog_id:gid://shopify/Blog/1'],
    ];
    for (const [list, query] of lists) {
      const { status, body } = await admin(
        devstore,
        shop,
        `query($query: String) { ${list}(first: 5, query: $query) { nodes { __typename } } }`,
        { query },
      );
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      const { body: all } = await admin(devstore, shop, `{ ${list}(first: 5) { nodes { __typename } } }`);
      expect(body.data[list].nodes).toEqual(all.data[list].nodes);
      if (['products', 'orders', 'customers'].includes(list)) expect(all.data[list].nodes).toHaveLength(1);
    }
  });

  it('still filter by what they can read', async () => {
    const { body } = await admin(
      devstore,
      shop,
      '{ orders(first: 5, query: "processed_at:>2100-01-01") { nodes { id } } customers(first: 5, query: "updated_at:<2000-01-01") { nodes { id } } }',
    );
    expect(body.data).toEqual({ orders: { nodes: [] }, customers: { nodes: [] } });
  });
});
