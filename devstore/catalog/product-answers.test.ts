import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;
let locationId: string;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
  locationId = (await admin(devstore, shop, '{ locations(first: 1) { nodes { id } } }')).body.data.locations.nodes[0]
    .id;
});
afterAll(() => devstore.stop());

const SET = `mutation($input: ProductSetInput!) {
  productSet(input: $input) {
    product {
      id vendor tags
      options { name values optionValues { name hasVariants } }
      variants(first: 5) { nodes { id inventoryItem { id inventoryLevels(first: 1) { nodes { quantities(names: ["available", "on_hand"]) { name quantity } } } } } }
    }
    userErrors { field message code }
  }
}`;

describe('what a new product looks like', () => {
  it("takes the store's name as vendor when none is given, and keeps one that is", async () => {
    const { body: shopBody } = await admin(devstore, shop, '{ shop { name } }');
    const without = await admin(devstore, shop, SET, { input: { title: 'No brand' } });
    const blank = await admin(
      devstore,
      shop,
      'mutation { productCreate(product: { title: "Blank brand", vendor: " " }) { product { vendor } } }',
    );
    const given = await admin(devstore, shop, SET, { input: { title: 'Branded', vendor: 'Atelier' } });
    expect(without.body.data.productSet.product.vendor).toBe(shopBody.data.shop.name);
    expect(blank.body.data.productCreate.product.vendor).toBe(shopBody.data.shop.name);
    expect(given.body.data.productSet.product.vendor).toBe('Atelier');
  });

  it('answers tags sorted, whatever order they were given in', async () => {
    const { body } = await admin(devstore, shop, SET, {
      input: { title: 'Tagged', tags: ['wool', 'Autumn', 'blue', 'autumn'] },
    });
    expect(body.data.productSet.product.tags).toEqual(['Autumn', 'blue', 'wool']);
  });

  it('sets on_hand with the available quantity it is created with', async () => {
    const { body } = await admin(devstore, shop, SET, {
      input: {
        title: 'Stocked',
        productOptions: [{ name: 'Size', values: [{ name: 'S' }] }],
        variants: [
          {
            optionValues: [{ optionName: 'Size', name: 'S' }],
            inventoryQuantities: [{ locationId, name: 'available', quantity: 7 }],
          },
        ],
      },
    });
    expect(body.data.productSet.product.variants.nodes[0].inventoryItem.inventoryLevels.nodes[0].quantities).toEqual([
      { name: 'available', quantity: 7 },
      { name: 'on_hand', quantity: 7 },
    ]);
  });

  it('lists in `values` only the option values variants use; optionValues say which have variants', async () => {
    const created = await admin(
      devstore,
      shop,
      `mutation { productCreate(product: { title: "Mug", productOptions: [{ name: "Color", values: [{ name: "Red" }, { name: "Green" }] }] }) {
      product { options { name values optionValues { name hasVariants } } } } }`,
    );
    expect(created.body.data.productCreate.product.options).toEqual([
      {
        name: 'Color',
        values: ['Red'],
        optionValues: [
          { name: 'Red', hasVariants: true },
          { name: 'Green', hasVariants: false },
        ],
      },
    ]);
    const set = await admin(devstore, shop, SET, {
      input: {
        title: 'Cap',
        productOptions: [{ name: 'Size', values: [{ name: 'S' }, { name: 'M' }, { name: 'L' }] }],
        variants: [{ optionValues: [{ optionName: 'Size', name: 'M' }] }],
      },
    });
    expect(set.body.data.productSet.product.options).toEqual([
      {
        name: 'Size',
        values: ['M'],
        optionValues: [
          { name: 'S', hasVariants: false },
          { name: 'M', hasVariants: true },
          { name: 'L', hasVariants: false },
        ],
      },
    ]);
  });
});

