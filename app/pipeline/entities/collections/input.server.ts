// Turns a canonical collection (a WooCommerce category…) into Shopify's collection input. Shopify
// collections are flat; the category tree survives as membership (a product joins its category's
// parents too) and the parent is kept in a metafield.
import type { CollectionRecord } from '../../../../connectors/model.ts';
import { sourceReferenceMetafield } from '../../../shopify-admin/source-reference.server.ts';
import { isShopifyHandle } from '../../../shopify-admin/handles.server.ts';

export function toCollectionFields(collection: CollectionRecord, platform: string, parentTitle: string | null) {
  const seo = {
    ...(collection.seo.title ? { title: collection.seo.title } : {}),
    ...(collection.seo.description ? { description: collection.seo.description } : {}),
  };
  return {
    title: collection.title,
    ...(isShopifyHandle(collection.handle) ? { handle: collection.handle } : {}),
    descriptionHtml: collection.descriptionHtml,
    ...(collection.image ? { image: { src: collection.image.url, altText: collection.image.alt } } : {}),
    ...(Object.keys(seo).length > 0 ? { seo } : {}),
    metafields: [
      sourceReferenceMetafield(platform, collection.sourceId),
      ...(parentTitle
        ? [{ namespace: 'shipyard', key: 'parent_collection', type: 'single_line_text_field', value: parentTitle }]
        : []),
    ],
  };
}

/** Variables for CREATE_COLLECTION, or for UPDATE_COLLECTION when the collection exists (`id`). */
export function toCollectionVariables(
  collection: CollectionRecord,
  platform: string,
  parentTitle: string | null,
  id: string | null,
) {
  const fields = toCollectionFields(collection, platform, parentTitle);
  return { collection: id ? { id, ...fields } : fields };
}
