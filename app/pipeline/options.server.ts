// A migration's options (Migration.options) read through one schema, with their defaults: what the
// merchant chose on the setup page (or the command line), and what Shipyard adds itself
// (unattended, modifiedAfter for a re-sync, bulk for tests and benchmarks). Every reader parses
// the stored JSON here instead of casting it.
import { z } from 'zod';
import { OrderOptions } from './entities/orders/input.server.ts';
import { LONG_TEXT_RULES } from './entities/long-text-rule.server.ts';

/**
 * A value that does not fit (an older migration, a hand-edited row) falls back to its default,
 * as each reader did before; the order options keep OrderOptions' own rules.
 */
export const MigrationOptions = OrderOptions.extend({
  /** Redirects from the old URLs, derived from what moved (entities/redirects/). */
  redirects: z.boolean().default(true).catch(true),
  /** Write without waiting for the merchant's review of the plan (a re-sync, the command line). */
  unattended: z.boolean().default(false).catch(false),
  /** A re-sync reads only what changed in the source after this instant (ISO 8601). */
  modifiedAfter: z.string().optional().catch(undefined),
  /** Write products in bulk (true) or request by request (false); unset, by the number of products. */
  bulk: z.boolean().optional().catch(undefined),
  /** Records already in Shopify from an earlier migration that changed since: updated, or left as they are. */
  existingRecords: z.enum(['update', 'skip']).default('update').catch('update'),
  /** Account invitations are offered after launch (steps/invite.server.ts). */
  inviteCustomers: z.boolean().default(false).catch(false),
  /** Text longer than Shopify allows: the record kept back, or the text cut (decision 0019). */
  longText: z.enum(LONG_TEXT_RULES).default('keep-back').catch('keep-back'),
  /** A coupon Shopify cannot hold exactly: kept back (false), or made broader with a warning (decision 0024). */
  broaderCoupons: z.boolean().default(false).catch(false),
  /** The privacy, refund and terms pages as plain pages, or as the shop's policies (entities/policies/). */
  policies: z.enum(['pages', 'policies']).default('pages').catch('pages'),
  /** The sales channels to publish on (publication ids); unset, the shop's Online Store (entities/products/publishing.server.ts). */
  channels: z.array(z.string()).optional().catch(undefined),
});
export type MigrationOptions = z.output<typeof MigrationOptions>;

/** The merchant's choices on the setup page that shape the writing, saved on the draft (lifecycle's updateDraft). */
export interface WritingOptions {
  keepOrderNumbers: boolean;
  orderStatusMap: Record<string, { financialStatus: string; fulfillmentStatus: string | null }>;
  exchangeRates: Record<string, string>;
  existingRecords: 'update' | 'skip';
  inviteCustomers: boolean;
  longText: 'keep-back' | 'cut';
  broaderCoupons: boolean;
  policies?: 'pages' | 'policies';
  channels?: string[];
}

/** The stored options (JSON, possibly null) as a typed value with every default filled in. */
export function migrationOptions(stored: unknown): MigrationOptions {
  return MigrationOptions.parse(stored ?? {});
}
