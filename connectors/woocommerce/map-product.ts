// A WooCommerce product, with its variations, as one canonical Product: variation attributes become
// options in the product's order (a variation sold in "any" value becomes one variant per value, see
// any-variations.ts), other attributes metafields, categories collection ids, an external product's
// link and a downloadable one's files what the model says of them, and anything Shopify cannot take
// is kept out with a reason the merchant can act on.
import type { z } from 'zod';
import { Product } from '../model.ts';
import type { Extracted } from '../source-connector.ts';
import { gmt, schemaReason, WooProduct, WooVariation, type WooImage } from './responses.ts';
import { decodeEntities, decodeSlug, metafieldKey, permalinkPath, seoFields } from './text.ts';
import { expandedSku, planVariations, shareOfStock } from './any-variations.ts';
import { type StoreUnits, toVariant, type VariantInput } from './variants.ts';

export interface StoreContext {
  url: string;
  siteName: string;
  units: StoreUnits;
  /** The shop page's path (/shop/), the catalog every published product was listed in; null when unknown. */
  shopPath: string | null;
}

/** WooCommerce's default product tag base; a store that renamed it in Settings → Permalinks differs (as for categories). */
const TAG_BASE = 'product-tag';

/**
 * The listing pages a published product is shown on: its tags' pages and the shop page. One shown in
 * search only, or hidden, or not published, is on none (catalog_visibility "visible" and "catalog"
 * are the ones shown in the shop and its tag and category pages).
 */
function listings(product: WooProduct, context: StoreContext): { path: string; tag: string | null }[] {
  if (product.status !== 'publish' || !['visible', 'catalog'].includes(product.catalog_visibility)) return [];
  const tags = product.tags
    .filter((tag) => tag.slug.trim() !== '' && decodeEntities(tag.name).trim() !== '')
    .map((tag) => ({ path: `/${TAG_BASE}/${tag.slug}/`, tag: decodeEntities(tag.name).trim() }));
  return [...tags, ...(context.shopPath ? [{ path: context.shopPath, tag: null }] : [])];
}

type Metafield = z.input<typeof Product>['metafields'];

const STATUS: Record<string, 'active' | 'draft' | 'archived'> = {
  publish: 'active',
  draft: 'draft',
  pending: 'draft',
  private: 'draft',
  future: 'draft',
  trash: 'archived',
};

function failed(raw: unknown, sourceId: string | null, reason: string): Extracted {
  // Reasons are put together from a subject that may come first ("product", "variation #12 (Size: M)");
  // the report shows each as a sentence of its own.
  return { ok: false, sourceId, reason: reason.charAt(0).toUpperCase() + reason.slice(1), raw };
}

function images(
  product: WooProduct,
  extra: WooImage[],
  storeUrl: string,
): { images: { sourceId: string; url: string; alt: string; position: number }[] } | string {
  const all = [...product.images, ...extra.filter((image) => !product.images.some((own) => own.id === image.id))];
  const mapped: { sourceId: string; url: string; alt: string; position: number }[] = [];
  for (const image of all) {
    let url: string;
    try {
      url = new URL(image.src, storeUrl).href;
    } catch {
      return `image #${image.id} has the address "${image.src}", which is not a web address`;
    }
    if (!mapped.some((seen) => seen.sourceId === String(image.id)))
      mapped.push({ sourceId: String(image.id), url, alt: decodeEntities(image.alt), position: mapped.length });
  }
  return { images: mapped };
}

/** Attributes that are not options (and those used for variations that no variation chose a value of) as metafields. */
function metafields(product: WooProduct, openOptions: { name: string }[]): Metafield {
  const fields: NonNullable<Metafield> = product.attributes
    .filter(
      (attribute) =>
        !(product.type === 'variable' && attribute.variation) ||
        openOptions.some((open) => open.name === decodeEntities(attribute.name)),
    )
    .map((attribute) => ({
      namespace: 'woocommerce',
      key: metafieldKey('attribute_', attribute.name),
      kind: 'textList' as const,
      value: JSON.stringify(attribute.options.map(decodeEntities)),
    }));
  if (product.short_description.trim())
    fields.push({
      namespace: 'woocommerce',
      key: 'short_description',
      kind: 'multiLineText',
      value: product.short_description,
    });
  return fields;
}

/**
 * The files a buyer gets (WooCommerce REST v3 `downloadable` and `downloads[{id,name,file}]`, on the
 * product or on each variation): their names and links, never their contents.
 */
function downloads(product: WooProduct, variations: WooVariation[]): { name: string; url: string }[] {
  const files = [product, ...variations].filter((item) => item.downloadable).flatMap((item) => item.downloads);
  const seen = new Set<string>();
  return files.flatMap((file) =>
    file.file.trim() === '' || seen.has(file.file)
      ? []
      : (seen.add(file.file), [{ name: decodeEntities(file.name) || file.file, url: file.file }]),
  );
}

