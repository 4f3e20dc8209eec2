import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type Answer, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;

/** A cursor as Shopify writes one: standard base64 of its JSON. */
const shopifyCursor = (body: unknown) => Buffer.from(JSON.stringify(body)).toString('base64');
const decoded = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));

const usd = (amount: string) => ({ shopMoney: { amount, currencyCode: 'USD' } });

async function run(query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const { status, body } = await admin(devstore, shop, query, variables);
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  return body.data;
}

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore, { devStore: false, salesChannels: ['Point of Sale', 'Shop'] });
  for (const title of ['Alder', 'Birch', 'Cedar']) {
    await run(
      'mutation($title: String!) { productSet(input: { title: $title, productOptions: [{ name: "Size", values: [{ name: "S" }, { name: "M" }, { name: "L" }] }], variants: [{ optionValues: [{ optionName: "Size", name: "S" }] }, { optionValues: [{ optionName: "Size", name: "M" }] }, { optionValues: [{ optionName: "Size", name: "L" }] }] }) { userErrors { message } } }',
      { title },
    );
    await run('mutation($title: String!) { collectionCreate(input: { title: $title }) { userErrors { message } } }', {
      title,
    });
    await run('mutation($email: String!) { customerSet(input: { email: $email }) { userErrors { message } } }', {
      email: `${title.toLowerCase()}@example.com`,
    });
    await run('mutation($title: String!) { pageCreate(page: { title: $title }) { userErrors { message } } }', {
      title,
    });
    await run(
      'mutation($title: String!) { articleCreate(article: { title: $title, author: { name: "Ann" } }, blog: { title: $title }) { userErrors { message } } }',
      { title },
    );
    await run(
      'mutation($path: String!) { urlRedirectCreate(urlRedirect: { path: $path, target: "/new" }) { userErrors { message } } }',
      { path: `/old/${title}` },
    );
    await run(
      'mutation($code: String!) { discountCodeBasicCreate(basicCodeDiscount: { title: $code, code: $code, startsAt: "2024-01-01T00:00:00Z", context: { all: ALL }, customerGets: { value: { percentage: 0.1 }, items: { all: true } } }) { userErrors { message } } }',
      { code: title.toUpperCase() },
    );
    // A source nothing answers on: the file fails to fetch, and is listed all the same.
    await run(
      'mutation($alt: String!) { fileCreate(files: [{ originalSource: "http://127.0.0.1:9/none.png", alt: $alt, contentType: IMAGE }]) { userErrors { message } } }',
      { alt: title },
    );
  }
  for (const [name, processedAt] of [
    ['#2', '2023-05-01T00:00:00Z'],
    ['#1', '2021-01-01T10:00:00.123456Z'],
    ['#3', '2025-09-09T00:00:00Z'],
  ]) {
    await run('mutation($order: OrderCreateOrderInput!) { orderCreate(order: $order) { userErrors { message } } }', {
      order: { name, processedAt, lineItems: [{ title: 'Sticker', quantity: 1, priceSet: usd('1.00') }] },
    });
  }
  const { collections, products } = await run(
    '{ collections(first: 3) { nodes { id } } products(first: 3) { nodes { id } } }',
  );
  for (const collection of collections.nodes) {
    await run(
      'mutation($id: ID!, $products: [ID!]!) { collectionAddProducts(id: $id, productIds: $products) { userErrors { message } } }',
      { id: collection.id, products: products.nodes.map((node: { id: string }) => node.id) },
    );
  }
  // The Admin API cannot add a location; a store with several has them from its admin.
  await devstore.pool.query("INSERT INTO devstore.locations (shop, name) VALUES ($1, 'Warehouse'), ($1, 'Annex')", [
    shop.domain,
  ]);
  await run(
    'mutation($metafields: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $metafields) { userErrors { message } } }',
    {
      metafields: ['a', 'b', 'c'].map((key) => ({
        ownerId: products.nodes[0].id,
        namespace: 'custom',
        key,
        type: 'single_line_text_field',
        value: key,
      })),
    },
  );
});
afterAll(() => devstore.stop());

