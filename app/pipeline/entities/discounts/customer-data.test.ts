// A re-run updating a code an earlier run made for chosen customers, after Shopify took the app's
// customer data approval back: Shopify refuses to show the code's customers every time, so the code
// is kept with the reason and the batch goes on, instead of the job being retried again and again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Discount } from '../../../../connectors/model.ts';
import type { Devstore } from '../../../../devstore/server.ts';
import { admin, control, createShop, startTestDevstore } from '../../../../devstore/testing.ts';
import { db } from '../../../db/db.server.ts';
import { createAdminClient } from '../../../shopify-admin/client.server.ts';
import { contentHash } from '../../staging/records.server.ts';
import { loadDiscountBatch } from './write.server.ts';

let devstore: Devstore;
beforeAll(async () => {
  devstore = await startTestDevstore();
});
afterAll(() => devstore.stop());

describe('a code for chosen customers when customer data access was taken back', () => {
  it('keeps the code with Shopify’s refusal and goes on, without retrying', async () => {
    const shop = await createShop(devstore, { devStore: false });
    const customer = (
      await admin(devstore, shop, 'mutation { customerSet(input: { email: "ada@example.com" }) { customer { id } } }')
    ).body.data.customerSet.customer.id as string;
    const created = await admin(
      devstore,
      shop,
      `mutation Make($customer: ID!) { discountCodeBasicCreate(basicCodeDiscount: {
         title: "VIP", code: "VIP10", startsAt: "2026-01-01T00:00:00Z", context: { customers: { add: [$customer] } },
         customerGets: { value: { percentage: 0.1 }, items: { all: true } } }) { codeDiscountNode { id } userErrors { message } } }`,
      { customer },
    );
    const codeId = created.body.data.discountCodeBasicCreate.codeDiscountNode.id as string;

    const migrationId = (
      await db().migration.create({
        data: {
          shop: shop.domain,
          sourcePlatform: 'woocommerce',
          status: 'running',
          phase: 'loading',
          entities: ['discounts'],
        },
      })
    ).id;
    // The coupon changed at the source since the earlier run: open to everyone now, so the code is updated.
    const coupon = Discount.parse({
      sourceId: '5',
      code: 'VIP10',
      sourceType: 'percent',
      value: { kind: 'percentage', percent: 10 },
    });
    await db().sourceRecord.create({
      data: {
        shop: shop.domain,
        migrationId,
        entity: 'discounts',
        sourceId: '5',
        status: 'staged',
        data: coupon as object,
        contentHash: contentHash(coupon),
      },
    });
    await db().idMapEntry.create({
      data: {
        shop: shop.domain,
        platform: 'woocommerce',
        entity: 'discounts',
        sourceId: '5',
        shopifyGid: codeId,
        handle: 'VIP10',
        contentHash: 'before',
        createdBy: migrationId,
      },
    });
    await control(devstore, 'PATCH', `/shops/${shop.domain}`, { protectedCustomerData: { approved: 'none' } });

    const writer = {
      client: createAdminClient({
        shop: shop.domain,
        accessToken: shop.accessToken,
        endpoint: devstore.url,
        headers: { 'X-Devstore-Shop': shop.domain },
      }),
      platform: 'woocommerce',
      locationId: 'gid://shopify/Location/1',
      concurrency: 2,
    };
    expect(await loadDiscountBatch(migrationId, null, writer)).toMatchObject({ written: 0, failed: 1 });
    const record = await db().sourceRecord.findFirstOrThrow({ where: { migrationId, entity: 'discounts' } });
    expect(record.status).toBe('failed');
    expect(record.reason).toMatch(
      /^Shopify refused to show the customers the code an earlier run made is limited to \(.*not approved to access the Customer object.*\); it stays in Shopify as it was\.$/,
    );
  });
});
