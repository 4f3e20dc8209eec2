// For devstore's own tests: a devstore on port 0 with no latency, a shop, and a small Admin client.
import { randomBytes } from 'node:crypto';
import type { Plan } from './bucket.ts';
import { startDevstore, type Devstore, type DevstoreOptions } from './server.ts';
import { ADMIN_API_VERSION } from '../admin-api/version.ts';

export interface TestShop {
  domain: string;
  accessToken: string;
  appSecret: string;
}

export async function startTestDevstore(options: Partial<DevstoreOptions> = {}): Promise<Devstore> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is not set (the test harness gives each file its own database)');
  return startDevstore({ connectionString, port: 0, latency: { baseMs: 0, jitterMs: 0 }, poolSize: 5, ...options });
}

/** JSON answers as tests read them: by path, with the assertions checking their shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type Answer = any;

export async function control(
  devstore: Devstore,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Answer }> {
  const response = await fetch(`${devstore.url}/devstore${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

export async function createShop(
  devstore: Devstore,
  settings: {
    plan?: Plan;
    devStore?: boolean;
    trial?: boolean;
    currencyCode?: string;
    appUrl?: string;
    webhookTopics?: string[];
    extraVariants?: number;
    variantLimitLifted?: boolean;
    salesChannels?: string[];
  } = {},
): Promise<TestShop> {
  const domain = `shop-${randomBytes(4).toString('hex')}.myshopify.com`;
  const accessToken = `shpat_${randomBytes(16).toString('hex')}`;
  const appSecret = randomBytes(16).toString('hex');
  const { status, body } = await control(devstore, 'POST', '/shops', { domain, accessToken, appSecret, ...settings });
  if (status !== 201) throw new Error(`could not create shop: ${JSON.stringify(body)}`);
  return { domain, accessToken, appSecret };
}

export interface AdminResponse {
  status: number;
  body: Answer;
}

/** Posts a GraphQL document the way an app does. fetch cannot set Host, so the shop goes in X-Devstore-Shop. */
export async function admin(
  devstore: Devstore,
  shop: TestShop,
  query: string,
  variables: Record<string, unknown> = {},
  token = shop.accessToken,
): Promise<AdminResponse> {
  const response = await fetch(`${devstore.url}/admin/api/${ADMIN_API_VERSION}/graphql.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Devstore-Shop': shop.domain, 'X-Shopify-Access-Token': token },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json() };
}
