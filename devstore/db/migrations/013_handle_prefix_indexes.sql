-- Finding the next free handle ("shirt", "shirt-1", "shirt-2" …) asks for every handle starting
-- with "shirt-". The unique (shop, handle) indexes cannot answer a LIKE prefix unless the
-- database collation is exactly "C" (embedded PostgreSQL's C.UTF-8 is not), so without these each
-- new product scanned the whole table: 67 ms with 100,000 products, the bottleneck of productSet.
CREATE INDEX IF NOT EXISTS products_shop_handle_prefix ON devstore.products (shop, handle text_pattern_ops);
CREATE INDEX IF NOT EXISTS collections_shop_handle_prefix ON devstore.collections (shop, handle text_pattern_ops);
CREATE INDEX IF NOT EXISTS pages_shop_handle_prefix ON devstore.pages (shop, handle text_pattern_ops);
CREATE INDEX IF NOT EXISTS blogs_shop_handle_prefix ON devstore.blogs (shop, handle text_pattern_ops);
CREATE INDEX IF NOT EXISTS articles_blog_handle_prefix ON devstore.articles (blog_id, handle text_pattern_ops);
