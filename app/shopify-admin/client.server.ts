// The app's own client for a shop's Admin GraphQL API, built for bulk writing: every request
// waits for its points in the shared throttle budget, and THROTTLED, 429, 5xx and dropped
// connections are retried with backoff. Anything else is thrown with its context, never retried
// blindly. The same code talks to Shopify and to devstore; only the endpoint differs.
import { API_VERSION } from '../api-version.ts';
import { type Clock, ThrottleBudget, type ThrottleStatus, realClock } from './budget.server.ts';

export type AdminErrorKind = 'unauthorized' | 'http' | 'graphql' | 'max-cost' | 'gave-up';

export class AdminApiError extends Error {
  readonly kind: AdminErrorKind;
  readonly status: number | null;
  /** The `extensions.code` of each GraphQL error Shopify answered (VARIANT_THROTTLE_EXCEEDED…), for the caller to act on. */
  readonly codes: string[];
  constructor(kind: AdminErrorKind, message: string, status: number | null = null, options?: { cause?: unknown; codes?: string[] }) {
    super(message, options);
    this.name = 'AdminApiError';
    this.kind = kind;
    this.status = status;
    this.codes = options?.codes ?? [];
  }
}

export interface AdminClientOptions {
  shop: string;
  accessToken: string;
  /** https://<shop> for Shopify; devstore's address locally. */
  endpoint: string;
  /** Sent with every request (devstore reads the shop from X-Devstore-Shop). */
  headers?: Record<string, string>;
  /** Shared by every client writing to the same shop from this process. */
  budget?: ThrottleBudget;
  maxAttempts?: number;
  clock?: Clock;
}

export interface AdminResult<T> {
  data: T;
  actualCost: number;
}

interface GraphqlBody<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
  extensions?: { cost?: { requestedQueryCost?: number; actualQueryCost?: number | null; throttleStatus?: ThrottleStatus } };
}

export interface AdminClient {
  request<T>(document: string, variables?: Record<string, unknown>, options?: { estimatedCost?: number }): Promise<AdminResult<T>>;
  readonly budget: ThrottleBudget;
  /** Requests that were THROTTLED or answered 429 and tried again. */
  readonly throttledRetries: () => number;
}

const operationName = (document: string) => /\b(?:query|mutation)\s+(\w+)/.exec(document)?.[1] ?? 'anonymous';

export function createAdminClient(options: AdminClientOptions): AdminClient {
  const clock = options.clock ?? realClock;
  // Until the first answer, assume the smallest plan's bucket; the answer corrects it.
  const budget = options.budget ?? new ThrottleBudget({ maximumAvailable: 2000, currentlyAvailable: 100, restoreRate: 100 }, clock);
  const url = `${options.endpoint.replace(/\/$/, '')}/admin/api/${API_VERSION}/graphql.json`;
  const maxAttempts = options.maxAttempts ?? 8;
  let throttled = 0;

  const backoff = (attempt: number) => clock.sleep(Math.min(30_000, 500 * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.5));

  async function request<T>(document: string, variables: Record<string, unknown> = {}, requestOptions: { estimatedCost?: number } = {}): Promise<AdminResult<T>> {
    const name = operationName(document);
    const done = await budget.priced(name, (requestOptions.estimatedCost ?? 0) > 0);
    try {
      return await attempts<T>(name, document, variables, requestOptions);
    } finally {
      done();
    }
  }

  async function attempts<T>(name: string, document: string, variables: Record<string, unknown>, requestOptions: { estimatedCost?: number }): Promise<AdminResult<T>> {
    let lastProblem = '';
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      // What Shopify last said this operation costs (in any job writing to this shop) outweighs the caller's guess.
      const estimate = budget.costOf(name, requestOptions.estimatedCost ?? 0) || 50;
      await budget.reserve(estimate);
      const sentAt = clock.now();
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Shopify-Access-Token': options.accessToken, ...options.headers },
          body: JSON.stringify({ query: document, variables }),
          signal: AbortSignal.timeout(60_000),
        });
      } catch (error) {
        budget.settle(estimate, 0, null);
        lastProblem = `the connection failed (${error instanceof Error ? error.message : String(error)})`;
        await backoff(attempt);
        continue;
      }
      if (response.status === 401 || response.status === 403) {
        budget.settle(estimate, 0, null);
        throw new AdminApiError('unauthorized', `${name}: ${options.shop} refused the access token (${response.status}); the app may have been uninstalled.`, response.status);
      }
      if (response.status === 429 || response.status >= 500) {
        budget.settle(estimate, 0, null);
        if (response.status === 429) throttled++;
        lastProblem = `Shopify answered ${response.status}`;
        const retryAfter = Number(response.headers.get('Retry-After'));
        await (retryAfter > 0 ? clock.sleep(retryAfter * 1000) : backoff(attempt));
        continue;
      }
      let body: GraphqlBody<T>;
      try {
        body = (await response.json()) as GraphqlBody<T>;
      } catch {
        budget.settle(estimate, 0, null);
        lastProblem = `Shopify answered ${response.status} with a body that is not JSON`;
        await backoff(attempt);
        continue;
      }
      if (!response.ok) {
        budget.settle(estimate, 0, null);
        throw new AdminApiError('http', `${name}: Shopify answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`, response.status);
      }
      const cost = body.extensions?.cost;
      if (cost?.requestedQueryCost) budget.learnCost(name, cost.requestedQueryCost);
      budget.settle(estimate, cost?.actualQueryCost ?? 0, cost?.throttleStatus ?? null, sentAt);
      const codes = (body.errors ?? []).map((error) => error.extensions?.code);
      if (codes.includes('THROTTLED')) {
        throttled++;
        lastProblem = 'the request was THROTTLED';
        continue; // the budget now knows the bucket is low; reserve() waits for the restore
      }
      if (codes.includes('MAX_COST_EXCEEDED')) {
        throw new AdminApiError('max-cost', `${name} costs more than Shopify allows for one query (${cost?.requestedQueryCost ?? '?'} points); ask for fewer items per page.`);
      }
      if (body.errors?.length) {
        throw new AdminApiError('graphql', `${name} was rejected: ${body.errors.map((error) => error.message).join('; ')}`, null, { codes: codes.filter((code): code is string => Boolean(code)) });
      }
      if (body.data === undefined) throw new AdminApiError('graphql', `${name} returned no data`);
      return { data: body.data, actualCost: cost?.actualQueryCost ?? 0 };
    }
    throw new AdminApiError('gave-up', `${name} did not succeed after ${maxAttempts} attempts: ${lastProblem}`);
  }

  return { request, budget, throttledRetries: () => throttled };
}
