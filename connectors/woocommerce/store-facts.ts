// What the connector needs to know about the store itself: its WooCommerce version and currency
// (system status), the units its weights and sizes are in (product settings), its name
// (WordPress's public index, used to fill SEO title templates such as "%%sitename%%"), the
// address of its shop page, and the country it sells from (general settings), in which phones
// typed without a country prefix were meant.
import { z } from 'zod';
import { SourceError } from '../source-connector.ts';
import type { WooCommerceClient } from './client.ts';
import type { StoreContext } from './map-product.ts';
import { decodeEntities, permalinkPath } from './text.ts';
import type { WordPressClient } from './wordpress-client.ts';
import type { DimensionUnit, WeightUnit } from './variants.ts';

const SystemStatus = z.object({
  environment: z.object({ version: z.string().optional(), wc_version: z.string().optional() }).optional(),
  settings: z.object({ currency: z.string().optional() }).optional(),
});
/** system_status lists WooCommerce's own pages ("Shop base", "Cart"…) with their WordPress page ids. */
const WooPages = z.object({
  pages: z
    .array(
      z.object({
        page_name: z.string(),
        page_id: z.union([z.string(), z.number()]),
        page_exists: z.boolean().optional(),
      }),
    )
    .default([]),
});
const WordPressPage = z.object({ link: z.string(), status: z.string().optional() });
const Settings = z.array(z.object({ id: z.string(), value: z.unknown() }));
const WordPressIndex = z.object({ name: z.string() });

const WEIGHT_UNITS: Record<string, WeightUnit> = { kg: 'kg', g: 'g', lbs: 'lb', oz: 'oz' };
const DIMENSION_UNITS: Record<string, DimensionUnit> = { m: 'm', cm: 'cm', mm: 'mm', in: 'in', yd: 'yd' };

export interface StoreFacts {
  version: string | null;
  currency: string | null;
  name: string | null;
}

export async function siteName(url: string): Promise<string | null> {
  // WooCommerce's API does not carry the site title; WordPress's index does, without credentials.
  try {
    const answer = await fetch(`${url}/wp-json/`, {
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(10_000),
    });
    const parsed = WordPressIndex.safeParse(await answer.json());
    return parsed.success ? decodeEntities(parsed.data.name) : null;
  } catch {
    return null;
  }
}

export async function storeFacts(client: WooCommerceClient, url: string, retry: boolean): Promise<StoreFacts> {
  const status = SystemStatus.safeParse((await client.get('system_status', {}, { retry })).data);
  const facts = status.success ? status.data : {};
  return {
    version: facts.environment?.version ?? facts.environment?.wc_version ?? null,
    currency: facts.settings?.currency ?? null,
    name: await siteName(url),
  };
}

/**
 * The address of the store's shop page (the catalog of all products, /shop/ by default): its page
 * id from system_status' pages ("Shop base"), its permalink from WordPress (wp/v2/pages/<id>, which a
 * visitor may read while the page is published). Null when the store has none or will not say.
 */
export async function shopPagePath(client: WooCommerceClient, wordpress: WordPressClient): Promise<string | null> {
  try {
    const status = WooPages.safeParse((await client.get('system_status')).data);
    const shop = status.success
      ? status.data.pages.find((page) => page.page_name === 'Shop base' && page.page_exists !== false)
      : undefined;
    if (!shop || Number(shop.page_id) <= 0) return null;
    const page = WordPressPage.safeParse((await wordpress.get(`pages/${shop.page_id}`)).data);
    return page.success && (page.data.status ?? 'publish') === 'publish' ? permalinkPath(page.data.link) : null;
  } catch (error) {
    // A page deleted or kept from visitors: the shop page has no redirect, everything else moves.
    if (error instanceof SourceError && !error.retryable) return null;
    throw error;
  }
}

export async function storeContext(
  client: WooCommerceClient,
  url: string,
  wordpress: WordPressClient,
): Promise<StoreContext> {
  const settings = Settings.safeParse((await client.get('settings/products')).data);
  const value = (id: string) =>
    String((settings.success ? settings.data : []).find((setting) => setting.id === id)?.value ?? '');
  return {
    url,
    siteName: (await siteName(url)) ?? new URL(url).host,
    // WooCommerce installs with kg and cm.
    units: {
      weight: WEIGHT_UNITS[value('woocommerce_weight_unit')] ?? 'kg',
      dimension: DIMENSION_UNITS[value('woocommerce_dimension_unit')] ?? 'cm',
    },
    shopPath: await shopPagePath(client, wordpress),
  };
}

/**
 * The store's country: the general setting `woocommerce_default_country`, WooCommerce's "Base
 * location", "US:ME" or "GB" (country, then a state when the country has them). Null when the store
 * does not say (keys without access to settings): phones are then read in their addresses' countries only.
 */
export async function storeCountry(client: WooCommerceClient): Promise<string | null> {
  try {
    const settings = Settings.safeParse((await client.get('settings/general')).data);
    const value = settings.success
      ? settings.data.find((setting) => setting.id === 'woocommerce_default_country')?.value
      : undefined;
    const country = typeof value === 'string' ? value.split(':')[0] : undefined;
    return country && /^[A-Z]{2}$/.test(country) ? country : null;
  } catch (error) {
    if (error instanceof SourceError && !error.retryable) return null;
    throw error;
  }
}
