-- Files and product media in one table (a product's media are files with product_id set), fetched
-- asynchronously from their source; and staged uploads, the bytes apps upload to devstore itself.
CREATE TABLE IF NOT EXISTS devstore.files (
  id bigint PRIMARY KEY DEFAULT nextval('devstore.object_ids'),
  shop text NOT NULL REFERENCES devstore.shops (domain) ON DELETE CASCADE,
  product_id bigint REFERENCES devstore.products (id) ON DELETE CASCADE,
  position integer NOT NULL DEFAULT 0,
  content_type text NOT NULL DEFAULT 'IMAGE',
  alt text NOT NULL DEFAULT '',
  filename text,
  original_source text NOT NULL,
  status text NOT NULL DEFAULT 'UPLOADED',
  error_code text,
  error_message text,
  mime_type text,
  byte_size bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS files_product ON devstore.files (product_id, position) WHERE product_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS files_shop_id ON devstore.files (shop, id);
CREATE INDEX IF NOT EXISTS files_pending ON devstore.files (id) WHERE status IN ('UPLOADED', 'PROCESSING');

INSERT INTO devstore.files (shop, product_id, position, alt, content_type, original_source)
SELECT p.shop, p.id, m.position, coalesce(m.item ->> 'alt', ''), coalesce(m.item ->> 'mediaContentType', 'IMAGE'), m.item ->> 'originalSource'
FROM devstore.products p, jsonb_array_elements(p.media) WITH ORDINALITY AS m(item, position);
ALTER TABLE devstore.products DROP COLUMN IF EXISTS media;

CREATE TABLE IF NOT EXISTS devstore.uploads (
  key text PRIMARY KEY,
  shop text NOT NULL REFERENCES devstore.shops (domain) ON DELETE CASCADE,
  content_type text NOT NULL DEFAULT 'application/octet-stream',
  bytes bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
