-- A customer's account state (Customer.state) and the emails the store sent, which Shopify
-- delivers and devstore only records, so tests can read what a customer would have received.
ALTER TABLE devstore.customers ADD COLUMN IF NOT EXISTS state text NOT NULL DEFAULT 'DISABLED';
CREATE TABLE IF NOT EXISTS devstore.sent_emails (
  id bigserial PRIMARY KEY,
  shop text NOT NULL REFERENCES devstore.shops (domain) ON DELETE CASCADE,
  -- What the email was: 'customer_account_invite' for customerSendAccountInviteEmail.
  kind text NOT NULL,
  customer_id bigint NOT NULL,
  recipient text NOT NULL,
  subject text,
  custom_message text,
  sent_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS sent_emails_shop_id ON devstore.sent_emails (shop, id);
