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

describe('publishablePublish', () => {
  it('publishes a product on the Online Store and unpublishes it', async () => {
    const publications = await admin(devstore, shop, '{ publications(first: 5) { nodes { id name } } }');
    const onlineStore = publications.body.data.publications.nodes[0];
    expect(onlineStore.name).toBe('Online Store');
    const product = (await admin(devstore, shop, 'mutation { productSet(input: { title: "Shelf" }) { product { id } } }')).body.data.productSet.product.id;
    const PUBLISH = `mutation($id: ID!, $publicationId: ID!) {
      publishablePublish(id: $id, input: [{ publicationId: $publicationId }]) { publishable { publishedOnPublication(publicationId: $publicationId) } userErrors { field message } }
    }`;
    const published = await admin(devstore, shop, PUBLISH, { id: product, publicationId: onlineStore.id });
    expect(published.body.data.publishablePublish).toEqual({ publishable: { publishedOnPublication: true }, userErrors: [] });
    const unpublished = await admin(devstore, shop, PUBLISH.replaceAll('publishablePublish', 'publishableUnpublish'), { id: product, publicationId: onlineStore.id });
    expect(unpublished.body.data.publishableUnpublish).toEqual({ publishable: { publishedOnPublication: false }, userErrors: [] });
  });

  it('refuses a publication the shop does not have', async () => {
    const product = (await admin(devstore, shop, 'mutation { productSet(input: { title: "Stool" }) { product { id } } }')).body.data.productSet.product.id;
    const { body } = await admin(devstore, shop, 'mutation($id: ID!) { publishablePublish(id: $id, input: [{ publicationId: "gid://shopify/Publication/1" }]) { userErrors { field message } } }', { id: product });
    expect(body.data.publishablePublish.userErrors).toEqual([{ field: ['input', '0', 'publicationId'], message: 'Publication does not exist' }]);
  });
});
