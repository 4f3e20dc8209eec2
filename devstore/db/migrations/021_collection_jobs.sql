-- Shopify's asynchronous jobs (collectionRemoveProducts, urlRedirectImportSubmit, …), polled with
-- the `job` query until `done`.
CREATE TABLE IF NOT EXISTS devstore.jobs (
  id bigint PRIMARY KEY DEFAULT nextval('devstore.object_ids'),
  shop text NOT NULL REFERENCES devstore.shops (domain) ON DELETE CASCADE,
  done boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