describe('productVariantsBulkCreate and productVariantsBulkUpdate answers', () => {
  const CREATE = `mutation($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
    productVariantsBulkCreate(productId: $productId, variants: $variants) { productVariants { id } userErrors { field message code } }
  }`;
  const UPDATE = `mutation($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
    productVariantsBulkUpdate(productId: $productId, variants: $variants) { productVariants { id } userErrors { field message code } }
  }`;
  let productId: string;

  beforeAll(async () => {
    const { body } = await admin(devstore, shop, SET, {
      input: {
        title: 'Sweater',
        productOptions: [
          { name: 'Color', values: [{ name: 'Navy' }] },
          { name: 'Size', values: [{ name: 'S' }] },
        ],
        variants: [
          {
            optionValues: [
              { optionName: 'Color', name: 'Navy' },
              { optionName: 'Size', name: 'S' },
            ],
          },
        ],
      },
    });
    productId = body.data.productSet.product.id;
  });

  it('answers INVALID_INPUT for an option the product does not have or one given twice, NEED_TO_ADD_OPTION_VALUES for one left out', async () => {
    const unknown = await admin(devstore, shop, CREATE, {
      productId,
      variants: [
        {
          optionValues: [
            { optionName: 'Color', name: 'Red' },
            { optionName: 'Fabric', name: 'Wool' },
          ],
        },
      ],
    });
    const twice = await admin(devstore, shop, CREATE, {
      productId,
      variants: [
        {
          optionValues: [
            { optionName: 'Color', name: 'Red' },
            { optionName: 'Color', name: 'Blue' },
            { optionName: 'Size', name: 'M' },
          ],
        },
      ],
    });
    const missing = await admin(devstore, shop, CREATE, {
      productId,
      variants: [{ optionValues: [{ optionName: 'Color', name: 'Red' }] }],
    });
    expect(unknown.body.data.productVariantsBulkCreate).toEqual({
      productVariants: [],
      userErrors: [
        expect.objectContaining({ field: ['variants', '0', 'optionValues', '1', 'optionName'], code: 'INVALID_INPUT' }),
      ],
    });
    expect(twice.body.data.productVariantsBulkCreate.userErrors).toEqual([
      expect.objectContaining({ field: ['variants', '0', 'optionValues', '1', 'optionName'], code: 'INVALID_INPUT' }),
    ]);
    expect(missing.body.data.productVariantsBulkCreate.userErrors).toEqual([
      expect.objectContaining({ field: ['variants', '0', 'optionValues'], code: 'NEED_TO_ADD_OPTION_VALUES' }),
    ]);
  });

  it('answers TRACKED_VARIANT_LOCATION_NOT_FOUND (not a server error) for stock at a location the shop does not have', async () => {
    const other = await createShop(devstore);
    const foreign = (await admin(devstore, other, '{ locations(first: 1) { nodes { id } } }')).body.data.locations
      .nodes[0].id;
    for (const location of ['gid://shopify/Location/999999999', foreign]) {
      const { status, body } = await admin(devstore, shop, CREATE, {
        productId,
        variants: [
          {
            optionValues: [
              { optionName: 'Color', name: 'Teal' },
              { optionName: 'Size', name: 'S' },
            ],
            inventoryQuantities: [{ locationId: location, availableQuantity: 3 }],
          },
        ],
      });
      expect(status).toBe(200);
      expect(body.data.productVariantsBulkCreate).toEqual({
        productVariants: [],
        userErrors: [
          {
            field: ['variants', '0', 'inventoryQuantities', '0', 'locationId'],
            message: 'Quantity could not be set. The location was not found.',
            code: 'TRACKED_VARIANT_LOCATION_NOT_FOUND',
          },
        ],
      });
    }
    const stocked = await admin(
      devstore,
      shop,
      CREATE.replace(
        'productVariants { id }',
        'productVariants { inventoryItem { inventoryLevels(first: 1) { nodes { quantities(names: ["available", "on_hand"]) { quantity } } } } }',
      ),
      {
        productId,
        variants: [
          {
            optionValues: [
              { optionName: 'Color', name: 'Teal' },
              { optionName: 'Size', name: 'S' },
            ],
            inventoryQuantities: [{ locationId, availableQuantity: 3 }],
          },
        ],
      },
    );
    expect(
      stocked.body.data.productVariantsBulkCreate.productVariants[0].inventoryItem.inventoryLevels.nodes[0].quantities,
    ).toEqual([{ quantity: 3 }, { quantity: 3 }]);
  });

  it('refuses variant media (mediaSrc, mediaId) as not implemented rather than dropping it', async () => {
    const created = await admin(devstore, shop, CREATE, {
      productId,
      variants: [
        {
          optionValues: [
            { optionName: 'Color', name: 'Ochre' },
            { optionName: 'Size', name: 'S' },
          ],
          mediaSrc: ['https://example.com/ochre.png'],
        },
      ],
    });
    expect(created.body.errors[0]).toMatchObject({
      message: 'variant media (mediaId, mediaSrc) is not implemented by devstore',
      extensions: { code: 'NOT_IMPLEMENTED_BY_DEVSTORE' },
    });
    const updated = await admin(devstore, shop, UPDATE, {
      productId,
      variants: [{ id: 'gid://shopify/ProductVariant/1', mediaId: 'gid://shopify/MediaImage/1' }],
    });
    expect(updated.body.errors[0].extensions.code).toBe('NOT_IMPLEMENTED_BY_DEVSTORE');
  });

  it('answers an empty list, not null, beside userErrors, and refuses an empty update', async () => {
    const unknownVariant = await admin(devstore, shop, UPDATE, {
      productId,
      variants: [{ id: 'gid://shopify/ProductVariant/1', price: '1.00' }],
    });
    expect(unknownVariant.body.data.productVariantsBulkUpdate.productVariants).toEqual([]);
    const empty = await admin(devstore, shop, UPDATE, { productId, variants: [] });
    expect(empty.body.data.productVariantsBulkUpdate).toEqual({
      productVariants: [],
      userErrors: [{ field: ['variants'], message: 'At least one variant must be given.', code: 'INVALID_INPUT' }],
    });
  });
});

