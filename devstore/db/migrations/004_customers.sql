-- Customers, sized for a million per shop: lookups by email and phone (customerSet's identifiers)
-- and pages by id or updated_at are all index scans.
CREATE TABLE IF NOT EXISTS devstore.customers (
  id bigint PRIMARY KEY DEFAULT nextval('devstore.object_ids'),
  shop text NOT NULL REFERENCES devstore.shops (domain) ON DELETE CASCADE,
  email text,
  phone text,
  first_name text,
  last_name text,
  note text,
  locale text NOT NULL DEFAULT 'en',
  tax_exempt boolean NOT NULL DEFAULT false,
  tags text[] NOT NULL DEFAULT '{}',
  -- [{id, firstName, lastName, company, address1, address2, city, province, provinceCode, country, countryCode, zip, phone}]
  addresses jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS customers_shop_email ON devstore.customers (shop, lower(email)) WHERE email IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS customers_shop_phone ON devstore.customers (shop, phone) WHERE phone IS NOT NULL;
CREATE INDEX IF NOT EXISTS customers_shop_id ON devstore.customers (shop, id);
CREATE INDEX IF NOT EXISTS customers_shop_updated_at ON devstore.customers (shop, updated_at, id);
CREATE INDEX IF NOT EXISTS customers_tags ON devstore.customers USING gin (tags);
