// Creates the connector for a source platform by name. Server-only: connectors pull in Node HTTP
// clients that must stay out of the admin's browser bundle, which imports registry.ts.
import { platformLabel } from './registry.ts';
import type { SourceConnector } from './source-connector.ts';
import { WooCommerceConnector, type WooCommerceConnectorOptions } from './woocommerce/connector.ts';
import { WooCommerceCredentials } from './woocommerce/credentials.ts';

/**
 * The connector for `platform`, from the credentials the merchant entered: they are checked here,
 * so a bad form value fails with zod's message before any request. Throws for a platform not available yet.
 */
export function createConnector(platform: string, credentials: unknown, options: WooCommerceConnectorOptions = {}): SourceConnector {
  switch (platform) {
    case 'woocommerce':
      return new WooCommerceConnector(WooCommerceCredentials.parse(credentials), options);
    default:
      throw new Error(`${platformLabel(platform)} is not available yet`);
  }
}
