// metafieldsDelete removes metafields by owner, namespace and key; one that does not exist comes
// back as null in deletedMetafields, with no userError, as Shopify documents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;
let customerId: string;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
  const created = await admin(
    devstore,
    shop,
    'mutation { customerSet(input: { email: "ida@example.com" }) { customer { id } userErrors { code } } }',
  );
  customerId = created.body.data.customerSet.customer.id;
  const set = await admin(
    devstore,
    shop,
    'mutation($metafields: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $metafields) { userErrors { field code } } }',
    {
      metafields: [
        { ownerId: customerId, namespace: 'loyalty', key: 'tier', type: 'single_line_text_field', value: 'gold' },
        { ownerId: customerId, namespace: 'loyalty', key: 'points', type: 'number_integer', value: '120' },
      ],
    },
  );
  expect(set.body.data.metafieldsSet.userErrors).toEqual([]);
});
afterAll(() => devstore.stop());

const DELETE = `mutation($metafields: [MetafieldIdentifierInput!]!) {
  metafieldsDelete(metafields: $metafields) { deletedMetafields { ownerId namespace key } userErrors { field message } }
}`;
const READ = `query($id: ID!) { customer(id: $id) { tier: metafield(namespace: "loyalty", key: "tier") { value } points: metafield(namespace: "loyalty", key: "points") { value } } }`;

describe('metafieldsDelete', () => {
  it('deletes the metafields it names and answers null for one that does not exist', async () => {
    const tier = { ownerId: customerId, namespace: 'loyalty', key: 'tier' };
    const { body } = await admin(devstore, shop, DELETE, {
      metafields: [tier, { ownerId: customerId, namespace: 'loyalty', key: 'missing' }],
    });
    expect(body.data.metafieldsDelete).toEqual({ deletedMetafields: [tier, null], userErrors: [] });
    const read = await admin(devstore, shop, READ, { id: customerId });
    expect(read.body.data.customer).toEqual({ tier: null, points: { value: '120' } });
  });

  it('answers null for an owner of another type, an unknown owner and a type that cannot own metafields', async () => {
    const number = customerId.split('/').at(-1);
    const { body } = await admin(devstore, shop, DELETE, {
      metafields: [
        { ownerId: `gid://shopify/Product/${number}`, namespace: 'loyalty', key: 'points' },
        { ownerId: 'gid://shopify/Customer/1', namespace: 'loyalty', key: 'points' },
        { ownerId: `gid://shopify/Location/${number}`, namespace: 'loyalty', key: 'points' },
      ],
    });
    expect(body.data.metafieldsDelete).toEqual({ deletedMetafields: [null, null, null], userErrors: [] });
    // Another shop cannot reach this customer's metafields either.
    const elsewhere = await admin(devstore, await createShop(devstore), DELETE, {
      metafields: [{ ownerId: customerId, namespace: 'loyalty', key: 'points' }],
    });
    expect(elsewhere.body.data.metafieldsDelete.deletedMetafields).toEqual([null]);
    const read = await admin(devstore, shop, READ, { id: customerId });
    expect(read.body.data.customer.points).toEqual({ value: '120' });
  });
});
