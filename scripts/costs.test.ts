// npm run costs prints one line per document Shipyard sends, each priced by devstore, and the points
// a product costs as the bench writes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../devstore/server.ts';
import { type TestShop, createShop, startTestDevstore } from '../devstore/testing.ts';
import { productSetCost } from '../app/shopify-admin/costs.server.ts';
import { formatDocumentCosts, measureDocumentCosts, typicalProduct } from './document-costs.ts';
import { toProductSetVariables } from '../app/pipeline/entities/products/input.server.ts';

let devstore: Devstore;
let shop: TestShop;
beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore, { plan: 'Plus' });
});
afterAll(() => devstore.stop());

describe('npm run costs', () => {
  it('prints a line per document with its requested and actual cost, then points per product', async () => {
    const costs = await measureDocumentCosts(devstore, shop);
    const operations = new Set(costs.map((cost) => cost.operation));
    for (const operation of [
      'MigrateProduct',
      'MigrateCollectionCreate',
      'MigrateCustomer',
      'MigrateCustomerMetafields',
      'MigrateOrder',
      'MigratePageCreate',
      'MigrateArticleCreate',
      'MigrateDiscountCode',
      'MigrateProductReviews',
      'MigrateRedirect',
      'VerifyProduct',
    ])
      expect(operations).toContain(operation);
    for (const cost of costs) {
      expect(cost.requested).toBeGreaterThan(0);
      expect(cost.actual).toBeLessThanOrEqual(cost.requested);
    }
    const printed = formatDocumentCosts(costs).split('\n');
    for (const cost of costs)
      expect(printed.some((line) => line.startsWith(cost.operation) && line.includes(cost.purpose))).toBe(true);
    const product = costs.find((cost) => cost.operation === 'MigrateProduct');
    const context = {
      platform: 'woocommerce',
      locationId: 'gid://shopify/Location/1',
      collectionIds: new Map([['15', 'gid://shopify/Collection/1']]),
      collectionParents: new Map<string, string | null>([['15', null]]),
      unreachableImages: new Set<string>(),
      handlesLeftToShopify: new Set<string>(),
    };
    // What the budget reserves for the bench's product is what devstore charged for it.
    expect(product?.requested).toBe(productSetCost(toProductSetVariables(typicalProduct('101'), context, null)));
    expect(printed).toContain(
      `points per product as the bench writes it (productSet; publishing goes by bulk operation): ${product?.requested}`,
    );
  });
});