function variableVariants(
  product: WooProduct,
  variations: WooVariation[],
  context: StoreContext,
):
  | {
      options: { name: string; values: string[] }[];
      openOptions: { name: string; values: string[] }[];
      variants: VariantInput[];
    }
  | string {
  if (variations.length === 0)
    return 'variable product has no variations, so there is nothing to sell (WooCommerce hides it from the shop too)';
  const plan = planVariations(product, variations);
  if (typeof plan === 'string') return plan;
  const variants: VariantInput[] = [];
  for (const variation of variations) {
    const made = plan.combinations.filter((combination) => combination.variation === variation);
    for (const [index, combination] of made.entries()) {
      const fixed = combination.values.filter((pick) => !combination.open.includes(pick.option));
      const label = `variation #${variation.id} (${[...fixed.map((pick) => `${pick.option}: ${pick.value}`), ...combination.open.map((name) => `any ${name}`)].join(', ')})`;
      const result = toVariant(variation, product, {
        label,
        optionValues: combination.values,
        image: variation.image ?? null,
        units: context.units,
      });
      if (!result.ok) return result.reason;
      if (combination.open.length === 0) {
        variants.push(result.variant);
        continue;
      }
      const openValues = combination.values
        .filter((pick) => combination.open.includes(pick.option))
        .map((pick) => pick.value);
      const { inventoryQuantity } = result.variant;
      variants.push({
        ...result.variant,
        sourceId: `${variation.id}:${openValues.join('/')}`,
        sku: expandedSku(result.variant.sku, openValues),
        // Stock shared by all variations (manage_stock "parent") is the product's, and stays as it is.
        inventoryQuantity:
          inventoryQuantity === null || inventoryQuantity === undefined || variation.manage_stock !== true
            ? inventoryQuantity
            : shareOfStock(inventoryQuantity, made.length, index),
        madeFrom: { sourceId: String(variation.id), open: combination.open },
      });
    }
  }
  return { options: plan.options, openOptions: plan.openOptions, variants };
}

/** Maps one product; `rawVariations` are its variations as WooCommerce sent them (empty unless variable). */
export function mapProduct(raw: unknown, rawVariations: unknown[], context: StoreContext): Extracted {
  const parsed = WooProduct.safeParse(raw);
  if (!parsed.success)
    return failed(raw, null, `WooCommerce sent a product Shipyard cannot read (${schemaReason(parsed.error)})`);
  const product = parsed.data;
  const sourceId = String(product.id);
  // The variations travel with their product, so staging holds everything WooCommerce sent for it.
  const rawRecord = { product: raw, variations: rawVariations };
  const keep = (reason: string) => failed(rawRecord, sourceId, reason);
  const title = decodeEntities(product.name).trim();
  if (!title) return keep('product has no title; give it a name in WooCommerce');

  let options: { name: string; values: string[] }[] = [];
  let openOptions: { name: string; values: string[] }[] = [];
  let variants: VariantInput[];
  const variationImages: WooImage[] = [];
  const variations: WooVariation[] = [];
  if (product.type === 'grouped') {
    // It sells nothing itself (no price): the products it offers are sold on their own.
    variants = [];
  } else if (product.type === 'variable') {
    for (const rawVariation of rawVariations) {
      const variation = WooVariation.safeParse(rawVariation);
      if (!variation.success)
        return keep(`WooCommerce sent a variation Shipyard cannot read (${schemaReason(variation.error)})`);
      variations.push(variation.data);
      if (variation.data.image) variationImages.push(variation.data.image);
    }
    const result = variableVariants(product, variations, context);
    if (typeof result === 'string') return keep(result);
    ({ options, openOptions, variants } = result);
  } else {
    const result = toVariant(product, product, {
      label: 'product',
      optionValues: [],
      image: null,
      units: context.units,
    });
    if (!result.ok) return keep(result.reason);
    variants = [result.variant];
  }
  const pictures = images(product, variationImages, context.url);
  if (typeof pictures === 'string') return keep(pictures);
  const files = downloads(product, variations);
  const listed = listings(product, context);

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
    metafields: metafields(product, openOptions),
    createdAt: gmt(product.date_created_gmt),
    updatedAt: gmt(product.date_modified_gmt),
    // A product shown in the shop only or in search only still has its page shoppers reach; a hidden
    // one is left out of both, and moves unpublished like a draft.
    ...(product.catalog_visibility === 'hidden' ? { hidden: true as const } : {}),
    // WooCommerce REST v3: an external product's `external_url` and `button_text` send shoppers to another site.
    // Without a button text WooCommerce shows "Buy product" (WC_Product_External::single_add_to_cart_text).
    ...(product.type === 'external'
      ? {
          soldElsewhere: {
            url: product.external_url.trim(),
            buttonText: decodeEntities(product.button_text).trim() || 'Buy product',
          },
        }
      : {}),
    ...(files.length > 0 ? { downloads: files } : {}),
    ...(openOptions.length > 0 ? { openOptions } : {}),
    ...(listed.length > 0 ? { listedAt: listed } : {}),
    ...(product.type === 'grouped' ? { groupOf: product.grouped_products.map(String) } : {}),
  });
  if (!candidate.success)
    return keep(`product does not fit Shipyard’s catalog model (${schemaReason(candidate.error)})`);
  return { ok: true, sourceId, record: candidate.data, raw: rawRecord };
}
