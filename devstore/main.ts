// npm run devstore: devstore on its own. Needs a PostgreSQL (DATABASE_URL or --database-url);
// --shop makes sure a shop exists with an installed app, and prints how to call it.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { PLANS } from './bucket.ts';
import { ADMIN_API_VERSION } from '../admin-api/version.ts';
import { startDevstore } from './server.ts';
import { SHOP_DOMAIN } from './shops.ts';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    shop: { type: 'string' },
    token: { type: 'string' },
    secret: { type: 'string' },
    'app-url': { type: 'string' },
    plan: { type: 'string' },
    trial: { type: 'boolean' },
    currency: { type: 'string' },
    'latency-ms': { type: 'string' },
    'jitter-ms': { type: 'string' },
  },
});

const settings = z
  .object({
    databaseUrl: z
      .string({
        error: 'Set DATABASE_URL or pass --database-url (devstore keeps its state in PostgreSQL, schema "devstore").',
      })
      .min(1),
    port: z.coerce.number().int().min(0).max(65535),
    host: z.string(),
    shop: z.string().regex(SHOP_DOMAIN, '--shop must look like name.myshopify.com').optional(),
    plan: z.enum(PLANS).optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, '--currency is a three-letter code such as EUR')
      .optional(),
    latencyMs: z.coerce.number().min(0),
    jitterMs: z.coerce.number().min(0),
  })
  .safeParse({
    databaseUrl: values['database-url'] ?? process.env.DATABASE_URL,
    port: values.port ?? process.env.DEVSTORE_PORT ?? 4000,
    host: values.host ?? process.env.DEVSTORE_HOST ?? '127.0.0.1',
    shop: values.shop,
    plan: values.plan,
    currency: values.currency,
    latencyMs: values['latency-ms'] ?? 100,
    jitterMs: values['jitter-ms'] ?? 30,
  });
if (!settings.success) {
  console.error(z.prettifyError(settings.error));
  process.exit(1);
}
const config = settings.data;

const devstore = await startDevstore({
  connectionString: config.databaseUrl,
  port: config.port,
  host: config.host,
  latency: { baseMs: config.latencyMs, jitterMs: config.jitterMs },
  shops: config.shop
    ? [
        {
          domain: config.shop,
          ...(values.token ? { accessToken: values.token } : {}),
          ...(values.secret ? { appSecret: values.secret } : {}),
          ...(values['app-url']
            ? { appUrl: values['app-url'], webhookTopics: ['app/uninstalled', 'app/scopes_update'] }
            : {}),
          ...(config.plan ? { plan: config.plan } : {}),
          ...(values.trial ? { devStore: false, trial: true } : {}),
          ...(config.currency ? { currencyCode: config.currency } : {}),
        },
      ]
    : [],
});

console.log(
  `devstore: Admin GraphQL at ${devstore.url}/admin/api/${ADMIN_API_VERSION}/graphql.json (shop by Host or X-Devstore-Shop header), control API at ${devstore.url}/devstore/`,
);
if (config.shop) {
  const { rows } = await devstore.pool.query<{ access_token: string | null }>(
    'SELECT access_token FROM devstore.shops WHERE domain = $1',
    [config.shop],
  );
  console.log(`devstore: ${config.shop} installed with access token ${rows[0]?.access_token ?? '(none)'}`);
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`devstore: ${signal}, stopping`);
  await devstore.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
