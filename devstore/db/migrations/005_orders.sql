-- Orders as imported history: line items, shipping and tax lines are read with the order, so
-- they stay in the row as JSON; totals are columns so they can be summed and filtered.
ALTER TABLE devstore.shops ADD COLUMN IF NOT EXISTS next_order_number integer NOT NULL DEFAULT 1001;

CREATE TABLE IF NOT EXISTS devstore.orders (
  id bigint PRIMARY KEY DEFAULT nextval('devstore.object_ids'),
  shop text NOT NULL REFERENCES devstore.shops (domain) ON DELETE CASCADE,
  number integer NOT NULL,
  name text NOT NULL,
  email text,
  phone text,
  customer_id bigint REFERENCES devstore.customers (id) ON DELETE SET NULL,
  currency_code text NOT NULL,
  financial_status text NOT NULL,
  fulfillment_status text NOT NULL,
  processed_at timestamptz NOT NULL,
  closed_at timestamptz,
  note text,
  tags text[] NOT NULL DEFAULT '{}',
  taxes_included boolean NOT NULL DEFAULT false,
  test boolean NOT NULL DEFAULT false,
  source_name text,
  source_identifier text,
  line_items jsonb NOT NULL,
  shipping_lines jsonb NOT NULL DEFAULT '[]',
  tax_lines jsonb NOT NULL DEFAULT '[]',
  discount_codes jsonb NOT NULL DEFAULT '[]',
  billing_address jsonb,
  shipping_address jsonb,
  subtotal numeric(20, 2) NOT NULL,
  total_tax numeric(20, 2) NOT NULL,
  total_shipping numeric(20, 2) NOT NULL,
  total_discounts numeric(20, 2) NOT NULL,
  total_price numeric(20, 2) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS orders_shop_id ON devstore.orders (shop, id);
CREATE INDEX IF NOT EXISTS orders_shop_name ON devstore.orders (shop, name);
CREATE INDEX IF NOT EXISTS orders_shop_processed_at ON devstore.orders (shop, processed_at, id);
CREATE INDEX IF NOT EXISTS orders_shop_created_at ON devstore.orders (shop, created_at);
CREATE INDEX IF NOT EXISTS orders_customer ON devstore.orders (customer_id) WHERE customer_id IS NOT NULL;
