// The bulk of a seeded catalog: ordinary simple and variable products, generated from their index
// alone so a catalog of any size is served page by page without being held in memory.
import type { WooMeta, WooProduct, WooProductAttribute, WooVariation } from './shapes.ts';
import { product, withPrices } from './shapes.ts';
import type { SeededProduct, Store } from './store.ts';
import { baseSellable, permalink, productId, productImages, tagRefs, variationId } from './store.ts';
import { categoriesForProduct, globalAttribute } from './taxonomy.ts';

const ADJECTIVES = ['Classic', 'Organic', 'Vintage', 'Handmade', 'Everyday', 'Premium', 'Recycled', 'Linen'];
const NOUNS = ['T-Shirt', 'Mug', 'Tote Bag', 'Hoodie', 'Notebook', 'Candle', 'Scarf', 'Apron'];
const SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL', '3XL', '4XL'];
const COLORS = ['Black', 'White', 'Navy', 'Olive', 'Rust', 'Sand', 'Grey', 'Teal'];

/** The variation axes that give `count` combinations: sizes alone up to eight, colours × sizes beyond. */
export function variationAxes(count: number): { name: string; values: string[] }[] {
  if (count <= SIZES.length) return [{ name: 'Size', values: SIZES.slice(0, Math.max(count, 1)) }];
  const colors = Array.from({ length: Math.ceil(count / SIZES.length) }, (_, k) => COLORS[k] ?? `Color ${k + 1}`);
  return [
    { name: 'Color', values: colors },
    { name: 'Size', values: SIZES },
  ];
}

function combination(axes: { name: string; values: string[] }[], position: number): { name: string; value: string }[] {
  let rest = position;
  const picked: { name: string; value: string }[] = [];
  for (let axis = axes.length - 1; axis >= 0; axis--) {
    const { name, values } = axes[axis] ?? { name: '', values: [] };
    picked.unshift({ name, value: values[rest % values.length] ?? '' });
    rest = Math.floor(rest / values.length);
  }
  return picked;
}

function seoMeta(index: number, name: string): WooMeta[] {
  if (index % 3 === 0) {
    return [
      { id: index * 10 + 1, key: '_yoast_wpseo_title', value: `${name} %%sep%% %%sitename%%` },
      { id: index * 10 + 2, key: '_yoast_wpseo_metadesc', value: `Buy the ${name} online.` },
    ];
  }
  if (index % 5 === 0) return [{ id: index * 10 + 1, key: 'rank_math_description', value: `${name}, made to last.` }];
  return [];
}

export function regularProduct(store: Store, index: number): SeededProduct {
  const id = productId(index);
  const name = `${ADJECTIVES[index % ADJECTIVES.length]} ${NOUNS[Math.floor(index / ADJECTIVES.length) % NOUNS.length]} ${index}`;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const variable = store.variationsPerProduct > 0 && index % 7 !== 0;
  const status = index % 19 === 0 ? 'draft' : 'publish';
  // Some products are left out of the shop and its search (a gift-wrap add-on sold by link); others are shown in the shop only.
  const catalogVisibility = index % 17 === 0 ? 'hidden' : index % 13 === 0 ? 'catalog' : 'visible';
  const images = productImages(store, id, name, store.imagesPerProduct);
  const axes = variable ? variationAxes(store.variationsPerProduct) : [];
  const attributes: WooProductAttribute[] = axes.map((axis, position) => ({
    id: globalAttribute(axis.name).id,
    name: axis.name,
    position,
    visible: true,
    variation: true,
    options: axis.values,
  }));
  attributes.push({
    id: globalAttribute('Material').id,
    name: 'Material',
    position: attributes.length,
    visible: true,
    variation: false,
    options: ['Cotton', 'Recycled polyester'],
  });
  const base = baseSellable(store, id, index);
  const regular = `${10 + (index % 90)}.99`;
  const onSale = index % 5 === 0;
  const sale = onSale ? `${9 + (index % 90)}.49` : '';
  const variationCount = variable ? store.variationsPerProduct : 0;
  const seeded = product(
    {
      ...base,
      status,
      sku: `SKU-${index}`,
      description: `<p>The ${name}, generated for the catalog.</p>`,
      weight: '0.4',
      dimensions: { length: '30', width: '20', height: '2' },
      manage_stock: !variable,
      stock_quantity: variable ? null : index % 40,
      meta_data: seoMeta(index, name),
    },
    {
      name,
      slug,
      type: variable ? 'variable' : 'simple',
      permalink: permalink(store, slug, status, id),
      catalog_visibility: catalogVisibility,
      short_description: index % 2 === 0 ? `<p>${name} in short.</p>` : '',
      categories: categoriesForProduct(index, store.categories),
      tags: tagRefs(store, index, index % 3),
      images,
      attributes,
      default_attributes: [],
      variations: Array.from({ length: variationCount }, (_, position) => variationId(id, position)),
    },
  );
  return {
    product: variable ? { ...seeded, price: regular } : withPrices(seeded, regular, sale, store.now),
    variationCount,
    variation: (position) => regularVariation(store, seeded, index, axes, position, onSale),
  };
}

function regularVariation(
  store: Store,
  parent: WooProduct,
  index: number,
  axes: { name: string; values: string[] }[],
  position: number,
  onSale: boolean,
): WooVariation {
  const id = variationId(parent.id, position);
  const picked = combination(axes, position);
  const regular = `${10 + (index % 90) + position}.99`;
  const variation: WooVariation = {
    ...baseSellable(store, id, index),
    status: 'publish',
    sku: `SKU-${index}-${position + 1}`,
    permalink: `${parent.permalink}?${picked.map((pick) => `attribute_pa_${pick.name.toLowerCase()}=${encodeURIComponent(pick.value.toLowerCase())}`).join('&')}`,
    manage_stock: true,
    stock_quantity: (index * 7 + position) % 40,
    // Variations without their own weight use the product's, as in WooCommerce.
    weight: position === 0 ? '0.5' : '',
    image: parent.images[position % Math.max(parent.images.length, 1)] ?? null,
    attributes: picked.map((pick) => ({ id: globalAttribute(pick.name).id, name: pick.name, option: pick.value })),
  };
  return withPrices(variation, regular, onSale ? `${9 + (index % 90) + position}.49` : '', store.now);
}
