// Turns a canonical product into Shopify's ProductSetInput: variation attributes become options
// (at most 3, see options.server.ts; the others are also kept as variant metafields), sale price becomes price + compare-at
// price, stock becomes an inventory quantity at the shop's location, images become media with alt
// text, categories become collection memberships. A title or tag longer than Shopify allows is cut
// only when the merchant chose so (long-text-rule.server.ts).
import type { MetafieldKind, ProductRecord } from '../../../../connectors/model.ts';
import { isShopifyHandle } from '../../../shopify-admin/handles.server.ts';
import { customIdentifier, sourceReferenceMetafield } from '../../../shopify-admin/source-reference.server.ts';
import { variantsToReadBack } from '../../../shopify-admin/costs.server.ts';
import type { ProductSetVariables } from '../../../shopify-admin/graphql/products.ts';
import {
  type LongText,
  TEXT_LIMITS,
  characters,
  cutAtWordBoundary,
  longTags,
  longText,
} from '../../../shopify-admin/limits/text-limits.server.ts';
import { MAX_VARIANTS } from '../../../shopify-admin/limits/input-limits.server.ts';
import { optionLayout } from './options.server.ts';
import { type LongTextRule, fullTextMetafields } from '../long-text-rule.server.ts';

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
  /** What to do with a title or tag longer than Shopify allows (Migration.options.longText); keep-back sends it whole, for the caller to hold back. */
  longText?: LongTextRule;
}

/** Shopify's metafield type for each kind of value the model names. */
const METAFIELD_TYPES: Record<MetafieldKind, string> = {
  text: 'single_line_text_field',
  multiLineText: 'multi_line_text_field',
  textList: 'list.single_line_text_field',
  integer: 'number_integer',
  decimal: 'number_decimal',
  boolean: 'boolean',
  date: 'date',
  dateTime: 'date_time',
  url: 'url',
  json: 'json',
};

const WEIGHT_UNITS = { g: 'GRAMS', kg: 'KILOGRAMS', lb: 'POUNDS', oz: 'OUNCES' } as const;
// Shopify's default option for a product without variations.
const DEFAULT_OPTION = { name: 'Title', value: 'Default Title' };

export const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * A slug Shopify takes as a handle as it stands (letters of any script, digits and dashes; see
 * app/shopify-admin/handles.server.ts), at most 255 characters.
 */
export function isHandle(handle: string): boolean {
  return isShopifyHandle(handle) && characters(handle) <= TEXT_LIMITS.handle;
}

/** The product's title and tags that are longer than Shopify allows. */
export function productLongText(product: Pick<ProductRecord, 'title' | 'tags'>): LongText[] {
  return [longText('title', 'the title', product.title, TEXT_LIMITS.title), ...longTags(product.tags)].filter(
    (item): item is LongText => item !== null,
  );
}

/**
 * An affiliate product moves as a draft: ProductStatus DRAFT "isn't ready to sell and is unavailable
 * to customers on sales channels and apps" (Admin schema), so nobody pays Shopify for what is sold
 * on another site. Decision 0025.
 */
export function productStatus(product: ProductRecord): string {
  return product.soldElsewhere ? 'DRAFT' : product.status.toUpperCase();
}

/** Tags that let the merchant find the products Shopify cannot sell as the old store did. */
export const EXTERNAL_TAG = 'external-product';
export const DOWNLOADABLE_TAG = 'downloadable';

/** The tags Shipyard adds to the source's: what kind of product it was (the verification expects them too). */
export function kindTags(product: ProductRecord): string[] {
  return [...(product.soldElsewhere ? [EXTERNAL_TAG] : []), ...(product.downloads ? [DOWNLOADABLE_TAG] : [])].filter(
    (tag) => !product.tags.includes(tag),
  );
}

const isWebAddress = (text: string) => /^https?:\/\//i.test(text) && URL.canParse(text);

/** The affiliate link and button text, and the download links, kept on the product for an app or the theme. */
function kindMetafields(product: ProductRecord): { namespace: string; key: string; type: string; value: string }[] {
  return [
    // Shopify's url type takes http(s) addresses; a link the old store kept in another form is kept as text.
    ...(product.soldElsewhere?.url
      ? [
          {
            namespace: 'shipyard',
            key: 'external_url',
            type: isWebAddress(product.soldElsewhere.url) ? 'url' : 'single_line_text_field',
            value: product.soldElsewhere.url,
          },
        ]
      : []),
    ...(product.soldElsewhere
      ? [
          {
            namespace: 'shipyard',
            key: 'button_text',
            type: 'single_line_text_field',
            value: product.soldElsewhere.buttonText,
          },
        ]
      : []),
    ...(product.downloads
      ? [{ namespace: 'shipyard', key: 'downloads', type: 'json', value: JSON.stringify(product.downloads) }]
      : []),
  ];
}

