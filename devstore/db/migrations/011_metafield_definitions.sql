-- Metafield definitions (metafieldDefinitionCreate), and the lookup behind custom IDs: an `id`
-- metafield's value finds its owner (productSet identifier.customId, *ByIdentifier queries).
CREATE TABLE IF NOT EXISTS devstore.metafield_definitions (
  id bigint PRIMARY KEY DEFAULT nextval('devstore.object_ids'),
  shop text NOT NULL,
  owner_type text NOT NULL,
  namespace text NOT NULL,
  key text NOT NULL,
  type text NOT NULL,
  name text NOT NULL,
  description text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (shop, owner_type, namespace, key)
);

CREATE INDEX IF NOT EXISTS metafields_custom_id ON devstore.metafields (shop, owner_type, namespace, key, value) WHERE type = 'id';
