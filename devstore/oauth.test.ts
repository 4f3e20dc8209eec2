import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, admin, control, startTestDevstore } from './testing.ts';
import type { Devstore } from './server.ts';

let devstore: Devstore;
beforeAll(async () => {
  devstore = await startTestDevstore();
});
afterAll(async () => {
  await devstore.stop();
});

const SHOP_QUERY = '{ shop { name } }';

async function installWithExpiringTokens(domain: string) {
  const appSecret = 'secret-of-the-app';
  const { status, body } = await control(devstore, 'POST', '/shops', {
    domain,
    appSecret,
    expiringOfflineTokens: { apiKey: 'the-app', scope: 'read_products,write_products' },
  });
  expect(status).toBe(201);
  return {
    shop: { domain, accessToken: body.accessToken as string, appSecret },
    refreshToken: body.refreshToken as string,
    expiresAt: new Date(body.accessTokenExpiresAt as string),
  };
}

async function refresh(domain: string, parameters: Record<string, string>): Promise<{ status: number; body: Answer }> {
  const response = await fetch(`${devstore.url}/admin/oauth/access_token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Devstore-Shop': domain },
    body: JSON.stringify({
      client_id: 'the-app',
      client_secret: 'secret-of-the-app',
      grant_type: 'refresh_token',
      ...parameters,
    }),
  });
  return { status: response.status, body: await response.json() };
}

describe('expiring offline access tokens', () => {
  it('gives an access token that lives an hour and a refresh token', async () => {
    const { shop, refreshToken, expiresAt } = await installWithExpiringTokens('expiring-a.myshopify.com');
    expect(refreshToken).toMatch(/^shprt_/);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    expect((await admin(devstore, shop, SHOP_QUERY)).status).toBe(200);
  });

  it('refuses an expired token with the 401 of a wrong one, and a refresh gives a new pair that works', async () => {
    const { shop, refreshToken } = await installWithExpiringTokens('expiring-b.myshopify.com');
    await control(devstore, 'POST', `/shops/${shop.domain}/access-token/expire`);
    const refused = await admin(devstore, shop, SHOP_QUERY);
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({
      errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
    });

    const renewed = await refresh(shop.domain, { refresh_token: refreshToken });
    expect(renewed.status).toBe(200);
    expect(renewed.body).toMatchObject({ scope: 'read_products,write_products', expires_in: 3600 });
    expect(renewed.body.access_token).toMatch(/^shpat_/);
    expect(renewed.body.refresh_token).not.toBe(refreshToken);
    expect(renewed.body.refresh_token_expires_in).toBeGreaterThan(89 * 24 * 3600);
    expect((await admin(devstore, shop, SHOP_QUERY, {}, renewed.body.access_token)).status).toBe(200);
  });

  it('keeps the earlier refresh token usable until its replacement is used, then retires it', async () => {
    const { shop, refreshToken: first } = await installWithExpiringTokens('expiring-c.myshopify.com');
    const lost = await refresh(shop.domain, { refresh_token: first });
    // The answer never reached the app: it retries with the token it stored.
    const retried = await refresh(shop.domain, { refresh_token: first });
    expect(retried.status).toBe(200);
    expect((await admin(devstore, shop, SHOP_QUERY, {}, lost.body.access_token)).status).toBe(401);
    expect((await refresh(shop.domain, { refresh_token: lost.body.refresh_token })).status).toBe(400);

    const next = await refresh(shop.domain, { refresh_token: retried.body.refresh_token });
    expect(next.status).toBe(200);
    const reused = await refresh(shop.domain, { refresh_token: first });
    expect(reused.status).toBe(400);
    expect(reused.body).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a wrong client, an unknown grant and a shop whose app was uninstalled', async () => {
    const { shop, refreshToken } = await installWithExpiringTokens('expiring-d.myshopify.com');
    expect(await refresh(shop.domain, { refresh_token: refreshToken, client_secret: 'guessed' })).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
    expect(await refresh(shop.domain, { refresh_token: refreshToken, client_id: 'another-app' })).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
    expect(await refresh(shop.domain, { grant_type: 'authorization_code', code: 'x' })).toMatchObject({
      status: 400,
      body: { error: 'unsupported_grant_type' },
    });

    await control(devstore, 'POST', `/shops/${shop.domain}/uninstall`);
    expect(await refresh(shop.domain, { refresh_token: refreshToken })).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
  });

  it('never expires a token installed without expiry', async () => {
    const { body } = await control(devstore, 'POST', '/shops', {
      domain: 'forever.myshopify.com',
      appSecret: 'secret-of-the-app',
    });
    expect(body.accessTokenExpiresAt).toBeNull();
    expect(await refresh('forever.myshopify.com', { refresh_token: 'shprt_anything' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
  });
});
