-- A code discount limited to chosen customers (context.customers / customerSelection.customers);
-- null: every buyer. A deleted customer drops out of the list when it is read.
ALTER TABLE devstore.discount_codes ADD COLUMN IF NOT EXISTS customer_ids bigint[];
