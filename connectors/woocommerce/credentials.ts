// What a merchant gives Shipyard to read their WooCommerce store: its address and a REST API key
// (WooCommerce → Settings → Advanced → REST API, Read access).
import { z } from 'zod';

export const WooCommerceCredentials = z.object({
  url: z
    .url({ protocol: /^https?$/, error: 'Enter your store’s address, starting with https:// (or http://)' })
    .transform((value) => value.replace(/\/+$/, '')),
  consumerKey: z.string().trim().regex(/^ck_[0-9a-f]{40}$/i, 'A consumer key starts with ck_ followed by 40 letters and digits'),
  consumerSecret: z.string().trim().regex(/^cs_[0-9a-f]{40}$/i, 'A consumer secret starts with cs_ followed by 40 letters and digits'),
});
export type WooCommerceCredentials = z.infer<typeof WooCommerceCredentials>;
