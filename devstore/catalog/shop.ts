// The `shop` query: the store's identity and plan, as the app reads them after install.
import type { RequestContext, ResolverModule } from '../graphql/context.ts';
import { gid } from './ids.ts';

/** Shopify's public plan names for the plans devstore models. */
const PLAN_DISPLAY: Record<string, string> = {
  Basic: 'Basic',
  Standard: 'Shopify',
  Advanced: 'Advanced',
  Plus: 'Shopify Plus',
  Enterprise: 'Commerce Components',
};

export function shopObject(context: RequestContext) {
  const shop = context.shop;
  return {
    __typename: 'Shop',
    id: gid('Shop', Math.abs(hash(shop.domain))),
    name: shop.name,
    email: shop.email,
    contactEmail: shop.email,
    myshopifyDomain: shop.domain,
    url: `https://${shop.domain}`,
    currencyCode: shop.currencyCode,
    ianaTimezone: 'UTC',
    createdAt: shop.createdAt.toISOString(),
    plan: {
      __typename: 'ShopPlan',
      displayName: shop.devStore ? 'Development' : (PLAN_DISPLAY[shop.plan] ?? shop.plan),
      partnerDevelopment: shop.devStore,
      shopifyPlus: shop.plan === 'Plus' || shop.plan === 'Enterprise',
      publicDisplayName: shop.devStore ? 'Development' : (PLAN_DISPLAY[shop.plan] ?? shop.plan),
    },
    primaryDomain: { __typename: 'Domain', host: shop.domain, url: `https://${shop.domain}`, sslEnabled: true },
  };
}

/** A stable numeric id for the shop, since shops are keyed by domain. */
function hash(text: string): number {
  let value = 0;
  for (const char of text) value = (Math.imul(value, 31) + char.charCodeAt(0)) | 0;
  return value;
}

export const shopModule: ResolverModule = {
  queries: { shop: (_args, context) => shopObject(context) },
};
