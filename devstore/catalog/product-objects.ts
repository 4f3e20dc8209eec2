// Product, ProductVariant, ProductOption, MediaImage and InventoryItem as the Admin API returns them,
// built from rows; nested lists load lazily and in batches.
import { batcher, type Args, type RequestContext } from '../graphql/context.ts';
import { collectionsOfProduct } from './collection-objects.ts';
import { connectionOf } from './connection.ts';
import { NotImplementedError } from '../graphql/errors.ts';
import { gid } from './ids.ts';
import { inventoryLevelsOf } from './inventory-levels.ts';
import { metafieldFields } from './metafields.ts';
import { productPublicationFields } from './publication-fields.ts';
import { productsByIds, variantsByProducts, type ProductRow, type VariantRow } from './product-rows.ts';
import { fileObject, mediaOfProduct } from '../files/file-objects.ts';

export function variantsOf(context: RequestContext, productId: string): Promise<VariantRow[]> {
  return batcher<string, VariantRow[]>(
    context,
    'variants',
    (ids) => variantsByProducts(context.pool, context.shop.domain, ids),
    [],
  ).get(productId);
}

export function productOf(context: RequestContext, productId: string): Promise<ProductRow | null> {
  return batcher<string, ProductRow | null>(
    context,
    'products',
    (ids) => productsByIds(context.pool, context.shop.domain, ids),
    null,
  ).get(productId);
}

export function inventoryItemObject(variant: VariantRow) {
  return {
    __typename: 'InventoryItem',
    id: gid('InventoryItem', variant.inventory_item_id),
    sku: variant.sku,
    tracked: variant.tracked,
    requiresShipping: variant.requires_shipping,
    createdAt: variant.created_at.toISOString(),
    updatedAt: variant.updated_at.toISOString(),
    variant: () => variantObject(variant),
    inventoryLevels: async (args: Args, context: RequestContext) =>
      connectionOf(
        await inventoryLevelsOf(context, variant.inventory_item_id),
        args,
        (level) => level.location_id,
        (level) => level.object,
      ),
    inventoryLevel: async (args: Args, context: RequestContext) => {
      const locationId = String(args.locationId ?? '')
        .split('/')
        .pop();
      return (
        (await inventoryLevelsOf(context, variant.inventory_item_id)).find((level) => level.location_id === locationId)
          ?.object ?? null
      );
    },
  };
}

export function variantObject(variant: VariantRow) {
  return {
    __typename: 'ProductVariant',
    id: gid('ProductVariant', variant.id),
    title: variant.title,
    displayName: variant.title,
    sku: variant.sku,
    barcode: variant.barcode,
    price: variant.price,
    compareAtPrice: variant.compare_at_price,
    position: variant.position,
    taxable: variant.taxable,
    inventoryPolicy: variant.inventory_policy,
    selectedOptions: variant.selected_options.map((option) => ({ __typename: 'SelectedOption', ...option })),
    createdAt: variant.created_at.toISOString(),
    updatedAt: variant.updated_at.toISOString(),
    inventoryItem: inventoryItemObject(variant),
    inventoryQuantity: async (_args: Args, context: RequestContext) =>
      (await inventoryLevelsOf(context, variant.inventory_item_id)).reduce((sum, level) => sum + level.available, 0),
    product: async (_args: Args, context: RequestContext) => {
      const row = await productOf(context, String(variant.product_id));
      return row ? productObject(row) : null;
    },
    ...metafieldFields(String(variant.id)),
  };
}

export function productObject(row: ProductRow) {
  const id = String(row.id);
  return {
    __typename: 'Product',
    id: gid('Product', id),
    legacyResourceId: id,
    title: row.title,
    handle: row.handle,
    descriptionHtml: row.description_html,
    description: row.description_html.replace(/<[^>]*>/g, ''),
    vendor: row.vendor,
    productType: row.product_type,
    status: row.status,
    tags: row.tags,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    seo: { __typename: 'SEO', title: row.seo_title, description: row.seo_description },
    // An option keeps values no variant uses (productCreate makes one variant of each option's first
    // value): `hasVariants` is "whether the product option value has any linked variants", and
    // `values` lists the values variants use (ProductOption: "track which ProductOptionValue objects
    // that variants actively use versus unused values that exist without associated variants").
    options: async (args: Args, context: RequestContext) => {
      const variants = await variantsOf(context, id);
      const used = (name: string, value: string) =>
        variants.some((variant) =>
          variant.selected_options.some((option) => option.name === name && option.value === value),
        );
      return row.options.slice(0, typeof args.first === 'number' ? args.first : undefined).map((option) => ({
        __typename: 'ProductOption',
        id: option.id,
        name: option.name,
        position: option.position,
        values: option.values.filter((value) => used(option.name, value.name)).map((value) => value.name),
        optionValues: option.values.map((value) => ({
          __typename: 'ProductOptionValue',
          id: value.id,
          name: value.name,
          hasVariants: used(option.name, value.name),
        })),
      }));
    },
    // In position order: Product.variants' sortKey defaults to POSITION (ProductVariantSortKeys), and
    // the rows are read by position; another order is refused rather than answered in this one.
    variants: async (args: Args, context: RequestContext) => {
      if ((args.sortKey ?? 'POSITION') !== 'POSITION' || args.reverse)
        throw new NotImplementedError('Product.variants in another order than by position');
      return connectionOf(await variantsOf(context, id), args, (variant) => variant.id, variantObject);
    },
    variantsCount: async (_args: Args, context: RequestContext) => ({
      __typename: 'Count',
      count: (await variantsOf(context, id)).length,
      precision: 'EXACT',
    }),
    totalInventory: async (_args: Args, context: RequestContext) => {
      let total = 0;
      for (const variant of await variantsOf(context, id))
        total += (await inventoryLevelsOf(context, variant.inventory_item_id)).reduce(
          (sum, level) => sum + level.available,
          0,
        );
      return total;
    },
    hasOnlyDefaultVariant: async (_args: Args, context: RequestContext) => {
      const variants = await variantsOf(context, id);
      return variants.length === 1 && variants[0]?.title === 'Default Title';
    },
    media: async (args: Args, context: RequestContext) =>
      connectionOf(
        await mediaOfProduct(context, id),
        args,
        (file) => file.id,
        (file) => fileObject(file, context),
      ),
    mediaCount: async (_args: Args, context: RequestContext) => ({
      __typename: 'Count',
      count: (await mediaOfProduct(context, id)).length,
      precision: 'EXACT',
    }),
    collections: async (args: Args, context: RequestContext) => collectionsOfProduct(context, id, args),
    ...metafieldFields(id),
    ...productPublicationFields(row),
  };
}
