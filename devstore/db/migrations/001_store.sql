-- devstore's tables: shops with their installed app, and the catalog. Every row belongs to a shop.
CREATE SEQUENCE IF NOT EXISTS devstore.object_ids START 1000001;

CREATE TABLE IF NOT EXISTS devstore.shops (
  domain text PRIMARY KEY,
  name text NOT NULL,
  email text NOT NULL,
  plan text NOT NULL DEFAULT 'Basic',
  dev_store boolean NOT NULL DEFAULT true,
  currency_code text NOT NULL DEFAULT 'USD',
  access_token text,
  app_secret text,
  app_url text,
  webhook_topics text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS shops_access_token ON devstore.shops (access_token) WHERE access_token IS NOT NULL;

CREATE TABLE IF NOT EXISTS devstore.locations (
  id bigint PRIMARY KEY DEFAULT nextval('devstore.object_ids'),
  shop text NOT NULL REFERENCES devstore.shops (domain) ON DELETE CASCADE,
  name text NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS locations_shop ON devstore.locations (shop, id);

CREATE TABLE IF NOT EXISTS devstore.products (
  id bigint PRIMARY KEY DEFAULT nextval('devstore.object_ids'),
  shop text NOT NULL REFERENCES devstore.shops (domain) ON DELETE CASCADE,
  handle text NOT NULL,
  title text NOT NULL,
  description_html text NOT NULL DEFAULT '',
  vendor text NOT NULL DEFAULT '',
  product_type text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'ACTIVE',
  tags text[] NOT NULL DEFAULT '{}',
  seo_title text,
  seo_description text,
  -- [{id, name, position, values: [{id, name}]}]: small, always read with the product.
  options jsonb NOT NULL DEFAULT '[]',
  -- [{id, alt, mediaContentType, originalSource, status}]
  media jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS products_shop_handle ON devstore.products (shop, handle);
CREATE INDEX IF NOT EXISTS products_shop_id ON devstore.products (shop, id);
CREATE INDEX IF NOT EXISTS products_shop_updated_at ON devstore.products (shop, updated_at, id);
CREATE INDEX IF NOT EXISTS products_tags ON devstore.products USING gin (tags);

CREATE TABLE IF NOT EXISTS devstore.variants (
  id bigint PRIMARY KEY DEFAULT nextval('devstore.object_ids'),
  shop text NOT NULL,
  product_id bigint NOT NULL REFERENCES devstore.products (id) ON DELETE CASCADE,
  inventory_item_id bigint NOT NULL DEFAULT nextval('devstore.object_ids'),
  position integer NOT NULL,
  title text NOT NULL,
  sku text,
  barcode text,
  price numeric(20, 2) NOT NULL DEFAULT 0,
  compare_at_price numeric(20, 2),
  taxable boolean NOT NULL DEFAULT true,
  inventory_policy text NOT NULL DEFAULT 'DENY',
  tracked boolean NOT NULL DEFAULT false,
  requires_shipping boolean NOT NULL DEFAULT true,
  -- [{name, value}] in the product's option order
  selected_options jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS variants_product ON devstore.variants (product_id, position);
CREATE INDEX IF NOT EXISTS variants_shop_sku ON devstore.variants (shop, sku) WHERE sku IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS variants_inventory_item ON devstore.variants (inventory_item_id);

CREATE TABLE IF NOT EXISTS devstore.inventory_levels (
  inventory_item_id bigint NOT NULL,
  location_id bigint NOT NULL REFERENCES devstore.locations (id) ON DELETE CASCADE,
  name text NOT NULL,
  quantity integer NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (inventory_item_id, location_id, name)
);

CREATE TABLE IF NOT EXISTS devstore.metafields (
  id bigint PRIMARY KEY DEFAULT nextval('devstore.object_ids'),
  shop text NOT NULL,
  owner_id bigint NOT NULL,
  owner_type text NOT NULL,
  namespace text NOT NULL,
  key text NOT NULL,
  type text NOT NULL,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS metafields_owner_key ON devstore.metafields (owner_id, namespace, key);

CREATE TABLE IF NOT EXISTS devstore.collections (
  id bigint PRIMARY KEY DEFAULT nextval('devstore.object_ids'),
  shop text NOT NULL REFERENCES devstore.shops (domain) ON DELETE CASCADE,
  handle text NOT NULL,
  title text NOT NULL,
  description_html text NOT NULL DEFAULT '',
  sort_order text NOT NULL DEFAULT 'BEST_SELLING',
  seo_title text,
  seo_description text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS collections_shop_handle ON devstore.collections (shop, handle);

CREATE TABLE IF NOT EXISTS devstore.collection_products (
  collection_id bigint NOT NULL REFERENCES devstore.collections (id) ON DELETE CASCADE,
  product_id bigint NOT NULL REFERENCES devstore.products (id) ON DELETE CASCADE,
  position bigint NOT NULL DEFAULT nextval('devstore.object_ids'),
  PRIMARY KEY (collection_id, product_id)
);
CREATE INDEX IF NOT EXISTS collection_products_product ON devstore.collection_products (product_id);

CREATE TABLE IF NOT EXISTS devstore.url_redirects (
  id bigint PRIMARY KEY DEFAULT nextval('devstore.object_ids'),
  shop text NOT NULL REFERENCES devstore.shops (domain) ON DELETE CASCADE,
  path text NOT NULL,
  target text NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS url_redirects_shop_path ON devstore.url_redirects (shop, lower(path));
CREATE INDEX IF NOT EXISTS url_redirects_shop_id ON devstore.url_redirects (shop, id);
