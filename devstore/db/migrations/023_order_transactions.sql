-- The payment transactions an order was created with (orderCreate's `transactions`): kind, status,
-- gateway, authorization code, date and amount in shop and presentment money, read back as
-- `Order.transactions`.
ALTER TABLE devstore.orders ADD COLUMN IF NOT EXISTS transactions jsonb NOT NULL DEFAULT '[]';
