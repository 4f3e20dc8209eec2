-- Asynchronous productSet runs (productSet with synchronous: false), read with productOperation.
CREATE TABLE IF NOT EXISTS devstore.product_operations (
  id bigint PRIMARY KEY DEFAULT nextval('devstore.object_ids'),
  shop text NOT NULL REFERENCES devstore.shops (domain) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'CREATED',
  product_id bigint,
  user_errors jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now()
);
