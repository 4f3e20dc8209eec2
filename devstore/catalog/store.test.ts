import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;
let productId: string;
let inventoryItemId: string;
let locationId: string;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
  const created = await admin(
    devstore,
    shop,
    'mutation { productSet(input: { title: "Desk Lamp" }) { product { id variants(first: 1) { nodes { inventoryItem { id } } } } } }',
  );
  productId = created.body.data.productSet.product.id;
  inventoryItemId = created.body.data.productSet.product.variants.nodes[0].inventoryItem.id;
  locationId = (await admin(devstore, shop, '{ locations(first: 1) { nodes { id } } }')).body.data.locations.nodes[0]
    .id;
});
afterAll(() => devstore.stop());

describe('collections (custom)', () => {
  it("adds a new collection's products after answering (its count starts at 0), and lists membership both ways", async () => {
    const { body } = await admin(
      devstore,
      shop,
      'mutation($input: CollectionInput!) { collectionCreate(input: $input) { collection { id handle title productsCount { count } } userErrors { field message } } }',
      {
        input: { title: 'Lighting', products: [productId] },
      },
    );
    const collection = body.data.collectionCreate.collection;
    expect(collection).toMatchObject({ handle: 'lighting', title: 'Lighting', productsCount: { count: 0 } });
    await devstore.bulkSettled();
    const counted = await admin(devstore, shop, 'query($id: ID!) { collection(id: $id) { productsCount { count } } }', {
      id: collection.id,
    });
    expect(counted.body.data.collection.productsCount.count).toBe(1);
    const fromProduct = await admin(
      devstore,
      shop,
      'query($id: ID!) { product(id: $id) { collections(first: 5) { nodes { handle } } } }',
      { id: productId },
    );
    expect(fromProduct.body.data.product.collections.nodes).toEqual([{ handle: 'lighting' }]);
  });

  it('removes products in a job that is not done when the mutation answers, and is once it has run', async () => {
    const created = await admin(
      devstore,
      shop,
      'mutation($input: CollectionInput!) { collectionCreate(input: $input) { collection { id } } }',
      { input: { title: 'Desk things', products: [productId] } },
    );
    const id = created.body.data.collectionCreate.collection.id;
    await devstore.bulkSettled();
    const removed = await admin(
      devstore,
      shop,
      'mutation($id: ID!, $ids: [ID!]!) { collectionRemoveProducts(id: $id, productIds: $ids) { job { id done } userErrors { message } } }',
      { id, ids: [productId] },
    );
    expect(removed.body.data.collectionRemoveProducts).toMatchObject({ job: { done: false }, userErrors: [] });
    await devstore.bulkSettled();
    const job = await admin(devstore, shop, 'query($id: ID!) { job(id: $id) { id done } }', {
      id: removed.body.data.collectionRemoveProducts.job.id,
    });
    expect(job.body.data.job).toEqual({ id: removed.body.data.collectionRemoveProducts.job.id, done: true });
    const after = await admin(
      devstore,
      shop,
      'query($id: ID!) { collection(id: $id) { productsCount { count } hasProduct(id: "' + productId + '") } }',
      { id },
    );
    expect(after.body.data.collection).toEqual({ productsCount: { count: 0 }, hasProduct: false });
  });

  it('adds products to a collection, and adds none when one is already in it', async () => {
    const created = await admin(
      devstore,
      shop,
      'mutation { collectionCreate(input: { title: "Lamps" }) { collection { id } } }',
    );
    const id = created.body.data.collectionCreate.collection.id;
    const ADD =
      'mutation($id: ID!, $ids: [ID!]!) { collectionAddProducts(id: $id, productIds: $ids) { collection { products(first: 5) { nodes { id } } } userErrors { field message } } }';
    const added = await admin(devstore, shop, ADD, { id, ids: [productId] });
    expect(added.body.data.collectionAddProducts.collection.products.nodes).toEqual([{ id: productId }]);
    const again = await admin(devstore, shop, ADD, { id, ids: [productId] });
    expect(again.body.data.collectionAddProducts).toEqual({
      collection: null,
      userErrors: [
        { field: ['productIds'], message: 'A product is already in the collection; no products were added.' },
      ],
    });
  });

  it('refuses products on collectionUpdate: they are only valid with collectionCreate', async () => {
    const created = await admin(
      devstore,
      shop,
      'mutation { collectionCreate(input: { title: "Shades" }) { collection { id } } }',
    );
    const { body } = await admin(
      devstore,
      shop,
      'mutation($input: CollectionInput!) { collectionUpdate(input: $input) { collection { id } userErrors { field } } }',
      { input: { id: created.body.data.collectionCreate.collection.id, products: [productId] } },
    );
    expect(body.data.collectionUpdate).toEqual({ collection: null, userErrors: [{ field: ['products'] }] });
  });

  it("answers Title can't be blank", async () => {
    const { body } = await admin(
      devstore,
      shop,
      'mutation { collectionCreate(input: { title: "" }) { collection { id } userErrors { field message } } }',
    );
    expect(body.data.collectionCreate).toEqual({
      collection: null,
      userErrors: [{ field: ['title'], message: "Title can't be blank" }],
    });
  });

  it('names smart collections as not implemented rather than pretending', async () => {
    const { body } = await admin(
      devstore,
      shop,
      'mutation { collectionCreate(input: { title: "Smart", ruleSet: { appliedDisjunctively: false, rules: [{ column: TAG, relation: EQUALS, condition: "x" }] } }) { collection { id } } }',
    );
    expect(body.errors[0]).toMatchObject({
      message: 'smart collections (ruleSet / sources) is not implemented by devstore',
      extensions: { code: 'NOT_IMPLEMENTED_BY_DEVSTORE' },
    });
  });
});

