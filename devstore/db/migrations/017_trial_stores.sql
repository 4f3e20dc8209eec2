-- A trial store (Shopify's free trial): like a development store, it takes at most 5 new orders a
-- minute through orderCreate, and its plan reads "Trial".
ALTER TABLE devstore.shops ADD COLUMN IF NOT EXISTS trial boolean NOT NULL DEFAULT false;
