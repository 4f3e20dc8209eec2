// The pages a real WooCommerce store has besides the merchant's own (seed flag `realContent`):
// WooCommerce's Shop, Cart, Checkout and My account pages (named in system_status `pages`, as
// WC_REST_System_Status_V2_Controller::get_pages() reports them), an old cart page left behind with
// only the cart shortcode, WordPress's privacy policy page and WooCommerce's refund and returns page,
// and an "Our story" page whose body has images (srcset, one used twice, one whose file is gone) and
// links to products, categories, pages and posts in every form WordPress writes them, with SEO
// fields from Yoast SEO's `yoast_head_json` (https://developer.yoast.com/customization/apis/rest-api/).
import type { Catalog } from './catalog.ts';
import { type SeededContent, pageId, postId } from './content.ts';

/** The pages this file adds, after the seeded ones, in this order. */
export const REAL_PAGES = [
  'shop',
  'cart',
  'checkout',
  'my-account',
  'basket',
  'privacy-policy',
  'refund_returns',
  'our-story',
] as const;
export type RealPage = (typeof REAL_PAGES)[number];

/** Yoast SEO's title and description for an item, as `yoast_head_json` carries them. */
export interface YoastSeo {
  title: string;
  description: string | null;
}

/** The post (by index) whose body uses the same image as "Our story", and has Yoast SEO fields. */
export const REAL_POST_INDEX = 10;
const UPLOADS = '/wp-content/uploads/2024/05';
export const STORY_IMAGE = `${UPLOADS}/workshop.jpg`;
export const STORY_IMAGE_GONE = `${UPLOADS}/gone-loom.jpg`;
/** A product that was deleted from the store long ago; old pages still link to it. */
export const RETIRED_PRODUCT_PATH = '/product/retired-lamp/';

/** The id the real page `kind` has when the catalog seeds `seededPages` pages of its own first. */
export function realPageId(seededPages: number, kind: RealPage): number {
  return pageId(seededPages + REAL_PAGES.indexOf(kind) + 1);
}

/** The product "Our story" links to: the first one shoppers can see. */
export function storyProduct(catalog: Catalog): { permalink: string; id: number } {
  for (let index = 1; index <= catalog.productCount; index++) {
    const { product } = catalog.productAt(index);
    if (product.status === 'publish' && product.catalog_visibility !== 'hidden')
      return { permalink: product.permalink, id: product.id };
  }
  throw new Error('realContent needs a published product in the catalog');
}

/** "Our story": the page body real stores have, written against the site's own address. */
function storyBody(catalog: Catalog): string {
  const site = catalog.store.siteUrl;
  const product = storyProduct(catalog);
  const category = catalog.categories().find((candidate) => candidate.slug === 'clothing');
  const shipping = catalog.pageAt(2);
  const post = catalog.postAt(11);
  return [
    '<!-- wp:image {"id":60001,"sizeSlug":"large"} -->',
    `<figure class="wp-block-image size-large"><img src="${site}${STORY_IMAGE}" alt="The workshop at dawn" class="wp-image-60001" srcset="${site}${UPLOADS}/workshop-300x200.jpg 300w, ${site}${STORY_IMAGE} 1200w" sizes="(max-width: 1200px) 100vw, 1200px" /></figure>`,
    '<!-- /wp:image -->',
    `<p>Start with <a href="${product.permalink}">our best seller</a>, browse <a href="${site}/product-category/${category?.slug ?? 'clothing'}/">all clothing</a>, or read how we <a href="${site}${shipping.path}">ship and take returns</a>.</p>`,
    `<p>The <a href="${site}/?page_id=${pageId(3)}">size guide</a>, <a href="${site}${post.path}">a journal entry</a>, <a href="${site}/?p=${postId(12)}">another one</a>, and <a href="/cart/">your cart</a>.</p>`,
    `<p>Still missed: <a href="${site}${RETIRED_PRODUCT_PATH}">the lamp we retired</a>. Our friends: <a href="https://example.org/weavers/">the weavers’ guild</a>.</p>`,
    `<p><img src="${site}${STORY_IMAGE_GONE}" alt="The old loom" /><img src="${site}${STORY_IMAGE}" alt="The workshop again" /></p>`,
  ].join('\n');
}