describe('inventorySetQuantities', () => {
  const SET = `mutation($input: InventorySetQuantitiesInput!) {
    inventorySetQuantities(input: $input) { inventoryAdjustmentGroup { reason changes { name delta quantityAfterChange } } userErrors { field message code } }
  }`;

  it('sets an absolute quantity with compare-and-set, and reports a stale changeFromQuantity', async () => {
    const first = await admin(devstore, shop, SET, {
      input: {
        name: 'available',
        reason: 'correction',
        quantities: [{ inventoryItemId, locationId, quantity: 7, changeFromQuantity: 0 }],
      },
    });
    expect(first.body.data.inventorySetQuantities).toEqual({
      inventoryAdjustmentGroup: {
        reason: 'correction',
        changes: [{ name: 'available', delta: 7, quantityAfterChange: 7 }],
      },
      userErrors: [],
    });
    const stale = await admin(devstore, shop, SET, {
      input: {
        name: 'available',
        reason: 'correction',
        quantities: [{ inventoryItemId, locationId, quantity: 9, changeFromQuantity: 3 }],
      },
    });
    expect(stale.body.data.inventorySetQuantities.userErrors).toEqual([
      {
        field: ['input', 'quantities', '0', 'changeFromQuantity'],
        message: 'The changeFromQuantity value does not match persisted value.',
        code: 'CHANGE_FROM_QUANTITY_STALE',
      },
    ]);
    const level = await admin(
      devstore,
      shop,
      'query($id: ID!) { inventoryItem(id: $id) { inventoryLevels(first: 1) { nodes { quantities(names: ["available"]) { name quantity } } } } }',
      { id: inventoryItemId },
    );
    expect(level.body.data.inventoryItem.inventoryLevels.nodes[0].quantities).toEqual([
      { name: 'available', quantity: 7 },
    ]);
  });

  it('requires changeFromQuantity (null opts out) and checks name, reason, item and location', async () => {
    const { body } = await admin(devstore, shop, SET, {
      input: {
        name: 'committed',
        reason: 'because',
        quantities: [
          { inventoryItemId: 'gid://shopify/InventoryItem/1', locationId: 'gid://shopify/Location/1', quantity: 1 },
        ],
      },
    });
    expect(body.data.inventorySetQuantities.userErrors.map((error: { code: string }) => error.code)).toEqual([
      'INVALID_NAME',
      'INVALID_REASON',
      'INVALID_INVENTORY_ITEM',
      'INVALID_LOCATION',
      'COMPARE_QUANTITY_REQUIRED',
    ]);
    const optOut = await admin(devstore, shop, SET, {
      input: {
        name: 'available',
        reason: 'received',
        quantities: [{ inventoryItemId, locationId, quantity: 3, changeFromQuantity: null }],
      },
    });
    expect(optOut.body.data.inventorySetQuantities.userErrors).toEqual([]);
  });
});

