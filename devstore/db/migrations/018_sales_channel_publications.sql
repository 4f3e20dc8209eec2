-- Sales channels besides the Online Store (Point of Sale, Shop, …) and what each supports: Shopify
-- documents that only online store channels support scheduled (future) publishing.
ALTER TABLE devstore.publications ADD COLUMN IF NOT EXISTS supports_future_publishing boolean NOT NULL DEFAULT false;
UPDATE devstore.publications SET supports_future_publishing = true WHERE name = 'Online Store';
CREATE UNIQUE INDEX IF NOT EXISTS publications_shop_name ON devstore.publications (shop, name);