/** Each connection devstore serves, as `field(first: $first, after: $after)` on the query root or under an object it reaches. */
const CONNECTIONS: Record<string, { query: string; at: string[] }> = {
  products: { query: 'products(first: $first, after: $after, sortKey: TITLE)', at: ['products'] },
  productsByUpdate: { query: 'products(first: $first, after: $after, sortKey: UPDATED_AT)', at: ['products'] },
  collections: { query: 'collections(first: $first, after: $after)', at: ['collections'] },
  customers: { query: 'customers(first: $first, after: $after)', at: ['customers'] },
  orders: { query: 'orders(first: $first, after: $after)', at: ['orders'] },
  ordersById: { query: 'orders(first: $first, after: $after, sortKey: ID)', at: ['orders'] },
  files: { query: 'files(first: $first, after: $after)', at: ['files'] },
  pages: { query: 'pages(first: $first, after: $after)', at: ['pages'] },
  blogs: { query: 'blogs(first: $first, after: $after)', at: ['blogs'] },
  articles: { query: 'articles(first: $first, after: $after)', at: ['articles'] },
  urlRedirects: { query: 'urlRedirects(first: $first, after: $after)', at: ['urlRedirects'] },
  codeDiscountNodes: { query: 'codeDiscountNodes(first: $first, after: $after)', at: ['codeDiscountNodes'] },
  publications: { query: 'publications(first: $first, after: $after)', at: ['publications'] },
  locations: { query: 'locations(first: $first, after: $after)', at: ['locations'] },
  variants: {
    query: 'products(first: 1, sortKey: TITLE) { nodes { variants(first: $first, after: $after)',
    at: ['products', 'nodes', '0', 'variants'],
  },
  metafields: {
    query: 'products(first: 1, sortKey: TITLE) { nodes { metafields(first: $first, after: $after)',
    at: ['products', 'nodes', '0', 'metafields'],
  },
  collectionProducts: {
    query: 'collections(first: 1) { nodes { products(first: $first, after: $after)',
    at: ['collections', 'nodes', '0', 'products'],
  },
  productCollections: {
    query: 'products(first: 1, sortKey: TITLE) { nodes { collections(first: $first, after: $after)',
    at: ['products', 'nodes', '0', 'collections'],
  },
};

