// startDevstore: the HTTP server that plays a set of Shopify stores' Admin GraphQL API, plus the
// control API. Shops are addressed by the Host header (demo-shop.myshopify.com) or, where a client
// cannot set Host, by the X-Devstore-Shop header.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { LeakyBuckets } from './bucket.ts';
import { catalogModules } from './catalog/index.ts';
import { handleControl } from './control.ts';
import { migrate } from './db/migrate.ts';
import type { RequestContext } from './graphql/context.ts';
import { Executor, type GraphqlRequest } from './graphql/execute.ts';
import { INVALID_TOKEN_BODY } from './graphql/errors.ts';
import { BodyTooLarge, readBody, sendJson, sleep } from './http.ts';
import { DEFAULT_LATENCY, Network, type Fault, type Latency } from './network.ts';
import { ADMIN_API_VERSION } from '../admin-api/version.ts';
import { adminSchema } from './schema.ts';
import { ensureShop, findShop, SHOP_DOMAIN, type Shop, type ShopSetup } from './shops.ts';
import { Webhooks } from './webhooks.ts';
import { FileFetcher } from './files/fetcher.ts';
import { BulkRunner } from './bulk/bulk-runner.ts';
import { Background } from './background.ts';
import { handleUpload, UPLOADS_PATH } from './bulk/uploads.ts';
import { handleTokenRequest, TOKEN_PATH } from './oauth.ts';
import { CDN_PATH, handleCdn } from './files/cdn.ts';

export interface DevstoreOptions {
  connectionString: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Default latency for every shop; tests pass { baseMs: 0, jitterMs: 0 }. */
  latency?: Latency;
  /** Shops made sure of at start-up: created when missing, else their app settings updated, catalog kept. */
  shops?: ShopSetup[];
  /** Milliseconds clock for the leaky buckets; tests replace it to move time on. */
  now?: () => number;
  /** Random source for latency jitter and fault shares. */
  random?: () => number;
  poolSize?: number;
  /** false: costs are computed and reported but no bucket is charged (benchmarks only). */
  throttling?: boolean;
}

export interface Devstore {
  url: string;
  pool: pg.Pool;
  /** Resolves once every file fetch under way has ended (READY or FAILED). */
  filesSettled(): Promise<void>;
  /** Resolves once every bulk operation and other background work under way has ended. */
  bulkSettled(): Promise<void>;
  stop(): Promise<void>;
}

const GRAPHQL_PATH = `/admin/api/${ADMIN_API_VERSION}/graphql.json`;

function shopDomain(request: http.IncomingMessage): string | undefined {
  const header = request.headers['x-devstore-shop'];
  if (typeof header === 'string' && header) return header.toLowerCase();
  const host = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  return SHOP_DOMAIN.test(host) ? host : undefined;
}

function operationNameOf(request: GraphqlRequest): string | undefined {
  return request.operationName ?? /\b(?:query|mutation)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(request.query)?.[1];
}

