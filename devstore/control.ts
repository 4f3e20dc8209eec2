// The control API for tests and demos (JSON under /devstore/): create or reset a shop with its
// installed app, change its plan, dev-store and trial flags, currency, the app's protected customer data access and catalog size (variants held beyond its rows, a lifted variant limit), set latency and faults, read counters and
// webhook deliveries, the emails the shop sent, and a customer's account state (which changes
// outside the Admin API, when the customer signs up in the store). It is local tooling: no
// authentication, bind devstore to localhost.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Pool } from 'pg';
import { z } from 'zod';
import { CUSTOMER_STATES, sentEmails, setCustomerState } from './customers/invitations.ts';
import { PLANS, RESTORE_RATE, type LeakyBuckets } from './bucket.ts';
import { CUSTOMER_DATA_LEVELS, customerDataLevel } from './graphql/customer-data-access.ts';
import { readBody, sendJson } from './http.ts';
import { networkSchema, type Network } from './network.ts';
import { expireAccessToken, issueExpiringTokens } from './oauth.ts';
import { SHOP_DOMAIN, createOrResetShop, findShop, uninstallApp, updateShop, type Shop } from './shops.ts';
import type { Webhooks } from './webhooks.ts';

const shopSetupSchema = z.object({
  domain: z.string().regex(SHOP_DOMAIN, 'domain must look like name.myshopify.com'),
  name: z.string().optional(),
  plan: z.enum(PLANS).optional(),
  devStore: z.boolean().optional(),
  trial: z.boolean().optional(),
  currencyCode: z
    .string()
    .regex(/^[A-Z]{3}$/, 'currencyCode is a three-letter ISO 4217 code such as EUR')
    .optional(),
  accessToken: z.string().min(1).optional(),
  appSecret: z.string().min(1).optional(),
  appUrl: z.url().nullable().optional(),
  webhookTopics: z.array(z.string()).optional(),
  /** The app holds an expiring offline token and a refresh token (instead of a token that never expires). */
  expiringOfflineTokens: z
    .object({
      apiKey: z.string().min(1),
      scope: z.string().optional(),
      accessTokenSeconds: z.number().int().positive().optional(),
      refreshTokenSeconds: z.number().int().positive().optional(),
    })
    .optional(),
  // What the app's developer selected in the Partner Dashboard and what Shopify approved: none, level1, level2.
  protectedCustomerData: z
    .object({ selected: z.enum(CUSTOMER_DATA_LEVELS).optional(), approved: z.enum(CUSTOMER_DATA_LEVELS).optional() })
    .optional(),
  // A large catalog without its rows (past 50,000 variants: Shopify's variant-creation throttle), or a store whose limit Support lifted.
  extraVariants: z.number().int().min(0).optional(),
  variantLimitLifted: z.boolean().optional(),
  salesChannels: z
    .array(
      z
        .string()
        .min(1)
        .refine((name) => name !== 'Online Store', 'every shop has its Online Store already'),
    )
    .optional(),
});

const shopChangesSchema = shopSetupSchema.omit({
  domain: true,
  name: true,
  accessToken: true,
  appSecret: true,
  expiringOfflineTokens: true,
  salesChannels: true,
});

export interface ControlDeps {
  pool: Pool;
  network: Network;
  buckets: LeakyBuckets;
  webhooks: Webhooks;
}

function describe(deps: ControlDeps, shop: Shop) {
  return {
    ...shop,
    // The level that counts on this shop: the selection on a development store, else the approval.
    customerDataAccess: customerDataLevel(shop),
    throttleStatus: deps.buckets.status(shop.domain, RESTORE_RATE[shop.plan]),
    network: deps.network.settings(shop.domain),
    counters: deps.network.counters(shop.domain),
  };
}

async function json(request: IncomingMessage): Promise<unknown> {
  const text = await readBody(request);
  return text ? JSON.parse(text) : {};
}

