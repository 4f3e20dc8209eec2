// The points the budget reserves for a productSet are what Shopify charges for it (devstore applies
// Shopify's documented cost rules): a small product and one with many variants, files and metafields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Product } from '../../../../connectors/model.ts';
import type { Devstore } from '../../../../devstore/server.ts';
import { type TestShop, admin, createShop, startTestDevstore } from '../../../../devstore/testing.ts';
import { toProductSetVariables } from './input.server.ts';
import { PRODUCT_SET } from '../../../shopify-admin/graphql/products.ts';
import { productSetCost } from '../../../shopify-admin/costs.server.ts';

let devstore: Devstore;
let shop: TestShop;
beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore, { plan: 'Plus' });
});
afterAll(() => devstore.stop());

const context = {
  platform: 'woocommerce',
  locationId: 'gid://shopify/Location/1',
  collectionIds: new Map<string, string>(),
  collectionParents: new Map<string, string | null>(),
  unreachableImages: new Set<string>(),
  handlesLeftToShopify: new Set<string>(),
};

function product(sourceId: string, variantCount: number, imageCount: number) {
  const sizes = Array.from({ length: variantCount }, (_, index) => `Size ${index + 1}`);
  const images = Array.from({ length: imageCount }, (_, index) => ({
    sourceId: `${sourceId}-img-${index}`,
    url: `https://old.example.com/${sourceId}-${index}.jpg`,
    alt: '',
    position: index,
  }));
  return Product.parse({
    sourceId,
    sourceType: 'variable',
    title: `Product ${sourceId}`,
    handle: `product-${sourceId}`,
    status: 'active',
    options: [{ name: 'Size', values: sizes }],
    variants: sizes.map((size, index) => ({
      sourceId: `${sourceId}-${index}`,
      sku: `${sourceId}-${index}`,
      price: '10.00',
      optionValues: [{ option: 'Size', value: size }],
      inventoryQuantity: 1,
      imageSourceId: images[index % Math.max(1, imageCount)]?.sourceId ?? null,
    })),
    images,
    attributes: [{ name: 'Material', value: 'Wool' }],
  });
}

describe('productSet cost', () => {
  it.each([
    ['a product with 3 variants and 2 images', product('1', 3, 2)],
    ['a product with 120 variants and 6 images', product('2', 120, 6)],
    ['a product with 250 variants, each with its own image', product('3', 250, 250)],
    ['a product with 600 variants, each with an image, read back as far as 1,000 points allow', product('4', 600, 250)],
  ])('is reserved as Shopify charges it: %s', async (_name, record) => {
    const variables = toProductSetVariables(record, context, null);
    const { body } = await admin(devstore, shop, PRODUCT_SET, { ...variables });
    expect(body.errors).toBeUndefined();
    expect(body.extensions.cost.requestedQueryCost).toBe(productSetCost(variables));
  });

  it('reads back only as many variants as keep the call within Shopify’s 1,000 points', () => {
    const variables = toProductSetVariables(product('4', 600, 250), context, null);
    // ceil(10 + 600 × 0.2 + 600 variant files × 0.6 + 2 metafields × 0.4 + 250 files × 1.9) = 966: room for 32 variants (1 each) after the connection's 2.
    expect(variables.variantCount).toBe(32);
    expect(productSetCost(variables)).toBe(1000);
    // 250 variants each with its own image (686) read all 250 back: a page, 938 points in all.
    const pageful = toProductSetVariables(product('3', 250, 250), context, null);
    expect(pageful.variantCount).toBe(250);
    expect(productSetCost(pageful)).toBe(938);
    expect(toProductSetVariables(product('5', 120, 6), context, null).variantCount).toBe(120);
  });
});
