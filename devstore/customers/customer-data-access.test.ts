// Protected customer data: a shop whose app lacks Shopify's approval refuses customers and orders
// (level 1) or redacts names, emails, phones and addresses (level 2), as Shopify documents.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, control, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;

beforeAll(async () => {
  devstore = await startTestDevstore();
});
afterAll(() => devstore.stop());

const SET = `mutation Set($input: CustomerSetInput!, $identifier: CustomerSetIdentifiers) {
  customerSet(input: $input, identifier: $identifier) { customer { id } userErrors { field message code } }
}`;
const ORDER = `mutation Order($order: OrderCreateOrderInput!) {
  orderCreate(order: $order) { order { id } userErrors { field message code } }
}`;
const OBJECT_REFUSED = (type: string) =>
  new RegExp(
    `^This app is not approved to access the ${type} object\\. See https://partners\\.shopify\\.com/\\S+/customer_data for more details\\.$`,
  );
const FIELD_REFUSED = (field: string) =>
  new RegExp(
    `^This app is not approved to use the ${field} field\\. See https://partners\\.shopify\\.com/\\S+/customer_data for more details\\.$`,
  );

/** A paying store (so the approval counts, not the selection) with a customer and an order written while the app had level 2. */
async function storeWithCustomer(): Promise<{ shop: TestShop; customerId: string; orderId: string }> {
  const shop = await createShop(devstore);
  await control(devstore, 'PATCH', `/shops/${shop.domain}`, { devStore: false });
  const input = {
    email: 'ada@example.com',
    phone: '+44 20 7946 0000',
    firstName: 'Ada',
    lastName: 'Lovelace',
    note: 'Prefers post',
    tags: ['vip'],
    addresses: [{ address1: '1 Analytical St', city: 'London', zip: 'N1 1AA', countryCode: 'GB' }],
  };
  const customerId = (await admin(devstore, shop, SET, { input })).body.data.customerSet.customer.id;
  const order = await admin(devstore, shop, ORDER, {
    order: {
      customerId,
      processedAt: '2024-03-01T10:00:00Z',
      lineItems: [
        { title: 'Gift wrap', quantity: 1, priceSet: { shopMoney: { amount: '5.00', currencyCode: 'USD' } } },
      ],
    },
  });
  return { shop, customerId, orderId: order.body.data.orderCreate.order.id };
}

const approve = (shop: TestShop, approved: string) =>
  control(devstore, 'PATCH', `/shops/${shop.domain}`, { protectedCustomerData: { approved } });

