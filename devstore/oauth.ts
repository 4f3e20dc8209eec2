// Expiring offline access tokens and their refresh, as Shopify documents them:
// - https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/offline-access-tokens
//   and the changelog "Offline access tokens now support expiry and refresh" (2025-12-10): an access
//   token lives 60 minutes (`expires_in` 3600) and comes with a refresh token; the app exchanges the
//   refresh token at `POST https://{shop}/admin/oauth/access_token` (client_id, client_secret,
//   grant_type=refresh_token, refresh_token) for a new pair, and must store the new values.
// - "Use expiring offline access tokens": Shopify replaces the refresh token every time it is used;
//   a refresh token lives at most 90 days.
// - Changelog "More resilient refreshes for expiring offline access tokens" (2026-08-28): the
//   previously used refresh token can be retried until the app uses its replacement, for at most 30
//   days from its first use; using the replacement retires it.
// Shopify does not document its refusals here; devstore answers as OAuth 2.0 (RFC 6749 §5.2) does,
// and refuses anything it cannot verify: a wrong client, a used-up or unknown refresh token.
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import type { Pool, PoolClient } from 'pg';
import { readBody, sendJson } from './http.ts';
import { findShop } from './shops.ts';

export const TOKEN_PATH = '/admin/oauth/access_token';

const HOUR = 3600;
const DAY = 24 * HOUR;
/** The access token's life Shopify documents (60 minutes) and the refresh token's (90 days). */
export const ACCESS_TOKEN_SECONDS = HOUR;
export const REFRESH_TOKEN_SECONDS = 90 * DAY;
const EARLIER_TOKEN_RECOVERY_SECONDS = 30 * DAY;

export interface ExpiringTokens {
  /** The app's client id, which a refresh must name. */
  apiKey: string;
  /** The scopes the merchant granted, returned with each new token. */
  scope?: string;
  accessTokenSeconds?: number;
  refreshTokenSeconds?: number;
}

export interface IssuedTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

const newAccessToken = () => `shpat_${randomBytes(16).toString('hex')}`;
const newRefreshToken = () => `shprt_${randomBytes(24).toString('hex')}`;
const after = (seconds: number) => new Date(Date.now() + seconds * 1000);

