import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;
let locationId: string;

const PRODUCT_SET = `#graphql
  mutation SetProduct($input: ProductSetInput!, $identifier: ProductSetIdentifiers) {
    productSet(input: $input, identifier: $identifier, synchronous: true) {
      product {
        id handle title status tags vendor descriptionHtml
        seo { title description }
        options { name position optionValues { name } }
        variants(first: 10) { nodes { id title sku price compareAtPrice selectedOptions { name value } inventoryQuantity } }
        media(first: 5) { nodes { alt mediaContentType status } }
        metafield(namespace: "custom", key: "material") { type value }
      }
      userErrors { field message code }
    }
  }`;

function shirt(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Linen Shirt',
    descriptionHtml: '<p>Breathes.</p>',
    vendor: 'Atelier',
    status: 'ACTIVE',
    tags: ['summer', 'linen', 'summer'],
    seo: { title: 'Linen shirt', description: 'A shirt of linen' },
    productOptions: [{ name: 'Size', values: [{ name: 'S' }, { name: 'M' }, { name: 'L' }] }],
    variants: [
      {
        optionValues: [{ optionName: 'Size', name: 'S' }],
        price: '49.00',
        sku: 'LS-S',
        inventoryQuantities: [{ locationId, name: 'available', quantity: 5 }],
      },
      { optionValues: [{ optionName: 'Size', name: 'M' }], price: '49.00', sku: 'LS-M' },
      { optionValues: [{ optionName: 'Size', name: 'L' }], price: '52.00', compareAtPrice: '60.00', sku: 'LS-L' },
    ],
    files: [
      { originalSource: 'https://cdn.example.com/shirt-front.jpg', alt: 'Front', contentType: 'IMAGE' },
      { originalSource: 'https://cdn.example.com/shirt-back.jpg', alt: 'Back', contentType: 'IMAGE' },
    ],
    metafields: [{ namespace: 'custom', key: 'material', type: 'single_line_text_field', value: 'Linen' }],
    ...overrides,
  };
}

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
  const { body } = await admin(devstore, shop, '{ locations(first: 1) { nodes { id name } } }');
  locationId = body.data.locations.nodes[0].id;
});
afterAll(() => devstore.stop());

