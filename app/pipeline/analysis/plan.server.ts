// Plan: the order entities are written in, and what that costs in Admin API points and time on this
// shop's plan, so the merchant knows before starting.
import type { Entity } from '../../../connectors/model.ts';
import type { CustomerDataNotice } from './customer-data-notice.ts';
import type { CatalogPublishing } from '../../migrations/sales-channels.ts';
import {
  LIMITED_STORE_ORDERS_PER_MINUTE,
  type ShopPlan,
  orderLimitOf,
} from '../../shopify-admin/limits/order-pacing.server.ts';
import { NEW_VARIANTS_PER_DAY, VARIANT_THROTTLE_THRESHOLD } from '../../shopify-admin/limits/variant-limit.server.ts';
import { ORDER_CREATE_COST } from '../../shopify-admin/costs.server.ts';
import { productsWay } from './bulk-rule.server.ts';

/**
 * Write order: what a record points at is written before it (collections before the products in
 * them…); redirects once everything with an old URL (products, collections, pages, posts) is written.
 */
export const LOAD_ORDER: Entity[] = [
  'collections',
  'products',
  'customers',
  'orders',
  'pages',
  'blogPosts',
  'redirects',
  'discounts',
  'reviews',
];

/**
 * Points one record costs with the synchronous API, by Shopify's documented prices
 * (docs/decisions/0017-costs-by-the-documented-rules.md): a mutation is 10. Products, customers
 * and reviews depend on the records and are priced from them when the plan is made
 * (plan-points.server.ts); the figures here are for a record about which nothing more is known.
 */
export const POINTS_PER_RECORD: Record<Entity, number> = {
  collections: 10,
  // productSet of one variant (10.2) with its source reference (0.4), rounded up, and the variant read back (2 + 1).
  products: 14,
  // By Shopify's CSV import (decision 0035): about 0.2 a redirect where the new ones are read back by
  // a bulk query, about 1.2 on Plus, where they are read back by pages; the dearer one is planned.
  redirects: 1.2,
  // customerSet, then its metafieldsSet: 10 and 1 for the customer it writes to.
  customers: 21,
  orders: ORDER_CREATE_COST,
  pages: 10,
  blogPosts: 11, // articleCreate, and its blog read back (1); the blog itself once
  discounts: 10, // one discountCodeBasicCreate or discountCodeFreeShippingCreate per coupon
  // Each product's reviews: 4 in a metafieldsSet shared by 8 products (10 a call), so 5.25 for a
  // product with one review; a review costs at most that.
  reviews: 5.25,
};

const DAY_SECONDS = 86_400;

/** The variants in the store now (null when Shopify could not be asked) and those the products will create. */
export interface CatalogSize {
  variantsInShop: number | null;
  newVariants: number;
}

/** Seconds the new variants past the threshold take at 1,000 a day, with the words that say so; null below it. */
function variantLimit({ variantsInShop, newVariants }: CatalogSize): { seconds: number; note: string } | null {
  const past = Math.min(newVariants, (variantsInShop ?? 0) + newVariants - VARIANT_THROTTLE_THRESHOLD);
  if (past <= 0) return null;
  const days = Math.ceil(past / NEW_VARIANTS_PER_DAY);
  const counted =
    variantsInShop === null ? ' (not counting the variants your store already has: Shopify could not be asked)' : '';
  return {
    seconds: days * DAY_SECONDS,
    note: `Past 50,000 variants Shopify creates at most ${NEW_VARIANTS_PER_DAY.toLocaleString('en')} new variants a day: ${past.toLocaleString('en')} of the ${newVariants.toLocaleString('en')} new variants wait for that, about ${days} day${days > 1 ? 's' : ''}${counted}.`,
  };
}

/** Points restored per second for the shop's plan (Shopify's GraphQL Admin API rate limits). */
export function restoreRate(plan: ShopPlan): number {
  if (plan.shopifyPlus) return 1000;
  if (plan.planName && /advanced/i.test(plan.planName)) return 200;
  return 100;
}

export interface EntityPlan {
  entity: Entity;
  records: number;
  points: number;
  seconds: number;
  /** Why this entity takes longer than its points alone say. */
  note: string | null;
}

