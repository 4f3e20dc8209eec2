// The product transform, checked field by field and against Shopify's own input types: the
// variables must be valid for the MigrateProduct mutation in the pinned Admin schema.
import { type OperationDefinitionNode, getVariableValues, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { Product } from '../../../../connectors/model.ts';
import { loadAdminSchema } from '../../../../admin-api/schema.ts';
import { toProductSetVariables } from './input.server.ts';
import { PRODUCT_SET } from '../../../shopify-admin/graphql/products.ts';

const schema = loadAdminSchema();
const operation = parse(PRODUCT_SET).definitions[0] as OperationDefinitionNode;

function assertValidForShopify(variables: unknown) {
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], variables as Record<string, unknown>);
  expect(result.errors?.map((error) => error.message) ?? []).toEqual([]);
}

const context = {
  platform: 'woocommerce',
  locationId: 'gid://shopify/Location/1',
  collectionIds: new Map([
    ['cat-9', 'gid://shopify/Collection/99'],
    ['cat-1', 'gid://shopify/Collection/11'],
  ]),
  collectionParents: new Map<string, string | null>([
    ['cat-9', 'cat-1'],
    ['cat-1', null],
  ]),
  unreachableImages: new Set(['https://old.example.com/wp-content/uploads/gone.jpg']),
  handlesLeftToShopify: new Set(['43']),
};

const hoodie = Product.parse({
  sourceId: '42',
  sourceType: 'variable',
  title: 'Harbour Hoodie',
  handle: 'harbour-hoodie',
  descriptionHtml: '<p>Warm.</p>',
  status: 'active',
  tags: ['winter'],
  vendor: 'North Sails',
  options: [
    { name: 'Size', values: ['S', 'M'] },
    { name: 'Colour', values: ['Navy'] },
    { name: 'Fit', values: ['Regular'] },
    { name: 'Lining', values: ['Fleece'] },
  ],
  variants: [
    {
      sourceId: '42-1',
      sku: 'HH-S',
      price: '40.00',
      compareAtPrice: '55.00',
      optionValues: [
        { option: 'Size', value: 'S' },
        { option: 'Colour', value: 'Navy' },
        { option: 'Fit', value: 'Regular' },
        { option: 'Lining', value: 'Fleece' },
      ],
      inventoryQuantity: 7,
      weight: { value: 0.6, unit: 'kg' },
      imageSourceId: 'img-1',
    },
    {
      sourceId: '42-2',
      sku: null,
      price: '55.00',
      compareAtPrice: null,
      optionValues: [
        { option: 'Size', value: 'M' },
        { option: 'Colour', value: 'Navy' },
        { option: 'Fit', value: 'Regular' },
      ],
      inventoryQuantity: null,
      continueSellingWhenOutOfStock: true,
    },
  ],
  images: [
    {
      sourceId: 'img-1',
      url: 'https://old.example.com/wp-content/uploads/hoodie.jpg',
      alt: 'Navy hoodie',
      position: 0,
    },
    { sourceId: 'img-2', url: 'https://old.example.com/wp-content/uploads/gone.jpg', alt: '', position: 1 },
  ],
  collectionSourceIds: ['cat-9', 'cat-missing'],
  seo: { title: 'Harbour Hoodie | North Sails', description: null },
});

