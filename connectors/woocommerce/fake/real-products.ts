// Products as a real WooCommerce store has them, modelled on WooCommerce's own sample data
// (sample-data/sample_products.csv): the "V-Neck T-Shirt" whose colour variations are each sold in
// any Size, a variation that leaves Size open beside one that fixes it, the external "WordPress
// Pennant", the downloadable "Album"; and WooCommerce's own pages (Shop, Cart, Checkout, My account)
// as system_status lists them and wp/v2/pages/<id> answers for them. Seeded only with the
// `realProducts` flag (catalog.ts), right after the awkward products.
import type { WooProduct, WooProductAttribute, WooTermRef, WooVariation } from './shapes.ts';
import { datePair, product, withPrices } from './shapes.ts';
import type { SeededProduct, Store } from './store.ts';
import { baseSellable, permalink, productImages, uploadImage, variationId } from './store.ts';
import { globalAttribute, UNCATEGORIZED_ID } from './taxonomy.ts';

export const REAL_KINDS = ['v-neck-t-shirt', 'any-size-beanie', 'external-pennant', 'downloadable-album'] as const;
export type RealKind = (typeof REAL_KINDS)[number];

interface Draft {
  fields: Partial<WooProduct> & Pick<WooProduct, 'name' | 'slug' | 'type'>;
  regular?: string;
  variations?: ((base: WooVariation) => WooVariation)[];
}

const axis = (name: string, position: number, options: string[]): WooProductAttribute => ({
  id: globalAttribute(name).id,
  name,
  position,
  visible: true,
  variation: true,
  options,
});

/**
 * A variation fixes only the attributes it lists; REST v3 leaves out an attribute the variation sells
 * in "any" value (WC_REST_Product_Variations_Controller skips an empty attribute).
 */
const fixes = (picks: [string, string][]) =>
  picks.map(([name, option]) => ({ id: globalAttribute(name).id, name, option }));

