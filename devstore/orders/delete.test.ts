// customerDelete and orderDelete as Shopify documents them: a customer with orders cannot be
// deleted until its orders are; an unknown id is a userError, not a GraphQL error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
  await devstore.pool.query('UPDATE devstore.shops SET dev_store = false WHERE domain = $1', [shop.domain]);
});
afterAll(() => devstore.stop());

const DELETE_CUSTOMER =
  'mutation($id: ID!) { customerDelete(input: { id: $id }) { deletedCustomerId shop { id } userErrors { field message } } }';
const DELETE_ORDER = 'mutation($id: ID!) { orderDelete(orderId: $id) { deletedId userErrors { field message code } } }';

async function customerWithOrder(email: string) {
  const customer = await admin(
    devstore,
    shop,
    'mutation($input: CustomerSetInput!) { customerSet(input: $input) { customer { id } userErrors { message } } }',
    { input: { email } },
  );
  const customerId = customer.body.data.customerSet.customer.id as string;
  const order = await admin(
    devstore,
    shop,
    'mutation($order: OrderCreateOrderInput!) { orderCreate(order: $order) { order { id } userErrors { message } } }',
    {
      order: {
        customerId,
        currency: 'USD',
        lineItems: [{ title: 'Mug', quantity: 1, priceSet: { shopMoney: { amount: '10.00', currencyCode: 'USD' } } }],
      },
    },
  );
  return { customerId, orderId: order.body.data.orderCreate.order.id as string };
}

describe('customerDelete and orderDelete', () => {
  it('refuses to delete a customer with orders, deletes the order, then the customer', async () => {
    const { customerId, orderId } = await customerWithOrder('kept@example.com');
    const refused = await admin(devstore, shop, DELETE_CUSTOMER, { id: customerId });
    expect(refused.body.data.customerDelete).toMatchObject({
      deletedCustomerId: null,
      userErrors: [{ field: ['id'], message: 'Customer can’t be deleted because they have orders' }],
    });

    const order = await admin(devstore, shop, DELETE_ORDER, { id: orderId });
    expect(order.body.data.orderDelete).toEqual({ deletedId: orderId, userErrors: [] });
    expect(
      (await admin(devstore, shop, 'query($id: ID!) { order(id: $id) { id } }', { id: orderId })).body.data.order,
    ).toBeNull();

    const deleted = await admin(devstore, shop, DELETE_CUSTOMER, { id: customerId });
    expect(deleted.body.data.customerDelete).toMatchObject({ deletedCustomerId: customerId, userErrors: [] });
    expect(
      (await admin(devstore, shop, 'query($id: ID!) { customer(id: $id) { id } }', { id: customerId })).body.data
        .customer,
    ).toBeNull();
  });

  it('answers an unknown customer or order with a userError', async () => {
    const customer = await admin(devstore, shop, DELETE_CUSTOMER, { id: 'gid://shopify/Customer/999999999' });
    expect(customer.body.data.customerDelete).toMatchObject({
      deletedCustomerId: null,
      userErrors: [{ field: ['id'], message: "Customer can't be found" }],
    });
    const order = await admin(devstore, shop, DELETE_ORDER, { id: 'gid://shopify/Order/999999999' });
    expect(order.body.data.orderDelete).toEqual({
      deletedId: null,
      userErrors: [{ field: ['orderId'], message: 'Order does not exist', code: 'NOT_FOUND' }],
    });
  });

  it('deletes only in the shop that asks', async () => {
    const { orderId } = await customerWithOrder('other-shop@example.com');
    const other = await createShop(devstore);
    const answer = await admin(devstore, other, DELETE_ORDER, { id: orderId });
    expect(answer.body.data.orderDelete.userErrors[0].code).toBe('NOT_FOUND');
    expect(
      (await admin(devstore, shop, 'query($id: ID!) { order(id: $id) { id } }', { id: orderId })).body.data.order,
    ).toEqual({ id: orderId });
  });
});
