// The Admin API version every request uses, as @shopify/shopify-api names it; the version itself is
// pinned in admin-api/version.ts, which devstore reads too.
import { ApiVersion } from '@shopify/shopify-api';
import { ADMIN_API_VERSION } from '../../admin-api/version.ts';

function knownVersion(version: string): ApiVersion {
  const known = Object.values(ApiVersion).find((value) => value === version);
  if (!known) throw new Error(`@shopify/shopify-api does not know Admin API version ${version}`);
  return known;
}

export const API_VERSION = knownVersion(ADMIN_API_VERSION);
