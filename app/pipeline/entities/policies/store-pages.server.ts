// The old store's own pages (its shop, cart, checkout and account pages) are not the merchant's
// content: Shopify has its own at fixed addresses, so they are not moved as pages and their old URLs
// lead to Shopify's. The privacy, refund and terms pages are offered as the shop's policies.
// Shopify's own addresses: the catalog is /collections/all, the cart /cart (Shopify's checkout opens
// from the cart and has no fixed address), the customer account /account
// (https://shopify.dev/docs/storefronts/themes/architecture/templates: collection, cart and
// customers/account templates).
import type { CanonicalRecord, StorePage } from '../../../../connectors/model.ts';
import { platformLabel } from '../../../../connectors/registry.ts';

type PageRecord = CanonicalRecord<'pages'>;

const SHOPIFYS_OWN: Partial<Record<StorePage, { path: string; what: string }>> = {
  shop: { path: '/collections/all', what: 'shop page' },
  cart: { path: '/cart', what: 'cart page' },
  checkout: { path: '/cart', what: 'checkout page' },
  'my-account': { path: '/account', what: '“My account” page' },
};

/** Shopify's policy types (ShopPolicyType) and where the online store shows each (/policies/<handle>). */
const POLICIES: Partial<
  Record<StorePage, { type: 'PRIVACY_POLICY' | 'REFUND_POLICY' | 'TERMS_OF_SERVICE'; name: string; path: string }>
> = {
  privacy: { type: 'PRIVACY_POLICY', name: 'privacy policy', path: '/policies/privacy-policy' },
  refund: { type: 'REFUND_POLICY', name: 'refund policy', path: '/policies/refund-policy' },
  terms: { type: 'TERMS_OF_SERVICE', name: 'terms of service', path: '/policies/terms-of-service' },
};

/** Where a page Shopify has its own of leads in Shopify, or null for a page that moves. */
export function shopifysOwnPage(page: Pick<PageRecord, 'storePage'>): { path: string; what: string } | null {
  return page.storePage ? (SHOPIFYS_OWN[page.storePage] ?? null) : null;
}

/** The shop policy a page can become, or null. */
export function policyFor(page: Pick<PageRecord, 'storePage'>) {
  return page.storePage ? (POLICIES[page.storePage] ?? null) : null;
}

/** Why the page is not moved, in the report's words, naming the source platform (its id) as the merchant knows it. */
export function notMovedReason(page: PageRecord, platform: string): string | null {
  const own = shopifysOwnPage(page);
  if (!own) return null;
  return `${platformLabel(platform)}’s ${own.what} “${page.title}”: Shopify has its own at ${own.path}, so it is not moved as a page${page.sourcePath ? `; its old URL ${page.sourcePath} leads there` : ''}.`;
}

/** What the analysis tells the merchant about the source platform's (its id) own pages and the policy pages. */
export function storePageFinding(page: PageRecord, platform: string, asPolicies: boolean) {
  const own = shopifysOwnPage(page);
  if (own) {
    return {
      entity: 'pages',
      sourceId: page.sourceId,
      code: 'store-page-not-moved',
      subject: page.title,
      message: `“${page.title}” is ${platformLabel(platform)}’s ${own.what}. Shopify has its own at ${own.path}, so it is not moved as a page.`,
      action: page.sourcePath
        ? `Its old URL ${page.sourcePath} redirects to ${own.path}.`
        : 'Nothing to do: Shopify’s own page takes its place.',
    };
  }
  const policy = policyFor(page);
  if (policy) {
    return {
      entity: 'pages',
      sourceId: page.sourceId,
      code: 'store-page-policy',
      subject: page.title,
      message: `“${page.title}” is the old store’s ${policy.name}. Shopify keeps policies apart from pages (Settings → Policies) and links them from checkout.`,
      action: asPolicies
        ? `It becomes the shop’s ${policy.name}, as chosen; the policy the shop had is kept and an undo puts it back. Its old URL redirects to ${policy.path}.`
        : 'It moves as a page. Choose “Write them as the shop’s policies” in the setup (or --policies on the command line) to make it the shop’s policy instead.',
    };
  }
  return null;
}
