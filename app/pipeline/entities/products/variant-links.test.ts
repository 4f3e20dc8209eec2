// Each source variant is linked to its Shopify variant by place: Shipyard sends every variant with
// its position and reads back only the ids, which come in position order (decision 0036). The links
// must be the variants with the source's option values, on the first run and on a re-sync whose
// variants were reordered, added and removed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Product } from '../../../../connectors/model.ts';
import type { Devstore } from '../../../../devstore/server.ts';
import { type TestShop, admin, createShop, startTestDevstore } from '../../../../devstore/testing.ts';
import { db } from '../../../db/db.server.ts';
import { ENSURE_SOURCE_REFERENCE_DEFINITION } from '../../../shopify-admin/graphql/metafields.ts';
import { PRODUCT_SET, type ProductSetData } from '../../../shopify-admin/graphql/products.ts';
import { sourceReferenceDefinition } from '../../../shopify-admin/metafield-definitions.server.ts';
import { toProductSetVariables } from './input.server.ts';
import { recordVariants } from './write.server.ts';

let devstore: Devstore;
let shop: TestShop;
let locationId: string;
beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore, { plan: 'Plus' });
  const { body } = await admin(devstore, shop, '{ locations(first: 1) { nodes { id } } }');
  locationId = body.data.locations.nodes[0].id;
  // Shipyard defines its source reference on every shop before writing (metafield-definitions.server.ts).
  await admin(devstore, shop, ENSURE_SOURCE_REFERENCE_DEFINITION, sourceReferenceDefinition('PRODUCT'));
});
afterAll(() => devstore.stop());

function shirt(variants: [colour: string, size: string][]) {
  return Product.parse({
    sourceId: '300',
    sourceType: 'variable',
    title: 'Shirt',
    handle: 'shirt',
    status: 'active',
    options: [
      { name: 'Colour', values: [...new Set(variants.map(([colour]) => colour))] },
      { name: 'Size', values: [...new Set(variants.map(([, size]) => size))] },
    ],
    variants: variants.map(([colour, size]) => ({
      sourceId: `300-${colour}-${size}`,
      sku: `SH-${colour}-${size}`,
      price: '20.00',
      inventoryQuantity: 3,
      optionValues: [
        { option: 'Colour', value: colour },
        { option: 'Size', value: size },
      ],
    })),
  });
}

/** Writes the product as the load does and keeps the variant links; answers each link's option values as Shopify has them. */
async function writeAndLink(variants: [string, string][], existingId: string | null) {
  const record = shirt(variants);
  const variables = toProductSetVariables(
    record,
    {
      platform: 'woocommerce',
      locationId,
      collectionIds: new Map(),
      collectionParents: new Map(),
      unreachableImages: new Set(),
      handlesLeftToShopify: new Set(),
    },
    existingId,
  );
  const { body } = await admin(devstore, shop, PRODUCT_SET, { ...variables });
  const { product, userErrors } = (body.data as ProductSetData).productSet;
  expect(userErrors).toEqual([]);
  if (!product) throw new Error('no product');
  await recordVariants(shop.domain, 'woocommerce', record, variables, product.variants.nodes);

  const links = await db().idMapEntry.findMany({ where: { shop: shop.domain, entity: 'variants' } });
  const { body: read } = await admin(
    devstore,
    shop,
    'query ($id: ID!) { product(id: $id) { variants(first: 10) { nodes { id selectedOptions { name value } } } } }',
    { id: product.id },
  );
  const optionsOf = new Map<string, string>(
    read.data.product.variants.nodes.map((variant: { id: string; selectedOptions: { value: string }[] }) => [
      variant.id,
      variant.selectedOptions.map((option) => option.value).join('-'),
    ]),
  );
  const linked = Object.fromEntries(
    record.variants.map((variant) => [
      variant.sourceId,
      optionsOf.get(links.find((link) => link.sourceId === variant.sourceId)?.shopifyGid ?? ''),
    ]),
  );
  return { productId: product.id, linked };
}

describe('variant links by position', () => {
  it('links each source variant to the Shopify variant with its options, first run and re-sync', async () => {
    const first = await writeAndLink(
      [
        ['Navy', 'S'],
        ['Navy', 'M'],
        ['Sand', 'S'],
        ['Sand', 'M'],
      ],
      null,
    );
    expect(first.linked).toEqual({
      '300-Navy-S': 'Navy-S',
      '300-Navy-M': 'Navy-M',
      '300-Sand-S': 'Sand-S',
      '300-Sand-M': 'Sand-M',
    });

    // On the old store since: reordered, Navy M gone, Sand L new.
    const again = await writeAndLink(
      [
        ['Sand', 'M'],
        ['Sand', 'L'],
        ['Navy', 'S'],
        ['Sand', 'S'],
      ],
      first.productId,
    );
    expect(again.productId).toBe(first.productId);
    expect(again.linked).toEqual({
      '300-Sand-M': 'Sand-M',
      '300-Sand-L': 'Sand-L',
      '300-Navy-S': 'Navy-S',
      '300-Sand-S': 'Sand-S',
    });
  });
});
