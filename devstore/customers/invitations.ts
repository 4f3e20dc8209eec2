// customerSendAccountInviteEmail: Shopify emails the customer an invitation to make an account and
// sets their state to INVITED. devstore sends nothing; it records the email (devstore.sent_emails),
// which tests read through the control API.
import type { Pool } from 'pg';
import type { Args, RequestContext, ResolverModule } from '../graphql/context.ts';
import { parseGid } from '../catalog/ids.ts';
import { customerObject, findBy, type CustomerRow } from './customers.ts';

interface EmailInput {
  to?: string | null;
  subject?: string | null;
  customMessage?: string | null;
}

// The only code Shopify documents for this mutation is INVALID; the messages are devstore's words.
const failed = (field: string[], message: string) => ({
  __typename: 'CustomerSendAccountInviteEmailPayload',
  customer: null,
  userErrors: [{ __typename: 'CustomerSendAccountInviteEmailUserError', field, message, code: 'INVALID' }],
});

async function customerSendAccountInviteEmail(args: Args, context: RequestContext) {
  const email = (args.email ?? {}) as EmailInput;
  const id = parseGid(args.customerId, 'Customer');
  const customer = id ? await findBy(context, 'id', id) : undefined;
  if (!customer) return failed(['customerId'], 'Customer does not exist');
  const recipient = email.to?.trim() || customer.email;
  if (!recipient) return failed(['customerId'], 'Customer must have an email address to be invited');
  // An account that exists already has a password; there is nothing to invite the customer to.
  if (customer.state === 'ENABLED') return failed(['customerId'], 'Customer has already created an account');
  await context.pool.query(
    `INSERT INTO devstore.sent_emails (shop, kind, customer_id, recipient, subject, custom_message) VALUES ($1, 'customer_account_invite', $2, $3, $4, $5)`,
    [context.shop.domain, customer.id, recipient, email.subject ?? null, email.customMessage ?? null],
  );
  const { rows } = await context.pool.query<CustomerRow>(
    `UPDATE devstore.customers SET state = 'INVITED', updated_at = now() WHERE id = $1 RETURNING *`,
    [customer.id],
  );
  return {
    __typename: 'CustomerSendAccountInviteEmailPayload',
    customer: customerObject(rows[0] as CustomerRow),
    userErrors: [],
  };
}

export const invitationsModule: ResolverModule = {
  mutations: { customerSendAccountInviteEmail },
};

export interface SentEmail {
  kind: string;
  customerId: string;
  to: string;
  subject: string | null;
  customMessage: string | null;
  sentAt: string;
}

/** Every email the shop sent, oldest first, for the control API. */
export async function sentEmails(pool: Pool, shop: string): Promise<SentEmail[]> {
  const { rows } = await pool.query<{
    kind: string;
    customer_id: string;
    recipient: string;
    subject: string | null;
    custom_message: string | null;
    sent_at: Date;
  }>('SELECT * FROM devstore.sent_emails WHERE shop = $1 ORDER BY id', [shop]);
  return rows.map((row) => ({
    kind: row.kind,
    customerId: `gid://shopify/Customer/${row.customer_id}`,
    to: row.recipient,
    subject: row.subject,
    customMessage: row.custom_message,
    sentAt: row.sent_at.toISOString(),
  }));
}

export const CUSTOMER_STATES = ['DISABLED', 'INVITED', 'ENABLED', 'DECLINED'] as const;

/** What happens outside the Admin API: the customer makes their account in the store, or declines. */
export async function setCustomerState(
  pool: Pool,
  shop: string,
  customerId: string,
  state: (typeof CUSTOMER_STATES)[number],
): Promise<boolean> {
  const { rowCount } = await pool.query(
    'UPDATE devstore.customers SET state = $3, updated_at = now() WHERE shop = $1 AND id = $2',
    [shop, customerId, state],
  );
  return (rowCount ?? 0) > 0;
}
