// The registry of source platforms a merchant can move from, keyed by platform name. A platform is
// available once its connector (a folder beside this file) is registered here; until then the
// admin shows it as coming rather than hiding it. Connectors know nothing about Shopify.
// The admin's browser bundle reads this list, so the connectors themselves (Node-only HTTP
// clients) are created through registry.server.ts.
import type { Entity } from './model.ts';

export interface SourcePlatform {
  id: string;
  label: string;
  description: string;
  available: boolean;
  /** What the platform's connector cannot read of an entity, said once in the analysis when it is chosen. */
  limits?: Partial<Record<Entity, string>>;
  /** The optional credential that lifts those limits when the merchant gave it. */
  limitsLiftedBy?: string;
}

const WORDPRESS_VISITOR = 'WooCommerce’s API keys do not log in to WordPress’s own API, and no WordPress application password was given, so Shipyard reads what a visitor sees';

export const SOURCE_PLATFORMS: readonly SourcePlatform[] = [
  {
    id: 'woocommerce',
    label: 'WooCommerce',
    description: 'Products, customers, orders, coupons and reviews through the WooCommerce REST API; pages and posts through WordPress.',
    available: true,
    limits: {
      pages: `Only published pages are read: ${WORDPRESS_VISITOR}. Drafts, private and password-protected pages stay in WordPress.`,
      blogPosts: `Only published blog posts are read: ${WORDPRESS_VISITOR}. Drafts, scheduled, private and password-protected posts stay in WordPress.`,
    },
    // With it, drafts, private, scheduled and protected items are read too (connectors/woocommerce/credentials.ts).
    limitsLiftedBy: 'wordpressApplicationPassword',
  },
  { id: 'shopify', label: 'Another Shopify store', description: 'Everything in a Shopify store, through its Admin API.', available: false },
  { id: 'bigcommerce', label: 'BigCommerce', description: 'Catalog, customers and orders through the BigCommerce API.', available: false },
  { id: 'magento', label: 'Magento / Adobe Commerce', description: 'Catalog, customers and orders through the Magento REST API.', available: false },
  { id: 'csv', label: 'CSV files', description: 'Exports from Wix, Squarespace or any other platform.', available: false },
];

/** The platform's limits, unless the credentials hold the one that lifts them. */
export function platformLimits(id: string, credentials: unknown = null): Partial<Record<Entity, string>> {
  const platform = SOURCE_PLATFORMS.find((candidate) => candidate.id === id);
  const lifter = platform?.limitsLiftedBy;
  if (lifter && credentials && typeof credentials === 'object' && (credentials as Record<string, unknown>)[lifter]) return {};
  return platform?.limits ?? {};
}

export function platformLabel(id: string): string {
  return SOURCE_PLATFORMS.find((platform) => platform.id === id)?.label ?? id;
}
