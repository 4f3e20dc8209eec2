-- A collection's image (CollectionInput.image: src and altText), as collectionCreate/Update set it.
ALTER TABLE devstore.collections ADD COLUMN IF NOT EXISTS image_url text;
ALTER TABLE devstore.collections ADD COLUMN IF NOT EXISTS image_alt text;