describe('metafieldsSet', () => {
  const SET =
    'mutation($metafields: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $metafields) { metafields { key value type } userErrors { field message code } } }';

  it('sets metafields on a product and reads them back', async () => {
    const { body } = await admin(devstore, shop, SET, {
      metafields: [{ ownerId: productId, namespace: 'specs', key: 'wattage', type: 'number_integer', value: '40' }],
    });
    expect(body.data.metafieldsSet).toEqual({
      metafields: [{ key: 'wattage', value: '40', type: 'number_integer' }],
      userErrors: [],
    });
    const read = await admin(
      devstore,
      shop,
      'query($id: ID!) { product(id: $id) { metafield(namespace: "specs", key: "wattage") { jsonValue } } }',
      { id: productId },
    );
    expect(read.body.data.product.metafield).toEqual({ jsonValue: 40 });
  });

  it('refuses more than 25 metafields in one call', async () => {
    const metafields = Array.from({ length: 26 }, (_, index) => ({
      ownerId: productId,
      namespace: 'bulk',
      key: `k${index}`,
      type: 'single_line_text_field',
      value: 'v',
    }));
    const { body } = await admin(devstore, shop, SET, { metafields });
    expect(body.data.metafieldsSet).toEqual({
      metafields: [],
      userErrors: [
        {
          field: ['metafields'],
          message: 'Exceeded the maximum metafields input limit of 25.',
          code: 'LESS_THAN_OR_EQUAL_TO',
        },
      ],
    });
  });

  it('refuses a value that does not fit its type, and an owner that does not exist', async () => {
    const { body } = await admin(devstore, shop, SET, {
      metafields: [
        { ownerId: productId, namespace: 'specs', key: 'bad', type: 'number_integer', value: 'forty' },
        { ownerId: 'gid://shopify/Product/1', namespace: 'specs', key: 'x', type: 'boolean', value: 'true' },
      ],
    });
    expect(body.data.metafieldsSet.userErrors.map((error: { code: string }) => error.code)).toEqual([
      'INVALID_VALUE',
      'INVALID',
    ]);
  });
});

describe('URL redirects', () => {
  const CREATE =
    'mutation($r: UrlRedirectInput!) { urlRedirectCreate(urlRedirect: $r) { urlRedirect { id path target } userErrors { field message code } } }';

  it('stores a full old URL as its path and lists it', async () => {
    const { body } = await admin(devstore, shop, CREATE, {
      r: { path: 'https://old-shop.example/products/lamp?ref=1', target: '/products/desk-lamp' },
    });
    expect(body.data.urlRedirectCreate.urlRedirect).toMatchObject({
      path: '/products/lamp?ref=1',
      target: '/products/desk-lamp',
    });
    const listed = await admin(
      devstore,
      shop,
      '{ urlRedirects(first: 5, query: "path:/products/lamp?ref=1") { nodes { path } } }',
    );
    expect(listed.body.data.urlRedirects.nodes).toEqual([{ path: '/products/lamp?ref=1' }]);
  });

  it('refuses a path already taken (ignoring case), a path equal to its target, and /admin', async () => {
    await admin(devstore, shop, CREATE, { r: { path: '/old', target: '/new' } });
    const taken = await admin(devstore, shop, CREATE, { r: { path: '/OLD', target: '/elsewhere' } });
    expect(taken.body.data.urlRedirectCreate.userErrors).toEqual([
      { field: ['urlRedirect', 'path'], message: 'Path has already been taken', code: 'CREATE_FAILED' },
    ]);
    const same = await admin(devstore, shop, CREATE, { r: { path: '/loop', target: '/loop' } });
    expect(same.body.data.urlRedirectCreate.userErrors[0].field).toEqual(['urlRedirect', 'target']);
    const adminPath = await admin(devstore, shop, CREATE, { r: { path: '/admin/products', target: '/' } });
    expect(adminPath.body.data.urlRedirectCreate.userErrors[0].field).toEqual(['urlRedirect', 'path']);
  });
});

