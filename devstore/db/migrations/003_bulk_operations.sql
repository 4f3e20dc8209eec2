-- Bulk operations: a JSONL of variables run line by line through the same resolvers.
CREATE TABLE IF NOT EXISTS devstore.bulk_operations (
  id bigint PRIMARY KEY DEFAULT nextval('devstore.object_ids'),
  shop text NOT NULL REFERENCES devstore.shops (domain) ON DELETE CASCADE,
  type text NOT NULL DEFAULT 'MUTATION',
  status text NOT NULL DEFAULT 'CREATED',
  query text NOT NULL,
  staged_upload_path text,
  client_identifier text,
  error_code text,
  object_count bigint NOT NULL DEFAULT 0,
  root_object_count bigint NOT NULL DEFAULT 0,
  file_size bigint,
  result_key text,
  partial_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);
CREATE INDEX IF NOT EXISTS bulk_operations_shop ON devstore.bulk_operations (shop, type, id);
