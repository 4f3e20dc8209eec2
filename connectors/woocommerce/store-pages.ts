// Which WordPress pages are WooCommerce's own (shop, cart, checkout, my account, terms) or the shop's
// policies (privacy, refund and returns), so they are not moved as the merchant's own pages.
// WooCommerce names its pages in system_status `pages`, always in this order — Shop base, Cart,
// Checkout, My account, Terms and conditions — with the page id as the option's value
// (WC_REST_System_Status_V2_Controller::get_pages; `page_name` is translated, so the order is read,
// not the name). A page left over with only the cart, checkout or account shortcode or block is one
// too. WordPress exposes no REST setting for its privacy page (wp_page_for_privacy_policy) nor
// WooCommerce for its refund page (woocommerce_refund_returns_page_id): they are known by the slugs
// WordPress and WooCommerce create them with, "privacy-policy" and "refund_returns".
import { z } from 'zod';
import type { StorePage } from '../model.ts';
import type { WooCommerceClient } from './client.ts';

const SETTING_ORDER: StorePage[] = ['shop', 'cart', 'checkout', 'my-account', 'terms'];
const StatusPages = z.object({
  pages: z.array(z.object({ page_id: z.union([z.string(), z.number()]).nullish() })).optional(),
});

/** Page id → what WooCommerce uses it for, from system_status; empty when the store does not say. */
export async function storePagesFromSettings(client: WooCommerceClient): Promise<Map<number, StorePage>> {
  const parsed = StatusPages.safeParse((await client.get('system_status')).data);
  const pages = new Map<number, StorePage>();
  (parsed.success ? (parsed.data.pages ?? []) : []).forEach((page, index) => {
    const id = Number(page.page_id);
    const role = SETTING_ORDER[index];
    if (role && Number.isInteger(id) && id > 0) pages.set(id, role);
  });
  return pages;
}

/** Content that is nothing but WooCommerce's cart, checkout or account shortcode or block (comments and empty paragraphs aside). */
const ONLY: [RegExp, StorePage][] = [
  [/^\[woocommerce_cart\]$|^<!-- wp:woocommerce\/cart\b[\s\S]*<!-- \/wp:woocommerce\/cart -->$/, 'cart'],
  [
    /^\[woocommerce_checkout\]$|^<!-- wp:woocommerce\/checkout\b[\s\S]*<!-- \/wp:woocommerce\/checkout -->$/,
    'checkout',
  ],
  [/^\[woocommerce_my_account\]$/, 'my-account'],
];

function bare(content: string): string {
  return content
    .replace(/<!-- \/?wp:(shortcode|paragraph)\b[^>]*-->/g, '')
    .replace(/<\/?p>/g, '')
    .trim();
}

const POLICY_SLUGS: Record<string, StorePage> = { 'privacy-policy': 'privacy', refund_returns: 'refund' };

/** What WooCommerce or WordPress uses this page for, or null for the merchant's own page. */
export function storePageRole(
  id: number,
  slug: string,
  content: string,
  settings: Map<number, StorePage>,
): StorePage | null {
  const named = settings.get(id);
  if (named) return named;
  const body = bare(content);
  for (const [pattern, role] of ONLY) if (pattern.test(body)) return role;
  return POLICY_SLUGS[slug] ?? null;
}
