// The new-migration and migration-page forms: one zod schema each, used by the browser (message
// beside the field before anything is sent) and by the route action (the same check, trusted).
import { z } from 'zod';
import { ENTITIES, type Entity } from '../../connectors/model.ts';
import type { ReadablePlatform } from '../../connectors/platform.ts';
import { readablePlatform, readablePlatforms } from '../../connectors/registry.ts';
import { parseExchangeRates } from './exchange-rates.ts';

/** The platform's credentials as its connection form sends them, exactly as its connector checks them. */
export function connectionForm(platform: string): ReadablePlatform['credentials'] {
  const descriptor = readablePlatform(platform);
  if (!descriptor) throw new Error(`No connection form for ${platform}`);
  return descriptor.credentials;
}

/** What the merchant can choose to move; redirects are an option, derived from what moved. */
export const CHOOSABLE: readonly Entity[] = ENTITIES.filter((entity) => entity !== 'redirects');

export const ENTITY_LABELS: Record<Entity, string> = {
  collections: 'Collections (categories)',
  products: 'Products',
  customers: 'Customers',
  orders: 'Orders',
  pages: 'Pages',
  blogPosts: 'Blog posts',
  discounts: 'Discount codes',
  reviews: 'Product reviews',
  redirects: 'Redirects',
};

const checkbox = z
  .enum(['on', 'true', 'false'])
  .optional()
  .transform((value) => value === 'on' || value === 'true');

/** Every source platform's order statuses: the setup form maps those of the migration's platform (its descriptor lists them). */
const SOURCE_ORDER_STATUSES = [
  ...new Set(readablePlatforms().flatMap((platform) => platform.orderStatuses.map(({ status }) => status))),
];

/** Shopify's payment statuses an imported order may have (OrderCreateFinancialStatus), as the admin shows them. */
export const FINANCIAL_STATUSES = [
  { value: 'PENDING', label: 'Payment pending' },
  { value: 'AUTHORIZED', label: 'Authorized' },
  { value: 'PAID', label: 'Paid' },
  { value: 'PARTIALLY_PAID', label: 'Partially paid' },
  { value: 'PARTIALLY_REFUNDED', label: 'Partially refunded' },
  { value: 'REFUNDED', label: 'Refunded' },
  { value: 'VOIDED', label: 'Voided' },
  { value: 'EXPIRED', label: 'Expired' },
] as const;

/** Shopify's fulfillment statuses for an imported order; unfulfilled is Shopify's default (no status sent). */
export const FULFILLMENT_STATUSES = [
  { value: 'UNFULFILLED', label: 'Unfulfilled' },
  { value: 'FULFILLED', label: 'Fulfilled' },
  { value: 'PARTIAL', label: 'Partially fulfilled' },
  { value: 'RESTOCKED', label: 'Restocked' },
] as const;

type FinancialStatus = (typeof FINANCIAL_STATUSES)[number]['value'];
type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number]['value'];
export type StatusChoice = {
  financialStatus: FinancialStatus;
  fulfillmentStatus: Exclude<FulfillmentStatus, 'UNFULFILLED'> | null;
};

/** The form's field names for one source status' mapping. */
export const statusField = (status: string, part: 'financial' | 'fulfillment') => `${part}:${status}`;

const financial = z.enum(
  FINANCIAL_STATUSES.map((entry) => entry.value) as [FinancialStatus, ...FinancialStatus[]],
  'Choose a payment status',
);
const fulfillment = z.enum(
  FULFILLMENT_STATUSES.map((entry) => entry.value) as [FulfillmentStatus, ...FulfillmentStatus[]],
  'Choose a fulfillment status',
);
const statusFields = Object.fromEntries(
  SOURCE_ORDER_STATUSES.flatMap((status) => [
    [statusField(status, 'financial'), financial.optional()],
    [statusField(status, 'fulfillment'), fulfillment.optional()],
  ]),
) as Record<string, z.ZodOptional<typeof financial> | z.ZodOptional<typeof fulfillment>>;

export const EXISTING_RECORDS = ['update', 'skip'] as const;

