// Local mode's stand-in for Shopify: the demo shop with its offline session, and devstore serving
// its Admin API (unless DEVSTORE_URL points at one already running). Used by npm start and the CLI.
import { DEMO_SHOP, appCredentials } from './app-config.server.ts';
import { refreshDemoShopDetails, seedDemoShop } from './demo-shop.server.ts';
import type { Env } from './env.server.ts';
import { type Devstore, startDevstore } from '../../devstore/server.ts';

export interface LocalMode {
  stop(): Promise<void>;
}

export async function startLocalMode(
  config: Env,
  databaseUrl: string,
  log: (line: string) => void = console.log,
): Promise<LocalMode> {
  const session = await seedDemoShop();
  let devstore: Devstore | undefined;
  if (!config.DEVSTORE_URL && !process.env.DEVSTORE_URL) {
    devstore = await startDevstore({
      connectionString: databaseUrl,
      port: config.DEVSTORE_PORT,
      shops: [
        {
          domain: DEMO_SHOP,
          name: 'Demo Shop',
          plan: 'Basic',
          devStore: true,
          accessToken: session.accessToken,
          appSecret: appCredentials(config).apiSecret,
          appUrl: `http://127.0.0.1:${config.PORT}`,
          webhookTopics: [
            'app/uninstalled',
            'app/scopes_update',
            'customers/data_request',
            'customers/redact',
            'shop/redact',
          ],
          // A merchant who also sells in person: a second sales channel beside the Online Store to choose from.
          salesChannels: ['Point of Sale'],
        },
      ],
    });
    process.env.DEVSTORE_URL = devstore.url;
    log(`devstore (the demo shop's Admin API) at ${devstore.url}`);
  }
  await refreshDemoShopDetails();
  return { stop: async () => devstore?.stop() };
}