describe('product → productSet', () => {
  const { input } = toProductSetVariables(hoodie, context, null);
  const variants = input.variants as Record<string, unknown>[];

  it('produces variables Shopify’s schema accepts', () => {
    assertValidForShopify(toProductSetVariables(hoodie, context, null));
    assertValidForShopify(toProductSetVariables(hoodie, context, 'gid://shopify/Product/1'));
  });

  it('finds the product by its source reference unless the id map already knows it', () => {
    const fresh = toProductSetVariables(hoodie, context, null);
    expect(fresh.identifier).toEqual({
      customId: { namespace: 'shipyard', key: 'source_reference', value: 'woocommerce:42' },
    });
    expect(fresh.input.metafields).toContainEqual({
      namespace: 'shipyard',
      key: 'source_reference',
      type: 'id',
      value: 'woocommerce:42',
    });
    expect(toProductSetVariables(hoodie, context, 'gid://shopify/Product/1').identifier).toEqual({
      id: 'gid://shopify/Product/1',
    });
  });

  it('keeps three options and carries the fourth as a variant metafield', () => {
    expect(input.productOptions).toEqual([
      { name: 'Size', position: 1, values: [{ name: 'S' }, { name: 'M' }] },
      { name: 'Colour', position: 2, values: [{ name: 'Navy' }] },
      { name: 'Fit', position: 3, values: [{ name: 'Regular' }] },
    ]);
    expect(variants[0]?.metafields).toEqual([
      { namespace: 'shipyard', key: 'option_lining', type: 'single_line_text_field', value: 'Fleece' },
    ]);
    expect(variants[1]?.metafields).toBeUndefined();
  });

  it('maps sale price, stock, backorders, weight and the variant image', () => {
    expect(variants[0]).toMatchObject({
      price: '40.00',
      compareAtPrice: '55.00',
      sku: 'HH-S',
      inventoryPolicy: 'DENY',
      inventoryItem: {
        tracked: true,
        requiresShipping: true,
        measurement: { weight: { value: 0.6, unit: 'KILOGRAMS' } },
      },
      inventoryQuantities: [{ locationId: 'gid://shopify/Location/1', name: 'available', quantity: 7 }],
      file: { originalSource: 'https://old.example.com/wp-content/uploads/hoodie.jpg', contentType: 'IMAGE' },
    });
    expect(variants[1]).toMatchObject({
      price: '55.00',
      inventoryPolicy: 'CONTINUE',
      inventoryItem: { tracked: false },
    });
    expect(variants[1]).not.toHaveProperty('compareAtPrice');
    expect(variants[1]).not.toHaveProperty('inventoryQuantities');
    expect(variants[1]).not.toHaveProperty('sku');
  });

  it('leaves out unreachable images, keeps alt text, SEO and known collections with their parents', () => {
    expect(input.files).toEqual([
      {
        originalSource: 'https://old.example.com/wp-content/uploads/hoodie.jpg',
        alt: 'Navy hoodie',
        contentType: 'IMAGE',
      },
    ]);
    expect(input.seo).toEqual({ title: 'Harbour Hoodie | North Sails' });
    expect(input.collections).toEqual(['gid://shopify/Collection/99', 'gid://shopify/Collection/11']);
    expect(input).toMatchObject({
      title: 'Harbour Hoodie',
      handle: 'harbour-hoodie',
      status: 'ACTIVE',
      vendor: 'North Sails',
      tags: ['winter'],
    });
  });

  it('gives a product without variations Shopify’s default option, and lets Shopify make an invalid handle', () => {
    const mug = Product.parse({
      sourceId: '7',
      sourceType: 'simple',
      title: 'Mug',
      handle: 'Mug!',
      status: 'draft',
      options: [],
      variants: [{ sourceId: '7', sku: 'MUG', price: '12', optionValues: [], inventoryQuantity: 0 }],
    });
    const variables = toProductSetVariables(mug, context, null);
    assertValidForShopify(variables);
    expect(variables.input).not.toHaveProperty('handle');
    expect(variables.input.productOptions).toEqual([
      { name: 'Title', position: 1, values: [{ name: 'Default Title' }] },
    ]);
    expect((variables.input.variants as Record<string, unknown>[])[0]?.optionValues).toEqual([
      { optionName: 'Title', name: 'Default Title' },
    ]);
  });

  it('joins the attributes beyond the second into the third option when the first three do not tell variants apart', () => {
    const shirt = Product.parse({
      sourceId: '50',
      sourceType: 'variable',
      title: 'Deck Shirt',
      handle: 'deck-shirt',
      status: 'active',
      options: [
        { name: 'Colour', values: ['White'] },
        { name: 'Size', values: ['M'] },
        { name: 'Material', values: ['Cotton', 'Linen'] },
        { name: 'Style', values: ['Plain', 'Striped'] },
      ],
      variants: [
        {
          sourceId: '50-1',
          sku: 'DS-1',
          price: '30',
          inventoryQuantity: 1,
          optionValues: [
            { option: 'Colour', value: 'White' },
            { option: 'Size', value: 'M' },
            { option: 'Material', value: 'Cotton' },
            { option: 'Style', value: 'Plain' },
          ],
        },
        {
          sourceId: '50-2',
          sku: 'DS-2',
          price: '32',
          inventoryQuantity: 1,
          optionValues: [
            { option: 'Colour', value: 'White' },
            { option: 'Size', value: 'M' },
            { option: 'Material', value: 'Cotton' },
            { option: 'Style', value: 'Striped' },
          ],
        },
        {
          sourceId: '50-3',
          sku: 'DS-3',
          price: '34',
          inventoryQuantity: 1,
          optionValues: [
            { option: 'Colour', value: 'White' },
            { option: 'Size', value: 'M' },
            { option: 'Material', value: 'Linen' },
            { option: 'Style', value: 'Plain' },
          ],
        },
      ],
    });
    const variables = toProductSetVariables(shirt, context, null);
    assertValidForShopify(variables);
    expect(variables.input.productOptions).toEqual([
      { name: 'Colour', position: 1, values: [{ name: 'White' }] },
      { name: 'Size', position: 2, values: [{ name: 'M' }] },
      {
        name: 'Material / Style',
        position: 3,
        values: [{ name: 'Cotton / Plain' }, { name: 'Cotton / Striped' }, { name: 'Linen / Plain' }],
      },
    ]);
    const sent = variables.input.variants as {
      optionValues: { optionName: string; name: string }[];
      metafields?: unknown[];
    }[];
    expect(sent.map((variant) => variant.optionValues.at(-1))).toEqual([
      { optionName: 'Material / Style', name: 'Cotton / Plain' },
      { optionName: 'Material / Style', name: 'Cotton / Striped' },
      { optionName: 'Material / Style', name: 'Linen / Plain' },
    ]);
    expect(sent[1]?.metafields).toEqual([
      { namespace: 'shipyard', key: 'option_style', type: 'single_line_text_field', value: 'Striped' },
    ]);
  });

  it('keeps a unicode slug as the handle: Shopify handles are UTF-8', () => {
    const tasse = Product.parse({ ...hoodie, sourceId: '44', title: 'Tasse « Café » 東京', handle: '東京-cafe-tasse' });
    const variables = toProductSetVariables(tasse, context, null);
    assertValidForShopify(variables);
    expect(variables.input).toHaveProperty('handle', '東京-cafe-tasse');
  });

  it('leaves the handle to Shopify for a product whose slug an earlier product already has', () => {
    const twin = Product.parse({ ...hoodie, sourceId: '43', title: 'Harbour Hoodie (kids)' });
    expect(toProductSetVariables(twin, context, null).input).not.toHaveProperty('handle');
    expect(toProductSetVariables(hoodie, context, null).input).toHaveProperty('handle', 'harbour-hoodie');
  });
});