describe('productUpdate by identifier', () => {
  const UPDATE =
    'mutation($identifier: ProductUpdateIdentifiers, $product: ProductUpdateInput) { productUpdate(identifier: $identifier, product: $product) { product { title vendor } userErrors { field message } } }';

  it('finds the product by id, handle or custom ID (ProductUpdateIdentifiers), and says when none matches', async () => {
    await admin(
      devstore,
      shop,
      'mutation { metafieldDefinitionCreate(definition: { name: "Source id", namespace: "custom", key: "source_id", type: "id", ownerType: PRODUCT }) { userErrors { code } } }',
    );
    const created = await admin(devstore, shop, SET, {
      input: {
        title: 'Linen Shirt',
        handle: 'linen-shirt',
        metafields: [{ namespace: 'custom', key: 'source_id', type: 'id', value: 'woo-7' }],
      },
    });
    const id = created.body.data.productSet.product.id;
    expect(
      (await admin(devstore, shop, UPDATE, { identifier: { id }, product: { title: 'Linen Shirt II' } })).body.data
        .productUpdate,
    ).toEqual({ product: { title: 'Linen Shirt II', vendor: expect.any(String) }, userErrors: [] });
    expect(
      (await admin(devstore, shop, UPDATE, { identifier: { handle: 'linen-shirt' }, product: { vendor: 'Loom' } })).body
        .data.productUpdate.product,
    ).toEqual({ title: 'Linen Shirt II', vendor: 'Loom' });
    expect(
      (
        await admin(devstore, shop, UPDATE, {
          identifier: { customId: { namespace: 'custom', key: 'source_id', value: 'woo-7' } },
          product: { vendor: 'Weave' },
        })
      ).body.data.productUpdate.product,
    ).toEqual({ title: 'Linen Shirt II', vendor: 'Weave' });
    expect(
      (await admin(devstore, shop, UPDATE, { identifier: { handle: 'no-such-shirt' }, product: { vendor: 'X' } })).body
        .data.productUpdate,
    ).toEqual({ product: null, userErrors: [{ field: ['id'], message: 'Product does not exist' }] });
  });
});
