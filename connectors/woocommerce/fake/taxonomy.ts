// The seeded store's product categories (nested three deep, names stored with HTML entities as
// WordPress does), tags and global attributes.
import type { WooCategory, WooTermRef } from './shapes.ts';
import { image } from './shapes.ts';

/** WooCommerce creates "Uncategorized" on install and files every product without a category there. */
export const UNCATEGORIZED_ID = 15;

const NAMED_CATEGORIES: { name: string; slug: string; parent: string | null }[] = [
  { name: 'Clothing', slug: 'clothing', parent: null },
  { name: 'Home &amp; Garden', slug: 'home-garden', parent: null },
  { name: 'Accessories', slug: 'accessories', parent: null },
  { name: 'Men', slug: 'men', parent: 'clothing' },
  { name: 'Women', slug: 'women', parent: 'clothing' },
  { name: 'Shirts', slug: 'shirts', parent: 'men' },
  { name: 'Trousers', slug: 'trousers', parent: 'men' },
  { name: 'Dresses', slug: 'dresses', parent: 'women' },
  { name: 'Kitchen', slug: 'kitchen', parent: 'home-garden' },
  { name: 'Mugs &amp; Cups', slug: 'mugs-cups', parent: 'kitchen' },
  { name: 'Bags', slug: 'bags', parent: 'accessories' },
];

export function seedCategories(count: number, siteUrl: string, offsetMinutes: number): WooCategory[] {
  const categories: WooCategory[] = [
    {
      id: UNCATEGORIZED_ID,
      name: 'Uncategorized',
      slug: 'uncategorized',
      parent: 0,
      description: '',
      display: 'default',
      image: null,
      menu_order: 0,
      count: 0,
    },
  ];
  const idBySlug = new Map<string, number>([['uncategorized', UNCATEGORIZED_ID]]);
  for (let index = 0; index < count; index++) {
    const named = NAMED_CATEGORIES[index];
    const id = UNCATEGORIZED_ID + 1 + index;
    // Beyond the named tree, extra categories hang under the top-level ones in turn.
    const spec = named ?? {
      name: `Collection ${index + 1}`,
      slug: `collection-${index + 1}`,
      parent: NAMED_CATEGORIES[index % 3]?.slug ?? null,
    };
    const parent = spec.parent ? (idBySlug.get(spec.parent) ?? 0) : 0;
    idBySlug.set(spec.slug, id);
    const withImage = index % 4 === 0;
    categories.push({
      id,
      name: spec.name,
      slug: spec.slug,
      parent,
      description: withImage ? `<p>All our ${spec.slug.replace(/-/g, ' ')}.</p>` : '',
      display: 'default',
      image: withImage
        ? image(
            id * 10,
            `${siteUrl}/wp-content/uploads/2023/01/category-${spec.slug}.png`,
            spec.name,
            new Date('2023-01-01T00:00:00Z'),
            offsetMinutes,
          )
        : null,
      menu_order: index,
      count: 0,
    });
  }
  return categories;
}

/** Categories a regular product is filed in: leaves of the tree, so collections nest realistically. */
export function categoriesForProduct(index: number, categories: WooCategory[]): WooTermRef[] {
  const parents = new Set(categories.map((category) => category.parent));
  const leaves = categories.filter((category) => !parents.has(category.id) && category.id !== UNCATEGORIZED_ID);
  const pick = leaves[index % Math.max(leaves.length, 1)];
  return pick
    ? [{ id: pick.id, name: pick.name, slug: pick.slug }]
    : [{ id: UNCATEGORIZED_ID, name: 'Uncategorized', slug: 'uncategorized' }];
}

export interface WooTag {
  id: number;
  name: string;
  slug: string;
  description: string;
  count: number;
}

export function seedTags(count: number): WooTag[] {
  const names = [
    'Organic',
    'Bestseller',
    'New in',
    'Gift idea',
    'Fair trade',
    'Limited edition',
    'Eco-friendly',
    'Sale',
  ];
  return Array.from({ length: count }, (_, index) => {
    const name = names[index] ?? `Tag ${index + 1}`;
    return { id: 200 + index, name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), description: '', count: 0 };
  });
}

export interface WooAttribute {
  id: number;
  name: string;
  slug: string;
  type: string;
  order_by: string;
  has_archives: boolean;
}

/** Global attributes (Products → Attributes); products may also carry local ones with id 0. */
export const GLOBAL_ATTRIBUTES: WooAttribute[] = [
  { id: 1, name: 'Color', slug: 'pa_color', type: 'select', order_by: 'menu_order', has_archives: true },
  { id: 2, name: 'Size', slug: 'pa_size', type: 'select', order_by: 'menu_order', has_archives: false },
  { id: 3, name: 'Material', slug: 'pa_material', type: 'select', order_by: 'name', has_archives: false },
  { id: 4, name: 'Style', slug: 'pa_style', type: 'select', order_by: 'menu_order', has_archives: false },
];

export function globalAttribute(name: string): WooAttribute {
  const found = GLOBAL_ATTRIBUTES.find((attribute) => attribute.name === name);
  if (!found) throw new Error(`no global attribute ${name}`);
  return found;
}
