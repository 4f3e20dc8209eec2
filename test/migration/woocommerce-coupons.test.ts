// WooCommerce coupons as a real store has them → Shopify (devstore), end to end: a coupon is never
// made broader than it was (decision 0024). Excluded products and excluded categories (a product in
// an excluded category and in another is left out, as WooCommerce does) become the products that
// moved less those; excluded sale items, maximum spend, an item limit, a fixed cart coupon's
// exclusions and an excluded single variation keep the coupon back with the reason, said by the
// analysis and the dry run before anything is written. With "Create broader discount codes" chosen,
// a second run makes them, each with a warning, and brings a changed exclusion list and a changed
// category up to date (an update adds to a code's items: those no longer covered are taken off).
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/db/db.server.ts';
import { dryRunView, startDryRun } from '../../app/pipeline/steps/dry-run.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, startTestDevstore } from '../../devstore/testing.ts';
import { seedCatalog } from '../../connectors/woocommerce/fake/catalog.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { productId, variationId } from '../../connectors/woocommerce/fake/store.ts';
import { approveMigration, installedShop, migrate, startTestWorker, untilSettled } from './harness.ts';

const ENTITIES = ['collections', 'products', 'discounts'] as const;
const PRODUCTS = 6;
const KEPT_BACK = {
  7103: 'cart-but-mugs',
  7104: 'full-price-only',
  7105: 'spend-100-to-500',
  7106: 'two-items',
  7107: 'not-this-size',
} as const;

let woo: WooCommerceTestServer;
let devstore: Devstore;
let shop: TestShop;
let runner: Runner;
let migrationId: string;
/** The merchant's edits in wp-admin between the runs. */
const couponEdits: Record<number, Record<string, unknown>> = {};

function seeded() {
  const catalog = seedCatalog({
    products: PRODUCTS,
    awkward: false,
    variationsPerProduct: 2,
    imagesPerProduct: 1,
    categories: 11,
    customers: 0,
    orders: 0,
    coupons: 0,
    realCoupons: true,
    reviews: 0,
    pages: 0,
    posts: 0,
  });
  // Product 3 is in Mugs & Cups and also in Dresses (under Clothing): "no-clothing" must leave it out.
  const dresses = catalog.categories().find((category) => category.slug === 'dresses');
  const own = catalog.productAt(3).product.categories;
  if (!dresses || own.some((category) => category.id === dresses.id))
    throw new Error('the seeded store changed: product 3 should not be in Dresses yet');
  catalog.editProduct(productId(3), {
    categories: [...own, { id: dresses.id, name: dresses.name, slug: dresses.slug }],
  });
  const couponAt = catalog.couponAt;
  catalog.couponAt = (index) => ({ ...couponAt(index), ...couponEdits[index] });
  return catalog;
}

const CODE = `query Code($code: String!) {
  codeDiscountNodeByCode(code: $code) {
    id
    codeDiscount {
      ... on DiscountCodeBasic {
        minimumRequirement { ... on DiscountMinimumSubtotal { greaterThanOrEqualToSubtotal { amount } } }
        customerGets {
          value { ... on DiscountPercentage { percentage } ... on DiscountAmount { amount { amount } appliesOnEachItem } }
          items { ... on AllDiscountItems { allItems } ... on DiscountProducts { products(first: 50) { nodes { id } } } ... on DiscountCollections { collections(first: 50) { nodes { id } } } }
        }
      }
    }
  }
}`;

async function code(name: string) {
  const { body } = await admin(devstore, shop, CODE, { code: name });
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data.codeDiscountNodeByCode;
}
const itemsOf = async (name: string) => (await code(name)).codeDiscount.customerGets.items;
const productsOf = async (name: string) =>
  ((await itemsOf(name)).products.nodes as { id: string }[]).map((node) => node.id).sort();
const links = async (entity: string) =>
  new Map(
    (await db().idMapEntry.findMany({ where: { shop: shop.domain, entity } })).map((entry) => [
      entry.sourceId,
      entry.shopifyGid,
    ]),
  );
const record = (sourceId: string, id = migrationId) =>
  db().sourceRecord.findUniqueOrThrow({
    where: { migrationId_entity_sourceId: { migrationId: id, entity: 'discounts', sourceId } },
  });
