// The test server's real-store shapes (realProducts): WooCommerce's sample V-Neck T-Shirt whose
// variations leave Size out ("any Size"), the external and downloadable samples as REST v3 sends
// them, and WooCommerce's own pages in system_status and wp/v2/pages/<id>; off by default.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oauthSignature } from './authentication.ts';
import { startWooCommerceServer, type WooCommerceTestServer } from './server.ts';

let real: WooCommerceTestServer;
let plain: WooCommerceTestServer;
beforeAll(async () => {
  real = await startWooCommerceServer({ catalog: { products: 6, awkward: false, realProducts: true } });
  plain = await startWooCommerceServer({ catalog: { products: 6, awkward: false } });
});
afterAll(async () => {
  await real.close();
  await plain.close();
});

/** GET a WooCommerce route, signed with OAuth 1.0a as over plain http. */
async function woo(store: WooCommerceTestServer, route: string) {
  const url = `${store.url}/wp-json/wc/v3${route}`;
  const params = {
    oauth_consumer_key: store.consumerKey,
    oauth_nonce: randomBytes(8).toString('hex'),
    oauth_signature_method: 'HMAC-SHA1',
    oauth_timestamp: String(Math.floor(Date.now() / 1000)),
  };
  const signature = oauthSignature('GET', url, Object.entries(params), store.consumerSecret, 'sha1');
  const response = await fetch(`${url}?${new URLSearchParams({ ...params, oauth_signature: signature })}`);
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown> & Record<string, unknown>[],
  };
}

/** One product from the first page of the list (the server has no single-product route). */
async function product(id: number): Promise<Record<string, unknown>> {
  const { body } = await woo(real, '/products');
  const found = (body as unknown as { id: number }[]).find((candidate) => candidate.id === id);
  if (!found) throw new Error(`product ${id} is not listed`);
  return found as Record<string, unknown>;
}

describe('real products', () => {
  it('the V-Neck T-Shirt: Color and Size used for variations, each variation fixing only its Color', async () => {
    const id = real.catalog.realId('v-neck-t-shirt');
    const tee = await product(id);
    expect(tee).toMatchObject({ name: 'V-Neck T-Shirt', type: 'variable', sku: 'woo-vneck-tee' });
    expect(
      (tee.attributes as { name: string; variation: boolean; options: string[] }[]).map((attribute) => [
        attribute.name,
        attribute.variation,
        attribute.options,
      ]),
    ).toEqual([
      ['Color', true, ['Blue', 'Green', 'Red']],
      ['Size', true, ['Large', 'Medium', 'Small']],
    ]);
    const { body: variations } = await woo(real, `/products/${id}/variations`);
    expect(
      (variations as unknown as { sku: string; attributes: { name: string; option: string }[] }[]).map((variation) => [
        variation.sku,
        variation.attributes.map((pick) => `${pick.name}=${pick.option}`),
      ]),
    ).toEqual([
      ['woo-vneck-tee-red', ['Color=Red']],
      ['woo-vneck-tee-green', ['Color=Green']],
      ['woo-vneck-tee-blue', ['Color=Blue']],
    ]);
  });

  it('the external and the downloadable samples carry REST v3’s fields', async () => {
    const pennant = await product(real.catalog.realId('external-pennant'));
    expect(pennant).toMatchObject({
      type: 'external',
      external_url: 'https://mercantile.wordpress.org/product/wordpress-pennant/',
      button_text: 'Buy on the WordPress swag store!',
      price: '11.05',
    });
    const album = await product(real.catalog.realId('downloadable-album'));
    expect(album).toMatchObject({
      type: 'simple',
      virtual: true,
      downloadable: true,
      download_limit: 1,
      download_expiry: 1,
      downloads: [{ name: 'Single 1' }, { name: 'Single 2' }],
    });
  });

  it('system_status names WooCommerce’s pages; wp/v2 answers the Shop page by id, and an unknown id as WordPress does', async () => {
    const { body: status } = await woo(real, '/system_status');
    expect(
      (status.pages as { page_name: string; page_id: string }[]).map((page) => [page.page_name, page.page_id]),
    ).toEqual([
      ['Shop base', '6'],
      ['Cart', '7'],
      ['Checkout', '8'],
      ['My account', '9'],
    ]);
    const shop = await fetch(`${real.url}/wp-json/wp/v2/pages/6`);
    expect(await shop.json()).toMatchObject({ id: 6, slug: 'shop', status: 'publish', link: `${real.url}/shop/` });
    const missing = await fetch(`${real.url}/wp-json/wp/v2/pages/99`);
    expect([missing.status, ((await missing.json()) as { code: string }).code]).toEqual([404, 'rest_post_invalid_id']);
  });

  it('is off by default: no real products, no WooCommerce pages', async () => {
    expect(() => plain.catalog.realId('v-neck-t-shirt')).toThrow(/realProducts/);
    expect((await woo(plain, '/system_status')).body.pages).toEqual([]);
  });
});