export interface MigrationPlan {
  restoreRate: number;
  entities: EntityPlan[];
  points: number;
  seconds: number;
  /** Set when Shopify refuses customers' personal data: what is kept back and why (customer-data.server.ts). */
  customerData?: CustomerDataNotice | null;
  /** What is published on which sales channels, and what stays unpublished (plans made before publishing have none). */
  publishing?: CatalogPublishing;
  /** Set on a development or trial store when orders move: how many it takes a minute, for the time left. */
  ordersPerMinute?: number;
  /** Whether products go in bulk operations (decision 0007, bulk-rule.server.ts); unset in plans made before it. */
  productsInBulk?: boolean;
}

/** Publishing a collection is one publishablePublish, however many channels it names. */
const POINTS_PER_PUBLISHED = 10;

/**
 * `priced`: the points of entities priced from their records (plan-points.server.ts), which win over
 * the per-record figure; `notes`: what else the merchant should read beside an entity (the orders'
 * currencies); `catalog`: the store's variants and the new ones, for Shopify's daily variant limit;
 * `publishing`: what will be published where (each collection's publishablePublish adds to the points);
 * `bulk`: the migration's own choice of bulk operations for products, else the rule's (bulk-rule.server.ts).
 */
export function planMigration(
  counts: Partial<Record<Entity, number>>,
  chosen: Entity[],
  plan: ShopPlan,
  {
    priced = {},
    notes = {},
    catalog = { variantsInShop: 0, newVariants: 0 },
    publishing,
    bulk,
  }: {
    priced?: Partial<Record<Entity, number>>;
    notes?: Partial<Record<Entity, string>>;
    catalog?: CatalogSize;
    publishing?: CatalogPublishing;
    bulk?: boolean;
  } = {},
): MigrationPlan {
  const rate = restoreRate(plan);
  let productsInBulk: boolean | undefined;
  const entities = LOAD_ORDER.filter((entity) => chosen.includes(entity)).map((entity): EntityPlan => {
    const records = counts[entity] ?? 0;
    // Products are published by a bulk operation, which spends no points; collections a request each.
    const published = publishing && entity === 'collections' ? publishing[entity].published : 0;
    let points = Math.ceil(priced[entity] ?? records * POINTS_PER_RECORD[entity]) + published * POINTS_PER_PUBLISHED;
    let seconds = points / rate;
    let note: string | null = null;
    if (entity === 'products' && records > 0) {
      const way = productsWay(records, points, rate);
      productsInBulk = bulk ?? way.bulk;
      if (productsInBulk) {
        ({ bulkPoints: points, bulkSeconds: seconds } = way);
        note =
          bulk === undefined
            ? `In bulk operations, which spend no API points: about ${minutes(way.bulkSeconds)} where one request a product would take about ${minutes(way.requestSeconds)} on your plan.`
            : 'In bulk operations, which spend no API points, as this migration asks.';
      }
    }
    const orderLimit = entity === 'orders' ? orderLimitOf(plan) : null;
    if (orderLimit && records > 0) {
      const limited = (records / LIMITED_STORE_ORDERS_PER_MINUTE) * 60;
      if (limited > seconds) {
        seconds = limited;
        note = orderLimit;
      }
    }
    const limited = entity === 'products' ? variantLimit(catalog) : null;
    if (limited && limited.seconds > seconds) ({ seconds, note } = limited);
    return {
      entity,
      records,
      points,
      seconds: Math.ceil(seconds),
      note: [note, notes[entity]].filter(Boolean).join(' ') || null,
    };
  });
  return {
    restoreRate: rate,
    entities,
    points: entities.reduce((sum, entity) => sum + entity.points, 0),
    seconds: entities.reduce((sum, entity) => sum + entity.seconds, 0),
    ...(publishing ? { publishing } : {}),
    ...(chosen.includes('orders') && orderLimitOf(plan) ? { ordersPerMinute: LIMITED_STORE_ORDERS_PER_MINUTE } : {}),
    ...(productsInBulk === undefined ? {} : { productsInBulk }),
  };
}

/** "3 minutes", "1 minute", "under a minute": for a note that compares two durations. */
function minutes(seconds: number): string {
  const whole = Math.round(seconds / 60);
  if (whole < 1) return 'under a minute';
  return `${whole.toLocaleString('en')} minute${whole === 1 ? '' : 's'}`;
}
