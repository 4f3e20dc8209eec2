-- Sales channel publications (each shop has its Online Store) and what is published on them.
CREATE TABLE IF NOT EXISTS devstore.publications (
  id bigint PRIMARY KEY DEFAULT nextval('devstore.object_ids'),
  shop text NOT NULL REFERENCES devstore.shops (domain) ON DELETE CASCADE,
  name text NOT NULL
);
CREATE INDEX IF NOT EXISTS publications_shop ON devstore.publications (shop, id);
INSERT INTO devstore.publications (shop, name)
SELECT domain, 'Online Store' FROM devstore.shops s WHERE NOT EXISTS (SELECT 1 FROM devstore.publications p WHERE p.shop = s.domain);

CREATE TABLE IF NOT EXISTS devstore.resource_publications (
  publishable_id bigint NOT NULL,
  publication_id bigint NOT NULL REFERENCES devstore.publications (id) ON DELETE CASCADE,
  publish_date timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (publishable_id, publication_id)
);