function document(name: string): string {
  const { query } = CONNECTIONS[name] as { query: string };
  const closing = '} '.repeat((query.match(/\{/g) ?? []).length);
  return `query($first: Int!, $after: String) { ${query} { nodes { __typename ... on Node { id } } pageInfo { hasNextPage endCursor } } ${closing} }`;
}

const connectionIn = (data: Answer, name: string) =>
  (CONNECTIONS[name] as { at: string[] }).at.reduce((value, key) => value?.[key], data);

async function page(
  name: string,
  first: number,
  after?: string,
): Promise<{ ids: string[]; hasNextPage: boolean; endCursor: string | null }> {
  const connection = connectionIn(await run(document(name), { first, after: after ?? null }), name);
  return {
    ids: connection.nodes.map((node: { id?: string; __typename: string }) => node.id ?? node.__typename),
    hasNextPage: connection.pageInfo.hasNextPage,
    endCursor: connection.pageInfo.endCursor,
  };
}

describe('cursors', () => {
  it.each(Object.keys(CONNECTIONS))(
    "%s: the cursor a page ends with starts the next page, in Shopify's shape",
    async (name) => {
      const all = await page(name, 250);
      expect(all.ids.length).toBeGreaterThan(1);
      const first = await page(name, 1);
      expect(first.ids).toEqual(all.ids.slice(0, 1));
      expect(first.hasNextPage).toBe(true);
      const body = decoded(first.endCursor as string);
      expect(Object.keys(body)).toEqual(['last_id', 'last_value']);
      expect(typeof body.last_id).toBe('number');
      const rest = await page(name, 250, first.endCursor as string);
      expect(rest.ids).toEqual(all.ids.slice(1));
      expect(rest.hasNextPage).toBe(false);
    },
  );

  it.each(Object.keys(CONNECTIONS))(
    "%s: a cursor it cannot read is Shopify's bad request, never a 500",
    async (name) => {
      const garbage = [
        'not-a-cursor',
        shopifyCursor([1, 2]),
        shopifyCursor({ last_id: 'x', last_value: 'y' }),
        shopifyCursor({ last_id: 1e21, last_value: '1' }),
        shopifyCursor({ last_value: 'y' }),
      ];
      for (const after of garbage) {
        const { status, body } = await admin(devstore, shop, document(name), { first: 2, after });
        expect(status).toBe(200);
        expect(body.errors).toHaveLength(1);
        expect(body.errors[0]).toMatchObject({
          message: 'Invalid cursor for current pagination sort.',
          extensions: { code: 'BAD_REQUEST' },
        });
      }
    },
  );

  it('orders by PROCESSED_AT: issue dates as Shopify does, take a cursor Shopify issued, refuse a date that is not one', async () => {
    const first = await page('orders', 1);
    // Shopify's order cursors carry the date in UTC, to the microsecond: "2021-01-01 10:00:00.123456".
    const body = decoded(first.endCursor as string);
    expect(body.last_value).toBe('2021-01-01 10:00:00.123456');
    const all = await page('orders', 3);
    const fromShopify = await page(
      'orders',
      3,
      shopifyCursor({ last_id: body.last_id, last_value: '2021-01-01 10:00:00.123456' }),
    );
    expect(fromShopify.ids).toEqual(all.ids.slice(1));
    // Shopify's cursors may leave the fraction out; the order at that very second is then still to come.
    const whole = await page('orders', 3, shopifyCursor({ last_id: body.last_id, last_value: '2021-01-01 10:00:00' }));
    expect(whole.ids).toEqual(all.ids);
    for (const last_value of ['soon', '2025-02-30 00:00:00', '0000-01-01 00:00:00', '2025-01-01 25:00:00']) {
      const { status, body: refused } = await admin(devstore, shop, document('orders'), {
        first: 1,
        after: shopifyCursor({ last_id: body.last_id, last_value }),
      });
      expect(status).toBe(200);
      expect(refused.errors[0]).toMatchObject({
        message: 'Invalid cursor for current pagination sort.',
        extensions: { code: 'BAD_REQUEST' },
      });
    }
  });

  it("reverses a collection's products, pages them from a reversed cursor, and says which sorts and filters it does not implement", async () => {
    const forward = await page('collectionProducts', 3);
    const { collections } = await run(
      'query($after: String) { collections(first: 1) { nodes { products(first: 2, reverse: true, after: $after) { nodes { id } pageInfo { endCursor } } } } }',
      { after: null },
    );
    const reversed = collections.nodes[0].products;
    expect(reversed.nodes.map((node: { id: string }) => node.id)).toEqual([...forward.ids].reverse().slice(0, 2));
    const rest = await run(
      'query($after: String) { collections(first: 1) { nodes { products(first: 2, reverse: true, after: $after) { nodes { id } } } } }',
      { after: reversed.pageInfo.endCursor },
    );
    expect(rest.collections.nodes[0].products.nodes).toEqual([{ id: forward.ids[0] }]);
    for (const query of [
      '{ collections(first: 1) { nodes { products(first: 2, sortKey: TITLE) { nodes { id } } } } }',
      '{ locations(first: 2, query: "name:Annex") { nodes { id } } }',
    ]) {
      const { body } = await admin(devstore, shop, query);
      expect(body.errors[0].extensions.code).toBe('NOT_IMPLEMENTED_BY_DEVSTORE');
    }
  });

  it('pages backwards with last/before from a cursor a forward page issued', async () => {
    const all = await page('customers', 3);
    const { customers } = await run(
      'query($before: String) { customers(last: 2, before: $before) { nodes { id } pageInfo { hasPreviousPage } } }',
      { before: (await page('customers', 3)).endCursor },
    );
    expect(customers).toEqual({
      nodes: all.ids.slice(0, 2).map((id) => ({ id })),
      pageInfo: { hasPreviousPage: false },
    });
  });
});
