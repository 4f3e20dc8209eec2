-- Expiring offline access tokens (https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/offline-access-tokens):
-- the access token a shop's app holds may carry an expiry; its refresh token, the app's key and the
-- earlier refresh token Shopify keeps usable until the app uses its replacement live beside it.
ALTER TABLE devstore.shops ADD COLUMN IF NOT EXISTS access_token_expires_at timestamptz;

CREATE TABLE IF NOT EXISTS devstore.offline_tokens (
  shop text PRIMARY KEY REFERENCES devstore.shops (domain) ON DELETE CASCADE,
  api_key text NOT NULL,
  scope text NOT NULL,
  access_token_seconds integer NOT NULL,
  refresh_token_seconds integer NOT NULL,
  refresh_token text NOT NULL,
  refresh_token_expires_at timestamptz NOT NULL,
  earlier_refresh_token text,
  earlier_refresh_token_until timestamptz
);
