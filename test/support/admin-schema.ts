// Shopify's Admin GraphQL schema for the pinned API version, as Shopify publishes it in the
// @shopify/dev-mcp npm package (an introspection result).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { type GraphQLSchema, type IntrospectionQuery, buildClientSchema } from 'graphql';

export function loadAdminSchema(version: string): GraphQLSchema {
  // The package exports no subpaths, so the file is found where npm installs it.
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const file = path.join(root, 'node_modules/@shopify/dev-mcp/dist/data', `admin_${version}.json.gz`);
  const parsed = JSON.parse(gunzipSync(fs.readFileSync(file)).toString('utf8')) as { data?: IntrospectionQuery } & IntrospectionQuery;
  return buildClientSchema(parsed.data ?? parsed);
}
