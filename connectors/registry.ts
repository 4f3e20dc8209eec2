// The registry of source platforms a merchant can move from: one descriptor per platform folder
// (connectors/<platform>/platform.ts), and the platforms still to come, shown as coming rather than
// hidden. Adding a platform is its folder and its descriptor's line here; registry.server.ts finds
// its factory in the folder's connector.ts (docs/adding-a-source-platform.md). The admin's browser bundle reads this
// list (the connection form's schema and fields), so the connectors themselves (Node-only HTTP
// clients) are created through registry.server.ts.
import type { Entity } from './model.ts';
import type { ReadablePlatform, SourcePlatform } from './platform.ts';
import { jsonFile } from './json-file/platform.ts';
import { woocommerce } from './woocommerce/platform.ts';

const READABLE: readonly ReadablePlatform[] = [woocommerce, jsonFile];

const COMING: readonly SourcePlatform[] = [
  {
    id: 'shopify',
    label: 'Another Shopify store',
    description: 'Everything in a Shopify store, through its Admin API.',
    availability: 'coming',
    connection: 'oauth',
  },
  {
    id: 'bigcommerce',
    label: 'BigCommerce',
    description: 'Catalog, customers and orders through the BigCommerce API.',
    availability: 'coming',
    connection: 'api-keys',
  },
  {
    id: 'magento',
    label: 'Magento / Adobe Commerce',
    description: 'Catalog, customers and orders through the Magento REST API.',
    availability: 'coming',
    connection: 'api-keys',
  },
  {
    id: 'csv',
    label: 'CSV files',
    description: 'Exports from Wix, Squarespace or any other platform.',
    availability: 'coming',
    connection: 'file',
  },
];

/** Platforms for tests and development are offered only there (NODE_ENV=test, or SHIPYARD_DEV_PLATFORMS=1). */
function offered(platform: SourcePlatform): boolean {
  if (platform.availability !== 'development') return true;
  const env: Record<string, string | undefined> = typeof process === 'undefined' ? {} : process.env;
  return env.NODE_ENV === 'test' || env.SHIPYARD_DEV_PLATFORMS === '1';
}

/** The platforms the merchant's list shows, readable ones first. */
export function sourcePlatforms(): SourcePlatform[] {
  return [...READABLE, ...COMING].filter(offered);
}

/** Every platform Shipyard can read, offered here or not (a migration's platform stays readable). */
export function readablePlatforms(): readonly ReadablePlatform[] {
  return READABLE;
}

/** The descriptor of a platform Shipyard can read, or undefined. */
export function readablePlatform(id: string): ReadablePlatform | undefined {
  return READABLE.find((platform) => platform.id === id);
}

/** The descriptor of a platform a merchant may start a migration from here, or undefined. */
export function offeredPlatform(id: string): ReadablePlatform | undefined {
  const platform = readablePlatform(id);
  return platform && offered(platform) ? platform : undefined;
}

/** The platform's limits, unless the credentials hold the one that lifts them. */
export function platformLimits(id: string, credentials: unknown = null): Partial<Record<Entity, string>> {
  const platform = readablePlatform(id);
  const lifter = platform?.limitsLiftedBy;
  if (lifter && credentials && typeof credentials === 'object' && (credentials as Record<string, unknown>)[lifter])
    return {};
  return platform?.limits ?? {};
}

export function platformLabel(id: string): string {
  return [...READABLE, ...COMING].find((platform) => platform.id === id)?.label ?? id;
}
