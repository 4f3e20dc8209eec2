-- Free shipping codes live beside basic ones (a code is unique across both), and every code
-- discount carries the merchant's tags.
ALTER TABLE devstore.discount_codes ADD COLUMN IF NOT EXISTS kind text NOT NULL DEFAULT 'basic';
ALTER TABLE devstore.discount_codes ADD COLUMN IF NOT EXISTS tags text[] NOT NULL DEFAULT '{}';
-- Free shipping only: the countries it applies to (null: all) and the most expensive rate it covers.
ALTER TABLE devstore.discount_codes ADD COLUMN IF NOT EXISTS destination_countries text[];
ALTER TABLE devstore.discount_codes ADD COLUMN IF NOT EXISTS maximum_shipping_price numeric(20, 2);
