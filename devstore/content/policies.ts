// The shop's legal policies: `shop.shopPolicies` ("The list of all legal policies associated with a
// shop") and `shopPolicyUpdate` ("Updates a shop policy"; ShopPolicyInput.body "Policy text, maximum
// size of 512kb", else TOO_BIG). A policy's public URL is /policies/<its handle> on the shop's
// domain, as Shopify's storefronts serve them. The docs do not say what an empty body does: devstore
// takes it as the policy removed from Settings → Policies, so it is no longer listed.
import type { Args, RequestContext, ResolverModule } from '../graphql/context.ts';
import { gid } from '../catalog/ids.ts';

const MAX_BODY_BYTES = 512 * 1024;

/** Each type's title (as in an English admin) and the handle of its URL. */
const POLICY_TYPES: Record<string, { title: string; handle: string }> = {
  CONTACT_INFORMATION: { title: 'Contact information', handle: 'contact-information' },
  LEGAL_NOTICE: { title: 'Legal notice', handle: 'legal-notice' },
  PRIVACY_POLICY: { title: 'Privacy policy', handle: 'privacy-policy' },
  REFUND_POLICY: { title: 'Refund policy', handle: 'refund-policy' },
  SHIPPING_POLICY: { title: 'Shipping policy', handle: 'shipping-policy' },
  SUBSCRIPTION_POLICY: { title: 'Cancellation policy', handle: 'subscription-policy' },
  TERMS_OF_SALE: { title: 'Terms of sale', handle: 'terms-of-sale' },
  TERMS_OF_SERVICE: { title: 'Terms of service', handle: 'terms-of-service' },
};

interface PolicyRow {
  id: string;
  type: string;
  body: string;
  created_at: Date;
  updated_at: Date;
}

function policyObject(row: PolicyRow, domain: string) {
  const kind = POLICY_TYPES[row.type] ?? { title: row.type, handle: row.type.toLowerCase() };
  return {
    __typename: 'ShopPolicy',
    id: gid('ShopPolicy', row.id),
    type: row.type,
    title: kind.title,
    body: row.body,
    url: `https://${domain}/policies/${kind.handle}`,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    translations: [],
  };
}

export async function shopPolicies(context: RequestContext) {
  const { rows } = await context.pool.query<PolicyRow>(
    'SELECT * FROM devstore.shop_policies WHERE shop = $1 ORDER BY id',
    [context.shop.domain],
  );
  return rows.map((row) => policyObject(row, context.shop.domain));
}

async function shopPolicyUpdate(args: Args, context: RequestContext) {
  const input = args.shopPolicy as { type: string; body: string };
  if (Buffer.byteLength(input.body, 'utf8') > MAX_BODY_BYTES) {
    return {
      __typename: 'ShopPolicyUpdatePayload',
      shopPolicy: null,
      userErrors: [
        {
          __typename: 'ShopPolicyUserError',
          field: ['shopPolicy', 'body'],
          message: 'Body is too big (maximum is 512 KB)',
          code: 'TOO_BIG',
        },
      ],
    };
  }
  if (input.body.trim() === '') {
    const { rows } = await context.pool.query<PolicyRow>(
      'DELETE FROM devstore.shop_policies WHERE shop = $1 AND type = $2 RETURNING *',
      [context.shop.domain, input.type],
    );
    const removed = rows[0]
      ? { ...rows[0], body: '', updated_at: new Date() }
      : { id: '0', type: input.type, body: '', created_at: new Date(), updated_at: new Date() };
    return {
      __typename: 'ShopPolicyUpdatePayload',
      shopPolicy: policyObject(removed, context.shop.domain),
      userErrors: [],
    };
  }
  const { rows } = await context.pool.query<PolicyRow>(
    `INSERT INTO devstore.shop_policies (shop, type, body) VALUES ($1, $2, $3)
     ON CONFLICT (shop, type) DO UPDATE SET body = EXCLUDED.body, updated_at = now() RETURNING *`,
    [context.shop.domain, input.type, input.body],
  );
  return {
    __typename: 'ShopPolicyUpdatePayload',
    shopPolicy: policyObject(rows[0] as PolicyRow, context.shop.domain),
    userErrors: [],
  };
}

async function policyById(context: RequestContext, id: string) {
  const { rows } = await context.pool.query<PolicyRow>(
    'SELECT * FROM devstore.shop_policies WHERE shop = $1 AND id = $2',
    [context.shop.domain, id],
  );
  return rows[0] ? policyObject(rows[0], context.shop.domain) : null;
}

export const policiesModule: ResolverModule = {
  mutations: { shopPolicyUpdate },
  nodes: { ShopPolicy: policyById },
};
