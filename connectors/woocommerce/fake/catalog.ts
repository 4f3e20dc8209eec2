// A deterministic WooCommerce store of any size: `seedCatalog({ products: 10_000, … })` holds only
// the taxonomy and the merchant's edits; every product, variation, customer, order, WordPress page or
// post is built from its index when a page asks for it.
import { AWKWARD_KINDS, type AwkwardKind, awkwardProduct } from './awkward-products.ts';
import { type SeededContent, seededPage, seededPost } from './content.ts';
import { REAL_KINDS, type RealKind, realProduct, systemStatusPages as wooStatusPages } from './real-products.ts';
import {
  REAL_BASE_LOCATION,
  REAL_CUSTOMERS,
  REAL_ORDERS,
  realCustomer,
  realOrder as realCustomersOrder,
} from './real-customers.ts';
import {
  REAL_PAGES,
  REAL_POST_INDEX,
  realPage,
  realPost,
  systemStatusPages as contentStatusPages,
} from './real-content.ts';
import { regularProduct } from './regular-products.ts';
import type { WooCategory, WooProduct } from './shapes.ts';
import { datePair } from './shapes.ts';
import { REAL_COUPONS, realCoupon } from './real-coupons.ts';
import { coupon, customer, order, review } from './shop-records.ts';
import { ANY_VARIATION_ORDER_COUNT, anyVariationOrder } from './any-variation-orders.ts';
import { REAL_ORDER_COUNT, REAL_REVIEW_COUNT, realOrder, realReview } from './real-orders.ts';
import type { SeededProduct, Store } from './store.ts';
import { productId } from './store.ts';
import { GLOBAL_ATTRIBUTES, seedCategories, seedTags } from './taxonomy.ts';

export interface SeedOptions {
  products?: number;
  variationsPerProduct?: number;
  imagesPerProduct?: number;
  /** Categories besides "Uncategorized"; the first eleven form a tree three levels deep. */
  categories?: number;
  tags?: number;
  customers?: number;
  orders?: number;
  coupons?: number;
  /** Coupons with exclusions, maximum spend and an item limit (real-coupons.ts) after the seeded ones. */
  realCoupons?: boolean;
  reviews?: number;
  /** WordPress pages and blog posts (all statuses; the awkward ones of content.ts come first). */
  pages?: number;
  posts?: number;
  /** Add, after the seeded orders and reviews, those of a real WooCommerce 11 store (real-orders.ts); off by default. */
  realOrders?: boolean;
  /** Add WooCommerce's own pages, the policy pages and a page with images, links and SEO (real-content.ts); off by default. */
  realContent?: boolean;
  /** Seed the awkward products (see awkward-products.ts) first; on by default. */
  awkward?: boolean;
  /** Seed WooCommerce's sample shapes (real-products.ts) after the awkward ones, and its Shop/Cart/… pages; off by default. */
  realProducts?: boolean;
  /** Add, after the other orders, a past order of a variation sold in any Size (any-variation-orders.ts; needs realProducts); off by default. */
  anyVariationOrders?: boolean;
  /** Customers and orders as real stores have them: local phones, WooCommerce's state codes (see real-customers.ts); off by default. */
  realCustomers?: boolean;
  /** The store's time zone, east of GMT, in minutes (default +120, Central European Summer Time). */
  offsetMinutes?: number;
  now?: Date;
}

export interface StoreSettings {
  name: string;
  version: string;
  currency: string;
  weightUnit: string;
  dimensionUnit: string;
  /** General settings' `woocommerce_default_country` ("Base location"): country, then state. */
  baseLocation: string;
}

export interface Catalog {
  readonly store: Store;
  readonly settings: StoreSettings;
  readonly productCount: number;
  readonly counts: {
    customers: number;
    orders: number;
    coupons: number;
    reviews: number;
    pages: number;
    posts: number;
  };
  /** The product at 1-based `index`, with the merchant's edits applied. */
  productAt(index: number): SeededProduct;
  indexOfProduct(id: number): number | null;
  /** The id of the seeded awkward product of this kind. */
  awkwardId(kind: AwkwardKind): number;
  /** The id of the seeded real product of this kind (realProducts on). */
  realId(kind: RealKind): number;
  /** WooCommerce's own pages as system_status lists them (none unless realProducts is on). */
  readonly wooPages: boolean;
  /** A merchant's edit in wp-admin: changes fields and stamps date_modified with the store's clock. */
  editProduct(id: number, changes: Partial<WooProduct>): void;
  customerAt(index: number): Record<string, unknown>;
  orderAt(index: number): Record<string, unknown>;
  couponAt(index: number): Record<string, unknown>;
  reviewAt(index: number): Record<string, unknown>;
  /** The WordPress page or post at 1-based `index`, with the merchant's edits applied. */
  pageAt(index: number): SeededContent;
  postAt(index: number): SeededContent;
  /** A merchant's edit of a page or post in wp-admin, stamped with the store's clock. */
  editContent(id: number, changes: Partial<SeededContent>): void;
  categories(): WooCategory[];
  /** system_status `pages`: the pages WooCommerce's settings name. */
  storePages(): Record<string, unknown>[];
}

