// Reads the store's name, plan, currency and time zone from the Admin API and keeps them on the
// Shop row: the plan decides the API's rate limits, which the migration planner needs.
import { z } from 'zod';
import { db } from '../db/db.server.ts';
import { SHOP_DETAILS_QUERY } from '../shopify-admin/graphql/shop.ts';

const ShopDetailsResponse = z.object({
  data: z.object({
    shop: z.object({
      name: z.string(),
      currencyCode: z.string(),
      ianaTimezone: z.string(),
      plan: z.object({ publicDisplayName: z.string(), partnerDevelopment: z.boolean(), shopifyPlus: z.boolean() }),
    }),
  }),
});

/** Sends a document and resolves to Shopify's response body ({ data, errors, extensions }). */
export type RunQuery = (document: string) => Promise<unknown>;

export async function refreshShopDetails(run: RunQuery, shop: string): Promise<void> {
  const body = await run(SHOP_DETAILS_QUERY);
  const parsed = ShopDetailsResponse.safeParse(body);
  if (!parsed.success) {
    throw new Error(`ShopDetails for ${shop} returned an unexpected body: ${JSON.stringify(body).slice(0, 500)}`);
  }
  const { name, currencyCode, ianaTimezone, plan } = parsed.data.data.shop;
  await db().shop.update({
    where: { shop },
    data: {
      name,
      currencyCode,
      ianaTimezone,
      planName: plan.publicDisplayName,
      partnerDevelopment: plan.partnerDevelopment,
      shopifyPlus: plan.shopifyPlus,
    },
  });
}

/** The shop's currency as last read from Shopify (null before the first read). */
export async function shopCurrency(shop: string): Promise<string | null> {
  const record = await db().shop.findUnique({ where: { shop }, select: { currencyCode: true } });
  return record?.currencyCode ?? null;
}
