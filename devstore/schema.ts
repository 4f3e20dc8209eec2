// devstore's copy of Shopify's published Admin GraphQL schema (admin-api/ loads it), built once, with
// devstore's checks of Shopify's scalars installed on it.
import type { GraphQLSchema } from 'graphql';
import { loadAdminSchema } from '../admin-api/schema.ts';
import { installScalarChecks } from './graphql/scalars.ts';

let cached: GraphQLSchema | undefined;

export function adminSchema(): GraphQLSchema {
  if (!cached) {
    cached = loadAdminSchema();
    installScalarChecks(cached);
  }
  return cached;
}
