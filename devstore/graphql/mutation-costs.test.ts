// Mutations are priced as Shopify documents them: metafieldsSet by the distinct owners it writes to
// (since 2026-09-15), the product variant bulk mutations by their input, everything else 10.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;
const ids = { products: [] as string[], variant: '', collection: '', customer: '', order: '', page: '' };

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore, { plan: 'Plus' });
  for (const title of ['Wool Scarf', 'Linen Shirt']) {
    const { body } = await admin(
      devstore,
      shop,
      `mutation { productSet(input: { title: "${title}" }) { product { id variants(first: 1) { nodes { id } } } } }`,
    );
    ids.products.push(body.data.productSet.product.id);
    ids.variant = body.data.productSet.product.variants.nodes[0].id;
  }
  ids.collection = (
    await admin(devstore, shop, 'mutation { collectionCreate(input: { title: "Winter" }) { collection { id } } }')
  ).body.data.collectionCreate.collection.id;
  ids.customer = (
    await admin(devstore, shop, 'mutation { customerSet(input: { email: "ada@example.com" }) { customer { id } } }')
  ).body.data.customerSet.customer.id;
  ids.order = (
    await admin(
      devstore,
      shop,
      'mutation($order: OrderCreateOrderInput!) { orderCreate(order: $order) { order { id } } }',
      {
        order: {
          currency: 'USD',
          lineItems: [{ title: 'Mug', quantity: 1, priceSet: { shopMoney: { amount: '10.00', currencyCode: 'USD' } } }],
        },
      },
    )
  ).body.data.orderCreate.order.id;
  ids.page = (
    await admin(devstore, shop, 'mutation { pageCreate(page: { title: "About" }) { page { id } } }')
  ).body.data.pageCreate.page.id;
});
afterAll(() => devstore.stop());

const SET =
  'mutation($metafields: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $metafields) { metafields { id } userErrors { field message code } } }';
const on = (ownerId: string, key: string) => ({
  ownerId,
  namespace: 'custom',
  key,
  type: 'single_line_text_field',
  value: 'x',
});

async function cost(query: string, variables: Record<string, unknown>) {
  const { body } = await admin(devstore, shop, query, variables);
  expect(body.errors).toBeUndefined();
  return body.extensions.cost;
}

describe('metafieldsSet', () => {
  it('costs 10 plus 4 per distinct product, however many of its metafields are set', async () => {
    const [scarf, shirt] = ids.products as [string, string];
    expect(await cost(SET, { metafields: [on(scarf, 'a'), on(scarf, 'b'), on(scarf, 'c')] })).toMatchObject({
      requestedQueryCost: 14,
      actualQueryCost: 14,
    });
    expect(await cost(SET, { metafields: [on(scarf, 'a'), on(shirt, 'a'), on(scarf, 'd')] })).toMatchObject({
      requestedQueryCost: 18,
      actualQueryCost: 18,
    });
  });

  it('weighs each owner by its type: order 10, product 4, variant 2, collection 1, customer 1, others 0', async () => {
    const [scarf] = ids.products as [string];
    const all = [
      on(ids.order, 'a'),
      on(scarf, 'a'),
      on(ids.variant, 'a'),
      on(ids.collection, 'a'),
      on(ids.customer, 'a'),
      on(ids.page, 'a'),
    ];
    expect(await cost(SET, { metafields: all })).toMatchObject({ requestedQueryCost: 10 + 10 + 4 + 2 + 1 + 1 + 0 });
    expect(await cost(SET, { metafields: [on(ids.page, 'b')] })).toMatchObject({ requestedQueryCost: 10 });
  });

  it('prices each alias on its own: the base again, owners not shared between aliases', async () => {
    const [scarf] = ids.products as [string];
    const twice =
      'mutation($a: [MetafieldsSetInput!]!, $b: [MetafieldsSetInput!]!) { one: metafieldsSet(metafields: $a) { userErrors { code } } two: metafieldsSet(metafields: $b) { userErrors { code } } }';
    expect(await cost(twice, { a: [on(scarf, 'a')], b: [on(scarf, 'b')] })).toMatchObject({
      requestedQueryCost: 2 * (10 + 4),
    });
  });
});

describe('productVariantsBulkCreate', () => {
  it('costs 10 + 0.2 per variant + 0.4 per variant metafield, rounded up', async () => {
    const [, shirt] = ids.products as [string, string];
    const create =
      'mutation($productId: ID!, $variants: [ProductVariantsBulkInput!]!) { productVariantsBulkCreate(productId: $productId, variants: $variants, strategy: REMOVE_STANDALONE_VARIANT) { productVariants { id } userErrors { code } } }';
    const variants = ['S', 'M', 'L'].map((name) => ({
      optionValues: [{ optionName: 'Size', name }],
      price: '20.00',
      metafields: [{ namespace: 'custom', key: 'fit', type: 'single_line_text_field', value: 'slim' }],
    }));
    // 10 + 3 × 0.2 + 3 × 0.4 = 11.8
    expect(await cost(create, { productId: shirt, variants })).toMatchObject({ requestedQueryCost: 12 });
  });
});

describe('what a payload reads back', () => {
  it('adds what the payload’s own objects hold, as Shopify’s recorded answers do', async () => {
    // productCreate reading its first variant back: 10 + 2 + 1 = 13.
    const created =
      'mutation { productCreate(product: { title: "Mug" }) { product { id variants(first: 1) { edges { node { id } } } } userErrors { field message } } }';
    expect(await cost(created, {})).toMatchObject({ requestedQueryCost: 13 });
    // stagedUploadsCreate reading its targets' parameters: 10 + 1 = 11.
    const staged =
      'mutation($input: [StagedUploadInput!]!) { stagedUploadsCreate(input: $input) { stagedTargets { url resourceUrl parameters { name value } } userErrors { field message } } }';
    expect(
      await cost(staged, {
        input: [
          { resource: 'BULK_MUTATION_VARIABLES', filename: 'bulk_op_vars', mimeType: 'text/jsonl', httpMethod: 'POST' },
        ],
      }),
    ).toMatchObject({ requestedQueryCost: 11, actualQueryCost: 11 });
  });
});

describe('every other mutation', () => {
  it('costs 10', async () => {
    expect(
      await cost('mutation { collectionCreate(input: { title: "Spring" }) { collection { id } } }', {}),
    ).toMatchObject({ requestedQueryCost: 10, actualQueryCost: 10 });
  });
});
