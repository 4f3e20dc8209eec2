// The one interface every source platform implements. The pipeline extracts one entity page by
// page from a cursor it saves between pages, so a crash resumes where it stopped.
import type { Entity } from './model.ts';

/** One source record: either in the canonical model, or kept as it came with the reason it could not be read. */
export type Extracted =
  | { ok: true; sourceId: string; record: unknown; raw: unknown }
  | { ok: false; sourceId: string | null; reason: string; raw: unknown };

export interface ExtractedPage {
  records: Extracted[];
  /** Where the next page starts; null when this was the last page. Opaque to the pipeline. */
  nextCursor: string | null;
  /** The source's total for this entity when it tells (WooCommerce: X-WP-Total). */
  total: number | null;
}

export interface ExtractOptions {
  /** Only records created or changed after this moment (delta re-sync). */
  modifiedAfter?: Date;
}

export interface StoreDescription {
  platform: string;
  /** The platform's version when it tells (WooCommerce 9.4.1). */
  version: string | null;
  /** Where the source is; null when it has no address (an uploaded file). */
  url: string | null;
  name: string | null;
  currency: string | null;
  /** Records per entity, for the plan; an entity the platform does not have is absent. */
  counts: Partial<Record<Entity, number>>;
}

/** Why a connection failed, in words a merchant can act on. */
export type ConnectionProblem =
  | 'unreachable' // DNS, refused, timeout, TLS
  | 'wrong-credentials' // 401: the keys are wrong or revoked
  | 'forbidden' // 403: the keys lack read access
  | 'not-the-platform' // something answered, but not this platform's API (an HTML page, a 404)
  | 'api-disabled' // the platform's API is switched off on the store
  | 'server-error'; // the store answered 5xx

/** A failed check names the credential field it is about when that is not the problem's usual one. */
export type ConnectionCheck =
  | { ok: true; description: StoreDescription }
  | { ok: false; problem: ConnectionProblem; message: string; field?: string };

export interface SourceConnector {
  readonly platform: string;
  testConnection(): Promise<ConnectionCheck>;
  describe(): Promise<StoreDescription>;
  /** One page of `entity` from `cursor` (null: the first page). */
  extract(entity: Entity, cursor: string | null, options?: ExtractOptions): Promise<ExtractedPage>;
}

/** A source platform failure the pipeline classifies: retry later, or stop and tell the merchant. */
export class SourceError extends Error {
  readonly problem: ConnectionProblem;
  readonly retryable: boolean;
  /** The credential field at fault (the WordPress application password, say), when it is not the usual one. */
  readonly field: string | undefined;
  constructor(problem: ConnectionProblem, message: string, options?: { cause?: unknown; field?: string }) {
    super(message, options);
    this.name = 'SourceError';
    this.problem = problem;
    this.field = options?.field;
    this.retryable = problem === 'unreachable' || problem === 'server-error';
  }
}
