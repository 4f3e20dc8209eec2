// A WooCommerce product, with its variations, as one canonical Product: variation attributes become
// options in the product's order, other attributes metafields, categories collection ids, and
// anything Shopify cannot take is kept out with a reason the merchant can act on.
import type { z } from 'zod';
import { Product } from '../model.ts';
import type { Extracted } from '../source-connector.ts';
import { gmt, schemaReason, WooProduct, WooVariation, type WooImage } from './responses.ts';
import { decodeEntities, decodeSlug, metafieldKey, permalinkPath, seoFields } from './text.ts';
import { type StoreUnits, toVariant, type VariantInput } from './variants.ts';

export interface StoreContext {
  url: string;
  siteName: string;
  units: StoreUnits;
}

type Metafield = z.input<typeof Product>['metafields'];
type VariationAttribute = WooProduct['attributes'][number];

const STATUS: Record<string, 'active' | 'draft' | 'archived'> = { publish: 'active', draft: 'draft', pending: 'draft', private: 'draft', future: 'draft', trash: 'archived' };

function failed(raw: unknown, sourceId: string | null, reason: string): Extracted {
  // Reasons are put together from a subject that may come first ("product", "variation #12 (Size: M)");
  // the report shows each as a sentence of its own.
  return { ok: false, sourceId, reason: reason.charAt(0).toUpperCase() + reason.slice(1), raw };
}

function images(product: WooProduct, extra: WooImage[], storeUrl: string): { images: { sourceId: string; url: string; alt: string; position: number }[] } | string {
  const all = [...product.images, ...extra.filter((image) => !product.images.some((own) => own.id === image.id))];
  const mapped: { sourceId: string; url: string; alt: string; position: number }[] = [];
  for (const image of all) {
    let url: string;
    try {
      url = new URL(image.src, storeUrl).href;
    } catch {
      return `image #${image.id} has the address "${image.src}", which is not a web address`;
    }
    if (!mapped.some((seen) => seen.sourceId === String(image.id))) mapped.push({ sourceId: String(image.id), url, alt: decodeEntities(image.alt), position: mapped.length });
  }
  return { images: mapped };
}

function metafields(product: WooProduct): Metafield {
  const fields: NonNullable<Metafield> = product.attributes
    .filter((attribute) => !(product.type === 'variable' && attribute.variation))
    .map((attribute) => ({ namespace: 'woocommerce', key: metafieldKey('attribute_', attribute.name), type: 'list.single_line_text_field', value: JSON.stringify(attribute.options.map(decodeEntities)) }));
  if (product.short_description.trim()) fields.push({ namespace: 'woocommerce', key: 'short_description', type: 'multi_line_text_field', value: product.short_description });
  if (product.type === 'external') {
    if (product.external_url) fields.push({ namespace: 'woocommerce', key: 'external_url', type: 'url', value: product.external_url });
    if (product.button_text) fields.push({ namespace: 'woocommerce', key: 'button_text', type: 'single_line_text_field', value: product.button_text });
  }
  if (product.downloadable && product.downloads.length > 0) fields.push({ namespace: 'woocommerce', key: 'downloads', type: 'json', value: JSON.stringify(product.downloads.map(({ name, file }) => ({ name, file }))) });
  return fields;
}

const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/** Whether a variation's attribute is this option: global attributes by id, local ones by name. */
function matches(option: VariationAttribute, picked: { id: number; name: string }): boolean {
  return option.id > 0 ? picked.id === option.id : picked.id === 0 && same(picked.name, option.name);
}

