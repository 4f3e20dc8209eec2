// Turns a canonical product into Shopify's ProductSetInput: variation attributes become options
// (at most 3, see options.server.ts; the others are also kept as variant metafields), sale price becomes price + compare-at
// price, stock becomes an inventory quantity at the shop's location, images become media with alt
// text, categories become collection memberships.
import type { ProductRecord } from '../../../connectors/model.ts';
import { isShopifyHandle } from './handle.server.ts';
import { MAX_VARIANTS, optionLayout } from './options.server.ts';
import { customIdentifier, sourceReferenceMetafield } from '../source-reference.server.ts';

/** The productSet call with what the load keeps of the answer, request by request and in bulk operations alike. */
export const PRODUCT_SET = `#graphql
  mutation MigrateProduct($input: ProductSetInput!, $identifier: ProductSetIdentifiers, $variantCount: Int!) {
    productSet(input: $input, identifier: $identifier, synchronous: true) {
      product {
        id
        handle
        variants(first: $variantCount) {
          nodes {
            id
            selectedOptions {
              name
              value
            }
          }
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export interface ProductContext {
  /** The source platform, for the product's source reference. */
  platform: string;
  /** The shop's location that receives the stock. */
  locationId: string;
  /** Shopify ids of the collections already written, by source id. */
  collectionIds: ReadonlyMap<string, string>;
  /** Each collection's parent (source ids): a product in a subcategory is shown in its parents too. */
  collectionParents: ReadonlyMap<string, string | null>;
  /** Image URLs the analysis found unreachable: left out instead of failing as media. */
  unreachableImages: ReadonlySet<string>;
  /** Products whose URL slug an earlier product of the source already has: Shopify makes their handle. */
  handlesLeftToShopify: ReadonlySet<string>;
}

const WEIGHT_UNITS = { g: 'GRAMS', kg: 'KILOGRAMS', lb: 'POUNDS', oz: 'OUNCES' } as const;
// Shopify's default option for a product without variations.
const DEFAULT_OPTION = { name: 'Title', value: 'Default Title' };

export const slug = (text: string) =>
  text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

export interface ProductSetVariables {
  input: Record<string, unknown>;
  identifier: { id: string } | ReturnType<typeof customIdentifier>;
  /** How many variants to read back (a connection's page is at most 250), so orders can link to them. */
  variantCount: number;
}

/**
 * What Shopify will charge for PRODUCT_SET with these variables, by its documented cost rules:
 * productSet's dynamic mutation cost (10, plus 0.2 per variant, 0.6 per variant file, 0.4 per
 * metafield, 1.9 per product file), plus the fields read back: the payload's own objects (the
 * product, userErrors) are free, the variants connection costs 2 plus 2 per variant asked for (the
 * node and its selectedOptions).
 * The budget reserves this rather than the cost the last product had, so a product with many
 * variants does not go out on the points of a small one.
 */
export function productSetCost(variables: ProductSetVariables): number {
  const count = (list: unknown) => (Array.isArray(list) ? list.length : 0);
  const variants = Array.isArray(variables.input.variants) ? (variables.input.variants as Record<string, unknown>[]) : [];
  const variantFiles = variants.filter((variant) => variant.file).length;
  const variantMetafields = variants.reduce((sum, variant) => sum + count(variant.metafields), 0);
  const mutation = Math.ceil(10 + variants.length * 0.2 + variantFiles * 0.6 + variantMetafields * 0.4 + count(variables.input.metafields) * 0.4 + count(variables.input.files) * 1.9);
  return mutation + 2 + 2 * variables.variantCount;
}

/** One variant's place among its product's options ("Colour=Navy/Size=S"), the same from our input and from Shopify's answer. */
export function variantKey(options: { name: string; value: string }[]): string {
  return options.map((option) => `${option.name}=${option.value}`).sort().join('/');
}

/**
 * The variables for PRODUCT_SET. `existingId` (from the id map) updates the product an earlier run
 * wrote; without it the product is found or created by its source reference.
 */
export function toProductSetVariables(product: ProductRecord, context: ProductContext, existingId: string | null): ProductSetVariables {
  const layout = optionLayout(product);
  const { options, extra: extraOptions } = layout;
  const productOptions = options.length > 0
    ? options.map((option, index) => ({ name: option.name, position: index + 1, values: option.values.map((name) => ({ name })) }))
    : [{ name: DEFAULT_OPTION.name, position: 1, values: [{ name: DEFAULT_OPTION.value }] }];
  const images = product.images.filter((image) => !context.unreachableImages.has(image.url));
  const imageUrl = new Map(images.map((image) => [image.sourceId, image.url]));

  const variants = product.variants.slice(0, MAX_VARIANTS).map((variant) => {
    const optionValues = options.length > 0
      ? layout.valuesOf(variant).map((name, index) => ({ optionName: options[index]?.name ?? '', name }))
      : [{ optionName: DEFAULT_OPTION.name, name: DEFAULT_OPTION.value }];
    const extra = extraOptions.flatMap((name) => {
      const value = variant.optionValues.find((entry) => entry.option === name)?.value;
      return value ? [{ namespace: 'shipyard', key: `option_${slug(name).replace(/-/g, '_')}`, type: 'single_line_text_field', value }] : [];
    });
    const tracked = variant.inventoryQuantity !== null;
    const image = variant.imageSourceId ? imageUrl.get(variant.imageSourceId) : undefined;
    return {
      optionValues,
      price: variant.price,
      ...(variant.compareAtPrice && Number(variant.compareAtPrice) > Number(variant.price) ? { compareAtPrice: variant.compareAtPrice } : {}),
      ...(variant.sku ? { sku: variant.sku } : {}),
      ...(variant.barcode ? { barcode: variant.barcode } : {}),
      taxable: variant.taxable,
      inventoryPolicy: variant.continueSellingWhenOutOfStock ? 'CONTINUE' : 'DENY',
      inventoryItem: {
        tracked,
        requiresShipping: variant.requiresShipping,
        ...(variant.weight ? { measurement: { weight: { value: variant.weight.value, unit: WEIGHT_UNITS[variant.weight.unit] } } } : {}),
      },
      ...(tracked ? { inventoryQuantities: [{ locationId: context.locationId, name: 'available', quantity: variant.inventoryQuantity ?? 0 }] } : {}),
      ...(image ? { file: { originalSource: image, contentType: 'IMAGE' } } : {}),
      ...(extra.length > 0 ? { metafields: extra } : {}),
    };
  });

  const seo = {
    ...(product.seo.title ? { title: product.seo.title } : {}),
    ...(product.seo.description ? { description: product.seo.description } : {}),
  };
  const withAncestors = new Set<string>();
  for (const id of product.collectionSourceIds) {
    // Walk up the category tree; the seen-set stops a cycle in broken source data.
    for (let at: string | null | undefined = id; at && !withAncestors.has(at); at = context.collectionParents.get(at)) withAncestors.add(at);
  }
  const collections = [...withAncestors].flatMap((id) => {
    const gid = context.collectionIds.get(id);
    return gid ? [gid] : [];
  });

  const input: Record<string, unknown> = {
    title: product.title,
    // A slug Shopify would change (a unicode one is kept as it is) is left to Shopify, which makes a handle from the title.
    // A slug another product already has is left to Shopify too, which adds "-1", "-2"….
    ...(isShopifyHandle(product.handle) && !context.handlesLeftToShopify.has(product.sourceId) ? { handle: product.handle } : {}),
    descriptionHtml: product.descriptionHtml,
    ...(product.vendor ? { vendor: product.vendor } : {}),
    ...(product.productType ? { productType: product.productType } : {}),
    status: product.status.toUpperCase(),
    tags: product.tags,
    productOptions,
    variants,
    files: images.map((image) => ({ originalSource: image.url, alt: image.alt, contentType: 'IMAGE' })),
    ...(Object.keys(seo).length > 0 ? { seo } : {}),
    metafields: [sourceReferenceMetafield(context.platform, product.sourceId), ...product.metafields],
    collections,
  };
  return {
    input,
    identifier: existingId ? { id: existingId } : customIdentifier(context.platform, product.sourceId),
    variantCount: Math.min(variants.length, 250),
  };
}
