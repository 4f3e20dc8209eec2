// The WooCommerce test server behaves as WooCommerce's REST API documentation says: OAuth 1.0a
// one-legged over http, keys over https, WooCommerce's error bodies, paging limits and headers, and
// catalogs of 10,000 products served without building them all.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnector } from '../../registry.server.ts';
import { oauthSignature } from './authentication.ts';
import { startWooCommerceServer, type WooCommerceTestServer } from './server.ts';

let store: WooCommerceTestServer;
beforeAll(async () => {
  store = await startWooCommerceServer({ catalog: { products: 10_000, variationsPerProduct: 3, imagesPerProduct: 2 } });
});
afterAll(() => store.close());

/** A request signed by hand, as WooCommerce's documentation describes OAuth 1.0a over http. */
function signed(
  route: string,
  query: Record<string, string>,
  secret: string,
  overrides: Record<string, string> = {},
): string {
  const url = `${store.url}/wp-json/wc/v3${route}`;
  const oauth = {
    oauth_consumer_key: store.consumerKey,
    oauth_nonce: randomBytes(8).toString('hex'),
    oauth_signature_method: 'HMAC-SHA1',
    oauth_timestamp: String(Math.floor(Date.now() / 1000)),
    ...overrides,
  };
  const params = { ...query, ...oauth };
  const signature = oauthSignature('GET', url, Object.entries(params), secret, 'sha1');
  return `${url}?${new URLSearchParams({ ...params, oauth_signature: signature })}`;
}

describe('authentication over plain http: OAuth 1.0a', () => {
  it('accepts a request signed with HMAC-SHA1 and the consumer secret', async () => {
    const answer = await fetch(signed('/products', { per_page: '5' }, store.consumerSecret));
    expect(answer.status).toBe(200);
    expect((await answer.json()) as unknown[]).toHaveLength(5);
  });

  it('a wrong secret gets 401 with WooCommerce’s body', async () => {
    const answer = await fetch(signed('/products', {}, 'cs_wrong'));
    expect(answer.status).toBe(401);
    expect(await answer.json()).toEqual({
      code: 'woocommerce_rest_authentication_error',
      message: 'Invalid signature - provided signature does not match.',
      data: { status: 401 },
    });
  });

  it('refuses a reused nonce, an old timestamp, an unknown key and a missing parameter', async () => {
    const once = signed('/products', {}, store.consumerSecret, { oauth_nonce: 'same-nonce' });
    expect((await fetch(once)).status).toBe(200);
    expect(await (await fetch(once)).json()).toMatchObject({ message: 'Invalid nonce - nonce has already been used.' });
    expect(
      await (
        await fetch(
          signed('/products', {}, store.consumerSecret, {
            oauth_timestamp: String(Math.floor(Date.now() / 1000) - 3600),
          }),
        )
      ).json(),
    ).toMatchObject({ message: 'Invalid timestamp.' });
    expect(
      await (await fetch(signed('/products', {}, store.consumerSecret, { oauth_consumer_key: 'ck_unknown' }))).json(),
    ).toMatchObject({ message: 'Consumer key is invalid.' });
    expect(
      await (await fetch(`${store.url}/wp-json/wc/v3/products?oauth_consumer_key=${store.consumerKey}`)).json(),
    ).toMatchObject({
      code: 'woocommerce_rest_authentication_missing_parameter',
      message: 'Missing OAuth parameter oauth_timestamp, oauth_nonce, oauth_signature, oauth_signature_method',
    });
  });

  it('ignores keys in the query string over http, as WooCommerce does: the caller is a visitor', async () => {
    const answer = await fetch(
      `${store.url}/wp-json/wc/v3/products?consumer_key=${store.consumerKey}&consumer_secret=${store.consumerSecret}`,
    );
    expect([answer.status, await answer.json()]).toEqual([
      401,
      { code: 'woocommerce_rest_cannot_view', message: 'Sorry, you cannot list resources.', data: { status: 401 } },
    ]);
  });
});