function variableVariants(product: WooProduct, variations: WooVariation[], context: StoreContext): { options: { name: string; values: string[] }[]; variants: VariantInput[] } | string {
  if (variations.length === 0) return 'variable product has no variations, so there is nothing to sell (WooCommerce hides it from the shop too)';
  const axes = product.attributes.filter((attribute) => attribute.variation).sort((a, b) => a.position - b.position);
  const options = axes.map((axis) => ({ name: decodeEntities(axis.name), values: axis.options.map(decodeEntities) }));
  const variants: VariantInput[] = [];
  for (const variation of variations) {
    const optionValues: { option: string; value: string }[] = [];
    for (const [position, axis] of axes.entries()) {
      const option = options[position];
      const picked = variation.attributes.find((attribute) => matches(axis, attribute));
      if (!option) continue;
      if (!picked || picked.option.trim() === '') return `variation #${variation.id} is sold in any ${option.name}; Shopify needs one ${option.name} per variant, so choose a ${option.name} for this variation in WooCommerce`;
      const chosen = decodeEntities(picked.option);
      // Global attribute values can come back as slugs ("black"); use the spelling the product lists.
      const value = option.values.find((known) => same(known, chosen)) ?? chosen;
      if (!option.values.includes(value)) option.values.push(value);
      optionValues.push({ option: option.name, value });
    }
    const label = `variation #${variation.id} (${optionValues.map((pick) => `${pick.option}: ${pick.value}`).join(', ')})`;
    const result = toVariant(variation, product, { label, optionValues, image: variation.image ?? null, units: context.units });
    if (!result.ok) return result.reason;
    variants.push(result.variant);
  }
  return { options, variants };
}

/** Maps one product; `rawVariations` are its variations as WooCommerce sent them (empty unless variable). */
export function mapProduct(raw: unknown, rawVariations: unknown[], context: StoreContext): Extracted {
  const parsed = WooProduct.safeParse(raw);
  if (!parsed.success) return failed(raw, null, `WooCommerce sent a product Shipyard cannot read (${schemaReason(parsed.error)})`);
  const product = parsed.data;
  const sourceId = String(product.id);
  // The variations travel with their product, so staging holds everything WooCommerce sent for it.
  const rawRecord = { product: raw, variations: rawVariations };
  const keep = (reason: string) => failed(rawRecord, sourceId, reason);
  const title = decodeEntities(product.name).trim();
  if (!title) return keep('product has no title; give it a name in WooCommerce');
  if (product.type === 'grouped') return keep(`grouped product: Shopify has no grouped products, so "${title}" is not created; its ${product.grouped_products.length} products (#${product.grouped_products.join(', #')}) migrate on their own`);

  let options: { name: string; values: string[] }[] = [];
  let variants: VariantInput[];
  const variationImages: WooImage[] = [];
  if (product.type === 'variable') {
    const variations = [];
    for (const rawVariation of rawVariations) {
      const variation = WooVariation.safeParse(rawVariation);
      if (!variation.success) return keep(`WooCommerce sent a variation Shipyard cannot read (${schemaReason(variation.error)})`);
      variations.push(variation.data);
      if (variation.data.image) variationImages.push(variation.data.image);
    }
    const result = variableVariants(product, variations, context);
    if (typeof result === 'string') return keep(result);
    ({ options, variants } = result);
  } else {
    const result = toVariant(product, product, { label: 'product', optionValues: [], image: null, units: context.units });
    if (!result.ok) return keep(result.reason);
    variants = [result.variant];
  }
  const pictures = images(product, variationImages, context.url);
  if (typeof pictures === 'string') return keep(pictures);

  const candidate = Product.safeParse({
    sourceId,
    sourceType: product.type,
    title,
    handle: decodeSlug(product.slug),
    descriptionHtml: product.description,
    vendor: product.brands?.[0] ? decodeEntities(product.brands[0].name) : null,
    productType: null,
    status: STATUS[product.status] ?? 'draft',
    tags: product.tags.map((tag) => decodeEntities(tag.name)),
    options,
    variants,
    images: pictures.images,
    collectionSourceIds: product.categories.map((category) => String(category.id)),
    seo: seoFields(product.meta_data, title, context.siteName),
    sourcePath: permalinkPath(product.permalink),
    metafields: metafields(product),
    createdAt: gmt(product.date_created_gmt),
    updatedAt: gmt(product.date_modified_gmt),
    // A product shown in the shop only or in search only still has its page shoppers reach; a hidden
    // one is left out of both, and moves unpublished like a draft.
    ...(product.catalog_visibility === 'hidden' ? { hidden: true as const } : {}),
  });
  if (!candidate.success) return keep(`product does not fit Shipyard’s catalog model (${schemaReason(candidate.error)})`);
  return { ok: true, sourceId, record: candidate.data, raw: rawRecord };
}
