// A WooCommerce test store, devstore as the Shopify store, and Shipyard's worker between them:
// what the end-to-end migration tests and the benchmark run on.
import { Session } from '@shopify/shopify-api';
import type { Runner } from 'graphile-worker';
import type { Entity } from '../../connectors/model.ts';
import { db } from '../../app/db/db.server.ts';
import { createMigration } from '../../app/pipeline/lifecycle.server.ts';
import { approveMigration } from '../../app/pipeline/steps/load.server.ts';
import { startMigration } from '../../app/pipeline/steps/extract.server.ts';
import { PrismaSessionStorage } from '../../app/shopify-app/sessions.server.ts';
import { refreshShopDetails } from '../../app/shopify-app/shop-details.server.ts';
import { adminClientFor } from '../../app/shopify-admin/connection.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, createShop } from '../../devstore/testing.ts';
import type { Plan } from '../../devstore/bucket.ts';
import { startWorker } from '../../jobs/runner.ts';
import type { WooCommerceTestServer } from '../../connectors/woocommerce/fake/server.ts';

/**
 * A devstore shop with Shipyard installed: its offline session is in Shipyard's database, and, as an
 * install does, its name, plan and currency are read from the Admin API. The test WooCommerce store
 * sells in EUR, and so does the shop unless a test says otherwise (a merchant moving a EUR store
 * usually sets up Shopify in EUR; the EUR → USD case has a test of its own). `salesChannels`: the
 * channels the shop has besides its Online Store.
 */
export async function installedShop(
  devstore: Devstore,
  plan: Plan = 'Plus',
  settings: { currencyCode?: string; devStore?: boolean; trial?: boolean; salesChannels?: string[] } = {},
): Promise<TestShop> {
  const shop = await createShop(devstore, { plan, currencyCode: 'EUR', ...settings });
  await new PrismaSessionStorage().storeSession(
    new Session({
      id: `offline_${shop.domain}`,
      shop: shop.domain,
      state: 'installed',
      isOnline: false,
      accessToken: shop.accessToken,
    }),
  );
  process.env.DEVSTORE_URL = devstore.url;
  await db().shop.upsert({ where: { shop: shop.domain }, create: { shop: shop.domain }, update: {} });
  const client = await adminClientFor(shop.domain);
  await refreshShopDetails((document) => client.request(document), shop.domain);
  return shop;
}

export function startTestWorker(): Promise<Runner> {
  return startWorker({
    connectionString: process.env.DATABASE_URL as string,
    concurrency: 4,
    pollInterval: 100,
    quiet: true,
  });
}

export interface RunOptions {
  entities?: Entity[];
  /** Stop at "ready for review" instead of writing straight on. */
  review?: boolean;
  /** Force products through bulk operations (true) or single requests (false). */
  bulk?: boolean;
  /** The setup option "Records already in Shopify". */
  existingRecords?: 'update' | 'skip';
  /** The setup option "Exchange rates for orders in another currency" ({ EUR: '1.10' }). */
  exchangeRates?: Record<string, string>;
  /** The setup option "Cut text longer than Shopify allows" ('cut'), or keep such a record back (the default). */
  longText?: 'keep-back' | 'cut';
  /** The setup option "Create broader discount codes". */
  broaderCoupons?: boolean;
  /** The sales channels (publication ids) chosen in the setup; unset, the shop's Online Store. */
  channels?: string[];
  /** The setup option "Privacy, refund and terms pages": as pages (the default), or as the shop's policies. */
  policies?: 'pages' | 'policies';
  timeoutMs?: number;
}

export async function migrate(woo: WooCommerceTestServer, shop: TestShop, options: RunOptions = {}) {
  const migration = await createMigration({
    shop: shop.domain,
    platform: 'woocommerce',
    sourceUrl: woo.url,
    credentials: { url: woo.url, consumerKey: woo.consumerKey, consumerSecret: woo.consumerSecret },
    entities: options.entities ?? ['collections', 'products'],
    options: {
      unattended: !options.review,
      ...(options.bulk === undefined ? {} : { bulk: options.bulk }),
      ...(options.existingRecords ? { existingRecords: options.existingRecords } : {}),
      ...(options.exchangeRates ? { exchangeRates: options.exchangeRates } : {}),
      ...(options.longText ? { longText: options.longText } : {}),
      ...(options.channels ? { channels: options.channels } : {}),
      ...(options.broaderCoupons ? { broaderCoupons: true } : {}),
      ...(options.policies ? { policies: options.policies } : {}),
    },
  });
  await startMigration(shop.domain, migration.id);
  return migration.id;
}

export async function untilSettled(
  migrationId: string,
  timeoutMs = 120_000,
  settled = ['completed', 'failed', 'cancelled', 'ready'],
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
    if (settled.includes(migration.status)) return migration;
    if (Date.now() > deadline)
      throw new Error(`migration still ${migration.status}/${migration.phase} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export { approveMigration };
