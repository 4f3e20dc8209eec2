// The app's own client for a shop's Admin GraphQL API, built for bulk writing: every request
// waits for its points in the shared throttle budget, and THROTTLED, 429, 5xx and dropped
// connections are retried with backoff. Anything else is thrown with its context, never retried
// blindly. The same code talks to Shopify and to devstore; only the endpoint differs.
import { API_VERSION } from './api-version.ts';
import { type Clock, ThrottleBudget, type ThrottleStatus, realClock } from './budget.server.ts';

/** `too-many-requests`: a 429 the caller chose to handle itself (RequestOptions.onTooManyRequests); `customer-data`: Shopify's protected customer data refusal. */
export type AdminErrorKind =
  'unauthorized' | 'http' | 'graphql' | 'max-cost' | 'gave-up' | 'too-many-requests' | 'customer-data';

export class AdminApiError extends Error {
  readonly kind: AdminErrorKind;
  readonly status: number | null;
  /** For a 429: the seconds Shopify's Retry-After asked for, when it sent one. */
  readonly retryAfterSeconds: number | null;
  /** The `extensions.code` of each GraphQL error Shopify answered (VARIANT_THROTTLE_EXCEEDED…), for the caller to act on. */
  readonly codes: string[];
  constructor(
    kind: AdminErrorKind,
    message: string,
    status: number | null = null,
    options?: { cause?: unknown; retryAfterSeconds?: number | null; codes?: string[] },
  ) {
    super(message, options);
    this.name = 'AdminApiError';
    this.kind = kind;
    this.status = status;
    this.retryAfterSeconds = options?.retryAfterSeconds ?? null;
    this.codes = options?.codes ?? [];
  }
}

/** One of Shopify's reasons for refusing a variable: where in the value, and why. */
export interface VariableProblem {
  path: (string | number)[];
  explanation: string;
}

/**
 * Shopify refused the values sent (INVALID_VARIABLE): the document is fine, what was built from one
 * record is not, so the record can be kept with the reason and the others go on.
 */
export class VariablesRefused extends AdminApiError {
  readonly problems: string[];
  constructor(operation: string, problems: string[]) {
    super('graphql', `${operation}: Shopify refused ${problems.join('; ')}`);
    this.name = 'VariablesRefused';
    this.problems = problems;
  }
}

/** "input.status: Expected "LIVE" to be one of: …", from Shopify's INVALID_VARIABLE errors. */
function refusedVariables(errors: GraphqlError[]): string[] | null {
  if (errors.length === 0 || !errors.every((error) => error.extensions?.code === 'INVALID_VARIABLE')) return null;
  return errors.flatMap((error) => {
    const variable = /^Variable \$(\w+)/.exec(error.message)?.[1] ?? 'a variable';
    const problems = error.extensions?.problems ?? [];
    if (problems.length === 0) return [error.message];
    return problems.map((problem) => `${[variable, ...problem.path].join('.')}: ${problem.explanation}`);
  });
}

export interface RequestOptions {
  estimatedCost?: number;
  /**
   * 'retry' (the default) waits and tries again; 'throw' hands a 429 straight back as a
   * `too-many-requests` error, for a limit the caller paces itself: Shopify answers 429 when
   * orderCreate goes over a development or trial store's 5 new orders a minute, which backing off
   * for seconds would only repeat.
   */
  onTooManyRequests?: 'retry' | 'throw';
}

