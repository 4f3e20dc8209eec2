// The awkward products real WooCommerce stores have, seeded first in every catalog so even a small
// one carries them all: missing and duplicate SKUs and slugs, prices that do not parse, more than
// three variation axes, broken HTML, emoji, sale schedules, backorders, external and grouped items…
import type { WooProduct, WooProductAttribute, WooVariation } from './shapes.ts';
import { product, withPrices } from './shapes.ts';
import type { SeededProduct, Store } from './store.ts';
import { baseSellable, categoryRef, permalink, productId, productImages, uploadImage, variationId } from './store.ts';
import { globalAttribute, UNCATEGORIZED_ID } from './taxonomy.ts';

export const AWKWARD_KINDS = [
  'variable-three-axes',
  'four-axes',
  'missing-sku',
  'duplicate-sku-first',
  'duplicate-sku-second',
  'duplicate-slug-first',
  'duplicate-slug-second',
  'empty-price',
  'comma-price',
  'broken-html',
  'unicode-emoji',
  'long-title',
  'dead-image',
  'sale-running',
  'sale-upcoming',
  'backorders',
  'untracked-out-of-stock',
  'external',
  'grouped',
  'downloadable',
  'missing-title',
  'variation-any-size',
  'variation-without-price',
  'variable-without-variations',
  'seo-yoast',
  'seo-rank-math',
  'seo-aioseo',
  'private',
  'entities-in-title',
] as const;
export type AwkwardKind = (typeof AWKWARD_KINDS)[number];

interface Draft {
  fields: Partial<WooProduct> & Pick<WooProduct, 'name' | 'slug' | 'type'>;
  regular?: string;
  sale?: string;
  variations?: ((base: WooVariation) => WooVariation)[];
}

const LONG_TITLE =
  'Organic cotton bedding set with pillowcases, duvet cover and fitted sheet, stonewashed for softness, OEKO-TEX certified, available in twelve colours, '
    .repeat(3)
    .trim();

/** A variation attribute pick for the builders below. */
const pick = (name: string, option: string, global = true): { id: number; name: string; option: string } => ({
  id: global ? globalAttribute(name).id : 0,
  name,
  option,
});

function axis(name: string, position: number, options: string[], global = true): WooProductAttribute {
  return { id: global ? globalAttribute(name).id : 0, name, position, visible: true, variation: true, options };
}

function cartesian(axes: WooProductAttribute[]): { id: number; name: string; option: string }[][] {
  return axes.reduce<{ id: number; name: string; option: string }[][]>(
    (rows, current) =>
      rows.flatMap((row) => current.options.map((option) => [...row, { id: current.id, name: current.name, option }])),
    [[]],
  );
}