/**
 * The sales channels ticked (publication ids). The page always sends an empty `channels` beside
 * the ticked ones, so "none ticked" is told apart from a form without the choice, which leaves the
 * draft's choice as it was (the shop's Online Store until the merchant chooses).
 */
const channels = z
  .array(z.string().regex(/^(gid:\/\/shopify\/Publication\/\d+)?$/, 'Choose among your store’s sales channels'))
  .default([])
  .transform((values) => (values.length === 0 ? undefined : values.filter((value) => value !== '')));

/**
 * The setup page: what to move and how. A status left out of the form keeps Shipyard's default
 * mapping; the map saved holds only the statuses the form sent, both halves together.
 */
export const ChoicesForm = z
  .object({
    entities: z.array(z.enum(CHOOSABLE as [Entity, ...Entity[]])).min(1, 'Choose at least one thing to move'),
    redirects: checkbox,
    review: checkbox,
    keepOrderNumbers: checkbox,
    existingRecords: z
      .enum(EXISTING_RECORDS, 'Choose whether to update or skip records already in Shopify')
      .default('update'),
    inviteCustomers: checkbox,
    exchangeRates: z
      .string()
      .optional()
      .transform((text, context) => {
        const rates = parseExchangeRates(text ?? '');
        if (typeof rates === 'string') context.addIssue({ code: 'custom', message: rates });
        return typeof rates === 'string' ? {} : rates;
      }),
    cutLongText: checkbox,
    broaderCoupons: checkbox,
    writePolicies: checkbox,
    channels,
    ...statusFields,
  })
  .transform(
    ({
      entities,
      redirects,
      review,
      keepOrderNumbers,
      existingRecords,
      inviteCustomers,
      exchangeRates,
      cutLongText,
      broaderCoupons,
      writePolicies,
      channels: chosenChannels,
      ...fields
    }) => {
      const orderStatusMap: Record<string, StatusChoice> = {};
      for (const status of SOURCE_ORDER_STATUSES) {
        const paid = (fields as Record<string, unknown>)[statusField(status, 'financial')] as
          FinancialStatus | undefined;
        const shipped = (fields as Record<string, unknown>)[statusField(status, 'fulfillment')] as
          FulfillmentStatus | undefined;
        if (paid && shipped)
          orderStatusMap[status] = {
            financialStatus: paid,
            fulfillmentStatus: shipped === 'UNFULFILLED' ? null : shipped,
          };
      }
      // Text longer than Shopify allows: kept back unless the merchant chose to cut it (decision 0019).
      const longText = cutLongText ? ('cut' as const) : ('keep-back' as const);
      // The privacy, refund and terms pages: plain pages unless the merchant chose policies (decision 0028).
      const policies = writePolicies ? ('policies' as const) : ('pages' as const);
      return {
        entities,
        redirects,
        review,
        keepOrderNumbers,
        existingRecords,
        inviteCustomers,
        exchangeRates,
        longText,
        broaderCoupons,
        policies,
        orderStatusMap,
        channels: chosenChannels,
      };
    },
  );
export type Choices = z.infer<typeof ChoicesForm>;

/** Buttons on the migration page; each one names what it does. */
export const MigrationAction = z.object({
  intent: z.enum(['approve', 'pause', 'resume', 'cancel', 'dryRun', 'resync', 'undo', 'invite']),
});
export type MigrationIntent = z.infer<typeof MigrationAction>['intent'];

export type FieldErrors = Partial<Record<string, string>>;

/** Form data as the schemas read it: repeated names (checkbox groups) become arrays. */
export function formObject(data: FormData, arrays: readonly string[] = []): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of new Set(data.keys())) {
    const values = data.getAll(key).filter((value): value is string => typeof value === 'string');
    result[key] = arrays.includes(key) ? values : values[0];
  }
  for (const key of arrays) result[key] ??= [];
  return result;
}

/** The first message for each field, keyed by the field's name, to show beside it. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return errors;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export function parseForm<T>(schema: z.ZodType<T>, data: FormData, arrays: readonly string[] = []): Parsed<T> {
  const result = schema.safeParse(formObject(data, arrays));
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: fieldErrors(result.error) };
}
