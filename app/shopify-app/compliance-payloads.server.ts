// The bodies of Shopify's compliance webhooks, as documented at
// https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance
import { z } from 'zod';

const Customer = z.object({
  id: z.number().int(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
});

export const CustomersRedact = z.object({
  shop_id: z.number().int(),
  shop_domain: z.string(),
  customer: Customer,
  orders_to_redact: z.array(z.number().int()).default([]),
});

export const CustomersDataRequest = z.object({
  shop_id: z.number().int(),
  shop_domain: z.string(),
  customer: Customer,
  orders_requested: z.array(z.number().int()).default([]),
  data_request: z.object({ id: z.union([z.number(), z.string()]) }).optional(),
});

export const ShopRedact = z.object({
  shop_id: z.number().int(),
  shop_domain: z.string(),
});