function drafts(store: Store, id: number): Record<AwkwardKind, Draft> {
  const simple = (name: string, slug: string, regular = '19.00'): Draft => ({
    fields: { name, slug, type: 'simple', sku: `AWK-${id}` },
    regular,
  });
  const threeAxes = [
    axis('Color', 0, ['Black', 'White', 'Olive']),
    axis('Size', 1, ['S', 'M', 'L', 'XL']),
    axis('Fit', 2, ['Regular', 'Slim'], false),
  ];
  const fourAxes = [
    axis('Color', 0, ['Red', 'Blue']),
    axis('Size', 1, ['S', 'M']),
    axis('Material', 2, ['Wool', 'Cotton']),
    axis('Style', 3, ['Crew', 'V-neck']),
  ];
  const fromAxes = (axes: WooProductAttribute[], price: (position: number) => string) =>
    cartesian(axes).map(
      (attributes, position) => (base: WooVariation) =>
        withPrices(
          { ...base, sku: `AWK-${id}-${position + 1}`, attributes, manage_stock: true, stock_quantity: position },
          price(position),
          '',
          store.now,
        ),
    );
  return {
    'variable-three-axes': {
      fields: {
        name: 'Everyday Tee',
        slug: 'everyday-tee',
        type: 'variable',
        attributes: [
          ...threeAxes,
          {
            id: 0,
            name: 'Care',
            position: 3,
            visible: true,
            variation: false,
            options: ['Machine wash 30°', 'Do not tumble dry'],
          },
        ],
        categories: [categoryRef(store, 'shirts')],
      },
      variations: fromAxes(threeAxes, (position) => `${20 + position}.00`),
    },
    'four-axes': {
      fields: { name: 'Configurable Sweater', slug: 'configurable-sweater', type: 'variable', attributes: fourAxes },
      variations: fromAxes(fourAxes, () => '49.00'),
    },
    'missing-sku': {
      ...simple('Mystery Sticker', 'mystery-sticker', '2.00'),
      fields: { name: 'Mystery Sticker', slug: 'mystery-sticker', type: 'simple', sku: '' },
    },
    'duplicate-sku-first': {
      ...simple('Stoneware Mug', 'stoneware-mug', '14.00'),
      fields: { name: 'Stoneware Mug', slug: 'stoneware-mug', type: 'simple', sku: 'MUG-001' },
    },
    'duplicate-sku-second': {
      ...simple('Stoneware Mug (old)', 'stoneware-mug-old', '12.00'),
      fields: { name: 'Stoneware Mug (old)', slug: 'stoneware-mug-old', type: 'simple', sku: 'MUG-001' },
    },
    'duplicate-slug-first': simple('Gift Card', 'gift-card', '25.00'),
    'duplicate-slug-second': simple('Gift Card (imported)', 'gift-card', '50.00'),
    'empty-price': simple('Coming Soon Lamp', 'coming-soon-lamp', ''),
    'comma-price': simple('Imported Teapot', 'imported-teapot', '12,50'),
    'broken-html': {
      ...simple('Linen Tea Towel', 'linen-tea-towel'),
      fields: {
        name: 'Linen Tea Towel',
        slug: 'linen-tea-towel',
        type: 'simple',
        description: '<p>Hand-made <b>linen <div>tea towel</p><script>alert(1)</script>',
      },
    },
    'unicode-emoji': simple('Tasse « Café » ☕ 東京 🍵', '%e6%9d%b1%e4%ba%ac-cafe-tasse', '9.90'),
    'long-title': simple(LONG_TITLE, 'organic-cotton-bedding-set'),
    'dead-image': {
      ...simple('Ceramic Vase', 'ceramic-vase', '35.00'),
      fields: {
        name: 'Ceramic Vase',
        slug: 'ceramic-vase',
        type: 'simple',
        images: [
          ...productImages(store, id, 'Ceramic Vase', 1),
          uploadImage(store, 500_000_000 + id * 100 + 9, `gone-vase-${id}.png`, 'Vase from above'),
        ],
      },
    },
    'sale-running': {
      ...simple('Summer Hat', 'summer-hat', '20.00'),
      sale: '15.00',
      fields: {
        name: 'Summer Hat',
        slug: 'summer-hat',
        type: 'simple',
        date_on_sale_from: '2025-05-01T02:00:00',
        date_on_sale_from_gmt: '2025-05-01T00:00:00',
        date_on_sale_to: '2025-07-01T01:59:59',
        date_on_sale_to_gmt: '2025-06-30T23:59:59',
      },
    },
    'sale-upcoming': {
      ...simple('Winter Gloves', 'winter-gloves', '30.00'),
      sale: '24.00',
      fields: {
        name: 'Winter Gloves',
        slug: 'winter-gloves',
        type: 'simple',
        date_on_sale_from: '2025-11-01T01:00:00',
        date_on_sale_from_gmt: '2025-11-01T00:00:00',
        date_on_sale_to: null,
        date_on_sale_to_gmt: null,
      },
    },
    backorders: {
      ...simple('Made-to-order Desk', 'made-to-order-desk', '420.00'),
      fields: {
        name: 'Made-to-order Desk',
        slug: 'made-to-order-desk',
        type: 'simple',
        manage_stock: true,
        stock_quantity: -3,
        stock_status: 'onbackorder',
        backorders: 'notify',
        backorders_allowed: true,
        backordered: true,
        weight: '18.5',
        dimensions: { length: '120', width: '60', height: '' },
      },
    },
    'untracked-out-of-stock': {
      ...simple('Sold-out Print', 'sold-out-print', '40.00'),
      fields: {
        name: 'Sold-out Print',
        slug: 'sold-out-print',
        type: 'simple',
        manage_stock: false,
        stock_quantity: null,
        stock_status: 'outofstock',
      },
    },
    external: {
      ...simple('Partner Bicycle', 'partner-bicycle', '899.00'),
      fields: {
        name: 'Partner Bicycle',
        slug: 'partner-bicycle',
        type: 'external',
        external_url: 'https://partner.example/bicycle',
        button_text: 'Buy at our partner',
        shipping_required: false,
      },
    },
    grouped: {
      fields: {
        name: 'Breakfast Set',
        slug: 'breakfast-set',
        type: 'grouped',
        grouped_products: [productId(4), productId(5)],
      },
      regular: '',
    },
    downloadable: {
      ...simple('Knitting Pattern (PDF)', 'knitting-pattern-pdf', '6.50'),
      fields: {
        name: 'Knitting Pattern (PDF)',
        slug: 'knitting-pattern-pdf',
        type: 'simple',
        virtual: true,
        downloadable: true,
        downloads: [
          { id: 'c1a1e', name: 'Pattern', file: `${store.siteUrl}/wp-content/uploads/woocommerce_uploads/pattern.pdf` },
        ],
        shipping_required: false,
        tax_status: 'none',
      },
    },
    'missing-title': simple('', 'product-1234', '5.00'),
    'variation-any-size': {
      fields: {
        name: 'Any-size Socks',
        slug: 'any-size-socks',
        type: 'variable',
        attributes: [axis('Color', 0, ['Black', 'White']), axis('Size', 1, ['S', 'M', 'L'])],
      },
      variations: [
        (base) =>
          withPrices({ ...base, attributes: [pick('Color', 'Black'), pick('Size', 'S')] }, '8.00', '', store.now),
        // No Size: WooCommerce sells this variation in "Any Size".
        (base) => withPrices({ ...base, attributes: [pick('Color', 'White')] }, '8.00', '', store.now),
      ],
    },
    'variation-without-price': {
      fields: {
        name: 'Half-priced Scarf',
        slug: 'half-priced-scarf',
        type: 'variable',
        attributes: [axis('Color', 0, ['Rust', 'Sand'])],
      },
      variations: [
        (base) => withPrices({ ...base, attributes: [pick('Color', 'Rust')] }, '22.00', '', store.now),
        (base) => withPrices({ ...base, attributes: [pick('Color', 'Sand')] }, '', '', store.now),
      ],
    },
    'variable-without-variations': {
      fields: {
        name: 'Unfinished Jacket',
        slug: 'unfinished-jacket',
        type: 'variable',
        attributes: [axis('Size', 0, ['M', 'L'])],
      },
      variations: [],
    },
    'seo-yoast': {
      ...simple('Yoast Candle', 'yoast-candle'),
      fields: {
        name: 'Yoast Candle',
        slug: 'yoast-candle',
        type: 'simple',
        meta_data: [
          { id: 1, key: '_yoast_wpseo_title', value: '%%title%% %%sep%% %%sitename%%' },
          { id: 2, key: '_yoast_wpseo_metadesc', value: 'A soy candle that burns for 40 hours.' },
          { id: 3, key: '_yoast_wpseo_focuskw', value: 'soy candle' },
        ],
      },
    },
    'seo-rank-math': {
      ...simple('Rank Math Notebook', 'rank-math-notebook'),
      fields: {
        name: 'Rank Math Notebook',
        slug: 'rank-math-notebook',
        type: 'simple',
        meta_data: [
          { id: 1, key: 'rank_math_title', value: 'Dotted Notebook A5 %sep% %sitename%' },
          { id: 2, key: 'rank_math_description', value: 'A5 notebook with 120 dotted pages.' },
        ],
      },
    },
    'seo-aioseo': {
      ...simple('AIOSEO Apron', 'aioseo-apron'),
      fields: {
        name: 'AIOSEO Apron',
        slug: 'aioseo-apron',
        type: 'simple',
        meta_data: [
          { id: 1, key: '_aioseo_title', value: 'Canvas Apron for Bakers' },
          { id: 2, key: '_aioseo_description', value: 'Heavy canvas apron with two pockets.' },
        ],
      },
    },
    private: {
      ...simple('Staff-only Hoodie', 'staff-only-hoodie'),
      fields: { name: 'Staff-only Hoodie', slug: 'staff-only-hoodie', type: 'simple', status: 'private' },
    },
    'entities-in-title': {
      ...simple('Salt &amp; Pepper Set', 'salt-pepper-set', '18.00'),
      fields: {
        name: 'Salt &amp; Pepper Set',
        slug: 'salt-pepper-set',
        type: 'simple',
        categories: [categoryRef(store, 'mugs-cups')],
      },
    },
  };
}

export function awkwardProduct(store: Store, index: number): SeededProduct {
  const kind = AWKWARD_KINDS[index - 1];
  if (!kind) throw new Error(`no awkward product at ${index}`);
  const id = productId(index);
  const draft = drafts(store, id)[kind];
  const base = baseSellable(store, id, index);
  const status = draft.fields.status ?? 'publish';
  const seeded = product(
    { ...base, status, sku: `AWK-${id}`, description: `<p>${kind}</p>` },
    {
      categories: [{ id: UNCATEGORIZED_ID, name: 'Uncategorized', slug: 'uncategorized' }],
      images: draft.fields.images ?? productImages(store, id, draft.fields.name, 1),
      permalink: permalink(store, draft.fields.slug, status, id),
      ...draft.fields,
      variations: (draft.variations ?? []).map((_, position) => variationId(id, position)),
    },
  );
  const priced =
    draft.fields.type === 'variable' ? seeded : withPrices(seeded, draft.regular ?? '', draft.sale ?? '', store.now);
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