export interface AdminClientOptions {
  shop: string;
  accessToken: string;
  /**
   * Asked for another token when Shopify answers 401 to `refused` (an expiring offline token ran
   * out); null or the same token: there is none, and the 401 stands.
   */
  renewAccessToken?: (refused: string) => Promise<string | null>;
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

interface GraphqlError {
  message: string;
  extensions?: { code?: string; problems?: VariableProblem[] };
}

interface GraphqlBody<T> {
  data?: T;
  errors?: GraphqlError[];
  extensions?: {
    cost?: { requestedQueryCost?: number; actualQueryCost?: number | null; throttleStatus?: ThrottleStatus };
  };
}

export interface AdminClient {
  request<T>(document: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<AdminResult<T>>;
  readonly budget: ThrottleBudget;
  /** Requests that were THROTTLED or answered 429 and tried again. */
  readonly throttledRetries: () => number;
}

/**
 * Shopify's answer when the app lacks protected customer data access: "This app is not approved to
 * access the Customer object. See … for more details." (https://shopify.dev/docs/apps/launch/protected-customer-data),
 * or "… not approved to use the email field." for one field. Known by the message, which Shopify
 * documents; its ACCESS_DENIED code also comes with a missing access scope, which is another matter.
 */
export function isCustomerDataRefusal(error: { message: string }): boolean {
  return /\bnot approved to (access the \w+ object|use the \w+ field)/i.test(error.message);
}

const operationName = (document: string) => /\b(?:query|mutation)\s+(\w+)/.exec(document)?.[1] ?? 'anonymous';

export function createAdminClient(options: AdminClientOptions): AdminClient {
  const clock = options.clock ?? realClock;
  // Until the first answer, assume the smallest plan's bucket; the answer corrects it.
  const budget =
    options.budget ?? new ThrottleBudget({ maximumAvailable: 2000, currentlyAvailable: 100, restoreRate: 100 }, clock);
  const url = `${options.endpoint.replace(/\/$/, '')}/admin/api/${API_VERSION}/graphql.json`;
  const maxAttempts = options.maxAttempts ?? 8;
  let throttled = 0;
  let accessToken = options.accessToken;

  const backoff = (attempt: number) =>
    clock.sleep(Math.min(30_000, 500 * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.5));

  async function request<T>(
    document: string,
    variables: Record<string, unknown> = {},
    requestOptions: RequestOptions = {},
  ): Promise<AdminResult<T>> {
    const name = operationName(document);
    const done = await budget.priced(name, (requestOptions.estimatedCost ?? 0) > 0);
    try {
      return await attempts<T>(name, document, variables, requestOptions);
    } finally {
      done();
    }
  }

  async function attempts<T>(
    name: string,
    document: string,
    variables: Record<string, unknown>,
    requestOptions: RequestOptions,
  ): Promise<AdminResult<T>> {
    let lastProblem = '';
    let renewed = false;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      // What Shopify last said this operation costs (in any job writing to this shop) outweighs the caller's guess.
      const estimate = budget.costOf(name, requestOptions.estimatedCost ?? 0) || 50;
      await budget.reserve(estimate);
      const sentAt = clock.now();
      const sentToken = accessToken;
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Accept: 'application/json',
            'X-Shopify-Access-Token': sentToken,
            ...options.headers,
          },
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
        if (response.status === 401 && options.renewAccessToken && !renewed) {
          renewed = true;
          const token = await options.renewAccessToken(sentToken);
          if (token && token !== sentToken) {
            accessToken = token;
            attempt--; // a renewed token is not a failed attempt
            continue;
          }
        }
        throw new AdminApiError(
          'unauthorized',
          `${name}: ${options.shop} refused the access token (${response.status}); the app may have been uninstalled.`,
          response.status,
        );
      }
      if (response.status === 429 || response.status >= 500) {
        budget.settle(estimate, 0, null);
        const retryAfter = Number(response.headers.get('Retry-After'));
        if (response.status === 429 && requestOptions.onTooManyRequests === 'throw') {
          throw new AdminApiError('too-many-requests', `${name}: Shopify answered 429 (too many requests)`, 429, {
            retryAfterSeconds: retryAfter > 0 ? retryAfter : null,
          });
        }
        if (response.status === 429) throttled++;
        lastProblem = `Shopify answered ${response.status}`;
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
        throw new AdminApiError(
          'http',
          `${name}: Shopify answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`,
          response.status,
        );
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
        throw new AdminApiError(
          'max-cost',
          `${name} costs more than Shopify allows for one query (${cost?.requestedQueryCost ?? '?'} points); ask for fewer items per page.`,
        );
      }
      const refused = body.errors?.find(isCustomerDataRefusal);
      if (refused) throw new AdminApiError('customer-data', refused.message);
      if (body.errors?.length) {
        const refused = refusedVariables(body.errors);
        if (refused) throw new VariablesRefused(name, refused);
        throw new AdminApiError(
          'graphql',
          `${name} was rejected: ${body.errors.map((error) => error.message).join('; ')}`,
          null,
          { codes: codes.filter((code): code is string => Boolean(code)) },
        );
      }
      if (body.data === undefined) throw new AdminApiError('graphql', `${name} returned no data`);
      return { data: body.data, actualCost: cost?.actualQueryCost ?? 0 };
    }
    throw new AdminApiError('gave-up', `${name} did not succeed after ${maxAttempts} attempts: ${lastProblem}`);
  }

  return { request, budget, throttledRetries: () => throttled };
}
