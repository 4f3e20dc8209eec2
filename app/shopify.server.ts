// The one Shopify entry point: everything else imports authentication and the API version from
// here, so tests and local mode replace one module.
import '@shopify/shopify-app-remix/adapters/node';
import { AppDistribution, shopifyApp } from '@shopify/shopify-app-remix/server';
import type { Session } from '@shopify/shopify-api';
import { DEMO_SHOP, appCredentials } from './shopify-app/app-config.server.ts';
import { PrismaSessionStorage } from './shopify-app/sessions.server.ts';
import { refreshShopDetails } from './shopify-app/shop-details.server.ts';
import { recordInstall } from './shopify-app/shops.server.ts';
import { env } from './shopify-app/env.server.ts';
import { API_VERSION } from './shopify-admin/api-version.ts';

export { API_VERSION };

const credentials = appCredentials();
const sessionStorage = new PrismaSessionStorage();

const shopify = shopifyApp({
  apiKey: credentials.apiKey,
  apiSecretKey: credentials.apiSecret,
  apiVersion: API_VERSION,
  scopes: credentials.scopes,
  appUrl: credentials.appUrl,
  authPathPrefix: '/auth',
  sessionStorage,
  distribution: AppDistribution.AppStore,
  isEmbeddedApp: !credentials.local,
  ...(env().SHOP_CUSTOM_DOMAIN ? { customShopDomains: [env().SHOP_CUSTOM_DOMAIN as string] } : {}),
  hooks: {
    afterAuth: async ({ session, admin }) => {
      await recordInstall(session.shop, session.scope ?? null);
      await refreshShopDetails((document) => admin.graphql(document).then((response) => response.json()), session.shop);
    },
  },
  future: {
    // Shopify-managed installation (scopes in shopify.app.toml) with token exchange, not the
    // redirect-based OAuth dance.
    unstable_newEmbeddedAuthStrategy: true,
    expiringOfflineAccessTokens: true,
  },
});

export default shopify;
export const isLocal = credentials.local;
export const apiKey = credentials.apiKey;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const login = shopify.login;
export { sessionStorage };

export interface StaffContext {
  session: Session;
}

/**
 * Authenticates a request from the admin UI. Embedded, that is Shopify's session token check;
 * in local mode there is no admin to embed in, so the request acts for the seeded demo shop.
 */
export async function authenticateStaff(request: Request): Promise<StaffContext> {
  if (!isLocal) {
    const { session } = await shopify.authenticate.admin(request);
    return { session };
  }
  const session = await sessionStorage.loadSession(`offline_${DEMO_SHOP}`);
  if (!session) {
    throw new Response('The demo shop has not been seeded; restart with npm start.', { status: 503 });
  }
  return { session };
}