describe('an app without protected customer data (level 1)', () => {
  it('is refused customers and orders, with Shopify’s message on the field and HTTP 200', async () => {
    const { shop, customerId, orderId } = await storeWithCustomer();
    await approve(shop, 'none');
    for (const [connection, type] of [
      ['customers', 'Customer'],
      ['orders', 'Order'],
    ] as const) {
      const { status, body } = await admin(devstore, shop, `query List { ${connection}(first: 5) { nodes { id } } }`);
      expect(status).toBe(200);
      // The connections are non-null in the schema, so their refusal nulls the whole answer (GraphQL's rule).
      expect(body.data).toBeNull();
      expect(body.errors).toEqual([
        {
          message: expect.stringMatching(OBJECT_REFUSED(type)),
          locations: [expect.any(Object)],
          path: [connection],
          extensions: { code: 'ACCESS_DENIED' },
        },
      ]);
    }
    expect((await admin(devstore, shop, 'query Catalog { products(first: 1) { nodes { id } } }')).body).toMatchObject({
      data: { products: { nodes: [] } },
    });
    const byId = await admin(
      devstore,
      shop,
      'query One($id: ID!, $order: ID!) { customer(id: $id) { id } order(id: $order) { id } node(id: $id) { id } nodes(ids: [$id, $order]) { id } }',
      { id: customerId, order: orderId },
    );
    expect(byId.body.data).toEqual({ customer: null, order: null, node: null, nodes: [null, null] });
    // node and nodes are refused once their objects have loaded, in whatever order the loads finish.
    const paths = byId.body.errors.map((error: { path: unknown[] }) => JSON.stringify(error.path)).sort();
    expect(paths).toEqual(
      [['customer'], ['node'], ['nodes', 0], ['nodes', 1], ['order']].map((path) => JSON.stringify(path)),
    );
  });

  it('writes no customer, order or customer metafield, and says why on the mutation', async () => {
    const { shop, customerId } = await storeWithCustomer();
    await approve(shop, 'none');
    const set = await admin(devstore, shop, SET, { input: { note: 'A new one' } });
    expect(set.body.data).toEqual({ customerSet: null });
    expect(set.body.errors[0]).toMatchObject({
      message: expect.stringMatching(OBJECT_REFUSED('Customer')),
      path: ['customerSet'],
      extensions: { code: 'ACCESS_DENIED' },
    });
    const order = await admin(devstore, shop, ORDER, {
      order: {
        customerId,
        lineItems: [{ title: 'Tea', quantity: 1, priceSet: { shopMoney: { amount: '3.00', currencyCode: 'USD' } } }],
      },
    });
    expect(order.body.errors[0]).toMatchObject({
      message: expect.stringMatching(OBJECT_REFUSED('Order')),
      path: ['orderCreate'],
    });
    const metafield = await admin(
      devstore,
      shop,
      'mutation M($id: ID!) { metafieldsSet(metafields: [{ ownerId: $id, namespace: "shipyard", key: "total_spent", type: "number_decimal", value: "1.00" }]) { userErrors { code } } }',
      { id: customerId },
    );
    expect(metafield.body.errors[0]).toMatchObject({
      message: expect.stringMatching(OBJECT_REFUSED('Customer')),
      path: ['metafieldsSet'],
    });
    // Once approved again, the store shows that nothing was written meanwhile.
    await approve(shop, 'level2');
    const after = await admin(
      devstore,
      shop,
      'query After($id: ID!) { customers(first: 5) { nodes { id } } orders(first: 5) { nodes { id } } customer(id: $id) { metafields(first: 5) { nodes { key } } } }',
      { id: customerId },
    );
    expect(after.body.data.customers.nodes).toEqual([{ id: customerId }]);
    expect(after.body.data.orders.nodes).toHaveLength(1);
    expect(after.body.data.customer.metafields.nodes).toEqual([]);
  });
});

