// The Admin API version every request uses, pinned here and nowhere else (shopify.app.toml's
// webhook version is checked against it by a test).
import { ApiVersion } from '@shopify/shopify-api';

export const API_VERSION = ApiVersion.October26;
