// How WooCommerce authenticates a REST request (WC_REST_Authentication): over HTTPS the consumer
// key and secret as Basic auth or in the query string; over plain HTTP OAuth 1.0a "one-legged",
// signed with HMAC-SHA1 or HMAC-SHA256 keyed by the consumer secret plus "&", the timestamp within
// 15 minutes and each nonce used once. Failures carry WooCommerce's own codes and messages.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface ApiKey {
  consumerKey: string;
  consumerSecret: string;
  permissions: 'read' | 'write' | 'read_write';
  /** Whether the key's WordPress user may manage WooCommerce (a Shop Manager or Administrator). */
  userCanManage: boolean;
}

export interface WooError {
  status: number;
  code: string;
  message: string;
}

export type AuthResult = { ok: true; key: ApiKey } | { ok: false; error: WooError } | { ok: 'anonymous' };

const authError = (message: string, code = 'woocommerce_rest_authentication_error'): AuthResult => ({
  ok: false,
  error: { status: 401, code, message },
});
const OAUTH_WINDOW_SECONDS = 15 * 60;

/** RFC 3986 encoding, as PHP's rawurlencode. */
export function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function oauthSignature(
  method: string,
  baseUrl: string,
  params: [string, string][],
  secret: string,
  algorithm: 'sha1' | 'sha256',
): string {
  const normalized = params
    .map(([key, value]) => [rfc3986(key), rfc3986(value)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1));
  const parameterString = normalized.map(([key, value]) => `${key}=${value}`).join('&');
  const base = `${method.toUpperCase()}&${rfc3986(baseUrl)}&${rfc3986(parameterString)}`;
  return createHmac(algorithm, `${secret}&`).update(base).digest('base64');
}

function equal(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export class Authenticator {
  readonly keys: ApiKey[];
  private readonly usedNonces = new Set<string>();
  private readonly clock: () => number;

  constructor(keys: ApiKey[], clock: () => number = () => Date.now()) {
    this.keys = keys;
    this.clock = clock;
  }

  authenticate(request: IncomingMessage, url: URL, siteUrl: string, secure: boolean): AuthResult {
    if (secure) {
      const basic = this.basic(request, url);
      if (basic) return basic;
    }
    return this.oauth(request, url, siteUrl);
  }

  private basic(request: IncomingMessage, url: URL): AuthResult | null {
    let key = url.searchParams.get('consumer_key');
    let secret = url.searchParams.get('consumer_secret');
    const header = request.headers.authorization;
    if (header?.startsWith('Basic ')) {
      const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      key = decoded.slice(0, colon);
      secret = decoded.slice(colon + 1);
    }
    if (!key || !secret) return null;
    const found = this.keys.find((candidate) => candidate.consumerKey === key);
    if (!found) return authError('Consumer key is invalid.');
    if (!equal(found.consumerSecret, secret)) return authError('Consumer secret is invalid.');
    return this.withReadPermission(found);
  }

  private oauth(request: IncomingMessage, url: URL, siteUrl: string): AuthResult {
    // PHP's $_GET keeps the last of repeated parameters, and the JavaScript client repeats them all.
    const params = [...new Map(url.searchParams.entries()).entries()];
    const oauth = new Map(params.filter(([name]) => name.startsWith('oauth_')));
    if (oauth.size === 0) return { ok: 'anonymous' };
    const missing = [
      'oauth_consumer_key',
      'oauth_timestamp',
      'oauth_nonce',
      'oauth_signature',
      'oauth_signature_method',
    ].filter((name) => !oauth.get(name));
    if (missing.length > 0)
      return authError(
        `Missing OAuth parameter ${missing.join(', ')}`,
        'woocommerce_rest_authentication_missing_parameter',
      );
    const found = this.keys.find((candidate) => candidate.consumerKey === oauth.get('oauth_consumer_key'));
    if (!found) return authError('Consumer key is invalid.');
    const method = (oauth.get('oauth_signature_method') ?? '').toUpperCase();
    if (method !== 'HMAC-SHA1' && method !== 'HMAC-SHA256')
      return authError('Invalid signature - signature method is invalid.');
    const signed = params.filter(([name]) => name !== 'oauth_signature');
    const expected = oauthSignature(
      request.method ?? 'GET',
      `${siteUrl}${url.pathname}`,
      signed,
      found.consumerSecret,
      method === 'HMAC-SHA1' ? 'sha1' : 'sha256',
    );
    if (!equal(expected, oauth.get('oauth_signature') ?? ''))
      return authError('Invalid signature - provided signature does not match.');
    const timestamp = Number(oauth.get('oauth_timestamp'));
    if (!Number.isFinite(timestamp) || timestamp < this.clock() / 1000 - OAUTH_WINDOW_SECONDS)
      return authError('Invalid timestamp.');
    const nonce = `${found.consumerKey}:${timestamp}:${oauth.get('oauth_nonce')}`;
    if (this.usedNonces.has(nonce)) return authError('Invalid nonce - nonce has already been used.');
    this.usedNonces.add(nonce);
    return this.withReadPermission(found);
  }

  private withReadPermission(key: ApiKey): AuthResult {
    if (key.permissions === 'write') return authError('The API key provided does not have read permissions.');
    return { ok: true, key };
  }
}
