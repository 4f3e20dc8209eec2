// Shopify's published Admin GraphQL schema for the pinned version, loaded once from @shopify/dev-mcp.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { installScalarChecks } from './graphql/scalars.ts';

export const API_VERSION = '2026-10';

let cached: GraphQLSchema | undefined;

// The package exports no path to its data files, so look for it the way Node would: up the folders.
function schemaFile(): string {
  const relative = path.join('node_modules', '@shopify', 'dev-mcp', 'dist', 'data', `admin_${API_VERSION}.json.gz`);
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, relative);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`devstore: ${relative} not found; is @shopify/dev-mcp installed?`);
    dir = parent;
  }
}

export function adminSchema(): GraphQLSchema {
  if (!cached) {
    const introspection = JSON.parse(zlib.gunzipSync(fs.readFileSync(schemaFile())).toString('utf8')) as { data: IntrospectionQuery };
    cached = buildClientSchema(introspection.data);
    installScalarChecks(cached);
  }
  return cached;
}
