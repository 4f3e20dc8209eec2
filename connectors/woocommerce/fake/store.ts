// What every generated record of the seeded store needs to know: the site's address, clock and
// time zone, its taxonomy, and the helpers that build ids, dates, images and permalinks from them.
import type { WooCategory, WooImage, WooProduct, WooSellable, WooTermRef, WooVariation } from './shapes.ts';
import { image, sellable } from './shapes.ts';
import type { WooTag } from './taxonomy.ts';

export interface Store {
  /** Set by the server once it listens; every URL in a response starts with it. */
  siteUrl: string;
  /** The store's time zone, east of GMT: WooCommerce sends local dates next to GMT ones. */
  offsetMinutes: number;
  /** The store's clock: decides which sales run and stamps edits. */
  now: Date;
  categories: WooCategory[];
  tags: WooTag[];
  imagesPerProduct: number;
  variationsPerProduct: number;
}

export interface SeededProduct {
  product: WooProduct;
  variationCount: number;
  variation(position: number): WooVariation;
}

const SEEDED_FROM = Date.parse('2023-01-01T00:00:00Z');

export const productId = (index: number): number => 1000 + index;
export const variationId = (parentId: number, position: number): number => parentId * 10_000 + position + 1;

/** Products were created an hour apart and last edited thirty days later. */
export function productDates(index: number): { created: Date; modified: Date } {
  const created = new Date(SEEDED_FROM + index * 3_600_000);
  return { created, modified: new Date(created.getTime() + 30 * 86_400_000) };
}

export function baseSellable(store: Store, id: number, index: number): WooSellable {
  const { created, modified } = productDates(index);
  return sellable(id, created, modified, store.offsetMinutes);
}

/** Uploads live under /wp-content/uploads; names starting "gone-" were deleted from disk and answer 404. */
export function uploadImage(store: Store, id: number, file: string, alt: string): WooImage {
  return image(
    id,
    `${store.siteUrl}/wp-content/uploads/2024/03/${file}`,
    alt,
    new Date(SEEDED_FROM),
    store.offsetMinutes,
  );
}

export function productImages(store: Store, id: number, name: string, count: number): WooImage[] {
  // Merchants usually write alt text for the first picture only.
  return Array.from({ length: count }, (_, k) =>
    uploadImage(store, 500_000_000 + id * 100 + k, `product-${id}-${k + 1}.png`, k === 0 ? name : ''),
  );
}

export function permalink(store: Store, slug: string, status: string, id: number): string {
  // WordPress has no pretty permalink for what is not published yet.
  return status === 'publish' ? `${store.siteUrl}/product/${slug}/` : `${store.siteUrl}/?post_type=product&p=${id}`;
}

export function categoryRef(store: Store, slug: string): WooTermRef {
  const found = store.categories.find((category) => category.slug === slug);
  if (!found) throw new Error(`no category ${slug} in the seeded store`);
  return { id: found.id, name: found.name, slug: found.slug };
}

export function tagRefs(store: Store, index: number, count: number): WooTermRef[] {
  const refs: WooTermRef[] = [];
  for (let k = 0; k < count && store.tags.length > 0; k++) {
    const tag = store.tags[(index + k * 3) % store.tags.length];
    if (tag && !refs.some((ref) => ref.id === tag.id)) refs.push({ id: tag.id, name: tag.name, slug: tag.slug });
  }
  return refs;
}
