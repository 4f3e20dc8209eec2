-- Sales channels besides the Online Store (Point of Sale, Shop, …) and what each supports: Shopify
-- documents that only online store channels support scheduled (future) publishing.
ALTER TABLE devstore.publications ADD COLUMN IF NOT EXISTS supports_future_publishing boolean NOT NULL DEFAULT false;
UPDATE devstore.publications SET supports_future_publishing = true WHERE name = 'Online Store';
CREATE UNIQUE INDEX IF NOT EXISTS publications_shop_name ON devstore.publications (shop, name);

-- A deleted product or collection is published nowhere any more (its rows would otherwise outlive it).
CREATE OR REPLACE FUNCTION devstore.forget_publications() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM devstore.resource_publications WHERE publishable_id = OLD.id;
  RETURN OLD;
END $$;
DROP TRIGGER IF EXISTS products_forget_publications ON devstore.products;
CREATE TRIGGER products_forget_publications AFTER DELETE ON devstore.products FOR EACH ROW EXECUTE FUNCTION devstore.forget_publications();
DROP TRIGGER IF EXISTS collections_forget_publications ON devstore.collections;
CREATE TRIGGER collections_forget_publications AFTER DELETE ON devstore.collections FOR EACH ROW EXECUTE FUNCTION devstore.forget_publications();
