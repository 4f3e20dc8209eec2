// Creates the connector for a source platform by name. Server-only: connectors pull in Node HTTP
// clients that must stay out of the admin's browser bundle, which imports registry.ts. Adding a
// platform adds its factory here, beside its descriptor's line in registry.ts.
import type { ConnectorFactory, ConnectorOptions } from './platform.ts';
import { platformLabel } from './registry.ts';
import type { SourceConnector } from './source-connector.ts';
import { createJsonFileConnector } from './json-file/connector.ts';
import { createWooCommerceConnector } from './woocommerce/connector.ts';

const FACTORIES: Record<string, ConnectorFactory> = { woocommerce: createWooCommerceConnector, 'json-file': createJsonFileConnector };

/**
 * The connector for `platform`, from the credentials the merchant entered: its factory checks them
 * with the platform's schema, so a bad form value fails with zod's message before any request.
 * Throws for a platform not available yet.
 */
export function createConnector(platform: string, credentials: unknown, options: ConnectorOptions = {}): SourceConnector {
  const factory = Object.hasOwn(FACTORIES, platform) ? FACTORIES[platform] : undefined;
  if (!factory) throw new Error(`${platformLabel(platform)} is not available yet`);
  return factory(credentials, options);
}
