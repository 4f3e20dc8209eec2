// How fast orders may go into this shop. Development and trial stores take 5 new orders a minute
// (told by the shop's plan: `partnerDevelopment`, or a public name of "Trial" / "Plus Trial"): the
// loader writes what the minute allows and asks for its next batch once the minute has passed. When
// Shopify answers 429 anyway (the merchant's own orders used the minute), the order waits and is
// written again, never failed. What a migration may create this minute is app/pipeline/entities/orders/pacing.server.ts.
import { AdminApiError } from '../client.server.ts';
import type { Writer } from '../writer.server.ts';

/**
 * Development and trial stores accept 5 new orders a minute through orderCreate: "If you're using
 * the `orderCreate` mutation with a trial or development store, then you can create a maximum of
 * five new orders per minute." (the mutation's description in the Admin schema).
 */
export const LIMITED_STORE_ORDERS_PER_MINUTE = 5;

export interface ShopPlan {
  /** ShopPlan.publicDisplayName: "Basic", "Advanced", "Plus", "Development", "Trial", "Plus Trial"… */
  planName: string | null;
  shopifyPlus: boolean;
  partnerDevelopment: boolean;
}

/** A store on Shopify's free trial, told by its plan's public name ("Trial", "Plus Trial"). */
export function isTrialStore(plan: Pick<ShopPlan, 'planName'>): boolean {
  return /\btrial\b/i.test(plan.planName ?? '');
}

/** Why orders are paced on this store (a development or trial store's limit), or null when they are not. */
export function orderLimitOf(plan: Pick<ShopPlan, 'planName' | 'partnerDevelopment'>): string | null {
  if (plan.partnerDevelopment)
    return `Development stores accept ${LIMITED_STORE_ORDERS_PER_MINUTE} new orders a minute.`;
  if (isTrialStore(plan)) return `Trial stores accept ${LIMITED_STORE_ORDERS_PER_MINUTE} new orders a minute.`;
  return null;
}

export const SHOP_FOR_ORDERS = `#graphql
  query ShopForOrders {
    shop {
      currencyCode
      plan {
        partnerDevelopment
        publicDisplayName
      }
    }
  }
`;

export const MINUTE = 60_000;

export interface ShopForOrders {
  /** The shop's currency: an order's shop money is in it. */
  currencyCode: string;
  /** A development or trial store: 5 new orders a minute. */
  limited: boolean;
}

/** The shop's currency and whether its plan limits new orders, as Shopify says now. */
export async function shopForOrders(writer: Writer): Promise<ShopForOrders> {
  const { data } = await writer.client.request<{
    shop: { currencyCode: string; plan: { partnerDevelopment: boolean; publicDisplayName: string } };
  }>(SHOP_FOR_ORDERS, {}, { estimatedCost: 2 });
  const limit = orderLimitOf({
    planName: data.shop.plan.publicDisplayName,
    partnerDevelopment: data.shop.plan.partnerDevelopment,
  });
  return { currencyCode: data.shop.currencyCode, limited: limit !== null };
}

/**
 * When to try again after Shopify said the store has had its orders this minute: HTTP 429, the
 * status it documents for resource-based limits (no body or Retry-After is documented for this one,
 * so the status is all there is to go by). Orders other than the migration's may have used the
 * minute, so the wait is a whole minute from now, or what a Retry-After asks. Null for any other error.
 */
export function tooManyOrders(error: unknown): Date | null {
  if (!(error instanceof AdminApiError && error.kind === 'too-many-requests')) return null;
  return new Date(Date.now() + (error.retryAfterSeconds ?? MINUTE / 1000) * 1000);
}
