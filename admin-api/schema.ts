// Shopify's published Admin GraphQL schema for the pinned version, as the @shopify/dev-mcp npm package
// ships it (an introspection result). One loader for the dry run, devstore and the document tests.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { type GraphQLSchema, type IntrospectionQuery, buildClientSchema } from 'graphql';
import { ADMIN_API_VERSION } from './version.ts';

// The package exports no path to its data files, so look for it the way Node would: up the folders
// from this file (which also holds from a built server in build/).
function schemaFile(): string {
  const relative = path.join(
    'node_modules',
    '@shopify',
    'dev-mcp',
    'dist',
    'data',
    `admin_${ADMIN_API_VERSION}.json.gz`,
  );
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, relative);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`${relative} not found; is @shopify/dev-mcp installed?`);
    dir = parent;
  }
}

/**
 * A new schema object on every call, so that devstore's scalar checks (installed on its own copy)
 * never change what the dry run validates against; callers keep the one they load.
 */
export function loadAdminSchema(): GraphQLSchema {
  const parsed = JSON.parse(zlib.gunzipSync(fs.readFileSync(schemaFile())).toString('utf8')) as {
    data?: IntrospectionQuery;
  } & IntrospectionQuery;
  return buildClientSchema(parsed.data ?? parsed);
}