describe('paging', () => {
  it('sends X-WP-Total, X-WP-TotalPages and Link, and refuses per_page above 100', async () => {
    const answer = await fetch(signed('/products', { per_page: '100', page: '2' }, store.consumerSecret));
    expect([answer.headers.get('x-wp-total'), answer.headers.get('x-wp-totalpages')]).toEqual(['10000', '100']);
    expect(answer.headers.get('link')).toMatch(/page=1[^>]*>; rel="prev", <[^>]*page=3[^>]*>; rel="next"/);
    const tooMany = await fetch(signed('/products', { per_page: '101' }, store.consumerSecret));
    expect([tooMany.status, await tooMany.json()]).toEqual([
      400,
      expect.objectContaining({ code: 'rest_invalid_param', message: 'Invalid parameter(s): per_page' }),
    ]);
  });

  it('serves the last page of 10,000 products × 3 variations built on demand', async () => {
    const started = performance.now();
    const answer = await fetch(
      signed('/products', { per_page: '100', page: '100', orderby: 'id', order: 'asc' }, store.consumerSecret),
    );
    const page = (await answer.json()) as { id: number; variations: number[] }[];
    expect(page.at(-1)?.id).toBe(11_000);
    const last = page.find((product) => product.variations.length === 3);
    const variations = (await (
      await fetch(signed(`/products/${last?.id}/variations`, {}, store.consumerSecret))
    ).json()) as unknown[];
    expect(variations).toHaveLength(3);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('filters by modified_after in the store’s local time, or GMT with dates_are_gmt', async () => {
    // Product 1 was last modified 2023-01-31 01:00 GMT, 03:00 in the store (GMT+2): after 01:30 in store time, not in GMT.
    const local = await fetch(
      signed(
        '/products',
        { modified_after: '2023-01-31T01:30:00', orderby: 'id', order: 'asc', per_page: '1' },
        store.consumerSecret,
      ),
    );
    const gmt = await fetch(
      signed(
        '/products',
        { modified_after: '2023-01-31T01:30:00', dates_are_gmt: 'true', orderby: 'id', order: 'asc', per_page: '1' },
        store.consumerSecret,
      ),
    );
    expect([local.headers.get('x-wp-total'), gmt.headers.get('x-wp-total')]).toEqual(['10000', '9999']);
  });
});

describe('WordPress pages and posts (wp/v2), as WordPress answers a visitor', () => {
  const wp = (route: string, query: Record<string, string> = {}) =>
    fetch(`${store.url}/wp-json/wp/v2${route}?${new URLSearchParams(query)}`);

  it('pages by page and per_page with X-WP-Total and X-WP-TotalPages, per_page at most 100, no page past the last', async () => {
    const answer = await wp('/posts', { per_page: '5', page: '2', orderby: 'id', order: 'asc' });
    expect([answer.status, answer.headers.get('x-wp-total'), answer.headers.get('x-wp-totalpages')]).toEqual([
      200,
      '12',
      '3',
    ]);
    expect(((await answer.json()) as { id: number }[]).map((post) => post.id)).toEqual([
      10_006, 10_010, 10_011, 10_012, 10_013,
    ]);
    expect(await (await wp('/posts', { per_page: '101' })).json()).toMatchObject({
      code: 'rest_invalid_param',
      message: 'Invalid parameter(s): per_page',
    });
    expect(await (await wp('/posts', { per_page: '5', page: '4' })).json()).toMatchObject({
      code: 'rest_post_invalid_page_number',
      data: { status: 400 },
    });
  });

  it('sends WordPress’s shapes: rendered title, content and excerpt, dates, link; _embed brings the author, featured media and terms', async () => {
    const [post] = (await (
      await wp('/posts', { per_page: '1', page: '2', orderby: 'id', order: 'asc', _embed: '1' })
    ).json()) as Record<string, unknown>[];
    expect(post).toMatchObject({
      id: 10_002,
      slug: 'linen-care',
      status: 'publish',
      type: 'post',
      link: `${store.url}/2024/02/linen-care/`,
      title: { rendered: 'Linen care, step by step' },
      content: { protected: false },
      excerpt: { rendered: '<p>A short look at entry 2.</p>\n', protected: false },
      date_gmt: '2024-02-03T09:00:00',
      date: '2024-02-03T11:00:00',
      modified_gmt: '2024-02-10T09:00:00',
      author: 1,
      featured_media: 50_002,
      categories: [31],
      tags: [43, 44],
      _embedded: {
        author: [{ id: 1, name: 'Ingrid Nord', slug: 'ingrid' }],
        'wp:featuredmedia': [
          {
            id: 50_002,
            source_url: `${store.url}/wp-content/uploads/2024/03/gone-linen-care.jpg`,
            alt_text: 'Linen drying on a line',
            media_type: 'image',
          },
        ],
        'wp:term': [
          [{ id: 31, name: 'Journal', taxonomy: 'category' }],
          [
            { id: 43, taxonomy: 'post_tag' },
            { id: 44, name: 'Slow &amp; Steady', taxonomy: 'post_tag' },
          ],
        ],
      },
    });
    const [page] = (await (await wp('/pages', { per_page: '1', orderby: 'id', order: 'asc' })).json()) as Record<
      string,
      unknown
    >[];
    expect(page).not.toHaveProperty('excerpt');
    expect(page).not.toHaveProperty('_embedded');
    expect(page).toMatchObject({ type: 'page', parent: 0, link: `${store.url}/` });
  });

  it('shows a visitor published items only, refuses other statuses and the edit context, and filters by modified_after', async () => {
    expect(await (await wp('/pages', { status: 'publish,draft' })).json()).toMatchObject({
      code: 'rest_forbidden_status',
      data: { status: 401 },
    });
    expect(await (await wp('/pages', { context: 'edit' })).json()).toMatchObject({
      code: 'rest_forbidden_context',
      data: { status: 401 },
    });
    expect((await wp('/pages')).headers.get('x-wp-total')).toBe('8');
    // Post 10,002 was last modified 2024-02-10 09:00 GMT, 11:00 in the store: a date without a zone is the store's.
    const zoned = await wp('/posts', {
      modified_after: '2024-02-10T10:00:00Z',
      orderby: 'id',
      order: 'asc',
      per_page: '1',
    });
    const local = await wp('/posts', {
      modified_after: '2024-02-10T10:00:00',
      orderby: 'id',
      order: 'asc',
      per_page: '1',
    });
    expect([
      ((await zoned.json()) as { id: number }[])[0]?.id,
      ((await local.json()) as { id: number }[])[0]?.id,
    ]).toEqual([10_003, 10_002]);
    expect(await (await wp('/posts', { modified_after: 'yesterday' })).json()).toMatchObject({
      code: 'rest_invalid_param',
    });
  });
});

describe('authentication over https: consumer key and secret', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'woo-tls-'));
  let secure: WooCommerceTestServer;
  let cert: string;

  beforeAll(async () => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        path.join(folder, 'key.pem'),
        '-out',
        path.join(folder, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'pipe' },
    );
    cert = fs.readFileSync(path.join(folder, 'cert.pem'), 'utf8');
    secure = await startWooCommerceServer({
      catalog: { products: 30 },
      tls: { key: fs.readFileSync(path.join(folder, 'key.pem'), 'utf8'), cert },
    });
  });
  afterAll(async () => {
    await secure.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('the connector reads the store with its keys, and a wrong secret is wrong-credentials', async () => {
    const connector = createConnector(
      'woocommerce',
      { url: secure.url, consumerKey: secure.consumerKey, consumerSecret: secure.consumerSecret },
      { trustedCertificate: cert },
    );
    expect((await connector.extract('products', null)).records).toHaveLength(30);
    expect(secure.requests.at(-1)?.query.get('oauth_signature')).toBeNull();
    const wrong = createConnector(
      'woocommerce',
      { url: secure.url, consumerKey: secure.consumerKey, consumerSecret: `cs_${'0'.repeat(40)}` },
      { trustedCertificate: cert },
    );
    expect(await wrong.testConnection()).toEqual({
      ok: false,
      problem: 'wrong-credentials',
      message: expect.stringContaining('Consumer secret is invalid.'),
    });
  });

  it('WordPress takes a Basic header on wp/v2 for an application password, and WooCommerce’s keys are none', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = https.get(
        `${secure.url}/wp-json/wp/v2/posts`,
        { ca: cert, auth: `${secure.consumerKey}:${secure.consumerSecret}` },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      request.on('error', reject);
    });
    expect([answer.status, JSON.parse(answer.body).code]).toEqual([401, 'invalid_username']);
  });

  it('an untrusted certificate is unreachable, in words', async () => {
    const connector = createConnector('woocommerce', {
      url: secure.url,
      consumerKey: secure.consumerKey,
      consumerSecret: secure.consumerSecret,
    });
    expect(await connector.testConnection()).toMatchObject({
      ok: false,
      problem: 'unreachable',
      message: expect.stringContaining('self-signed'),
    });
  });
});