/** The real page `kind`, as page `id` (`base` gives the dates and author). */
export function realPage(catalog: Catalog, kind: RealPage, id: number, base: SeededContent): SeededContent {
  const page = (title: string, slug: string, content: string): SeededContent => ({
    ...base,
    id,
    status: 'publish',
    title,
    slug,
    path: `/${slug}/`,
    content,
  });
  switch (kind) {
    case 'shop':
      // WooCommerce's shop page is the product archive; its own content is empty.
      return page('Shop', 'shop', '');
    case 'cart':
      return page(
        'Cart',
        'cart',
        '<!-- wp:woocommerce/cart -->\n<div class="wp-block-woocommerce-cart alignwide is-loading"></div>\n<!-- /wp:woocommerce/cart -->',
      );
    case 'checkout':
      return page(
        'Checkout',
        'checkout',
        '<!-- wp:woocommerce/checkout -->\n<div class="wp-block-woocommerce-checkout alignwide wc-block-checkout is-loading"></div>\n<!-- /wp:woocommerce/checkout -->',
      );
    case 'my-account':
      return page(
        'My account',
        'my-account',
        '<!-- wp:shortcode -->\n[woocommerce_my_account]\n<!-- /wp:shortcode -->',
      );
    case 'basket':
      // A cart page from before the store switched to the cart block; no setting names it any more.
      return page('Basket', 'basket', '<p>[woocommerce_cart]</p>');
    case 'privacy-policy':
      return page(
        'Privacy Policy',
        'privacy-policy',
        '<h2>Who we are</h2><p>Our website address is the shop’s.</p><h2>What we collect</h2><p>Your name and address, to send your order.</p>',
      );
    case 'refund_returns':
      return page(
        'Refund and Returns Policy',
        'refund_returns',
        '<h2>Refund policy</h2><p>Returns are accepted within 30 days of purchase.</p>',
      );
    case 'our-story':
      return {
        ...page('Our story', 'our-story', storyBody(catalog)),
        yoast: {
          title: 'The story of Atelier Nord - handmade since 1998',
          description: 'How a small weaving workshop in the north became Atelier Nord.',
        },
      };
  }
}

/** The post REAL_POST_INDEX with the story's image in its body and Yoast SEO fields. */
export function realPost(catalog: Catalog, post: SeededContent): SeededContent {
  const site = catalog.store.siteUrl;
  return {
    ...post,
    content: `${post.content}<p><img src="${site}${STORY_IMAGE}" alt="The workshop" /> Back to <a href="${site}/?page_id=${realPageId(catalog.counts.pages - REAL_PAGES.length, 'our-story')}">our story</a>.</p>`,
    yoast: { title: 'Workshop notes | Atelier Nord', description: 'What we learned at the loom this month.' },
  };
}

/** Yoast SEO's `yoast_head_json`, the fields of it Shipyard reads and a few around them. */
export function yoastHeadJson(siteUrl: string, item: SeededContent, seo: YoastSeo): Record<string, unknown> {
  const url = `${siteUrl}${item.path}`;
  return {
    title: seo.title,
    ...(seo.description ? { description: seo.description, og_description: seo.description } : {}),
    robots: { index: 'index', follow: 'follow' },
    canonical: url,
    og_locale: 'en_US',
    og_type: item.type === 'post' ? 'article' : 'website',
    og_title: seo.title,
    og_url: url,
  };
}

/**
 * system_status `pages`, as WooCommerce reports its page settings (page ids are the options' values,
 * strings): the shop, cart, checkout and my-account pages, and the terms page, not set here.
 */
export function systemStatusPages(seededPages: number): Record<string, unknown>[] {
  const entry = (name: string, kind: RealPage | null, shortcode: string, block: string) => {
    const id = kind ? String(realPageId(seededPages, kind)) : '';
    return {
      page_name: name,
      page_id: id,
      page_set: id !== '',
      page_exists: id !== '',
      page_visible: id !== '',
      shortcode,
      block,
      shortcode_required: kind !== null && shortcode !== '',
      shortcode_present: kind === 'my-account',
      block_present: kind === 'cart' || kind === 'checkout',
      block_required: kind !== null && block !== '',
    };
  };
  return [
    entry('Shop base', 'shop', '', ''),
    entry('Cart', 'cart', '[woocommerce_cart]', 'woocommerce/cart'),
    entry('Checkout', 'checkout', '[woocommerce_checkout]', 'woocommerce/checkout'),
    entry('My account', 'my-account', '[woocommerce_my_account]', ''),
    entry('Terms and conditions', null, '', ''),
  ];
}