const problems = async (id: string, sourceId: string) =>
  (
    await db().migrationProblem.findMany({
      where: { migrationId: id, entity: 'discounts', sourceId },
      orderBy: { id: 'asc' },
    })
  ).map((problem) => ({ code: problem.code, message: problem.message }));

/** The Shopify products for these WooCommerce products, sorted as the code lists them. */
async function shopifyProducts(indexes: number[]): Promise<string[]> {
  const products = await links('products');
  return indexes.map((index) => products.get(String(productId(index))) ?? `missing ${index}`).sort();
}

/** Products 1–6 not in Clothing or any category under it, from the store's own categories. */
function outsideClothing(): number[] {
  const categories = woo.catalog.categories();
  const parentOf = new Map(categories.map((category) => [category.id, category.parent]));
  const clothing = categories.find((category) => category.slug === 'clothing')?.id;
  const underClothing = (id: number): boolean =>
    id === clothing || (parentOf.get(id) ? underClothing(parentOf.get(id) as number) : false);
  return Array.from({ length: PRODUCTS }, (_, index) => index + 1).filter(
    (index) => !woo.catalog.productAt(index).product.categories.some((category) => underClothing(category.id)),
  );
}

async function untilDryRunDone(id: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const view = await dryRunView(shop.domain, id);
    if (view?.status === 'done') return view;
    if (Date.now() > deadline) throw new Error(`dry run still ${view?.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  woo = await startWooCommerceServer({ catalog: seeded() });
  devstore = await startTestDevstore();
  shop = await installedShop(devstore);
  runner = await startTestWorker();
  migrationId = await migrate(woo, shop, { entities: [...ENTITIES], review: true });
  await untilSettled(migrationId, 60_000);
}, 120_000);

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

describe('before writing', () => {
  it('the analysis says which coupons will be kept back and why, and which become the products that moved less the excluded ones', async () => {
    expect((await db().migration.findUniqueOrThrow({ where: { id: migrationId } })).status).toBe('ready');
    for (const sourceId of ['7103', '7104', '7105', '7106']) {
      expect(await problems(migrationId, sourceId), sourceId).toEqual([
        { code: 'discount-kept-back', message: expect.stringMatching(/^Kept back: .*\(--broader-coupons\)/) },
      ]);
    }
    expect((await problems(migrationId, '7105'))[0]?.message).toContain(
      'Maximum spend 500.00: Shopify codes have no maximum order amount',
    );
    for (const sourceId of ['7101', '7102'])
      expect(
        (await problems(migrationId, sourceId)).map((problem) => problem.code),
        sourceId,
      ).toEqual(['discount-exclusions-as-products']);
  });

  it('the dry run refuses each coupon that would be kept back, with the reason, and passes the exact ones', async () => {
    await startDryRun(shop.domain, migrationId);
    const view = await untilDryRunDone(migrationId);
    const refused = view.refusals.filter((row) => row.entity === 'discounts');
    expect(refused.map((row) => [row.sourceId, row.name]).sort()).toEqual(Object.entries(KEPT_BACK).sort());
    expect(refused.find((row) => row.sourceId === '7107')?.reason).toContain(
      `Excludes single variations ${variationId(productId(2), 0)}`,
    );
  });
});

describe('WooCommerce coupons with restrictions, migrated', () => {
  beforeAll(async () => {
    await approveMigration(shop.domain, migrationId);
    await untilSettled(migrationId, 60_000, ['completed', 'failed', 'cancelled']);
  }, 90_000);

  it('completes: the exact coupons written, the others kept back with their reasons and no code made', async () => {
    const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
    expect([migration.status, migration.error]).toEqual(['completed', null]);
    const kitchen = woo.catalog.categories().find((category) => category.slug === 'kitchen')?.id;
    expect((await itemsOf('kitchen-only')).collections.nodes).toEqual([
      { id: (await links('collections')).get(String(kitchen)) },
    ]);
    expect((await record('7101')).status).toBe('written');
    expect((await record('7102')).status).toBe('written');
    for (const [sourceId, name] of Object.entries(KEPT_BACK)) {
      const row = await record(sourceId);
      expect([row.status, row.reason?.slice(0, 11)], name).toEqual(['failed', 'Kept back: ']);
      expect(await code(name), name).toBeNull();
    }
    expect((await record('7103')).reason).toContain(
      `Excludes products ${productId(3)}: your old store refuses this fixed cart coupon for any cart holding one of them`,
    );
    expect((await record('7104')).reason).toContain('Excludes sale items');
    expect((await record('7105')).reason).toContain('Maximum spend 500.00');
    expect((await record('7106')).reason).toContain('Discounts at most 2 items per order');
  });

  it('excluded products: the code applies to every other product that moved, and says a product added later is not in it', async () => {
    expect(await productsOf('not-these-two')).toEqual(await shopifyProducts([3, 4, 5, 6]));
    expect((await code('not-these-two')).codeDiscount.customerGets.value).toEqual({ percentage: 0.15 });
    expect(await problems(migrationId, '7101')).toContainEqual({
      code: 'discount-exclusions-as-products',
      message: expect.stringContaining('A product added to Shopify later is not in the code'),
    });
  });

  it('an excluded category: the code leaves out every product in it or under it, also one in another category besides', async () => {
    const left = outsideClothing();
    expect(left).not.toContain(3);
    expect(left.length).toBeGreaterThan(0);
    expect(await productsOf('no-clothing')).toEqual(await shopifyProducts(left));
    expect((await code('no-clothing')).codeDiscount.customerGets.value).toEqual({
      amount: { amount: '3.0' },
      appliesOnEachItem: true,
    });
  });
});

describe('with “Create broader discount codes” chosen', () => {
  let again: string;
  let before: Map<string, string>;
  beforeAll(async () => {
    before = await links('discounts');
    // The merchant also excluded product 4 from "not-these-two" since.
    couponEdits[1] = { excluded_product_ids: [productId(1), productId(2), productId(4)] };
    // And moved "kitchen-only" to Bags.
    couponEdits[8] = {
      product_categories: [woo.catalog.categories().find((category) => category.slug === 'bags')?.id],
    };
    again = await migrate(woo, shop, { entities: [...ENTITIES], broaderCoupons: true });
    await untilSettled(again, 60_000);
  }, 90_000);

  it('makes each kept-back coupon’s code, broader, with a warning that says how', async () => {
    for (const [sourceId, name] of Object.entries(KEPT_BACK)) {
      expect((await record(sourceId, again)).status, name).toBe('written');
      const warnings = (await problems(again, sourceId)).filter((problem) => problem.code === 'discount-made-broader');
      expect(warnings.length, name).toBeGreaterThan(0);
      for (const warning of warnings)
        expect(warning.message, name).toMatch(/^Made broader than the coupon, as you chose: /);
    }
    expect(await itemsOf('spend-100-to-500')).toEqual({ allItems: true });
    expect((await code('spend-100-to-500')).codeDiscount.minimumRequirement).toEqual({
      greaterThanOrEqualToSubtotal: { amount: '100.0' },
    });
    expect(
      (await problems(again, '7105')).find((problem) => problem.code === 'discount-made-broader')?.message,
    ).toContain('Maximum spend 500.00');
    expect(await itemsOf('two-items')).toEqual({ allItems: true });
    expect(await itemsOf('full-price-only')).toEqual({ allItems: true });
    // The fixed cart coupon still leaves out its excluded product; it is broader only for carts holding it.
    expect(await productsOf('cart-but-mugs')).toEqual(await shopifyProducts([1, 2, 4, 5, 6]));
    // A product chosen whole: its other variations and the excluded one alike.
    expect(await productsOf('not-this-size')).toEqual(await shopifyProducts([1, 2, 3, 4, 5, 6]));
  });

  it('brings a changed exclusion list up to date: the product excluded since is taken off the code', async () => {
    expect((await record('7101', again)).status).toBe('written');
    expect(await productsOf('not-these-two')).toEqual(await shopifyProducts([3, 5, 6]));
    // The exact code whose coupon and products did not change is left as it was: unchanged, not written again.
    const unchanged = await record('7102', again);
    expect([unchanged.status, unchanged.reason]).toEqual(['unchanged', null]);
    expect((await links('discounts')).get('7102')).toBe(before.get('7102'));
    expect(await productsOf('no-clothing')).toEqual(await shopifyProducts(outsideClothing()));
  });

  it('a coupon moved to another category: its code is for that collection only, the earlier one taken off', async () => {
    const collections = await links('collections');
    const bags = woo.catalog.categories().find((category) => category.slug === 'bags')?.id;
    expect((await itemsOf('kitchen-only')).collections.nodes).toEqual([{ id: collections.get(String(bags)) }]);
  });
});
