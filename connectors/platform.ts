// What a source platform tells the rest of Shipyard about itself: one descriptor per platform folder
// (connectors/<platform>/platform.ts), read by the admin's forms, the draft, the setup page, the
// report, the command line and the registry, so none of them names a platform. Browser-safe: the
// connector itself (Node HTTP clients) is created by the platform's factory through registry.server.ts.
import type { z } from 'zod';
import type { Entity } from './model.ts';
import type { ConnectionProblem, SourceConnector } from './source-connector.ts';

/**
 * How a merchant connects the source: keys typed into a form, a login at the platform (OAuth, the
 * admin redirects there and back), or an uploaded file.
 */
export type ConnectionKind = 'api-keys' | 'oauth' | 'file';

/** One field of the connection form, as the admin renders it and the command line takes it. */
export interface CredentialField {
  /** The credentials' key, and the form field's name. */
  name: string;
  label: string;
  type: 'text' | 'url' | 'password';
  placeholder?: string;
  helpText?: string;
  monospaced?: boolean;
  /** The command line's flag for it (`--key`), without the dashes. */
  flag: string;
  /** Said in the command line's usage beside the flag (`<consumer key>`). */
  flagValue: string;
  /** The command line's message when the flag is missing, for a required field. */
  missing?: string;
  /** Fields of one optional group share it; the form shows them under its heading and help. */
  group?: string;
}

/** A heading and help for an optional group of fields (WooCommerce: the WordPress login). */
export interface CredentialGroup {
  id: string;
  heading: string;
  help: string;
  /** The command line's help for the group's flags, as its usage prints it (lines of at most ~100 characters). */
  flagHelp?: string;
}

/**
 * Shopify's statuses for an imported order (OrderCreateFinancialStatus, OrderCreateFulfillmentStatus):
 * named as the target's, because a platform's default map says what its statuses mean there.
 */
export type TargetFinancialStatus =
  'PENDING' | 'AUTHORIZED' | 'PAID' | 'PARTIALLY_PAID' | 'PARTIALLY_REFUNDED' | 'REFUNDED' | 'VOIDED' | 'EXPIRED';
export type TargetFulfillmentStatus = 'FULFILLED' | 'PARTIAL' | 'RESTOCKED';
export interface TargetOrderStatus {
  financialStatus: TargetFinancialStatus;
  /** null: unfulfilled, Shopify's default. */
  fulfillmentStatus: TargetFulfillmentStatus | null;
}

/** One of the platform's order statuses, as its admin names it, and what it means in the target by default. */
export interface SourceOrderStatus {
  status: string;
  label: string;
  target: TargetOrderStatus;
}

/**
 * Paths into what the platform sent for a record (`['title', 'rendered']`), the most telling first:
 * the first that holds text names it. `decode` reads that text when the platform escapes it (HTML).
 * Paths rather than a function, so a database query can search by the same name.
 */
export interface RawRecordNaming {
  paths: readonly (readonly string[])[];
  decode?: (text: string) => string;
}

/** The name of a record kept as the source sent it, by its platform's naming; '' when it has none. */
export function rawRecordName(naming: RawRecordNaming, raw: unknown): string {
  for (const path of naming.paths) {
    let value: unknown = raw;
    for (const key of path)
      value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    if (typeof value === 'string' && value) return naming.decode ? naming.decode(value) : value;
  }
  return '';
}

/** Settings any connector takes; none is about one platform. */
export interface ConnectorOptions {
  /** Give up on one request after this long. */
  timeoutMs?: number;
  /** Waits between attempts of a request that failed in a way worth retrying. */
  retryDelaysMs?: number[];
  /** A certificate authority to trust besides the system's (a test server's self-signed certificate). */
  trustedCertificate?: string;
}

/** Creates the platform's connector from credentials its schema has checked. */
export type ConnectorFactory = (credentials: unknown, options?: ConnectorOptions) => SourceConnector;

/** Who may choose the platform: merchants, nobody yet (shown as coming), or tests and development only. */
export type Availability = 'available' | 'coming' | 'development';

export interface SourcePlatform {
  id: string;
  label: string;
  description: string;
  availability: Availability;
  connection: ConnectionKind;
  /** What the platform's connector cannot read of an entity, said once in the analysis when it is chosen. */
  limits?: Partial<Record<Entity, string>>;
  /** The optional credential that lifts those limits when the merchant gave it. */
  limitsLiftedBy?: string;
}

/** A platform Shipyard can read: its descriptor, with everything the forms, report and command line need. */
export interface ReadablePlatform extends SourcePlatform {
  availability: 'available' | 'development';
  /** The credentials as the connector takes them: checked in the browser, by the route and by the factory. */
  credentials: z.ZodType<Record<string, unknown>>;
  fields: readonly CredentialField[];
  groups?: readonly CredentialGroup[];
  /** Steps telling the merchant where to find what the form asks for. */
  help?: { heading: string; steps: readonly string[]; note?: string };
  /** Which field a connection problem is about, so its message sits beside that field; absent: above the form. */
  problemField: Partial<Record<ConnectionProblem, string>>;
  /** Where the source is, as the migration list shows it (a store's address, a file's name), from checked credentials. */
  sourceAddress(credentials: Record<string, unknown>): string;
  /** The platform's order statuses, in the order its admin lists them, with their default meaning in the target. */
  orderStatuses: readonly SourceOrderStatus[];
  /** Where a record kept as the source sent it (unreadable) has its name, for the report and the not-moved list. */
  rawNames: RawRecordNaming;
  /** What the command line says about an entity these credentials cannot read, and how to open it. */
  unreadableHelp?: Partial<Record<Entity, string>>;
  /** What the command line adds when the limits apply to what was chosen. */
  limitsHelp?: string;
}
