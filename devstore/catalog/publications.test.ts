// Sales channels as Shopify documents them: products and collections start unpublished, publishing
// takes several publications in one call, counts and storefront fields read what is published now
// (not what is scheduled), and only the Online Store takes a date to come.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;
let onlineStore: string;
let pointOfSale: string;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore, { salesChannels: ['Point of Sale'] });
  const { body } = await admin(
    devstore,
    shop,
    '{ publications(first: 5) { nodes { id name catalog { title } supportsFuturePublishing autoPublish } } }',
  );
  const nodes = body.data.publications.nodes as {
    id: string;
    name: string;
    catalog: { title: string };
    supportsFuturePublishing: boolean;
    autoPublish: boolean;
  }[];
  expect(
    nodes.map(({ name, catalog, supportsFuturePublishing, autoPublish }) => ({
      name,
      title: catalog.title,
      supportsFuturePublishing,
      autoPublish,
    })),
  ).toEqual([
    { name: 'Online Store', title: 'Online Store', supportsFuturePublishing: true, autoPublish: false },
    { name: 'Point of Sale', title: 'Point of Sale', supportsFuturePublishing: false, autoPublish: false },
  ]);
  [onlineStore, pointOfSale] = nodes.map((node) => node.id) as [string, string];
  // The channels are app catalogs' publications; devstore has no market or B2B catalogs.
  const apps = await admin(devstore, shop, '{ publications(first: 5, catalogType: APP) { nodes { id } } }');
  expect(apps.body.data.publications.nodes.map((node: { id: string }) => node.id)).toEqual([onlineStore, pointOfSale]);
  const markets = await admin(devstore, shop, '{ publications(first: 5, catalogType: MARKET) { nodes { id } } }');
  expect(markets.body.data.publications.nodes).toEqual([]);
});
afterAll(() => devstore.stop());

const STATE = `query($id: ID!, $onlineStore: ID!, $pointOfSale: ID!) {
  product(id: $id) {
    onlineStoreUrl publishedAt
    onOnlineStore: publishedOnPublication(publicationId: $onlineStore)
    onPointOfSale: publishedOnPublication(publicationId: $pointOfSale)
    published: resourcePublicationsCount { count precision }
    all: resourcePublicationsCount(onlyPublished: false) { count }
    publicationCount
    allCount: publicationCount(onlyPublished: false)
  }
}`;

const PUBLISH = `mutation($id: ID!, $input: [PublicationInput!]!) {
  publishablePublish(id: $id, input: $input) { publishable { ... on Product { id } ... on Collection { id } } userErrors { field message } }
}`;
const UNPUBLISH = PUBLISH.replaceAll('publishablePublish', 'publishableUnpublish');

async function product(title: string, status = 'ACTIVE'): Promise<{ id: string; handle: string }> {
  const { body } = await admin(
    devstore,
    shop,
    'mutation($input: ProductSetInput!) { productSet(input: $input) { product { id handle } } }',
    { input: { title, status } },
  );
  return body.data.productSet.product;
}

async function state(id: string) {
  return (await admin(devstore, shop, STATE, { id, onlineStore, pointOfSale })).body.data.product;
}

