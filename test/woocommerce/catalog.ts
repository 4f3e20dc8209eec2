// A deterministic WooCommerce store of any size: `seedCatalog({ products: 10_000, … })` holds only
// the taxonomy and the merchant's edits; every product, variation, customer, order, WordPress page or
// post is built from its index when a page asks for it.
import { AWKWARD_KINDS, type AwkwardKind, awkwardProduct } from './awkward-products.ts';
import { type SeededContent, seededPage, seededPost } from './content.ts';
import { REAL_PAGES, REAL_POST_INDEX, realPage, realPost, systemStatusPages } from './real-content.ts';
import { regularProduct } from './regular-products.ts';
import type { WooCategory, WooProduct } from './shapes.ts';
import { datePair } from './shapes.ts';
import { coupon, customer, order, review } from './shop-records.ts';
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
  reviews?: number;
  /** WordPress pages and blog posts (all statuses; the awkward ones of content.ts come first). */
  pages?: number;
  posts?: number;
  /** Add WooCommerce's own pages, the policy pages and a page with images, links and SEO (real-content.ts); off by default. */
  realContent?: boolean;
  /** Seed the awkward products (see awkward-products.ts) first; on by default. */
  awkward?: boolean;
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
}

export interface Catalog {
  readonly store: Store;
  readonly settings: StoreSettings;
  readonly productCount: number;
  readonly counts: { customers: number; orders: number; coupons: number; reviews: number; pages: number; posts: number };
  /** The product at 1-based `index`, with the merchant's edits applied. */
  productAt(index: number): SeededProduct;
  indexOfProduct(id: number): number | null;
  /** The id of the seeded awkward product of this kind. */
  awkwardId(kind: AwkwardKind): number;
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
  const counts = {
    customers: options.customers ?? 12, orders: options.orders ?? 20, coupons: options.coupons ?? 6, reviews: options.reviews ?? 15,
    pages: (options.pages ?? 10) + (options.realContent ? REAL_PAGES.length : 0), posts: options.posts ?? 16,
  };
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
    settings: { name: 'Atelier Nord', version: '9.4.1', currency: 'EUR', weightUnit: 'kg', dimensionUnit: 'cm' },
    productCount,
    counts,
    productAt(index) {
      categories();
      const seeded = index <= awkwardCount ? awkwardProduct(store, index) : regularProduct(store, index);
      const changes = edits.get(seeded.product.id);
      return changes ? { ...seeded, product: { ...seeded.product, ...changes } } : seeded;
    },
    indexOfProduct(id) {
      const index = id - productId(0);
      return Number.isInteger(index) && index >= 1 && index <= productCount ? index : null;
    },
    awkwardId(kind) {
      const index = AWKWARD_KINDS.indexOf(kind) + 1;
      if (index < 1 || index > Math.min(awkwardCount, productCount)) throw new Error(`the catalog has no ${kind} product (seed at least ${index} products with awkward on)`);
      return productId(index);
    },
    editProduct(id, changes) {
      if (catalog.indexOfProduct(id) === null) throw new Error(`no product ${id}`);
      const modified = datePair(store.now, offsetMinutes);
      edits.set(id, { ...edits.get(id), ...changes, date_modified: modified.local, date_modified_gmt: modified.gmt });
    },
    customerAt: (index) => customer(store, index),
    orderAt: (index) => order(store, index, counts.customers, productCount),
    couponAt: (index) => coupon(store, index),
    reviewAt: (index) => review(store, index, productCount),
    pageAt: (index) => {
      const kind = options.realContent ? REAL_PAGES[index - seededPages - 1] : undefined;
      return edited(kind ? realPage(catalog, kind, seededPage(index).id, seededPage(index)) : seededPage(index));
    },
    postAt: (index) => edited(options.realContent && index === REAL_POST_INDEX ? realPost(catalog, seededPost(index)) : seededPost(index)),
    editContent(id, changes) {
      contentEdits.set(id, { ...contentEdits.get(id), ...changes, modified: store.now });
    },
    categories,
    storePages: () => (options.realContent ? systemStatusPages(seededPages) : []),
  };
  return catalog;
}

export { AWKWARD_KINDS, GLOBAL_ATTRIBUTES, type AwkwardKind };