describe('products Shopify cannot sell as the old store did (decision 0025)', () => {
  const base = {
    sourceType: 'simple',
    handle: 'x',
    status: 'active' as const,
    options: [],
    images: [],
    variants: [
      { sourceId: '1', sku: 'X', price: '9.00', optionValues: [], inventoryQuantity: null, requiresShipping: false },
    ],
  };
  const affiliate = Product.parse({
    ...base,
    sourceId: '70',
    title: 'Partner Bicycle',
    tags: ['bikes'],
    soldElsewhere: { url: 'https://partner.example/bicycle', buttonText: 'Buy at our partner' },
  });
  const pattern = Product.parse({
    ...base,
    sourceId: '71',
    title: 'Knitting Pattern',
    downloads: [{ name: 'Pattern', url: 'https://old.example.com/wp-content/uploads/woocommerce_uploads/pattern.pdf' }],
  });

  it('an external product moves as a draft, tagged, its link and button text in metafields', () => {
    const variables = toProductSetVariables(affiliate, context, null);
    assertValidForShopify(variables);
    expect(variables.input).toMatchObject({ status: 'DRAFT', tags: ['bikes', 'external-product'] });
    expect(variables.input.metafields).toEqual(
      expect.arrayContaining([
        { namespace: 'shipyard', key: 'external_url', type: 'url', value: 'https://partner.example/bicycle' },
        { namespace: 'shipyard', key: 'button_text', type: 'single_line_text_field', value: 'Buy at our partner' },
      ]),
    );
  });

  it('a link Shopify’s url type would refuse is kept as text', () => {
    const odd = Product.parse({ ...affiliate, soldElsewhere: { url: 'partner.example/bicycle', buttonText: 'Buy' } });
    expect(toProductSetVariables(odd, context, null).input.metafields).toContainEqual({
      namespace: 'shipyard',
      key: 'external_url',
      type: 'single_line_text_field',
      value: 'partner.example/bicycle',
    });
  });

  it('a downloadable product stays as it was, tagged, with the links (not the files) in a metafield', () => {
    const variables = toProductSetVariables(pattern, context, null);
    assertValidForShopify(variables);
    expect(variables.input).toMatchObject({ status: 'ACTIVE', tags: ['downloadable'] });
    expect(variables.input.metafields).toContainEqual({
      namespace: 'shipyard',
      key: 'downloads',
      type: 'json',
      value: JSON.stringify(pattern.downloads),
    });
  });
});
