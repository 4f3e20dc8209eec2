-- CSV redirect imports (urlRedirectImportCreate, then urlRedirectImportSubmit).
CREATE TABLE IF NOT EXISTS devstore.url_redirect_imports (
  id bigint PRIMARY KEY DEFAULT nextval('devstore.object_ids'),
  shop text NOT NULL REFERENCES devstore.shops (domain) ON DELETE CASCADE,
  -- [[path, target], …] as read from the file
  rows jsonb NOT NULL,
  status text NOT NULL DEFAULT 'CREATED',
  created_count integer,
  updated_count integer,
  failed_count integer,
  finished_at timestamptz
);
