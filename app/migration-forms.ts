// The new-migration and migration-page forms: one zod schema each, used by the browser (message
// beside the field before anything is sent) and by the route action (the same check, trusted).
import { z } from 'zod';
import { ENTITIES, type Entity } from '../connectors/model.ts';
import { WooCommerceCredentials } from '../connectors/woocommerce/credentials.ts';

/** The store's address and REST API keys, exactly as the connector checks them. */
export const ConnectionForm = WooCommerceCredentials;

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

export const ChoicesForm = z.object({
  entities: z.array(z.enum(CHOOSABLE as [Entity, ...Entity[]])).min(1, 'Choose at least one thing to move'),
  redirects: checkbox,
  review: checkbox,
});
export type Choices = z.infer<typeof ChoicesForm>;

/** Buttons on the migration page; each one names what it does. */
export const MigrationAction = z.object({ intent: z.enum(['approve', 'pause', 'resume', 'cancel']) });
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
