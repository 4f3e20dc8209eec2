-- Shopify's variant-creation throttle: past 50,000 variants a store creates at most 1,000 new ones a
-- day. `extra_variants` are variants a shop is taken to hold besides the rows devstore keeps (a large
-- catalog without its rows); `variant_limit_lifted` is a store whose limit Shopify Support lifted.
ALTER TABLE devstore.shops ADD COLUMN IF NOT EXISTS extra_variants integer NOT NULL DEFAULT 0;
ALTER TABLE devstore.shops ADD COLUMN IF NOT EXISTS variant_limit_lifted boolean NOT NULL DEFAULT false;
-- Counting a shop's variants up to the threshold reads this index only.
CREATE INDEX IF NOT EXISTS variants_shop ON devstore.variants (shop);
-- Every creation of variants, for the rolling day's count (deleted variants still count).
CREATE TABLE IF NOT EXISTS devstore.variant_creations (
  shop text NOT NULL REFERENCES devstore.shops (domain) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  count integer NOT NULL
);
CREATE INDEX IF NOT EXISTS variant_creations_shop_time ON devstore.variant_creations (shop, created_at);
