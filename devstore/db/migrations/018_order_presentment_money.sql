-- An order's presentment currency (what the customer paid in) and its amounts in that currency,
-- priced like the shop-money amounts (null: the same as the shop's currency and amounts).
ALTER TABLE devstore.orders ADD COLUMN IF NOT EXISTS presentment_currency_code text;
ALTER TABLE devstore.orders ADD COLUMN IF NOT EXISTS presentment jsonb;
