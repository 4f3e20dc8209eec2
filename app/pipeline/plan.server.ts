// Plan: the order entities are written in, and what that costs in Admin API points and time on this
// shop's plan, so the merchant knows before starting.
import type { Entity } from '../../connectors/model.ts';
import type { CatalogPublishing } from '../sales-channels.ts';

/**
 * Write order: what a record points at is written before it (collections before the products in
 * them…); redirects once everything with an old URL (products, collections, pages, posts) is written.
 */
export const LOAD_ORDER: Entity[] = ['collections', 'products', 'customers', 'orders', 'pages', 'blogPosts', 'redirects', 'discounts', 'reviews'];

/**
 * Points one record costs with the synchronous API: Shopify charges 10 points per mutation; some
 * records take more than one call (a product's collection memberships); reviews share calls.
 */
const POINTS_PER_RECORD: Record<Entity, number> = {
  collections: 10,
  products: 20, // productSet, then its collection memberships
  redirects: 10,
  customers: 10,
  orders: 10,
  pages: 10,
  blogPosts: 10, // articleCreate; the blog itself once
  discounts: 10, // one discountCodeBasicCreate or discountCodeFreeShippingCreate per coupon
  // One metafieldsSet (10 points) carries the reviews of 8 products, so a review costs 1.25 points at
  // most (each product has one review or more); rounded up.
  reviews: 2,
};

/** Development stores accept 5 new orders a minute through orderCreate (Shopify's documented limit). */
export const DEV_STORE_ORDERS_PER_MINUTE = 5;

export interface ShopPlan {
  planName: string | null;
  shopifyPlus: boolean;
  partnerDevelopment: boolean;
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
  /** What is published on which sales channels, and what stays unpublished (plans made before publishing have none). */
  publishing?: CatalogPublishing;
}

/** Publishing a product or collection is one publishablePublish, however many channels it names. */
const POINTS_PER_PUBLISHED = 10;

export function planMigration(counts: Partial<Record<Entity, number>>, chosen: Entity[], plan: ShopPlan, publishing?: CatalogPublishing): MigrationPlan {
  const rate = restoreRate(plan);
  const entities = LOAD_ORDER.filter((entity) => chosen.includes(entity)).map((entity): EntityPlan => {
    const records = counts[entity] ?? 0;
    const published = publishing && (entity === 'products' || entity === 'collections') ? publishing[entity].published : 0;
    const points = records * POINTS_PER_RECORD[entity] + published * POINTS_PER_PUBLISHED;
    let seconds = points / rate;
    let note: string | null = null;
    if (entity === 'orders' && plan.partnerDevelopment && records > 0) {
      const limited = (records / DEV_STORE_ORDERS_PER_MINUTE) * 60;
      if (limited > seconds) {
        seconds = limited;
        note = `Development stores accept ${DEV_STORE_ORDERS_PER_MINUTE} new orders a minute.`;
      }
    }
    return { entity, records, points, seconds: Math.ceil(seconds), note };
  });
  return {
    restoreRate: rate,
    entities,
    points: entities.reduce((sum, entity) => sum + entity.points, 0),
    seconds: entities.reduce((sum, entity) => sum + entity.seconds, 0),
    ...(publishing ? { publishing } : {}),
  };
}