export function seedCatalog(options: SeedOptions = {}): Catalog {
  const awkwardCount = options.awkward === false ? 0 : AWKWARD_KINDS.length;
  const realCount = options.realProducts ? REAL_KINDS.length : 0;
  const productCount = options.products ?? 40;
  const offsetMinutes = options.offsetMinutes ?? 120;
  const store: Store = {
    siteUrl: 'http://store.invalid',
    offsetMinutes,
    now: options.now ?? new Date('2025-06-01T12:00:00Z'),
    categories: [],
    tags: seedTags(options.tags ?? 8),
    imagesPerProduct: options.imagesPerProduct ?? 2,
    variationsPerProduct: options.variationsPerProduct ?? 3,
  };
  const categoryCount = options.categories ?? 11;
  let categoriesFor = '';
  const edits = new Map<number, Partial<WooProduct>>();
  const contentEdits = new Map<number, Partial<SeededContent>>();
  const edited = (item: SeededContent): SeededContent => ({ ...item, ...contentEdits.get(item.id) });
  const seededOrders = options.orders ?? (options.realCustomers ? REAL_ORDERS : 20);
  const seededReviews = options.reviews ?? 15;
  const counts = {
    customers: options.customers ?? (options.realCustomers ? REAL_CUSTOMERS.length : 12),
    orders:
      seededOrders +
      (options.realOrders ? REAL_ORDER_COUNT : 0) +
      (options.anyVariationOrders ? ANY_VARIATION_ORDER_COUNT : 0),
    coupons: (options.coupons ?? 6) + (options.realCoupons ? REAL_COUPONS.length : 0),
    reviews: seededReviews + (options.realOrders ? REAL_REVIEW_COUNT : 0),
    pages: (options.pages ?? 10) + (options.realContent ? REAL_PAGES.length : 0),
    posts: options.posts ?? 16,
  };
  // The real store's records come right after the seeded ones; orders placed later (store-changes.ts) are seeded ones again. 0: not a real one.
  const realPosition = (index: number, seeded: number, real: number) =>
    options.realOrders && index > seeded && index <= seeded + real ? index - seeded : 0;
  const seededPages = options.pages ?? 10;
  // Categories carry image URLs, so they follow the site address the server listens on.
  const categories = (): WooCategory[] => {
    if (categoriesFor !== store.siteUrl) {
      store.categories = seedCategories(categoryCount, store.siteUrl, offsetMinutes);
      categoriesFor = store.siteUrl;
    }
    return store.categories;
  };

  const catalog: Catalog = {
    store,
    settings: {
      name: 'Atelier Nord',
      version: '9.4.1',
      currency: 'EUR',
      weightUnit: 'kg',
      dimensionUnit: 'cm',
      baseLocation: options.realCustomers ? REAL_BASE_LOCATION : 'DE:BE',
    },
    productCount,
    counts,
    productAt(index) {
      categories();
      const real = index > awkwardCount && index <= awkwardCount + realCount;
      const seeded =
        index <= awkwardCount
          ? awkwardProduct(store, index)
          : real
            ? realProduct(store, index - awkwardCount, index, productId(index))
            : regularProduct(store, index);
      const changes = edits.get(seeded.product.id);
      return changes ? { ...seeded, product: { ...seeded.product, ...changes } } : seeded;
    },
    indexOfProduct(id) {
      const index = id - productId(0);
      return Number.isInteger(index) && index >= 1 && index <= productCount ? index : null;
    },
    awkwardId(kind) {
      const index = AWKWARD_KINDS.indexOf(kind) + 1;
      if (index < 1 || index > Math.min(awkwardCount, productCount))
        throw new Error(`the catalog has no ${kind} product (seed at least ${index} products with awkward on)`);
      return productId(index);
    },
    realId(kind) {
      const index = awkwardCount + REAL_KINDS.indexOf(kind) + 1;
      if (realCount === 0 || index > productCount)
        throw new Error(`the catalog has no ${kind} product (seed with realProducts and at least ${index} products)`);
      return productId(index);
    },
    wooPages: realCount > 0,
    editProduct(id, changes) {
      if (catalog.indexOfProduct(id) === null) throw new Error(`no product ${id}`);
      const modified = datePair(store.now, offsetMinutes);
      edits.set(id, { ...edits.get(id), ...changes, date_modified: modified.local, date_modified_gmt: modified.gmt });
    },
    customerAt: (index) => (options.realCustomers ? realCustomer : customer)(store, index),
    orderAt(index) {
      const others = seededOrders + (options.realOrders ? REAL_ORDER_COUNT : 0);
      if (options.anyVariationOrders && index > others && index <= others + ANY_VARIATION_ORDER_COUNT)
        return anyVariationOrder(store, 9000 + index, catalog.realId('any-size-beanie'));
      const real = realPosition(index, seededOrders, REAL_ORDER_COUNT);
      return real
        ? realOrder(store, real, 9000 + index, counts.customers > 0 ? customer(store, 1) : null)
        : (options.realCustomers ? realCustomersOrder : order)(store, index, counts.customers, productCount);
    },
    reviewAt(index) {
      const real = realPosition(index, seededReviews, REAL_REVIEW_COUNT);
      return real ? realReview(store, real, 3000 + index) : review(store, index, productCount);
    },
    couponAt(index) {
      const seeded = options.coupons ?? 6;
      if (index <= seeded) return coupon(store, index);
      categories();
      return realCoupon(store, index - seeded);
    },
    pageAt: (index) => {
      const kind = options.realContent ? REAL_PAGES[index - seededPages - 1] : undefined;
      return edited(kind ? realPage(catalog, kind, seededPage(index).id, seededPage(index)) : seededPage(index));
    },
    postAt: (index) =>
      edited(
        options.realContent && index === REAL_POST_INDEX ? realPost(catalog, seededPost(index)) : seededPost(index),
      ),
    editContent(id, changes) {
      contentEdits.set(id, { ...contentEdits.get(id), ...changes, modified: store.now });
    },
    categories,
    storePages: () => (options.realContent ? contentStatusPages(seededPages) : realCount > 0 ? wooStatusPages() : []),
  };
  return catalog;
}

export { AWKWARD_KINDS, GLOBAL_ATTRIBUTES, REAL_KINDS, type AwkwardKind, type RealKind };
