// The Admin API version Shipyard speaks, pinned here and nowhere else: the app's client, devstore
// (which serves only this version), its benchmark and tests, and the schema checks all read it.
// shopify.app.toml's webhook api_version cannot import it, so test/graphql-documents.test.ts checks it.
export const ADMIN_API_VERSION = '2026-10';