/** A product tag of the seeded store by name (seedTags: "Organic", "Bestseller", "Gift idea"…). */
function tag(store: Store, name: string): WooTermRef {
  const found = store.tags.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no tag ${name} in the seeded store (seed at least 4 tags)`);
  return { id: found.id, name: found.name, slug: found.slug };
}

function drafts(store: Store, id: number): Record<RealKind, Draft> {
  const variationImage = (position: number, file: string, alt: string) =>
    uploadImage(store, 600_000_000 + id * 100 + position, file, alt);
  return {
    'v-neck-t-shirt': {
      fields: {
        name: 'V-Neck T-Shirt',
        slug: 'v-neck-t-shirt',
        type: 'variable',
        sku: 'woo-vneck-tee',
        featured: true,
        short_description: '<p>This is a variable product.</p>',
        attributes: [axis('Color', 0, ['Blue', 'Green', 'Red']), axis('Size', 1, ['Large', 'Medium', 'Small'])],
        tags: [tag(store, 'Bestseller')],
      },
      variations: [
        (base) =>
          withPrices(
            {
              ...base,
              sku: 'woo-vneck-tee-red',
              attributes: fixes([['Color', 'Red']]),
              image: variationImage(1, 'vneck-tee-2.jpg', ''),
            },
            '20.00',
            '',
            store.now,
          ),
        (base) =>
          withPrices(
            {
              ...base,
              sku: 'woo-vneck-tee-green',
              attributes: fixes([['Color', 'Green']]),
              image: variationImage(2, 'vnech-tee-green-1.jpg', ''),
            },
            '20.00',
            '',
            store.now,
          ),
        (base) =>
          withPrices(
            {
              ...base,
              sku: 'woo-vneck-tee-blue',
              attributes: fixes([['Color', 'Blue']]),
              image: variationImage(3, 'vnech-tee-blue-1.jpg', ''),
            },
            '15.00',
            '',
            store.now,
          ),
      ],
    },
    'any-size-beanie': {
      fields: {
        name: 'Ribbed Beanie',
        slug: 'ribbed-beanie',
        type: 'variable',
        sku: 'RB',
        attributes: [axis('Color', 0, ['Grey', 'Black']), axis('Size', 1, ['Small', 'Large'])],
        tags: [tag(store, 'Organic')],
      },
      variations: [
        (base) =>
          withPrices(
            {
              ...base,
              sku: 'RB-GREY-S',
              attributes: fixes([
                ['Color', 'Grey'],
                ['Size', 'Small'],
              ]),
              manage_stock: true,
              stock_quantity: 4,
            },
            '18.00',
            '',
            store.now,
          ),
        // Sold in any Size: its 7 in stock are for whichever size the shopper picks.
        (base) =>
          withPrices(
            {
              ...base,
              sku: 'RB-BLACK',
              attributes: fixes([['Color', 'Black']]),
              manage_stock: true,
              stock_quantity: 7,
            },
            '19.00',
            '',
            store.now,
          ),
      ],
    },
    'external-pennant': {
      fields: {
        name: 'WordPress Pennant',
        slug: 'wordpress-pennant',
        type: 'external',
        sku: 'wp-pennant',
        short_description: '<p>This is an external product.</p>',
        external_url: 'https://mercantile.wordpress.org/product/wordpress-pennant/',
        button_text: 'Buy on the WordPress swag store!',
        shipping_required: false,
        purchasable: false,
        tags: [tag(store, 'Gift idea')],
      },
      regular: '11.05',
    },
    'downloadable-album': {
      fields: {
        name: 'Album',
        slug: 'album',
        type: 'simple',
        sku: 'woo-album',
        virtual: true,
        downloadable: true,
        shipping_required: false,
        download_limit: 1,
        download_expiry: 1,
        downloads: [
          {
            id: '7c3b4e3c-0c2f-4d5e-9a51-1b2c3d4e5f60',
            name: 'Single 1',
            file: 'https://demo.woothemes.com/woocommerce/wp-content/uploads/sites/56/2017/08/single.jpg',
          },
          {
            id: '9f8e7d6c-5b4a-4392-8171-0a1b2c3d4e5f',
            name: 'Single 2',
            file: 'https://demo.woothemes.com/woocommerce/wp-content/uploads/sites/56/2017/08/album.jpg',
          },
        ],
        tags: [tag(store, 'Gift idea')],
      },
      regular: '15.00',
    },
  };
}

/** The real product at 1-based `position` among REAL_KINDS, with the product id of catalog index `index`. */
export function realProduct(store: Store, position: number, index: number, id: number): SeededProduct {
  const kind = REAL_KINDS[position - 1];
  if (!kind) throw new Error(`no real product at ${position}`);
  const draft = drafts(store, id)[kind];
  const base = baseSellable(store, id, index);
  const seeded = product(
    {
      ...base,
      status: 'publish',
      description:
        '<p>Pellentesque habitant morbi tristique senectus et netus et malesuada fames ac turpis egestas.</p>',
    },
    {
      categories: [{ id: UNCATEGORIZED_ID, name: 'Uncategorized', slug: 'uncategorized' }],
      images: productImages(store, id, draft.fields.name, 1),
      permalink: permalink(store, draft.fields.slug, 'publish', id),
      ...draft.fields,
      variations: (draft.variations ?? []).map((_, position) => variationId(id, position)),
    },
  );
  const priced = draft.fields.type === 'variable' ? seeded : withPrices(seeded, draft.regular ?? '', '', store.now);
  const variations = (draft.variations ?? []).map((build, position) =>
    build({
      ...baseSellable(store, variationId(id, position), index),
      permalink: priced.permalink,
      image: null,
      attributes: [],
    }),
  );
  return {
    product: priced,
    variationCount: variations.length,
    variation: (position) => {
      const found = variations[position];
      if (!found) throw new Error(`no variation ${position} of product ${id}`);
      return found;
    },
  };
}

/** WooCommerce's own pages, made on install: what system_status names them and their WordPress pages. */
const WOO_PAGES = [
  { name: 'Shop base', id: 6, title: 'Shop', slug: 'shop' },
  { name: 'Cart', id: 7, title: 'Cart', slug: 'cart' },
  { name: 'Checkout', id: 8, title: 'Checkout', slug: 'checkout' },
  { name: 'My account', id: 9, title: 'My account', slug: 'my-account' },
] as const;

/** system_status' `pages` section (WC_REST_System_Status_V2_Controller::get_pages). */
export function systemStatusPages(): Record<string, unknown>[] {
  return WOO_PAGES.map((page) => ({
    page_name: page.name,
    page_id: String(page.id),
    page_set: true,
    page_exists: true,
    page_visible: true,
    shortcode: '',
    block: '',
    shortcode_required: false,
    shortcode_present: false,
    block_present: false,
    block_required: false,
  }));
}

/** The wp/v2/pages/<id> answer for one of WooCommerce's pages, as a visitor reads it; null when there is no such page. */
export function wooPage(store: Store, id: number): Record<string, unknown> | null {
  const page = WOO_PAGES.find((candidate) => candidate.id === id);
  if (!page) return null;
  const date = datePair(new Date('2023-01-01T00:00:00Z'), store.offsetMinutes);
  return {
    id: page.id,
    date: date.local,
    date_gmt: date.gmt,
    guid: { rendered: `${store.siteUrl}/?page_id=${page.id}` },
    modified: date.local,
    modified_gmt: date.gmt,
    slug: page.slug,
    status: 'publish',
    type: 'page',
    link: `${store.siteUrl}/${page.slug}/`,
    title: { rendered: page.title },
    content: { rendered: '', protected: false },
    excerpt: { rendered: '', protected: false },
    author: 1,
    featured_media: 0,
    parent: 0,
    menu_order: 0,
    comment_status: 'closed',
    ping_status: 'closed',
    template: '',
    meta: {},
  };
}
