// The admin UI's view of the connector registry. Server-only, so no connector code (HTTP clients,
// signing libraries) ends up in the browser bundle.
export { SOURCE_PLATFORMS, platformLabel, type SourcePlatform } from '../../connectors/registry.ts';
