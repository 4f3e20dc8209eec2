// Customers and orders found by custom ID (customerByIdentifier, orderByIdentifier), and their
// metafields and order addresses read back, as Shopify answers them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;

const DEFINE = `mutation($definition: MetafieldDefinitionInput!) { metafieldDefinitionCreate(definition: $definition) { userErrors { code } } }`;
const REFERENCE = { namespace: 'shipyard', key: 'source_reference' };

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
  await devstore.pool.query('UPDATE devstore.shops SET dev_store = false WHERE domain = $1', [shop.domain]);
  for (const ownerType of ['CUSTOMER', 'ORDER'])
    await admin(devstore, shop, DEFINE, { definition: { name: 'Source', ownerType, type: 'id', ...REFERENCE } });
});
afterAll(() => devstore.stop());

describe('custom IDs on customers and orders', () => {
  it('finds a customer by custom ID once metafieldsSet gave it one, and reads its metafields', async () => {
    const set = await admin(
      devstore,
      shop,
      'mutation { customerSet(input: { email: "lin@example.com" }) { customer { id } } }',
    );
    const id = set.body.data.customerSet.customer.id;
    const missing = await admin(
      devstore,
      shop,
      'query($i: CustomerIdentifierInput!) { customerByIdentifier(identifier: $i) { id } }',
      { i: { customId: { ...REFERENCE, value: 'woo:1' } } },
    );
    expect(missing.body.data.customerByIdentifier).toBeNull();
    await admin(
      devstore,
      shop,
      'mutation($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { userErrors { code } } }',
      {
        m: [
          { ownerId: id, ...REFERENCE, type: 'id', value: 'woo:1' },
          { ownerId: id, namespace: 'shipyard', key: 'total_spent', type: 'number_decimal', value: '12.50' },
        ],
      },
    );
    const found = await admin(
      devstore,
      shop,
      'query($i: CustomerIdentifierInput!) { customerByIdentifier(identifier: $i) { id metafield(namespace: "shipyard", key: "total_spent") { value } } }',
      {
        i: { customId: { ...REFERENCE, value: 'woo:1' } },
      },
    );
    expect(found.body.data.customerByIdentifier).toEqual({ id, metafield: { value: '12.50' } });
  });

  it('answers a GraphQL error for a custom ID without a definition', async () => {
    const answer = await admin(
      devstore,
      shop,
      'query($i: CustomerIdentifierInput!) { customerByIdentifier(identifier: $i) { id } }',
      { i: { customId: { namespace: 'shipyard', key: 'undefined_key', value: 'x' } } },
    );
    expect(answer.body.errors[0].message).toMatch(/No metafield definition of type 'id'/);
  });

  it('finds an order by custom ID or id, with its metafields and addresses', async () => {
    const created = await admin(
      devstore,
      shop,
      `mutation($order: OrderCreateOrderInput!) { orderCreate(order: $order) { order { id } userErrors { code } } }`,
      {
        order: {
          lineItems: [{ title: 'Gift', quantity: 1, priceSet: { shopMoney: { amount: '5.00', currencyCode: 'USD' } } }],
          billingAddress: { firstName: 'Lin', address1: '1 Quay', city: 'Kiel', countryCode: 'DE', zip: '24103' },
          metafields: [{ ...REFERENCE, type: 'id', value: 'woo:9' }],
        },
      },
    );
    const id = created.body.data.orderCreate.order.id;
    const query =
      'query($i: OrderIdentifierInput!) { orderByIdentifier(identifier: $i) { id billingAddress { firstName address1 city countryCodeV2 zip } shippingAddress { city } metafield(namespace: "shipyard", key: "source_reference") { value } } }';
    const byCustomId = await admin(devstore, shop, query, { i: { customId: { ...REFERENCE, value: 'woo:9' } } });
    expect(byCustomId.body.data.orderByIdentifier).toEqual({
      id,
      billingAddress: { firstName: 'Lin', address1: '1 Quay', city: 'Kiel', countryCodeV2: 'DE', zip: '24103' },
      shippingAddress: null,
      metafield: { value: 'woo:9' },
    });
    const byId = await admin(devstore, shop, query, { i: { id } });
    expect(byId.body.data.orderByIdentifier.id).toBe(id);
    const none = await admin(devstore, shop, query, { i: { customId: { ...REFERENCE, value: 'woo:404' } } });
    expect(none.body.data.orderByIdentifier).toBeNull();
  });
});
