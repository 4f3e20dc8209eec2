-- Basic discount codes (amount or percentage off all items, some products or some collections).
CREATE TABLE IF NOT EXISTS devstore.discount_codes (
  id bigint PRIMARY KEY DEFAULT nextval('devstore.object_ids'),
  shop text NOT NULL REFERENCES devstore.shops (domain) ON DELETE CASCADE,
  title text NOT NULL,
  code text NOT NULL,
  percentage numeric,
  amount numeric(20, 2),
  applies_on_each_item boolean NOT NULL DEFAULT false,
  -- {"all": true} | {"productIds": [...]} | {"collectionIds": [...]}
  items jsonb NOT NULL,
  minimum_subtotal numeric(20, 2),
  minimum_quantity integer,
  usage_limit integer,
  applies_once_per_customer boolean NOT NULL DEFAULT false,
  combines_with jsonb NOT NULL DEFAULT '{}',
  starts_at timestamptz NOT NULL DEFAULT now(),
  ends_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS discount_codes_shop_code ON devstore.discount_codes (shop, lower(code));