export async function handleControl(
  deps: ControlDeps,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
): Promise<void> {
  const method = request.method ?? 'GET';
  const parts = pathname.split('/').filter(Boolean).slice(1);
  try {
    if (parts.length === 1 && parts[0] === 'shops' && method === 'POST') {
      const { expiringOfflineTokens, ...setup } = shopSetupSchema.parse(await json(request));
      let shop = await createOrResetShop(deps.pool, setup);
      const tokens = expiringOfflineTokens
        ? await issueExpiringTokens(deps.pool, shop.domain, expiringOfflineTokens)
        : null;
      if (tokens) shop = (await findShop(deps.pool, shop.domain)) ?? shop;
      deps.network.forget(shop.domain);
      deps.buckets.reset(shop.domain);
      deps.webhooks.forget(shop.domain);
      return sendJson(response, 201, {
        ...describe(deps, shop),
        ...(tokens ? { refreshToken: tokens.refreshToken, refreshTokenExpiresAt: tokens.refreshTokenExpiresAt } : {}),
      });
    }
    if (parts[0] !== 'shops' || !parts[1]) return sendJson(response, 404, { error: 'unknown control route' });
    const domain = decodeURIComponent(parts[1]);
    const action = parts.slice(2).join('/');
    const shop = await findShop(deps.pool, domain);
    if (!shop) return sendJson(response, 404, { error: `no shop ${domain}` });

    if (action === '' && method === 'GET') return sendJson(response, 200, describe(deps, shop));
    if (action === '' && method === 'PATCH') {
      const updated = await updateShop(deps.pool, domain, shopChangesSchema.parse(await json(request)));
      return sendJson(response, 200, describe(deps, updated ?? shop));
    }
    if (action === 'network' && method === 'PUT') {
      deps.network.configure(domain, networkSchema.parse(await json(request)));
      return sendJson(response, 200, deps.network.settings(domain));
    }
    if (action === 'counters' && method === 'GET') return sendJson(response, 200, deps.network.counters(domain));
    if (action === 'counters/operations' && method === 'GET')
      return sendJson(response, 200, deps.network.operations(domain));
    if (action === 'webhooks' && method === 'GET') {
      await deps.webhooks.settle();
      return sendJson(response, 200, deps.webhooks.log(domain));
    }
    if (action === 'emails' && method === 'GET') return sendJson(response, 200, await sentEmails(deps.pool, domain));
    const account = /^customers\/(\d+)\/state$/.exec(action);
    if (account?.[1] && method === 'PUT') {
      const { state } = z.object({ state: z.enum(CUSTOMER_STATES) }).parse(await json(request));
      if (!(await setCustomerState(deps.pool, domain, account[1], state)))
        return sendJson(response, 404, { error: `no customer ${account[1]} in ${domain}` });
      return sendJson(response, 200, { state });
    }
    if (action === 'access-token/expire' && method === 'POST') {
      await expireAccessToken(deps.pool, domain);
      return sendJson(response, 200, describe(deps, (await findShop(deps.pool, domain)) ?? shop));
    }
    if (action === 'uninstall' && method === 'POST') {
      // Shopify sends app/uninstalled once the token is already revoked.
      const uninstalled = await uninstallApp(deps.pool, domain);
      deps.webhooks.send(shop, 'app/uninstalled', {
        id: 1,
        name: shop.name,
        email: shop.email,
        domain: shop.domain,
        myshopify_domain: shop.domain,
        plan_name: shop.plan,
      });
      return sendJson(response, 200, describe(deps, uninstalled ?? shop));
    }
    return sendJson(response, 404, { error: 'unknown control route' });
  } catch (error) {
    if (error instanceof z.ZodError) return sendJson(response, 400, { error: z.prettifyError(error) });
    if (error instanceof SyntaxError) return sendJson(response, 400, { error: `invalid JSON: ${error.message}` });
    throw error;
  }
}