/** Makes the shop's app hold an expiring offline token pair (what an install with expiring tokens gives it). */
export async function issueExpiringTokens(pool: Pool, domain: string, settings: ExpiringTokens): Promise<IssuedTokens> {
  const accessTokenSeconds = settings.accessTokenSeconds ?? ACCESS_TOKEN_SECONDS;
  const refreshTokenSeconds = settings.refreshTokenSeconds ?? REFRESH_TOKEN_SECONDS;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const issued = await replaceAccessToken(client, domain, accessTokenSeconds);
    const refreshToken = newRefreshToken();
    const refreshTokenExpiresAt = after(refreshTokenSeconds);
    await client.query(
      `INSERT INTO devstore.offline_tokens (shop, api_key, scope, access_token_seconds, refresh_token_seconds, refresh_token, refresh_token_expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (shop) DO UPDATE SET api_key = $2, scope = $3, access_token_seconds = $4, refresh_token_seconds = $5, refresh_token = $6,
         refresh_token_expires_at = $7, earlier_refresh_token = NULL, earlier_refresh_token_until = NULL`,
      [
        domain,
        settings.apiKey,
        settings.scope ?? '',
        accessTokenSeconds,
        refreshTokenSeconds,
        refreshToken,
        refreshTokenExpiresAt,
      ],
    );
    await client.query('COMMIT');
    return { ...issued, refreshToken, refreshTokenExpiresAt };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** What an hour passing does to the app's access token, at once (control API, for tests). */
export async function expireAccessToken(pool: Pool, domain: string): Promise<void> {
  await pool.query(
    "UPDATE devstore.shops SET access_token_expires_at = now() - interval '1 second' WHERE domain = $1",
    [domain],
  );
}

async function replaceAccessToken(client: PoolClient, domain: string, seconds: number) {
  const accessToken = newAccessToken();
  const accessTokenExpiresAt = after(seconds);
  await client.query('UPDATE devstore.shops SET access_token = $2, access_token_expires_at = $3 WHERE domain = $1', [
    domain,
    accessToken,
    accessTokenExpiresAt,
  ]);
  return { accessToken, accessTokenExpiresAt };
}

interface TokenRow {
  api_key: string;
  scope: string;
  access_token_seconds: number;
  refresh_token_seconds: number;
  refresh_token: string;
  refresh_token_expires_at: Date;
  earlier_refresh_token: string | null;
  earlier_refresh_token_until: Date | null;
}

function refuse(response: http.ServerResponse, status: number, error: string, description: string): void {
  sendJson(response, status, { error, error_description: description });
}

async function readParameters(request: http.IncomingMessage): Promise<Record<string, string>> {
  const text = await readBody(request);
  const type = request.headers['content-type'] ?? '';
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  const body = text ? (JSON.parse(text) as unknown) : {};
  if (!body || typeof body !== 'object') return {};
  return Object.fromEntries(
    Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** `POST /admin/oauth/access_token` for the shop in Host (or X-Devstore-Shop): the refresh_token grant. */
export async function handleTokenRequest(
  pool: Pool,
  domain: string | undefined,
  request: http.IncomingMessage,
  response: http.ServerResponse,
): Promise<void> {
  const shop = domain ? await findShop(pool, domain) : undefined;
  if (!shop) return sendJson(response, 404, { errors: 'Not Found' });
  let parameters: Record<string, string>;
  try {
    parameters = await readParameters(request);
  } catch {
    return refuse(response, 400, 'invalid_request', 'The request body is neither JSON nor form-encoded.');
  }
  if (parameters.grant_type !== 'refresh_token') {
    // Authorization codes and token exchange need a merchant and a browser; devstore's shops are installed by the control API.
    return refuse(
      response,
      400,
      'unsupported_grant_type',
      `devstore implements the refresh_token grant only, not ${parameters.grant_type ?? 'a missing grant_type'}.`,
    );
  }
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const row = (
      await client.query<TokenRow>('SELECT * FROM devstore.offline_tokens WHERE shop = $1 FOR UPDATE', [shop.domain])
    ).rows[0];
    if (
      !shop.appSecret ||
      parameters.client_secret !== shop.appSecret ||
      (row && parameters.client_id !== row.api_key)
    ) {
      await client.query('ROLLBACK');
      return refuse(
        response,
        401,
        'invalid_client',
        "Client authentication failed: the client id or secret is not this app's.",
      );
    }
    const given = parameters.refresh_token ?? '';
    const now = new Date();
    // No row: the app holds a non-expiring token, or none since it was uninstalled; nothing can be refreshed.
    const current = row !== undefined && given === row.refresh_token && row.refresh_token_expires_at > now;
    const earlier =
      row !== undefined &&
      given !== '' &&
      given === row.earlier_refresh_token &&
      (row.earlier_refresh_token_until ?? now) > now;
    if (!row || (!current && !earlier)) {
      await client.query('ROLLBACK');
      return refuse(
        response,
        400,
        'invalid_grant',
        'The refresh token is invalid, expired, already replaced, or was issued to another client.',
      );
    }
    const issued = await replaceAccessToken(client, shop.domain, row.access_token_seconds);
    const refreshToken = newRefreshToken();
    // A new refresh token never outlives the 90 days of the first one in its line.
    const refreshTokenExpiresAt = new Date(
      Math.min(after(row.refresh_token_seconds).getTime(), row.refresh_token_expires_at.getTime()),
    );
    // Using the current token retires the earlier one and makes the current one the retryable earlier token;
    // retrying the earlier token (a lost answer) keeps it retryable and replaces the pair that was never stored.
    const earlierToken = current ? row.refresh_token : row.earlier_refresh_token;
    const earlierUntil = current ? after(EARLIER_TOKEN_RECOVERY_SECONDS) : row.earlier_refresh_token_until;
    await client.query(
      'UPDATE devstore.offline_tokens SET refresh_token = $2, refresh_token_expires_at = $3, earlier_refresh_token = $4, earlier_refresh_token_until = $5 WHERE shop = $1',
      [shop.domain, refreshToken, refreshTokenExpiresAt, earlierToken, earlierUntil],
    );
    await client.query('COMMIT');
    return sendJson(response, 200, {
      access_token: issued.accessToken,
      scope: row.scope,
      expires_in: row.access_token_seconds,
      refresh_token: refreshToken,
      refresh_token_expires_in: Math.floor((refreshTokenExpiresAt.getTime() - Date.now()) / 1000),
    });
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
