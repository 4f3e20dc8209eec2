import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
});
afterAll(() => devstore.stop());

describe('node and nodes', () => {
  it('loads objects of several types by global ID, null for ids the shop does not have', async () => {
    const product = (
      await admin(devstore, shop, 'mutation { productSet(input: { title: "Node Lamp" }) { product { id } } }')
    ).body.data.productSet.product.id;
    const customer = (
      await admin(devstore, shop, 'mutation { customerSet(input: { email: "node@example.com" }) { customer { id } } }')
    ).body.data.customerSet.customer.id;
    const { body } = await admin(
      devstore,
      shop,
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Product { title } ... on Customer { email } } }`,
      {
        ids: [product, customer, 'gid://shopify/Product/1'],
      },
    );
    expect(body.data.nodes).toEqual([
      { __typename: 'Product', id: product, title: 'Node Lamp' },
      { __typename: 'Customer', id: customer, email: 'node@example.com' },
      null,
    ]);
    const other = await createShop(devstore);
    expect(
      (await admin(devstore, other, 'query($id: ID!) { node(id: $id) { id } }', { id: product })).body.data.node,
    ).toBeNull();
  });

  it("answers null, not a 500, for an id too long to be any row's", async () => {
    const long = (type: string) => `gid://shopify/${type}/99999999999999999999`;
    const { status, body } = await admin(
      devstore,
      shop,
      `{
      node(id: "${long('Product')}") { id } product(id: "${long('Product')}") { id } customer(id: "${long('Customer')}") { id }
      collection(id: "${long('Collection')}") { id } productOperation(id: "${long('ProductSetOperation')}") { status } job(id: "${long('Job')}") { done }
    }`,
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      node: null,
      product: null,
      customer: null,
      collection: null,
      productOperation: null,
      job: null,
    });
    const metafields = await admin(
      devstore,
      shop,
      `mutation { metafieldsSet(metafields: [{ ownerId: "${long('Product')}", namespace: "custom", key: "a", type: "single_line_text_field", value: "a" }]) { userErrors { code } } }`,
    );
    expect(metafields.body.data.metafieldsSet.userErrors).toEqual([{ code: 'INVALID' }]);
    const deleteOperation = await admin(
      devstore,
      shop,
      '{ productOperation(id: "gid://shopify/ProductDeleteOperation/1") { status } }',
    );
    expect(deleteOperation.body.errors[0].extensions.code).toBe('NOT_IMPLEMENTED_BY_DEVSTORE');
  });

  it('names a type devstore does not store as not implemented', async () => {
    const { body } = await admin(devstore, shop, '{ node(id: "gid://shopify/GiftCard/5") { id } }');
    expect(body.errors[0].message).toBe('node of type GiftCard is not implemented by devstore');
  });
});

describe('productSet with synchronous: false', () => {
  it('answers with a ProductSetOperation that productOperation follows to COMPLETE', async () => {
    const { body } = await admin(
      devstore,
      shop,
      'mutation { productSet(synchronous: false, input: { title: "Later Lamp" }) { product { id } productSetOperation { id status } userErrors { code } } }',
    );
    expect(body.data.productSet).toMatchObject({
      product: null,
      productSetOperation: { status: 'CREATED' },
      userErrors: [],
    });
    await devstore.bulkSettled();
    const operation = await admin(
      devstore,
      shop,
      'query($id: ID!) { productOperation(id: $id) { status ... on ProductSetOperation { product { title } userErrors { code } } } }',
      { id: body.data.productSet.productSetOperation.id },
    );
    expect(operation.body.data.productOperation).toEqual({
      status: 'COMPLETE',
      product: { title: 'Later Lamp' },
      userErrors: [],
    });
  });

  it('reports userErrors on the operation', async () => {
    const { body } = await admin(
      devstore,
      shop,
      'mutation { productSet(synchronous: false, input: { title: "" }) { productSetOperation { id } } }',
    );
    await devstore.bulkSettled();
    const operation = await admin(
      devstore,
      shop,
      'query($id: ID!) { productOperation(id: $id) { status ... on ProductSetOperation { product { id } userErrors { field code } } } }',
      { id: body.data.productSet.productSetOperation.id },
    );
    expect(operation.body.data.productOperation).toEqual({
      status: 'COMPLETE',
      product: null,
      userErrors: [{ field: ['input', 'title'], code: 'INVALID_PRODUCT' }],
    });
  });
});
