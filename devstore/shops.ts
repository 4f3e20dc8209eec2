// A shop as devstore keeps it: its plan, dev-store and trial flags, currency and the one installed app
// (token, secret, URL, the protected customer data it may use).
import { randomBytes } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { PLANS, type Plan } from './bucket.ts';
import {
  CUSTOMER_DATA_LEVELS,
  type CustomerDataLevel,
  type ProtectedCustomerData,
} from './graphql/customer-data-access.ts';

export interface Shop {
  domain: string;
  name: string;
  email: string;
  plan: Plan;
  devStore: boolean;
  /** A store on Shopify's free trial: limited to 5 new orders a minute, like a development store. */
  trial: boolean;
  currencyCode: string;
  accessToken: string | null;
  /** When the access token stops working: an expiring offline token (devstore/oauth.ts); null never. */
  accessTokenExpiresAt: Date | null;
  appSecret: string | null;
  appUrl: string | null;
  webhookTopics: string[];
  protectedCustomerData: ProtectedCustomerData;
  /** Variants the shop is taken to hold besides devstore's rows (a large catalog without its rows). */
  extraVariants: number;
  /** Shopify Support lifted the variant-creation throttle for this store. */
  variantLimitLifted: boolean;
  createdAt: Date;
}

interface ShopRow {
  domain: string;
  name: string;
  email: string;
  plan: string;
  dev_store: boolean;
  trial: boolean;
  currency_code: string;
  access_token: string | null;
  access_token_expires_at: Date | null;
  app_secret: string | null;
  app_url: string | null;
  webhook_topics: string[];
  customer_data_selected: string;
  customer_data_approved: string;
  extra_variants: number;
  variant_limit_lifted: boolean;
  created_at: Date;
}

const level = (value: string): CustomerDataLevel =>
  (CUSTOMER_DATA_LEVELS as readonly string[]).includes(value) ? (value as CustomerDataLevel) : 'none';

function toShop(row: ShopRow): Shop {
  return {
    domain: row.domain,
    name: row.name,
    email: row.email,
    plan: (PLANS as readonly string[]).includes(row.plan) ? (row.plan as Plan) : 'Basic',
    devStore: row.dev_store,
    trial: row.trial,
    currencyCode: row.currency_code,
    accessToken: row.access_token,
    accessTokenExpiresAt: row.access_token_expires_at,
    appSecret: row.app_secret,
    appUrl: row.app_url,
    webhookTopics: row.webhook_topics,
    protectedCustomerData: { selected: level(row.customer_data_selected), approved: level(row.customer_data_approved) },
    extraVariants: row.extra_variants,
    variantLimitLifted: row.variant_limit_lifted,
    createdAt: row.created_at,
  };
}

export const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

export async function findShop(pool: Pool, domain: string): Promise<Shop | undefined> {
  const { rows } = await pool.query<ShopRow>('SELECT * FROM devstore.shops WHERE domain = $1', [domain]);
  return rows[0] ? toShop(rows[0]) : undefined;
}

export interface ShopSetup {
  domain: string;
  name?: string;
  plan?: Plan;
  devStore?: boolean;
  trial?: boolean;
  /** The store's currency (ISO 4217), USD unless given. */
  currencyCode?: string;
  accessToken?: string;
  appSecret?: string;
  appUrl?: string | null;
  webhookTopics?: string[];
  protectedCustomerData?: Partial<ProtectedCustomerData>;
  extraVariants?: number;
  variantLimitLifted?: boolean;
  /**
   * Sales channels the merchant has added besides the Online Store every shop starts with
   * ("Point of Sale", "Shop"): each is a publication products and collections can be published to.
   */
  salesChannels?: string[];
}

/** The shop's Online Store and its other sales channels, each a publication; those it has already stay. */
async function ensureSalesChannels(db: Pool | PoolClient, domain: string, others: string[]): Promise<void> {
  // Only online store channels support scheduled publishing (Mutation.publishablePublish's description).
  await db.query(
    `INSERT INTO devstore.publications (shop, name, supports_future_publishing)
     SELECT $1, name, name = 'Online Store' FROM unnest($2::text[]) AS name ON CONFLICT (shop, name) DO NOTHING`,
    [domain, ['Online Store', ...others]],
  );
}