export async function startDevstore(options: DevstoreOptions): Promise<Devstore> {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? 20 });
  await migrate(pool);
  for (const setup of options.shops ?? []) await ensureShop(pool, setup);
  adminSchema();

  const buckets = new LeakyBuckets(options.now ?? (() => performance.now()));
  const network = new Network(options.latency ?? DEFAULT_LATENCY, options.random);
  const webhooks = new Webhooks();
  const executor = new Executor(catalogModules, buckets, options.throttling ?? true);
  const fetcher = new FileFetcher(pool);
  await fetcher.resumePending();
  // Known once listening; URLs devstore hands out (staged uploads, bulk results, files' CDN URLs) point here.
  let baseUrl = '';
  const bulkRunner = new BulkRunner({
    pool,
    executor,
    baseUrl: () => baseUrl,
    emit: (shop, topic, payload) => webhooks.send(shop, topic, payload),
    fetchFiles: (ids) => fetcher.enqueue(ids),
  });
  await bulkRunner.failInterrupted();
  const background = new Background();
  /** A context for work after the answer: nothing is left to flush, so effects go out at once. */
  const liveContext = (shop: Shop): RequestContext => ({
    pool,
    shop,
    emit: (topic, payload) => webhooks.send(shop, topic, payload),
    fetchFiles: (ids) => fetcher.enqueue(ids),
    startBulkOperation: (id) => bulkRunner.start(id),
    defer: (work) => background.run(() => work(liveContext(shop))),
    baseUrl,
    batchers: new Map(),
  });

  async function answerFault(shop: Shop, fault: Fault, response: http.ServerResponse): Promise<boolean> {
    network.count(shop.domain, { faultsInjected: 1 });
    if (fault.kind === 'dropped') {
      response.socket?.destroy();
      return true;
    }
    if (fault.kind === 'slow') {
      await sleep(fault.delayMs ?? 10_000);
      return false;
    }
    if (fault.kind === 'rate_limited') {
      sendJson(
        response,
        429,
        { errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' },
        { 'Retry-After': '1.0' },
      );
      return true;
    }
    sendJson(response, fault.status ?? 503, { errors: 'Service Unavailable' });
    return true;
  }

  async function handleGraphql(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const domain = shopDomain(request);
    const shop = domain ? await findShop(pool, domain) : undefined;
    if (!shop) return sendJson(response, 404, { errors: 'Not Found' });
    const token = request.headers['x-shopify-access-token'];
    // An expired token is refused like any wrong one: Shopify documents no other answer for it.
    const expired = shop.accessTokenExpiresAt !== null && shop.accessTokenExpiresAt.getTime() <= Date.now();
    if (!shop.accessToken || token !== shop.accessToken || expired) return sendJson(response, 401, INVALID_TOKEN_BODY);

    let graphqlRequest: GraphqlRequest;
    try {
      const body = JSON.parse(await readBody(request)) as {
        query?: unknown;
        variables?: unknown;
        operationName?: unknown;
      };
      if (typeof body.query !== 'string') throw new SyntaxError('query missing');
      graphqlRequest = {
        query: body.query,
        variables:
          body.variables && typeof body.variables === 'object' ? (body.variables as Record<string, unknown>) : {},
        operationName: typeof body.operationName === 'string' && body.operationName ? body.operationName : undefined,
      };
    } catch (error) {
      if (error instanceof BodyTooLarge) return sendJson(response, 413, { errors: 'Request Entity Too Large' });
      return sendJson(response, 400, { errors: { query: 'Required parameter missing or invalid' } });
    }

    network.count(shop.domain, { requests: 1 });
    const started = performance.now();
    const fault = network.faultFor(shop.domain, operationNameOf(graphqlRequest));
    if (fault && (await answerFault(shop, fault, response))) return;

    // Webhooks and file fetches start once the answer is out, so the answer shows the state Shopify's would.
    const pending: [string, unknown][] = [];
    const filesToFetch: string[] = [];
    const bulkToStart: string[] = [];
    const deferred: ((context: RequestContext) => Promise<void>)[] = [];
    const result = await executor.run(graphqlRequest, {
      pool,
      shop,
      emit: (topic, payload) => pending.push([topic, payload]),
      fetchFiles: (ids) => filesToFetch.push(...ids),
      startBulkOperation: (id) => bulkToStart.push(id),
      defer: (work) => deferred.push(work),
      baseUrl,
      batchers: new Map(),
    });
    network.count(shop.domain, { pointsSpent: result.pointsSpent, requestsThrottled: result.throttled ? 1 : 0 });
    network.countOperation(shop.domain, operationNameOf(graphqlRequest), result.pointsSpent);
    await sleep(network.delayMs(shop.domain) - (performance.now() - started));
    sendJson(response, result.status, result.body);
    for (const [topic, payload] of pending) webhooks.send(shop, topic, payload);
    fetcher.enqueue(filesToFetch);
    for (const id of bulkToStart) bulkRunner.start(id);
    for (const work of deferred) background.run(() => work(liveContext(shop)));
  }

  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://devstore').pathname;
    const handled =
      pathname === GRAPHQL_PATH && request.method === 'POST'
        ? handleGraphql(request, response)
        : pathname === TOKEN_PATH && request.method === 'POST'
          ? handleTokenRequest(pool, shopDomain(request), request, response)
          : pathname === UPLOADS_PATH || pathname.startsWith(`${UPLOADS_PATH}/`)
            ? handleUpload(pool, request, response, pathname)
            : pathname.startsWith(`${CDN_PATH}/`)
              ? handleCdn(pool, request, response, pathname)
              : pathname.startsWith('/devstore/')
                ? handleControl({ pool, network, buckets, webhooks }, request, response, pathname)
                : Promise.resolve(sendJson(response, 404, { errors: 'Not Found' }));
    handled.catch((error: unknown) => {
      console.error('devstore: request failed', error);
      if (!response.headersSent) sendJson(response, 500, { errors: 'Internal Server Error' });
      else response.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4000, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  baseUrl = `http://${host}:${address.port}`;

  return {
    url: baseUrl,
    pool,
    filesSettled: () => fetcher.settled(),
    bulkSettled: async () => {
      await bulkRunner.settled();
      await background.settled();
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await bulkRunner.settled();
      await background.settled();
      await fetcher.stop();
      await webhooks.settle();
      await pool.end();
    },
  };
}
