// An order with no customer named but an email (or phone): Shopify attaches the shop's customer with
// that contact, or makes one, named after the order's address; a named customer without an email
// takes the order's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore, { devStore: false });
});
afterAll(() => devstore.stop());

const CREATE = `mutation($order: OrderCreateOrderInput!) {
  orderCreate(order: $order) {
    order { email customer { id email phone firstName lastName defaultAddress { address1 city country } } }
    userErrors { field message code }
  }
}`;

const line = { title: 'Postcard', quantity: 1, priceSet: { shopMoney: { amount: '2.50', currencyCode: 'USD' } } };
const address = {
  firstName: 'Noor',
  lastName: 'Haddad',
  address1: '4 Canal Street',
  city: 'Manchester',
  countryCode: 'GB',
};

async function create(order: Record<string, unknown>) {
  const { body } = await admin(devstore, shop, CREATE, { order: { lineItems: [line], ...order } });
  expect(body.data.orderCreate.userErrors).toEqual([]);
  return body.data.orderCreate.order;
}

const customerCount = async () =>
  (await admin(devstore, shop, '{ customers(first: 50) { nodes { id } } }')).body.data.customers.nodes.length;

describe('orders without a customer named', () => {
  it('makes a customer from an order with only an email, named and addressed from the order', async () => {
    const order = await create({
      email: 'noor@example.com',
      shippingAddress: address,
      billingAddress: { ...address, address1: '9 Billing Row' },
    });
    expect(order.customer).toEqual({
      id: expect.stringMatching(/^gid:\/\/shopify\/Customer\/\d+$/),
      email: 'noor@example.com',
      phone: null,
      firstName: 'Noor',
      lastName: 'Haddad',
      defaultAddress: { address1: '4 Canal Street', city: 'Manchester', country: 'United Kingdom' },
    });
  });

  it('attaches a later order with the same email (in any case) to that customer, making no second one', async () => {
    const before = await customerCount();
    const first = await create({ email: 'sam@example.com' });
    const second = await create({ email: 'SAM@example.com' });
    expect(second.customer.id).toBe(first.customer.id);
    expect(await customerCount()).toBe(before + 1);
  });

  it('attaches an order to the customer the shop already had with that email', async () => {
    const set = await admin(
      devstore,
      shop,
      'mutation { customerSet(input: { email: "lee@example.com", firstName: "Lee" }) { customer { id } } }',
    );
    const before = await customerCount();
    const order = await create({ email: 'lee@example.com', shippingAddress: address });
    expect(order.customer).toMatchObject({ id: set.body.data.customerSet.customer.id, firstName: 'Lee' });
    expect(await customerCount()).toBe(before);
  });

  it('makes a customer from a phone when there is no email, and none when there is neither', async () => {
    expect((await create({ phone: '+44 161 496 0000' })).customer).toMatchObject({
      email: null,
      phone: '+441614960000',
    });
    expect((await create({})).customer).toBeNull();
  });

  it('gives a named customer without an email the order’s email', async () => {
    const set = await admin(
      devstore,
      shop,
      'mutation { customerSet(input: { phone: "+14155550100", firstName: "Ida" }) { customer { id } } }',
    );
    const order = await create({
      email: 'ida@example.com',
      customer: { toAssociate: { id: set.body.data.customerSet.customer.id } },
    });
    expect(order.customer).toMatchObject({ id: set.body.data.customerSet.customer.id, email: 'ida@example.com' });
  });
});
