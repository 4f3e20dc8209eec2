-- The shop's legal policies (Settings → Policies), one per type, written by shopPolicyUpdate.
CREATE TABLE IF NOT EXISTS devstore.shop_policies (
  id bigint PRIMARY KEY DEFAULT nextval('devstore.object_ids'),
  shop text NOT NULL REFERENCES devstore.shops (domain) ON DELETE CASCADE,
  type text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (shop, type)
);