describe('an app with protected customer data but not the protected fields (level 2)', () => {
  it('reads a customer with its name, email, phone and addresses redacted, each with an error on its path', async () => {
    const { shop, customerId, orderId } = await storeWithCustomer();
    await approve(shop, 'level1');
    const { body } = await admin(
      devstore,
      shop,
      'query One($id: ID!, $order: ID!) { customer(id: $id) { id note tags email phone firstName lastName defaultAddress { address1 } } order(id: $order) { id name email shippingAddress { address1 } customer { id } } }',
      { id: customerId, order: orderId },
    );
    expect(body.data.customer).toEqual({
      id: customerId,
      note: 'Prefers post',
      tags: ['vip'],
      email: null,
      phone: null,
      firstName: null,
      lastName: null,
      defaultAddress: null,
    });
    expect(body.data.order).toMatchObject({
      id: orderId,
      email: null,
      shippingAddress: null,
      customer: { id: customerId },
    });
    // In the order the fields resolved, which is not the document's: compared sorted.
    const refused = body.errors
      .map((error: { path: string[]; message: string; extensions: { code: string } }) => [
        error.path.join('.'),
        error.extensions.code,
        error.message.replace(/ See .*/, ''),
      ])
      .sort();
    expect(refused).toEqual([
      ['customer.defaultAddress', 'ACCESS_DENIED', 'This app is not approved to access the Customer object.'],
      ['customer.email', 'ACCESS_DENIED', 'This app is not approved to access the Customer object.'],
      ['customer.firstName', 'ACCESS_DENIED', 'This app is not approved to access the Customer object.'],
      ['customer.lastName', 'ACCESS_DENIED', 'This app is not approved to access the Customer object.'],
      ['customer.phone', 'ACCESS_DENIED', 'This app is not approved to access the Customer object.'],
      ['order.email', 'ACCESS_DENIED', 'This app is not approved to access the Order object.'],
      ['order.shippingAddress', 'ACCESS_DENIED', 'This app is not approved to access the Order object.'],
    ]);
  });

  it('refuses a write that carries a name, email, phone or address, and takes one that does not', async () => {
    const { shop, customerId } = await storeWithCustomer();
    await approve(shop, 'level1');
    const named = await admin(devstore, shop, SET, {
      identifier: { id: customerId },
      input: { lastName: 'King', note: 'Married' },
    });
    expect(named.body.data).toEqual({ customerSet: null });
    expect(named.body.errors[0]).toMatchObject({
      message: expect.stringMatching(FIELD_REFUSED('lastName')),
      path: ['customerSet'],
      extensions: { code: 'ACCESS_DENIED' },
    });
    const byEmail = await admin(devstore, shop, SET, {
      identifier: { email: 'ada@example.com' },
      input: { email: 'ada@example.com' },
    });
    expect(byEmail.body.errors[0].message).toMatch(FIELD_REFUSED('email'));
    const lookup = await admin(
      devstore,
      shop,
      'query Find { customerByIdentifier(identifier: { emailAddress: "ada@example.com" }) { id } }',
    );
    expect(lookup.body.errors[0]).toMatchObject({
      message: expect.stringMatching(FIELD_REFUSED('email')),
      path: ['customerByIdentifier'],
    });
    const order = await admin(devstore, shop, ORDER, {
      order: {
        email: 'ada@example.com',
        lineItems: [{ title: 'Tea', quantity: 1, priceSet: { shopMoney: { amount: '3.00', currencyCode: 'USD' } } }],
      },
    });
    expect(order.body.errors[0].message).toMatch(FIELD_REFUSED('email'));

    const noteOnly = await admin(devstore, shop, SET, {
      identifier: { id: customerId },
      input: { note: 'Married', tags: ['vip', 'press'] },
    });
    expect(noteOnly.body.data.customerSet).toEqual({ customer: { id: customerId }, userErrors: [] });
    await approve(shop, 'level2');
    const after = await admin(devstore, shop, 'query One($id: ID!) { customer(id: $id) { lastName note } }', {
      id: customerId,
    });
    expect(after.body.data.customer).toEqual({ lastName: 'Lovelace', note: 'Married' });
  });

  it('leaves the email out of the customers/update webhook', async () => {
    const received: unknown[] = [];
    const app = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push(JSON.parse(body));
        response.end();
      });
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    try {
      const { shop, customerId } = await storeWithCustomer();
      await control(devstore, 'PATCH', `/shops/${shop.domain}`, {
        appUrl: `http://127.0.0.1:${(app.address() as AddressInfo).port}`,
        webhookTopics: ['customers/update'],
      });
      await approve(shop, 'level1');
      await admin(devstore, shop, SET, { identifier: { id: customerId }, input: { note: 'Married' } });
      const deliveries = await control(devstore, 'GET', `/shops/${shop.domain}/webhooks`);
      expect(
        deliveries.body.map((delivery: { topic: string; status: number }) => [delivery.topic, delivery.status]),
      ).toEqual([['customers/update', 200]]);
      expect(received).toEqual([
        { id: Number(customerId.split('/').at(-1)), email: null, admin_graphql_api_id: customerId },
      ]);
    } finally {
      await new Promise((resolve) => app.close(resolve));
    }
  });
});

describe('development stores', () => {
  it('go by what the app selected in the Partner Dashboard; the same app on a paying store needs Shopify’s approval', async () => {
    const shop = await createShop(devstore);
    const configured = await control(devstore, 'PATCH', `/shops/${shop.domain}`, {
      protectedCustomerData: { selected: 'level2', approved: 'none' },
    });
    expect(configured.body).toMatchObject({
      devStore: true,
      protectedCustomerData: { selected: 'level2', approved: 'none' },
      customerDataAccess: 'level2',
    });
    const onDevStore = await admin(devstore, shop, SET, { input: { email: 'grace@example.com', firstName: 'Grace' } });
    expect(onDevStore.body.data.customerSet.userErrors).toEqual([]);

    const transferred = await control(devstore, 'PATCH', `/shops/${shop.domain}`, { devStore: false });
    expect(transferred.body.customerDataAccess).toBe('none');
    const onPayingStore = await admin(devstore, shop, SET, { input: { email: 'alan@example.com', firstName: 'Alan' } });
    expect(onPayingStore.body.errors[0].message).toMatch(OBJECT_REFUSED('Customer'));
  });

  it('refuse what was not selected, even without review', async () => {
    const shop = await createShop(devstore);
    await control(devstore, 'PATCH', `/shops/${shop.domain}`, { protectedCustomerData: { selected: 'none' } });
    const { body } = await admin(devstore, shop, '{ customers(first: 1) { nodes { id } } }');
    expect(body.errors[0]).toMatchObject({ path: ['customers'], extensions: { code: 'ACCESS_DENIED' } });
  });
});
