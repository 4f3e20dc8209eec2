// What every resolver gets: the shop the request is for, the database, and a way to raise webhooks.
import type { GraphQLResolveInfo } from 'graphql';
import type { Pool } from 'pg';
import type { Shop } from '../shops.ts';

export interface RequestContext {
  pool: Pool;
  shop: Shop;
  /** Queues a webhook for the shop's app; delivery happens after the response, as on Shopify. */
  emit(topic: string, payload: unknown): void;
  /** Fetches these files' sources once the answer is sent; call after the rows are committed. */
  fetchFiles(ids: string[]): void;
  /** Queues a bulk operation just created, to run in the background. */
  startBulkOperation(id: string): void;
  /**
   * Background work (asynchronous operations) started once the answer is out; failures are logged.
   * It gets a context of its own whose webhooks and file fetches go out at once.
   */
  defer(work: (context: RequestContext) => Promise<void>): void;
  /** Where devstore answers, for URLs it hands out (staged uploads, bulk results). */
  baseUrl: string;
  /** Per-request batchers, so a page of 250 products loads its variants in one query. */
  batchers: Map<string, Batcher<unknown, unknown>>;
}

export type Args = Record<string, unknown>;
export type RootResolver = (args: Args, context: RequestContext, info: GraphQLResolveInfo) => unknown;
/** Output objects are plain records; a function-valued field is resolved lazily with its arguments. */
export type Lazy<T> = (args: Args, context: RequestContext, info: GraphQLResolveInfo) => T | Promise<T>;
export type OutputObject = Record<string, unknown> & { __typename: string };

/** Loads one object of a type by its numeric id, for `node` and `nodes`; null when the shop has none. */
export type NodeLoader = (context: RequestContext, id: string) => Promise<unknown>;

export interface ResolverModule {
  queries?: Record<string, RootResolver>;
  mutations?: Record<string, RootResolver>;
  /** Keyed by the GID's type name (Product, ProductVariant, …). */
  nodes?: Record<string, NodeLoader>;
}

/** Collects the keys asked for in one tick and loads them with one call. */
export class Batcher<K, V> {
  private pending: { key: K; resolve: (value: V) => void; reject: (error: unknown) => void }[] = [];
  private readonly load: (keys: K[]) => Promise<Map<K, V>>;
  private readonly fallback: V;

  constructor(load: (keys: K[]) => Promise<Map<K, V>>, fallback: V) {
    this.load = load;
    this.fallback = fallback;
  }

  get(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      if (this.pending.length === 0) queueMicrotask(() => void this.flush());
      this.pending.push({ key, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const values = await this.load([...new Set(batch.map((item) => item.key))]);
      for (const item of batch) item.resolve(values.get(item.key) ?? this.fallback);
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  }
}

export function batcher<K, V>(
  context: RequestContext,
  name: string,
  load: (keys: K[]) => Promise<Map<K, V>>,
  fallback: V,
): Batcher<K, V> {
  let found = context.batchers.get(name) as Batcher<K, V> | undefined;
  if (!found) {
    found = new Batcher(load, fallback);
    context.batchers.set(name, found as Batcher<unknown, unknown>);
  }
  return found;
}
