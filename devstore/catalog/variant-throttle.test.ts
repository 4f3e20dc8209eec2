import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProducts } from '../seed.ts';
import type { Devstore } from '../server.ts';
import { admin, control, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;

beforeAll(async () => {
  devstore = await startTestDevstore();
});
afterAll(() => devstore.stop());

const SET =
  'mutation($input: ProductSetInput!) { productSet(input: $input) { product { id variantsCount { count } } userErrors { code } } }';
const COUNT = 'query($limit: Int) { productVariantsCount(limit: $limit) { count precision } }';

/** productSet input for a product with `count` variants of one option. */
function productWith(title: string, count: number) {
  const values = Array.from({ length: count }, (_, index) => ({ name: `v${index + 1}` }));
  return {
    title,
    productOptions: [{ name: 'Number', values }],
    variants: values.map((value) => ({ optionValues: [{ optionName: 'Number', name: value.name }] })),
  };
}

const THROTTLED = {
  message: 'Daily variant creation limit reached. Please try again later.',
  path: ['productSet'],
  extensions: expect.objectContaining({ code: 'VARIANT_THROTTLE_EXCEEDED' }),
};

/** Moves the shop's recorded variant creations a day into the past, as if a day had gone by. */
async function aDayLater(shop: TestShop): Promise<void> {
  await devstore.pool.query(
    "UPDATE devstore.variant_creations SET created_at = created_at - interval '1 day' WHERE shop = $1",
    [shop.domain],
  );
}

describe('productVariantsCount', () => {
  it("counts the shop's variants, with those a large shop is configured to hold, up to the limit asked for", async () => {
    const shop = await createShop(devstore, { extraVariants: 12_000 });
    await admin(devstore, shop, SET, { input: productWith('Counted', 3) });
    expect((await admin(devstore, shop, COUNT, {})).body.data.productVariantsCount).toEqual({
      count: 10_000,
      precision: 'AT_LEAST',
    });
    expect((await admin(devstore, shop, COUNT, { limit: null })).body.data.productVariantsCount).toEqual({
      count: 12_003,
      precision: 'EXACT',
    });
  });
});

describe('the variant-creation throttle of a store past 50,000 variants', () => {
  it('lets a store configured that large create 1,000 new variants in a rolling day, and refuses what would pass them', async () => {
    const shop = await createShop(devstore);
    expect((await control(devstore, 'PATCH', `/shops/${shop.domain}`, { extraVariants: 50_000 })).body).toMatchObject({
      extraVariants: 50_000,
    });
    const big = await admin(devstore, shop, SET, { input: productWith('Nearly a day', 997) });
    expect(big.body.data.productSet.userErrors).toEqual([]);
    const refused = await admin(devstore, shop, SET, { input: productWith('One too many', 4) });
    expect(refused.status).toBe(200);
    expect(refused.body.data).toEqual({ productSet: null });
    expect(refused.body.errors).toEqual([expect.objectContaining(THROTTLED)]);
    expect(
      (await admin(devstore, shop, '{ products(first: 5, query: "title:\'One too many\'") { nodes { id } } }')).body
        .data.products.nodes,
    ).toEqual([]);
    // Exactly the thousandth goes through; the next, by any mutation, does not.
    expect(
      (await admin(devstore, shop, SET, { input: productWith('The last three', 3) })).body.data.productSet.product
        .variantsCount.count,
    ).toBe(3);
    const created = await admin(
      devstore,
      shop,
      'mutation { productCreate(product: { title: "Default variant" }) { product { id } } }',
    );
    expect(created.body.errors).toEqual([expect.objectContaining({ ...THROTTLED, path: ['productCreate'] })]);
    const bulk = await admin(
      devstore,
      shop,
      'mutation($id: ID!) { productVariantsBulkCreate(productId: $id, variants: [{ optionValues: [{ optionName: "Number", name: "v998" }] }]) { productVariants { id } } }',
      { id: big.body.data.productSet.product.id },
    );
    expect(bulk.body.errors).toEqual([expect.objectContaining({ ...THROTTLED, path: ['productVariantsBulkCreate'] })]);
    // Changing variants that exist creates none.
    const productId = big.body.data.productSet.product.id;
    const updated = await admin(
      devstore,
      shop,
      'mutation($input: ProductSetInput!, $id: ProductSetIdentifiers) { productSet(input: $input, identifier: $id) { userErrors { code } } }',
      { input: { ...productWith('Nearly a day', 997), vendor: 'Renamed' }, id: { id: productId } },
    );
    expect(updated.body.data.productSet.userErrors).toEqual([]);

    await aDayLater(shop);
    expect(
      (await admin(devstore, shop, SET, { input: productWith('Next day', 4) })).body.data.productSet.userErrors,
    ).toEqual([]);
  });

  it('does not let two creations at once both slip under the limit', async () => {
    const shop = await createShop(devstore, { extraVariants: 50_000 });
    await admin(devstore, shop, SET, { input: productWith('Almost', 998) });
    const answers = await Promise.all(
      [1, 2, 3].map((n) => admin(devstore, shop, SET, { input: productWith(`Racer ${n}`, 2) })),
    );
    expect(answers.filter((answer) => answer.body.data.productSet?.product).length).toBe(1);
    expect(
      answers.filter((answer) => answer.body.errors?.[0]?.extensions?.code === 'VARIANT_THROTTLE_EXCEEDED').length,
    ).toBe(2);
  });

  it('applies to a store that really holds 50,000 variants, and not below that', async () => {
    const shop = await createShop(devstore);
    await seedProducts(devstore.pool, shop.domain, 16_666, 3);
    expect((await admin(devstore, shop, COUNT, { limit: null })).body.data.productVariantsCount.count).toBe(49_998);
    expect(
      (await admin(devstore, shop, SET, { input: productWith('Under the threshold', 1_500) })).body.data.productSet
        .userErrors,
    ).toEqual([]);
    // Now past 50,000, and the day's 1,500 new variants already count.
    const refused = await admin(devstore, shop, SET, { input: { title: 'Over the threshold' } });
    expect(refused.body.errors).toEqual([expect.objectContaining(THROTTLED)]);
  });

  it('does not apply where Shopify Support lifted the limit', async () => {
    const shop = await createShop(devstore, { extraVariants: 60_000, variantLimitLifted: true });
    expect(
      (await admin(devstore, shop, SET, { input: productWith('Unlimited', 1_200) })).body.data.productSet.userErrors,
    ).toEqual([]);
  });
});
