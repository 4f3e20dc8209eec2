import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProducts } from '../seed.ts';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type Answer, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
  await seedProducts(devstore.pool, shop.domain, 30, 2);
});
afterAll(() => devstore.stop());

const PAGE = `query Page($first: Int, $last: Int, $after: String, $before: String, $query: String, $sortKey: ProductSortKeys, $reverse: Boolean) {
  products(first: $first, last: $last, after: $after, before: $before, query: $query, sortKey: $sortKey, reverse: $reverse) {
    edges { cursor node { handle } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

const handles = (body: Answer): string[] =>
  body.data.products.edges.map((edge: { node: { handle: string } }) => edge.node.handle);

describe('products query', () => {
  it('pages forward with cursors and pageInfo, in id order', async () => {
    const first = await admin(devstore, shop, PAGE, { first: 12 });
    expect(handles(first.body)).toEqual(Array.from({ length: 12 }, (_, index) => `seeded-${index + 1}`));
    expect(first.body.data.products.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await admin(devstore, shop, PAGE, { first: 12, after: first.body.data.products.pageInfo.endCursor });
    expect(handles(second.body)[0]).toBe('seeded-13');
    const third = await admin(devstore, shop, PAGE, { first: 12, after: second.body.data.products.pageInfo.endCursor });
    expect(handles(third.body)).toHaveLength(6);
    expect(third.body.data.products.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('pages backwards with last/before', async () => {
    const last = await admin(devstore, shop, PAGE, { last: 3 });
    expect(handles(last.body)).toEqual(['seeded-28', 'seeded-29', 'seeded-30']);
    const before = await admin(devstore, shop, PAGE, { last: 2, before: last.body.data.products.pageInfo.startCursor });
    expect(handles(before.body)).toEqual(['seeded-26', 'seeded-27']);
    expect(before.body.data.products.pageInfo.hasNextPage).toBe(true);
  });

  it('sorts by title and reverses', async () => {
    const { body } = await admin(devstore, shop, PAGE, { first: 2, sortKey: 'TITLE', reverse: true });
    expect(handles(body)).toEqual(['seeded-9', 'seeded-8']);
    const next = await admin(devstore, shop, PAGE, {
      first: 2,
      sortKey: 'TITLE',
      reverse: true,
      after: body.data.products.pageInfo.endCursor,
    });
    expect(handles(next.body)).toEqual(['seeded-7', 'seeded-6']);
  });

  it('filters by handle, sku, tag and updated_at', async () => {
    expect(handles((await admin(devstore, shop, PAGE, { first: 5, query: 'handle:seeded-7' })).body)).toEqual([
      'seeded-7',
    ]);
    expect(handles((await admin(devstore, shop, PAGE, { first: 5, query: 'sku:seeded-9-2' })).body)).toEqual([
      'seeded-9',
    ]);
    expect(handles((await admin(devstore, shop, PAGE, { first: 5, query: 'tag:batch-3' })).body)).toEqual(['seeded-3']);
    expect(
      handles((await admin(devstore, shop, PAGE, { first: 50, query: 'tag:seeded -tag:batch-3' })).body),
    ).toHaveLength(29);
    expect(handles((await admin(devstore, shop, PAGE, { first: 5, query: 'updated_at:>2999-01-01' })).body)).toEqual(
      [],
    );
    expect(
      handles((await admin(devstore, shop, PAGE, { first: 50, query: 'updated_at:>2000-01-01T00:00:00Z' })).body),
    ).toHaveLength(30);
  });

  it('requires first or last, as Shopify does', async () => {
    const { body } = await admin(devstore, shop, '{ products { nodes { id } } }');
    expect(body.errors[0].message).toBe('you must provide one of first or last');
  });

  it('finds a product by handle and by identifier', async () => {
    const { body } = await admin(
      devstore,
      shop,
      '{ productByHandle(handle: "seeded-4") { title } productByIdentifier(identifier: { handle: "seeded-5" }) { title } }',
    );
    expect(body.data).toEqual({
      productByHandle: { title: 'Seeded product 4' },
      productByIdentifier: { title: 'Seeded product 5' },
    });
  });
});

describe('productCreate, productUpdate, productDelete', () => {
  const CREATE = `mutation Create($product: ProductCreateInput!, $media: [CreateMediaInput!]) {
    productCreate(product: $product, media: $media) { product { id handle title variants(first: 5) { nodes { title } } media(first: 2) { nodes { alt } } } userErrors { field message } }
  }`;

  it('creates a product with its default variant and media', async () => {
    const { body } = await admin(devstore, shop, CREATE, {
      product: { title: 'Canvas Tote' },
      media: [{ originalSource: 'https://cdn.example.com/tote.jpg', alt: 'Tote', mediaContentType: 'IMAGE' }],
    });
    expect(body.data.productCreate).toMatchObject({
      product: {
        handle: 'canvas-tote',
        title: 'Canvas Tote',
        variants: { nodes: [{ title: 'Default Title' }] },
        media: { nodes: [{ alt: 'Tote' }] },
      },
      userErrors: [],
    });
  });

  it("answers Title can't be blank", async () => {
    const { body } = await admin(devstore, shop, CREATE, { product: { title: ' ' } });
    expect(body.data.productCreate).toEqual({
      product: null,
      userErrors: [{ field: ['title'], message: "Title can't be blank" }],
    });
  });

  it('updates fields and refuses an unknown product', async () => {
    const created = await admin(devstore, shop, CREATE, { product: { title: 'Old Name' } });
    const id = created.body.data.productCreate.product.id;
    const update =
      'mutation Update($product: ProductUpdateInput!) { productUpdate(product: $product) { product { title tags status } userErrors { field message } } }';
    const { body } = await admin(devstore, shop, update, {
      product: { id, title: 'New Name', tags: ['a', 'b'], status: 'DRAFT' },
    });
    expect(body.data.productUpdate).toEqual({
      product: { title: 'New Name', tags: ['a', 'b'], status: 'DRAFT' },
      userErrors: [],
    });
    const missing = await admin(devstore, shop, update, { product: { id: 'gid://shopify/Product/1', title: 'x' } });
    expect(missing.body.data.productUpdate).toEqual({
      product: null,
      userErrors: [{ field: ['id'], message: 'Product does not exist' }],
    });
  });

  it('deletes a product', async () => {
    const created = await admin(devstore, shop, CREATE, { product: { title: 'Short lived' } });
    const id = created.body.data.productCreate.product.id;
    const del =
      'mutation Delete($id: ID!) { productDelete(input: { id: $id }) { deletedProductId userErrors { field message } } }';
    expect((await admin(devstore, shop, del, { id })).body.data.productDelete).toEqual({
      deletedProductId: id,
      userErrors: [],
    });
    expect((await admin(devstore, shop, del, { id })).body.data.productDelete).toEqual({
      deletedProductId: null,
      userErrors: [{ field: ['id'], message: 'Product does not exist' }],
    });
    expect(
      (await admin(devstore, shop, 'query($id: ID!) { product(id: $id) { id } }', { id })).body.data.product,
    ).toBeNull();
  });
});

describe('productVariantsBulkCreate and productVariantsBulkUpdate', () => {
  it('replaces the default variant with new ones, then updates a price', async () => {
    const created = await admin(
      devstore,
      shop,
      'mutation { productCreate(product: { title: "Mug" }) { product { id } } }',
    );
    const productId = created.body.data.productCreate.product.id;
    const bulkCreate = `mutation($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
      productVariantsBulkCreate(productId: $productId, variants: $variants) {
        product { options { name values } } productVariants { id title price } userErrors { field message code }
      }
    }`;
    const { body } = await admin(devstore, shop, bulkCreate, {
      productId,
      variants: [
        { optionValues: [{ optionName: 'Color', name: 'White' }], price: '12.00' },
        { optionValues: [{ optionName: 'Color', name: 'Black' }], price: '14.00' },
      ],
    });
    expect(body.data.productVariantsBulkCreate.userErrors).toEqual([]);
    expect(body.data.productVariantsBulkCreate.product.options).toEqual([
      { name: 'Color', values: ['White', 'Black'] },
    ]);
    const [white] = body.data.productVariantsBulkCreate.productVariants;
    expect(white).toMatchObject({ title: 'White', price: '12.00' });

    const again = await admin(devstore, shop, bulkCreate, {
      productId,
      variants: [{ optionValues: [{ optionName: 'Color', name: 'White' }], price: '1.00' }],
    });
    expect(again.body.data.productVariantsBulkCreate.userErrors).toEqual([
      { field: ['variants', '0'], message: "The variant 'White' already exists.", code: 'VARIANT_ALREADY_EXISTS' },
    ]);

    const bulkUpdate = `mutation($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
      productVariantsBulkUpdate(productId: $productId, variants: $variants) { productVariants { id price } userErrors { field message code } }
    }`;
    const updated = await admin(devstore, shop, bulkUpdate, {
      productId,
      variants: [{ id: white.id, price: '13.50' }],
    });
    expect(updated.body.data.productVariantsBulkUpdate).toEqual({
      productVariants: [{ id: white.id, price: '13.50' }],
      userErrors: [],
    });
    const missing = await admin(devstore, shop, bulkUpdate, {
      productId,
      variants: [{ id: 'gid://shopify/ProductVariant/1', price: '1.00' }],
    });
    expect(missing.body.data.productVariantsBulkUpdate.userErrors[0]).toMatchObject({
      code: 'PRODUCT_VARIANT_DOES_NOT_EXIST',
      field: ['variants', '0', 'id'],
    });
  });

  it('answers PRODUCT_DOES_NOT_EXIST for an unknown product', async () => {
    const { body } = await admin(
      devstore,
      shop,
      'mutation { productVariantsBulkCreate(productId: "gid://shopify/Product/1", variants: [{ price: "1.00" }]) { userErrors { field message code } } }',
    );
    expect(body.data.productVariantsBulkCreate.userErrors).toEqual([
      { field: ['productId'], message: 'Product does not exist', code: 'PRODUCT_DOES_NOT_EXIST' },
    ]);
  });
});

describe('cursors', () => {
  // Shopify's cursors are base64 of {"last_id": <a number>, "last_value": "<the sort value>"}.
  const shopifyCursor = (body: unknown) => Buffer.from(JSON.stringify(body)).toString('base64');

  it("issues cursors in Shopify's shape and takes one Shopify issued, sorted by id or by title", async () => {
    const first = await admin(devstore, shop, PAGE, { first: 2 });
    const issued = JSON.parse(Buffer.from(first.body.data.products.pageInfo.endCursor, 'base64').toString('utf8'));
    expect(issued).toEqual({ last_id: expect.any(Number), last_value: String(issued.last_id) });
    const byId = await admin(devstore, shop, PAGE, {
      first: 2,
      after: shopifyCursor({ last_id: issued.last_id, last_value: String(issued.last_id) }),
    });
    expect(handles(byId.body)).toEqual(['seeded-3', 'seeded-4']);
    const seeded9 = (await admin(devstore, shop, '{ productByHandle(handle: "seeded-9") { legacyResourceId } }')).body
      .data.productByHandle.legacyResourceId;
    const byTitle = await admin(devstore, shop, PAGE, {
      first: 2,
      sortKey: 'TITLE',
      reverse: true,
      after: shopifyCursor({ last_id: Number(seeded9), last_value: 'Seeded product 9' }),
    });
    expect(handles(byTitle.body)).toEqual(['seeded-8', 'seeded-7']);
  });

  it('answers a cursor it cannot read as a bad request, never a server error', async () => {
    for (const [after, sortKey] of [
      ['not-a-cursor', 'ID'],
      [shopifyCursor({ last_id: 5 }), 'TITLE'],
      [shopifyCursor({ last_id: 'x', last_value: 'y' }), 'ID'],
      [shopifyCursor({ last_id: 5, last_value: 'soon' }), 'UPDATED_AT'],
    ]) {
      const { status, body } = await admin(devstore, shop, PAGE, { first: 2, after, sortKey });
      expect(status).toBe(200);
      expect(body.errors[0]).toMatchObject({
        message: 'Invalid cursor for current pagination sort.',
        extensions: { code: 'BAD_REQUEST' },
      });
    }
  });
});