/** Creates the shop, or wipes it back to an empty store with the given settings (a reset). */
export async function createOrResetShop(pool: Pool, setup: ShopSetup): Promise<Shop> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Cascades to the catalog; variants, levels and metafields hang off products and locations.
    await client.query('DELETE FROM devstore.metafields WHERE shop = $1', [setup.domain]);
    await client.query('DELETE FROM devstore.shops WHERE domain = $1', [setup.domain]);
    const name = setup.name ?? setup.domain.replace(/\.myshopify\.com$/, '');
    const { rows } = await client.query<ShopRow>(
      `INSERT INTO devstore.shops (domain, name, email, plan, dev_store, trial, currency_code, access_token, app_secret, app_url, webhook_topics, customer_data_selected, customer_data_approved,
         extra_variants, variant_limit_lifted)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, coalesce($12, 'level2'), coalesce($13, 'level2'), $14, $15) RETURNING *`,
      [
        setup.domain,
        name,
        `owner@${setup.domain}`,
        setup.plan ?? 'Basic',
        setup.devStore ?? true,
        setup.trial ?? false,
        setup.currencyCode ?? 'USD',
        setup.accessToken ?? `shpat_${randomBytes(16).toString('hex')}`,
        setup.appSecret ?? randomBytes(16).toString('hex'),
        setup.appUrl ?? null,
        setup.webhookTopics ?? [],
        setup.protectedCustomerData?.selected ?? null,
        setup.protectedCustomerData?.approved ?? null,
        setup.extraVariants ?? 0,
        setup.variantLimitLifted ?? false,
      ],
    );
    // Every Shopify store starts with one location, where stock goes by default, and its Online Store.
    await client.query("INSERT INTO devstore.locations (shop, name) VALUES ($1, 'Shop location')", [setup.domain]);
    await ensureSalesChannels(client, setup.domain, setup.salesChannels ?? []);
    await client.query('COMMIT');
    return toShop(rows[0] as ShopRow);
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Makes sure the shop exists with this app installed, keeping its catalog: the start-up path, so
 * state survives a restart. A reset is createOrResetShop.
 */
export async function ensureShop(pool: Pool, setup: ShopSetup): Promise<Shop> {
  const existing = await findShop(pool, setup.domain);
  if (!existing) return createOrResetShop(pool, setup);
  await ensureSalesChannels(pool, setup.domain, setup.salesChannels ?? []);
  const { rows } = await pool.query<ShopRow>(
    `UPDATE devstore.shops SET access_token = coalesce($2, access_token),
       access_token_expires_at = CASE WHEN $2::text IS NULL THEN access_token_expires_at END, app_secret = coalesce($3, app_secret), app_url = coalesce($4, app_url),
       webhook_topics = coalesce($5, webhook_topics), plan = coalesce($6, plan), dev_store = coalesce($7, dev_store), trial = coalesce($8, trial),
       currency_code = coalesce($9, currency_code), customer_data_selected = coalesce($10, customer_data_selected), customer_data_approved = coalesce($11, customer_data_approved)
     WHERE domain = $1 RETURNING *`,
    [
      setup.domain,
      setup.accessToken ?? null,
      setup.appSecret ?? null,
      setup.appUrl ?? null,
      setup.webhookTopics ?? null,
      setup.plan ?? null,
      setup.devStore ?? null,
      setup.trial ?? null,
      setup.currencyCode ?? null,
      setup.protectedCustomerData?.selected ?? null,
      setup.protectedCustomerData?.approved ?? null,
    ],
  );
  return toShop(rows[0] as ShopRow);
}

export interface ShopChanges {
  plan?: Plan;
  devStore?: boolean;
  trial?: boolean;
  currencyCode?: string;
  appUrl?: string | null;
  webhookTopics?: string[];
  protectedCustomerData?: Partial<ProtectedCustomerData>;
  extraVariants?: number;
  variantLimitLifted?: boolean;
}

export async function updateShop(pool: Pool, domain: string, changes: ShopChanges): Promise<Shop | undefined> {
  const { rows } = await pool.query<ShopRow>(
    `UPDATE devstore.shops SET plan = coalesce($2, plan), dev_store = coalesce($3, dev_store),
       app_url = CASE WHEN $4::boolean THEN $5 ELSE app_url END, webhook_topics = coalesce($6, webhook_topics), trial = coalesce($7, trial),
       currency_code = coalesce($8, currency_code), customer_data_selected = coalesce($9, customer_data_selected), customer_data_approved = coalesce($10, customer_data_approved),
       extra_variants = coalesce($11, extra_variants), variant_limit_lifted = coalesce($12, variant_limit_lifted)
     WHERE domain = $1 RETURNING *`,
    [
      domain,
      changes.plan ?? null,
      changes.devStore ?? null,
      changes.appUrl !== undefined,
      changes.appUrl ?? null,
      changes.webhookTopics ?? null,
      changes.trial ?? null,
      changes.currencyCode ?? null,
      changes.protectedCustomerData?.selected ?? null,
      changes.protectedCustomerData?.approved ?? null,
      changes.extraVariants ?? null,
      changes.variantLimitLifted ?? null,
    ],
  );
  return rows[0] ? toShop(rows[0]) : undefined;
}

/** Uninstalling removes the token, so the app's next call gets the 401 Shopify would give. */
export async function uninstallApp(pool: Pool, domain: string): Promise<Shop | undefined> {
  await pool.query('DELETE FROM devstore.offline_tokens WHERE shop = $1', [domain]);
  const { rows } = await pool.query<ShopRow>(
    'UPDATE devstore.shops SET access_token = NULL, access_token_expires_at = NULL WHERE domain = $1 RETURNING *',
    [domain],
  );
  return rows[0] ? toShop(rows[0]) : undefined;
}
