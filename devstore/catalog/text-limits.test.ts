// The lengths Shopify allows: a customer's names (255), note (5,000) and tags (255 each), a
// product's title, handle and tags (255); counted in characters, refused before anything is written.
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

const CUSTOMER_SET = `mutation Set($input: CustomerSetInput!) { customerSet(input: $input) { customer { id note firstName tags } userErrors { field message code } } }`;
const PRODUCT_SET = `mutation Set($input: ProductSetInput!) { productSet(input: $input) { product { id title handle } userErrors { field message code } } }`;
const PRODUCT_CREATE = `mutation Create($product: ProductCreateInput!) { productCreate(product: $product) { product { id } userErrors { field message } } }`;
const PRODUCT_UPDATE = `mutation Update($product: ProductUpdateInput!) { productUpdate(product: $product) { product { title } userErrors { field message } } }`;

const words = (count: number) => 'word '.repeat(Math.ceil(count / 5)).slice(0, count);
// An emoji is two UTF-16 units but one character, and Shopify counts characters.
const emoji = (count: number) => '🍵'.repeat(count);

describe('customerSet', () => {
  it('answers TOO_LONG for a first or last name over 255, a note over 5,000 and a tag over 255 characters, and writes nothing', async () => {
    const { body } = await admin(devstore, shop, CUSTOMER_SET, {
      input: {
        email: 'long@example.com',
        firstName: words(256),
        lastName: words(300),
        note: words(5001),
        tags: ['short', words(256)],
      },
    });
    expect(body.data.customerSet).toEqual({
      customer: null,
      userErrors: [
        {
          field: ['input', 'firstName'],
          message: 'First name is too long (maximum is 255 characters)',
          code: 'TOO_LONG',
        },
        {
          field: ['input', 'lastName'],
          message: 'Last name is too long (maximum is 255 characters)',
          code: 'TOO_LONG',
        },
        { field: ['input', 'note'], message: 'Note is too long (maximum is 5000 characters)', code: 'TOO_LONG' },
        { field: ['input', 'tags', '1'], message: 'Tag is too long (maximum is 255 characters)', code: 'TOO_LONG' },
      ],
    });
    const listed = await admin(
      devstore,
      shop,
      '{ customers(first: 5, query: "email:long@example.com") { nodes { id } } }',
    );
    expect(listed.body.data.customers.nodes).toEqual([]);
  });

  it('takes text exactly at the limits, counting characters rather than UTF-16 units', async () => {
    const { body } = await admin(devstore, shop, CUSTOMER_SET, {
      input: { email: 'fits@example.com', firstName: emoji(255), note: emoji(5000), tags: [emoji(255)] },
    });
    expect(body.data.customerSet.userErrors).toEqual([]);
    expect([...body.data.customerSet.customer.note]).toHaveLength(5000);
  });
});

describe('products', () => {
  it('productSet answers INVALID_PRODUCT for a title, handle or tag over 255 characters', async () => {
    const { body } = await admin(devstore, shop, PRODUCT_SET, {
      input: { title: words(256), handle: 'a'.repeat(256), tags: [words(256)] },
    });
    expect(body.data.productSet).toEqual({
      product: null,
      userErrors: [
        {
          field: ['input', 'title'],
          message: 'Title is too long (maximum is 255 characters)',
          code: 'INVALID_PRODUCT',
        },
        {
          field: ['input', 'handle'],
          message: 'Handle is too long (maximum is 255 characters)',
          code: 'INVALID_PRODUCT',
        },
        {
          field: ['input', 'tags', '0'],
          message: 'Tag is too long (maximum is 255 characters)',
          code: 'INVALID_PRODUCT',
        },
      ],
    });
  });

  it('productSet takes a 255-character title and handle', async () => {
    const { body } = await admin(devstore, shop, PRODUCT_SET, {
      input: { title: emoji(255), handle: 'b'.repeat(255) },
    });
    expect(body.data.productSet.userErrors).toEqual([]);
    expect(body.data.productSet.product.handle).toHaveLength(255);
  });

  it('productCreate and productUpdate refuse a title over 255 characters', async () => {
    const created = await admin(devstore, shop, PRODUCT_CREATE, { product: { title: words(256) } });
    expect(created.body.data.productCreate).toEqual({
      product: null,
      userErrors: [{ field: ['title'], message: 'Title is too long (maximum is 255 characters)' }],
    });
    const id = (await admin(devstore, shop, PRODUCT_CREATE, { product: { title: 'Teapot' } })).body.data.productCreate
      .product.id;
    const updated = await admin(devstore, shop, PRODUCT_UPDATE, { product: { id, title: words(256) } });
    expect(updated.body.data.productUpdate).toEqual({
      product: null,
      userErrors: [{ field: ['title'], message: 'Title is too long (maximum is 255 characters)' }],
    });
  });
});

describe('orderCreate', () => {
  it('answers INVALID for a note over 5,000 characters and for a customer upserted with a tag over 255', async () => {
    const line = { title: 'Gift wrap', quantity: 1, priceSet: { shopMoney: { amount: '5.00', currencyCode: 'USD' } } };
    const ORDER =
      'mutation Order($order: OrderCreateOrderInput!) { orderCreate(order: $order) { order { id } userErrors { field message code } } }';
    const { body } = await admin(devstore, shop, ORDER, {
      order: {
        lineItems: [line],
        note: words(5001),
        customer: { toUpsert: { email: 'tagged@example.com', tags: [words(256)] } },
      },
    });
    expect(body.data.orderCreate).toEqual({
      order: null,
      userErrors: [
        { field: ['order', 'note'], message: 'Note is too long (maximum is 5000 characters)', code: 'INVALID' },
        {
          field: ['order', 'customer', 'toUpsert', 'tags', '0'],
          message: 'Tag is too long (maximum is 255 characters)',
          code: 'INVALID',
        },
      ],
    });
    const fits = await admin(devstore, shop, ORDER, { order: { lineItems: [line], note: emoji(5000) } });
    expect(fits.body.data.orderCreate.userErrors).toEqual([]);
  });
});
