-- The online store's content: pages, blogs and their articles.
CREATE TABLE IF NOT EXISTS devstore.pages (
  id bigint PRIMARY KEY DEFAULT nextval('devstore.object_ids'),
  shop text NOT NULL REFERENCES devstore.shops (domain) ON DELETE CASCADE,
  handle text NOT NULL,
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  template_suffix text,
  published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS pages_shop_handle ON devstore.pages (shop, handle);

CREATE TABLE IF NOT EXISTS devstore.blogs (
  id bigint PRIMARY KEY DEFAULT nextval('devstore.object_ids'),
  shop text NOT NULL REFERENCES devstore.shops (domain) ON DELETE CASCADE,
  handle text NOT NULL,
  title text NOT NULL,
  comment_policy text NOT NULL DEFAULT 'MODERATED',
  template_suffix text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS blogs_shop_handle ON devstore.blogs (shop, handle);

CREATE TABLE IF NOT EXISTS devstore.articles (
  id bigint PRIMARY KEY DEFAULT nextval('devstore.object_ids'),
  shop text NOT NULL REFERENCES devstore.shops (domain) ON DELETE CASCADE,
  blog_id bigint NOT NULL REFERENCES devstore.blogs (id) ON DELETE CASCADE,
  handle text NOT NULL,
  title text NOT NULL,
  author_name text NOT NULL,
  body text NOT NULL DEFAULT '',
  summary text,
  tags text[] NOT NULL DEFAULT '{}',
  image_url text,
  image_alt text,
  template_suffix text,
  published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS articles_blog_handle ON devstore.articles (blog_id, handle);
CREATE INDEX IF NOT EXISTS articles_shop_id ON devstore.articles (shop, id);
