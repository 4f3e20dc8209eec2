// The one way Shipyard calls a WooCommerce store: GET through WooCommerce's own JavaScript client
// (OAuth 1.0a over http://, keys over https://), reading the X-WP-Total paging headers, retrying
// what is worth retrying, and turning every failure into a SourceError a merchant can act on.
import https from 'node:https';
import WooCommerceRestApiPackage from '@woocommerce/woocommerce-rest-api';
import { z } from 'zod';
import type { ConnectorOptions } from '../platform.ts';
import { SourceError } from '../source-connector.ts';
import type { WooCommerceCredentials } from './credentials.ts';
import { requestProblem, webPageProblem } from './problems.ts';

// The package is CommonJS with `exports.default`: Node's loader hands over the exports object,
// Vite's hands over the class itself.
const WooCommerceRestApi = ((WooCommerceRestApiPackage as { default?: unknown }).default ??
  WooCommerceRestApiPackage) as typeof WooCommerceRestApiPackage.default;

export interface WooPage {
  data: unknown;
  /** X-WP-Total and X-WP-TotalPages, when the endpoint is a collection. */
  total: number | null;
  totalPages: number | null;
}

const Answer = z.object({
  status: z.number(),
  data: z.unknown(),
  headers: z.object({ 'x-wp-total': z.unknown(), 'x-wp-totalpages': z.unknown() }).partial(),
});

function headerNumber(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

export class WooCommerceClient {
  readonly host: string;
  private readonly api: InstanceType<typeof WooCommerceRestApi>;
  private readonly retryDelaysMs: number[];

  constructor(credentials: WooCommerceCredentials, options: ConnectorOptions = {}) {
    this.host = new URL(credentials.url).host;
    this.retryDelaysMs = options.retryDelaysMs ?? [500, 2000];
    this.api = new WooCommerceRestApi({
      url: credentials.url,
      consumerKey: credentials.consumerKey,
      consumerSecret: credentials.consumerSecret,
      version: 'wc/v3',
      // Over https the keys go in the query string: hosts behind some proxies drop the Authorization header.
      queryStringAuth: true,
      timeout: options.timeoutMs ?? 30_000,
      axiosConfig: options.trustedCertificate
        ? { httpsAgent: new https.Agent({ ca: options.trustedCertificate }) }
        : undefined,
    });
  }

  /** One GET; `retry: false` answers a connection test at once instead of retrying. */
  async get(endpoint: string, params: Record<string, string | number> = {}, { retry = true } = {}): Promise<WooPage> {
    const query = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)]));
    const delays = retry ? this.retryDelaysMs : [];
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(endpoint, query);
      } catch (error) {
        const problem = requestProblem(error, this.host);
        const delay = delays[attempt];
        if (!problem.retryable || delay === undefined) throw problem;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  private async once(endpoint: string, query: Record<string, string>): Promise<WooPage> {
    const answer = Answer.parse(await this.api.get(endpoint, query));
    // axios hands over the raw text when the body is not JSON: a web page where data should be.
    if (typeof answer.data === 'string') throw webPageProblem(answer.status, answer.data, this.host);
    if (answer.data === null || answer.data === undefined)
      throw new SourceError(
        'not-the-platform',
        `${this.host} answered /${endpoint} with an empty body instead of WooCommerce data. Check the store address.`,
      );
    return {
      data: answer.data,
      total: headerNumber(answer.headers['x-wp-total']),
      totalPages: headerNumber(answer.headers['x-wp-totalpages']),
    };
  }
}