describe('URL redirect CSV import', () => {
  it('creates new paths, updates existing ones and counts rows that break the rules', async () => {
    await admin(
      devstore,
      shop,
      'mutation { urlRedirectCreate(urlRedirect: { path: "/pages/old-about", target: "/pages/about" }) { userErrors { message } } }',
    );
    const staged = await admin(
      devstore,
      shop,
      'mutation { stagedUploadsCreate(input: [{ resource: URL_REDIRECT_IMPORT, filename: "redirects.csv", mimeType: "text/csv", httpMethod: PUT }]) { stagedTargets { url resourceUrl } } }',
    );
    const target = staged.body.data.stagedUploadsCreate.stagedTargets[0];
    const csv =
      'Redirect from,Redirect to\n/products/old-kettle,/products/kettle\n"/pages/OLD-about","/pages/about-us"\n/admin/x,/\n/loop,/loop\n';
    await fetch(target.url, { method: 'PUT', headers: { 'Content-Type': 'text/csv' }, body: csv });
    const created = await admin(
      devstore,
      shop,
      'mutation($url: URL!) { urlRedirectImportCreate(url: $url) { urlRedirectImport { id count finished previewRedirects { path target } } userErrors { code } } }',
      { url: target.resourceUrl },
    );
    const started = created.body.data.urlRedirectImportCreate.urlRedirectImport;
    expect(started).toMatchObject({
      count: 4,
      finished: false,
      previewRedirects: [
        { path: '/products/old-kettle', target: '/products/kettle' },
        { path: '/pages/OLD-about', target: '/pages/about-us' },
        { path: '/admin/x', target: '/' },
      ],
    });
    const submitted = await admin(
      devstore,
      shop,
      'mutation($id: ID!) { urlRedirectImportSubmit(id: $id) { job { id done } userErrors { code } } }',
      { id: started.id },
    );
    expect(submitted.body.data.urlRedirectImportSubmit).toMatchObject({ job: { done: false }, userErrors: [] });
    await devstore.bulkSettled();
    const job = await admin(devstore, shop, 'query($id: ID!) { job(id: $id) { done } }', {
      id: submitted.body.data.urlRedirectImportSubmit.job.id,
    });
    expect(job.body.data.job).toEqual({ done: true });
    const finished = await admin(
      devstore,
      shop,
      'query($id: ID!) { urlRedirectImport(id: $id) { finished createdCount updatedCount failedCount } }',
      { id: started.id },
    );
    expect(finished.body.data.urlRedirectImport).toEqual({
      finished: true,
      createdCount: 1,
      updatedCount: 1,
      failedCount: 2,
    });
    const again = await admin(
      devstore,
      shop,
      'mutation($id: ID!) { urlRedirectImportSubmit(id: $id) { userErrors { code } } }',
      { id: started.id },
    );
    expect(again.body.data.urlRedirectImportSubmit.userErrors[0].code).toBe('ALREADY_IMPORTED');
    const about = await admin(
      devstore,
      shop,
      '{ urlRedirects(first: 1, query: "path:/pages/old-about") { nodes { target } } }',
    );
    expect(about.body.data.urlRedirects.nodes).toEqual([{ target: '/pages/about-us' }]);
  });

  it('answers FILE_DOES_NOT_EXIST for a URL with nothing behind it', async () => {
    const { body } = await admin(
      devstore,
      shop,
      `mutation { urlRedirectImportCreate(url: "${devstore.url}/devstore/uploads/tmp/${shop.domain}/missing/redirects.csv") { urlRedirectImport { id } userErrors { code } } }`,
    );
    expect(body.data.urlRedirectImportCreate).toEqual({
      urlRedirectImport: null,
      userErrors: [{ code: 'FILE_DOES_NOT_EXIST' }],
    });
  });
});
