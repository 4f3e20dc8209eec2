// Creates the connector for a source platform by name. Server-only: connectors pull in Node HTTP
// clients that must stay out of the admin's browser bundle, which imports registry.ts.
// Each readable platform's folder has a connector.ts exporting `connect` (its factory); they are
// loaded here by that convention, so adding a platform touches only its folder and its descriptor's
// line in registry.ts (docs/adding-a-source-platform.md). The import names its module by a template
// that Node resolves at run time and esbuild (Remix's server build) bundles as a glob of
// ./*/connector.ts, so the built app holds every platform's connector too.
import type { ConnectorFactory, ConnectorOptions } from './platform.ts';
import { platformLabel, readablePlatforms } from './registry.ts';
import type { SourceConnector } from './source-connector.ts';

interface ConnectorModule {
  connect: ConnectorFactory;
}

const FACTORIES = new Map<string, ConnectorFactory>(
  await Promise.all(
    readablePlatforms().map(async (platform) => {
      const module = (await import(`./${platform.id}/connector.ts`)) as ConnectorModule;
      if (typeof module.connect !== 'function')
        throw new Error(`connectors/${platform.id}/connector.ts exports no connect factory`);
      return [platform.id, module.connect] as const;
    }),
  ),
);

/**
 * The connector for `platform`, from the credentials the merchant entered: its factory checks them
 * with the platform's schema, so a bad form value fails with zod's message before any request.
 * Throws for a platform not available yet.
 */
export function createConnector(
  platform: string,
  credentials: unknown,
  options: ConnectorOptions = {},
): SourceConnector {
  const factory = FACTORIES.get(platform);
  if (!factory) throw new Error(`${platformLabel(platform)} is not available yet`);
  return factory(credentials, options);
}