describe('publishing products and collections', () => {
  it('a new active product is on no channel: no storefront URL, nothing counted', async () => {
    const { id } = await product('Shelf');
    expect(await state(id)).toEqual({
      onlineStoreUrl: null,
      publishedAt: null,
      onOnlineStore: false,
      onPointOfSale: false,
      published: { count: 0, precision: 'EXACT' },
      all: { count: 0 },
      publicationCount: 0,
      allCount: 0,
    });
  });

  it('publishes on two channels in one call, shows its URL on the Online Store, and unpublishes from one', async () => {
    const { id, handle } = await product('Stool');
    const published = await admin(devstore, shop, PUBLISH, {
      id,
      input: [{ publicationId: onlineStore }, { publicationId: pointOfSale }],
    });
    expect(published.body.data.publishablePublish).toEqual({ publishable: { id }, userErrors: [] });
    const after = await state(id);
    expect(after).toMatchObject({
      onlineStoreUrl: `https://${shop.domain}/products/${handle}`,
      onOnlineStore: true,
      onPointOfSale: true,
      published: { count: 2 },
      publicationCount: 2,
    });
    expect(Date.parse(after.publishedAt)).toBeLessThanOrEqual(Date.now());

    const unpublished = await admin(devstore, shop, UNPUBLISH, { id, input: [{ publicationId: onlineStore }] });
    expect(unpublished.body.data.publishableUnpublish.userErrors).toEqual([]);
    expect(await state(id)).toMatchObject({
      onlineStoreUrl: null,
      publishedAt: null,
      onOnlineStore: false,
      onPointOfSale: true,
      published: { count: 1 },
    });
  });

  it('a draft published on the Online Store has no storefront URL: only active products show in a channel', async () => {
    const { id } = await product('Unfinished Lamp', 'DRAFT');
    expect(
      (await admin(devstore, shop, PUBLISH, { id, input: [{ publicationId: onlineStore }] })).body.data
        .publishablePublish.userErrors,
    ).toEqual([]);
    expect(await state(id)).toMatchObject({ onlineStoreUrl: null, published: { count: 1 } });
  });

  it('a publication scheduled on the Online Store counts only with onlyPublished: false until its date', async () => {
    const { id } = await product('Winter Coat');
    const later = new Date(Date.now() + 86_400_000).toISOString();
    expect(
      (await admin(devstore, shop, PUBLISH, { id, input: [{ publicationId: onlineStore, publishDate: later }] })).body
        .data.publishablePublish.userErrors,
    ).toEqual([]);
    expect(await state(id)).toEqual({
      onlineStoreUrl: null,
      publishedAt: null,
      onOnlineStore: false,
      onPointOfSale: false,
      published: { count: 0, precision: 'EXACT' },
      all: { count: 1 },
      publicationCount: 0,
      allCount: 1,
    });
  });

  it('refuses a date to come on a channel other than the Online Store, and publishes nothing of that call', async () => {
    const { id } = await product('Spring Coat');
    const later = new Date(Date.now() + 86_400_000).toISOString();
    const { body } = await admin(devstore, shop, PUBLISH, {
      id,
      input: [{ publicationId: onlineStore }, { publicationId: pointOfSale, publishDate: later }],
    });
    expect(body.data.publishablePublish).toEqual({
      publishable: null,
      userErrors: [
        { field: ['input', '1', 'publishDate'], message: 'Point of Sale does not support future publishing' },
      ],
    });
    expect(await state(id)).toMatchObject({ onOnlineStore: false, all: { count: 0 } });
  });

  it('refuses a publication the shop does not have, and an id that is not a publication', async () => {
    const { id } = await product('Bench');
    const missing = await admin(devstore, shop, PUBLISH, {
      id,
      input: [{ publicationId: 'gid://shopify/Publication/1' }],
    });
    expect(missing.body.data.publishablePublish.userErrors).toEqual([
      { field: ['input', '0', 'publicationId'], message: 'Publication does not exist' },
    ]);
    const wrongType = await admin(devstore, shop, PUBLISH, {
      id,
      input: [{ publicationId: onlineStore.replace('Publication', 'Product') }],
    });
    expect(wrongType.body.data.publishablePublish.userErrors).toEqual([
      { field: ['input', '0', 'publicationId'], message: 'Publication does not exist' },
    ]);
    const nothing = await admin(devstore, shop, PUBLISH, {
      id: 'gid://shopify/Product/1',
      input: [{ publicationId: onlineStore }],
    });
    expect(nothing.body.data.publishablePublish).toEqual({
      publishable: null,
      userErrors: [{ field: ['id'], message: 'Publishable does not exist' }],
    });
  });

  it('a deleted product leaves no publication behind', async () => {
    const { id } = await product('Sold-out Chair');
    expect(
      (await admin(devstore, shop, PUBLISH, { id, input: [{ publicationId: onlineStore }] })).body.data
        .publishablePublish.userErrors,
    ).toEqual([]);
    const deleted = await admin(
      devstore,
      shop,
      'mutation($input: ProductDeleteInput!) { productDelete(input: $input) { deletedProductId } }',
      { input: { id } },
    );
    expect(deleted.body.data.productDelete.deletedProductId).toBe(id);
    const { rows } = await devstore.pool.query(
      'SELECT 1 FROM devstore.resource_publications WHERE publishable_id = $1',
      [id.split('/').pop()],
    );
    expect(rows).toEqual([]);
  });

  it('publishes a collection, which starts unpublished too', async () => {
    const created = await admin(
      devstore,
      shop,
      'mutation { collectionCreate(collection: { title: "Chairs" }) { collection { id } } }',
    );
    const id = created.body.data.collectionCreate.collection.id as string;
    const COLLECTION_STATE =
      'query($id: ID!, $onlineStore: ID!) { collection(id: $id) { publishedOnPublication(publicationId: $onlineStore) resourcePublicationsCount { count } } }';
    expect((await admin(devstore, shop, COLLECTION_STATE, { id, onlineStore })).body.data.collection).toEqual({
      publishedOnPublication: false,
      resourcePublicationsCount: { count: 0 },
    });
    expect(
      (await admin(devstore, shop, PUBLISH, { id, input: [{ publicationId: onlineStore }] })).body.data
        .publishablePublish.userErrors,
    ).toEqual([]);
    expect((await admin(devstore, shop, COLLECTION_STATE, { id, onlineStore })).body.data.collection).toEqual({
      publishedOnPublication: true,
      resourcePublicationsCount: { count: 1 },
    });
  });
});