describe('productSet (synchronous)', () => {
  it('creates a product with options, variants, files, SEO, metafields and tags (sorted, as Shopify answers them)', async () => {
    const { body } = await admin(devstore, shop, PRODUCT_SET, { input: shirt() });
    expect(body.errors).toBeUndefined();
    const { product, userErrors } = body.data.productSet;
    expect(userErrors).toEqual([]);
    expect(product).toMatchObject({
      handle: 'linen-shirt',
      title: 'Linen Shirt',
      status: 'ACTIVE',
      vendor: 'Atelier',
      tags: ['linen', 'summer'],
      seo: { title: 'Linen shirt', description: 'A shirt of linen' },
      options: [{ name: 'Size', position: 1, optionValues: [{ name: 'S' }, { name: 'M' }, { name: 'L' }] }],
      // Media are fetched after the answer, so they start UPLOADED (files.test.ts follows them to READY).
      media: {
        nodes: [
          { alt: 'Front', mediaContentType: 'IMAGE', status: 'UPLOADED' },
          { alt: 'Back', mediaContentType: 'IMAGE', status: 'UPLOADED' },
        ],
      },
      metafield: { type: 'single_line_text_field', value: 'Linen' },
    });
    expect(product.id).toMatch(/^gid:\/\/shopify\/Product\/\d+$/);
    expect(
      product.variants.nodes.map((variant: { title: string; price: string; sku: string }) => [
        variant.title,
        variant.price,
        variant.sku,
      ]),
    ).toEqual([
      ['S', '49.00', 'LS-S'],
      ['M', '49.00', 'LS-M'],
      ['L', '52.00', 'LS-L'],
    ]);
    expect(product.variants.nodes[0].inventoryQuantity).toBe(5);
    expect(product.variants.nodes[2].compareAtPrice).toBe('60.00');
  });

  it('costs 10 + 0.2 per variant + 1.9 per product file + 0.4 per product metafield, rounded up', async () => {
    const { body } = await admin(devstore, shop, PRODUCT_SET, { input: shirt({ title: 'Costed Shirt' }) });
    // 10 + 3 × 0.2 + 2 × 1.9 + 1 × 0.4 = 14.8 → 15, plus what the product read back holds (the
    // product itself is part of the price): seo, options and their optionValues, the metafield (1
    // each), variants(first: 10) at 2 per variant (the variant and its selectedOptions) and
    // media(first: 5) at 1 per item.
    expect(body.extensions.cost.requestedQueryCost).toBe(15 + 4 + (2 + 10 * 2) + (2 + 5 * 1));
  });

  it('de-duplicates a generated handle the way Shopify does: -1, -2', async () => {
    const first = await admin(devstore, shop, PRODUCT_SET, { input: { title: 'Twin Tee' } });
    const second = await admin(devstore, shop, PRODUCT_SET, { input: { title: 'Twin Tee' } });
    const third = await admin(devstore, shop, PRODUCT_SET, { input: { title: 'Twin Tee' } });
    expect([first, second, third].map((response) => response.body.data.productSet.product.handle)).toEqual([
      'twin-tee',
      'twin-tee-1',
      'twin-tee-2',
    ]);
  });

  it('gives a product without options the default "Title" option and one variant', async () => {
    const { body } = await admin(devstore, shop, PRODUCT_SET, { input: { title: 'Gift Wrap' } });
    expect(body.data.productSet.product.options).toEqual([
      { name: 'Title', position: 1, optionValues: [{ name: 'Default Title' }] },
    ]);
    expect(body.data.productSet.product.variants.nodes).toHaveLength(1);
    expect(body.data.productSet.product.variants.nodes[0].title).toBe('Default Title');
  });

  it('upserts by handle identifier: the second call updates, keeps variant ids, and replaces list fields', async () => {
    const identifier = { handle: 'upsert-me' };
    const created = await admin(devstore, shop, PRODUCT_SET, { identifier, input: shirt({ title: 'Upsert Me' }) });
    const before = created.body.data.productSet.product;
    const updated = await admin(devstore, shop, PRODUCT_SET, {
      identifier,
      input: shirt({
        title: 'Upsert Me Again',
        productOptions: [{ name: 'Size', values: [{ name: 'S' }, { name: 'M' }] }],
        variants: [
          { optionValues: [{ optionName: 'Size', name: 'S' }], price: '45.00' },
          { optionValues: [{ optionName: 'Size', name: 'M' }], price: '45.00' },
        ],
      }),
    });
    const after = updated.body.data.productSet.product;
    expect(after.id).toBe(before.id);
    expect(after.handle).toBe('upsert-me');
    expect(after.title).toBe('Upsert Me Again');
    expect(after.variants.nodes.map((variant: { id: string }) => variant.id)).toEqual(
      before.variants.nodes.slice(0, 2).map((variant: { id: string }) => variant.id),
    );
    expect(after.variants.nodes.map((variant: { price: string }) => variant.price)).toEqual(['45.00', '45.00']);
  });

  it('refuses more than 3 options with OPTIONS_OVER_LIMIT', async () => {
    const options = ['A', 'B', 'C', 'D'].map((name) => ({ name, values: [{ name: '1' }] }));
    const { body } = await admin(devstore, shop, PRODUCT_SET, {
      input: {
        title: 'Too many options',
        productOptions: options,
        variants: [{ optionValues: options.map((option) => ({ optionName: option.name, name: '1' })) }],
      },
    });
    expect(body.data.productSet.product).toBeNull();
    expect(body.data.productSet.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'productOptions'], code: 'OPTIONS_OVER_LIMIT' }),
    ]);
  });

  it('refuses a handle already in use with HANDLE_NOT_UNIQUE', async () => {
    await admin(devstore, shop, PRODUCT_SET, { input: { title: 'Taken', handle: 'taken-handle' } });
    const { body } = await admin(devstore, shop, PRODUCT_SET, { input: { title: 'Other', handle: 'taken-handle' } });
    expect(body.data.productSet.userErrors).toEqual([
      {
        field: ['input', 'handle'],
        message: "Handle 'taken-handle' already in use. Please provide a new handle.",
        code: 'HANDLE_NOT_UNIQUE',
      },
    ]);
  });

  it('refuses a variant naming an option value the product does not have', async () => {
    const { body } = await admin(devstore, shop, PRODUCT_SET, {
      input: {
        title: 'Bad variant',
        productOptions: [{ name: 'Size', values: [{ name: 'S' }] }],
        variants: [{ optionValues: [{ optionName: 'Size', name: 'XL' }] }],
      },
    });
    expect(body.data.productSet.userErrors[0]).toMatchObject({
      field: ['input', 'variants', '0', 'optionValues', '0', 'name'],
      code: 'OPTION_VALUE_DOES_NOT_EXIST',
    });
  });

  it('refuses variants without productOptions on create (PRODUCT_OPTIONS_INPUT_MISSING)', async () => {
    const { body } = await admin(devstore, shop, PRODUCT_SET, {
      input: { title: 'No options', variants: [{ optionValues: [{ optionName: 'Size', name: 'S' }] }] },
    });
    expect(body.data.productSet.userErrors[0].code).toBe('PRODUCT_OPTIONS_INPUT_MISSING');
  });

  it('answers NOT_FOUND for an identifier id that does not exist', async () => {
    const { body } = await admin(devstore, shop, PRODUCT_SET, {
      identifier: { id: 'gid://shopify/Product/999999999' },
      input: { title: 'Ghost' },
    });
    expect(body.data.productSet.userErrors).toEqual([
      { field: ['identifier', 'id'], message: 'Resource matching the identifier was not found.', code: 'NOT_FOUND' },
    ]);
  });

  it('rejects an input array over 250 items before running, as Shopify does', async () => {
    const tags = Array.from({ length: 251 }, (_, index) => `tag-${index}`);
    const { body } = await admin(devstore, shop, PRODUCT_SET, { input: { title: 'Tag heavy', tags } });
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message: 'The input array size of 251 is greater than the maximum allowed of 250.',
        path: ['productSet', 'input', 'tags'],
        extensions: { code: 'MAX_INPUT_SIZE_EXCEEDED' },
      },
    ]);
  });

  it('allows up to 2,048 variants and refuses the 2,049th', async () => {
    const values = Array.from({ length: 2048 }, (_, index) => ({ name: `v${index}` }));
    const variants = values.map((value) => ({ optionValues: [{ optionName: 'Number', name: value.name }] }));
    const query =
      'mutation($input: ProductSetInput!) { productSet(input: $input) { product { variantsCount { count } } userErrors { code } } }';
    const full = await admin(devstore, shop, query, {
      input: { title: 'Huge', productOptions: [{ name: 'Number', values }], variants },
    });
    expect(full.body.data.productSet).toEqual({ product: { variantsCount: { count: 2048 } }, userErrors: [] });
    const { body } = await admin(devstore, shop, query, {
      input: { title: 'Too huge', productOptions: [{ name: 'Number', values }], variants: [...variants, variants[0]] },
    });
    expect(body.errors[0]).toMatchObject({
      message: 'The input array size of 2049 is greater than the maximum allowed of 2048.',
      path: ['productSet', 'input', 'variants'],
    });
  });

  it('lists the variants in the positions they were given, on create and on update (Product.variants sorts by POSITION)', async () => {
    const sized = (order: string[]) =>
      order.map((size) => ({
        optionValues: [{ optionName: 'Size', name: size }],
        price: '49.00',
        sku: `POS-${size}`,
        position: ['S', 'M', 'L'].indexOf(size) + 1,
      }));
    const read = (body: {
      data: { productSet: { product: { variants: { nodes: { id: string; sku: string }[] } } } };
    }) => body.data.productSet.product.variants.nodes;
    const created = await admin(devstore, shop, PRODUCT_SET, {
      input: shirt({ title: 'Placed shirt', variants: sized(['L', 'S', 'M']), files: [] }),
    });
    expect(created.body.data.productSet.userErrors).toEqual([]);
    expect(read(created.body).map((variant) => variant.sku)).toEqual(['POS-S', 'POS-M', 'POS-L']);

    // The same variants (matched by their options) in new positions: same ids, in the new order.
    const reordered = sized(['S', 'M', 'L']).map((variant) => ({
      ...variant,
      position: { S: 3, M: 1, L: 2 }[variant.optionValues[0]?.name as 'S' | 'M' | 'L'],
    }));
    const updated = await admin(devstore, shop, PRODUCT_SET, {
      input: shirt({ title: 'Placed shirt', variants: reordered, files: [] }),
      identifier: { id: created.body.data.productSet.product.id },
    });
    expect(updated.body.data.productSet.userErrors).toEqual([]);
    expect(read(updated.body).map((variant) => variant.sku)).toEqual(['POS-M', 'POS-L', 'POS-S']);
    const idOf = (nodes: { id: string; sku: string }[], sku: string) => nodes.find((node) => node.sku === sku)?.id;
    for (const sku of ['POS-S', 'POS-M', 'POS-L'])
      expect(idOf(read(updated.body), sku)).toBe(idOf(read(created.body), sku));

    const { body } = await admin(
      devstore,
      shop,
      'query ($id: ID!) { product(id: $id) { variants(first: 3, sortKey: SKU) { nodes { id } } } }',
      { id: created.body.data.productSet.product.id },
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_IMPLEMENTED_BY_DEVSTORE');
  });
});
