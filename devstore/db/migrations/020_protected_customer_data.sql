-- What the installed app may see of the shop's customers (Shopify's protected customer data): the
-- level its developer selected in the Partner Dashboard, and the level Shopify's review approved.
-- Development stores go by the selection, every other store by the approval. Both default to level 2
-- (names, emails, phones, addresses), the access Shipyard declares it needs.
ALTER TABLE devstore.shops
  ADD COLUMN IF NOT EXISTS customer_data_selected text NOT NULL DEFAULT 'level2',
  ADD COLUMN IF NOT EXISTS customer_data_approved text NOT NULL DEFAULT 'level2';