/**
 * The variables for PRODUCT_SET. `existingId` (from the id map) updates the product an earlier run
 * wrote; without it the product is found or created by its source reference.
 */
export function toProductSetVariables(
  product: ProductRecord,
  context: ProductContext,
  existingId: string | null,
): ProductSetVariables {
  const layout = optionLayout(product);
  const { options, extra: extraOptions } = layout;
  const productOptions =
    options.length > 0
      ? options.map((option, index) => ({
          name: option.name,
          position: index + 1,
          values: option.values.map((name) => ({ name })),
        }))
      : [{ name: DEFAULT_OPTION.name, position: 1, values: [{ name: DEFAULT_OPTION.value }] }];
  const images = product.images.filter((image) => !context.unreachableImages.has(image.url));
  const imageUrl = new Map(images.map((image) => [image.sourceId, image.url]));

  const variants = product.variants.slice(0, MAX_VARIANTS).map((variant, index) => {
    const optionValues =
      options.length > 0
        ? layout.valuesOf(variant).map((name, index) => ({ optionName: options[index]?.name ?? '', name }))
        : [{ optionName: DEFAULT_OPTION.name, name: DEFAULT_OPTION.value }];
    const extra = extraOptions.flatMap((name) => {
      const value = variant.optionValues.find((entry) => entry.option === name)?.value;
      return value
        ? [
            {
              namespace: 'shipyard',
              key: `option_${slug(name).replace(/-/g, '_')}`,
              type: 'single_line_text_field',
              value,
            },
          ]
        : [];
    });
    const tracked = variant.inventoryQuantity !== null;
    const image = variant.imageSourceId ? imageUrl.get(variant.imageSourceId) : undefined;
    return {
      // Its place, so the answer's variants (in position order) pair with the source's by place (decision 0036).
      position: index + 1,
      optionValues,
      price: variant.price,
      ...(variant.compareAtPrice && Number(variant.compareAtPrice) > Number(variant.price)
        ? { compareAtPrice: variant.compareAtPrice }
        : {}),
      ...(variant.sku ? { sku: variant.sku } : {}),
      ...(variant.barcode ? { barcode: variant.barcode } : {}),
      taxable: variant.taxable,
      inventoryPolicy: variant.continueSellingWhenOutOfStock ? 'CONTINUE' : 'DENY',
      inventoryItem: {
        tracked,
        requiresShipping: variant.requiresShipping,
        ...(variant.weight
          ? { measurement: { weight: { value: variant.weight.value, unit: WEIGHT_UNITS[variant.weight.unit] } } }
          : {}),
      },
      ...(tracked
        ? {
            inventoryQuantities: [
              { locationId: context.locationId, name: 'available', quantity: variant.inventoryQuantity ?? 0 },
            ],
          }
        : {}),
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
    for (let at: string | null | undefined = id; at && !withAncestors.has(at); at = context.collectionParents.get(at))
      withAncestors.add(at);
  }
  const collections = [...withAncestors].flatMap((id) => {
    const gid = context.collectionIds.get(id);
    return gid ? [gid] : [];
  });

  // With the rule `cut`, what is too long is cut at a word boundary and kept whole in a metafield.
  const cut = context.longText === 'cut' ? productLongText(product) : [];
  const fit = (value: string, limit: number) => (cut.length > 0 ? cutAtWordBoundary(value, limit) : value);
  const input: Record<string, unknown> = {
    title: fit(product.title, TEXT_LIMITS.title),
    // A slug Shopify would change or refuse (a unicode one is kept as it is) is left to Shopify, which makes a handle from the title.
    // A slug another product already has is left to Shopify too, which adds "-1", "-2"….
    ...(isHandle(product.handle) && !context.handlesLeftToShopify.has(product.sourceId)
      ? { handle: product.handle }
      : {}),
    descriptionHtml: product.descriptionHtml,
    ...(product.vendor ? { vendor: product.vendor } : {}),
    ...(product.productType ? { productType: product.productType } : {}),
    status: productStatus(product),
    tags: [...product.tags.map((tag) => fit(tag, TEXT_LIMITS.tag)), ...kindTags(product)],
    productOptions,
    variants,
    files: images.map((image) => ({ originalSource: image.url, alt: image.alt, contentType: 'IMAGE' })),
    ...(Object.keys(seo).length > 0 ? { seo } : {}),
    metafields: [
      sourceReferenceMetafield(context.platform, product.sourceId),
      ...product.metafields.map(({ kind, ...field }) => ({ ...field, type: METAFIELD_TYPES[kind] })),
      ...kindMetafields(product),
      ...fullTextMetafields(cut),
    ],
    collections,
  };
  return {
    input,
    identifier: existingId ? { id: existingId } : customIdentifier(context.platform, product.sourceId),
    variantCount: variantsToReadBack(input, variants.length),
  };
}
