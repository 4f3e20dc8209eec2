// The `shop` query: the store's identity and plan, as the app reads them after install.
import type { RequestContext, ResolverModule } from '../graphql/context.ts';
import { shopPolicies } from '../content/policies.ts';
import { gid } from './ids.ts';

/** Shopify's public plan names for the plans devstore models. */
const PLAN_DISPLAY: Record<string, string> = {
  Basic: 'Basic',
  Standard: 'Shopify',
  Advanced: 'Advanced',
  Plus: 'Shopify Plus',
  Enterprise: 'Commerce Components',
};

/**
 * ShopPlan.publicDisplayName: "Development" for a development store, "Trial" (or "Plus Trial") for
 * one on the free trial, else the plan's name. The schema lists the values: "Advanced, Agentic,
 * Agentic Enterprise, Basic, Development, Grow, Inactive, Lite, Other, Paused, Plus, Plus Trial,
 * Retail, Shop Component, Staff Business, Starter, and Trial."
 */
function planName(shop: RequestContext['shop']): string {
  if (shop.devStore) return 'Development';
  if (shop.trial) return shop.plan === 'Plus' ? 'Plus Trial' : 'Trial';
  return PLAN_DISPLAY[shop.plan] ?? shop.plan;
}

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
      displayName: planName(shop),
      partnerDevelopment: shop.devStore,
      shopifyPlus: shop.plan === 'Plus' || shop.plan === 'Enterprise',
      publicDisplayName: planName(shop),
    },
    primaryDomain: { __typename: 'Domain', host: shop.domain, url: `https://${shop.domain}`, sslEnabled: true },
    shopPolicies: (_args: unknown, resolving: RequestContext) => shopPolicies(resolving),
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
