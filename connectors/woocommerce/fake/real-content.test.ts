// The realContent shapes answer as WooCommerce and WordPress do: system_status `pages` names
// WooCommerce's pages by id in its fixed order, wp/v2 serves them with Yoast's `yoast_head_json`
// where Yoast has SEO fields, and off by default the seeded store is unchanged. Read through the
// connector, they come out marked and with their SEO.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnector } from '../../registry.server.ts';
import { REAL_PAGES, realPageId } from './real-content.ts';
import { startWooCommerceServer, type WooCommerceTestServer } from './server.ts';

const PAGES = 4;
let store: WooCommerceTestServer;
beforeAll(async () => {
  store = await startWooCommerceServer({ catalog: { products: 3, pages: PAGES, posts: 12, realContent: true } });
});
afterAll(() => store.close());

const credentials = () => ({ url: store.url, consumerKey: store.consumerKey, consumerSecret: store.consumerSecret });

describe('realContent', () => {
  it('adds its pages after the seeded ones, and is off by default', async () => {
    expect(store.catalog.counts.pages).toBe(PAGES + REAL_PAGES.length);
    const plain = await startWooCommerceServer({ catalog: { products: 3, pages: PAGES } });
    try {
      expect(plain.catalog.counts.pages).toBe(PAGES);
      expect(plain.catalog.storePages()).toEqual([]);
    } finally {
      await plain.close();
    }
  });

  it('reads through the connector as WooCommerce’s own pages, policies, and a page with Yoast SEO', async () => {
    const connector = createConnector('woocommerce', credentials());
    const page = await connector.extract('pages', null);
    const records = new Map(
      page.records.flatMap((item) =>
        item.ok ? [[Number(item.sourceId), item.record as { storePage?: string; seo: unknown }]] : [],
      ),
    );
    expect(REAL_PAGES.map((kind) => records.get(realPageId(PAGES, kind))?.storePage)).toEqual([
      'shop',
      'cart',
      'checkout',
      'my-account',
      'cart',
      'privacy',
      'refund',
      undefined,
    ]);
    expect(records.get(realPageId(PAGES, 'our-story'))?.seo).toEqual({
      title: 'The story of Atelier Nord - handmade since 1998',
      description: 'How a small weaving workshop in the north became Atelier Nord.',
    });
    expect(records.get(101)?.storePage).toBeUndefined();
  });
});
