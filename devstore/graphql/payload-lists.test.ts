import { getNamedType, isListType, isNonNullType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogModules } from '../catalog/index.ts';
import { adminSchema } from '../schema.ts';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
});
afterAll(() => devstore.stop());

/** A refused call of each mutation devstore serves whose payload has a list, and that list's name. */
const REFUSED: Record<string, { document: string; list: string }> = {
  productVariantsBulkCreate: {
    document:
      'mutation { productVariantsBulkCreate(productId: "gid://shopify/Product/1", variants: [{ price: "1.00" }]) { productVariants { id } userErrors { code } } }',
    list: 'productVariants',
  },
  productVariantsBulkUpdate: {
    document:
      'mutation { productVariantsBulkUpdate(productId: "gid://shopify/Product/1", variants: [{ id: "gid://shopify/ProductVariant/1", price: "1.00" }]) { productVariants { id } userErrors { code } } }',
    list: 'productVariants',
  },
  metafieldsSet: {
    document:
      'mutation { metafieldsSet(metafields: [{ ownerId: "gid://shopify/Product/1", namespace: "custom", key: "a", type: "single_line_text_field", value: "a" }]) { metafields { id } userErrors { code } } }',
    list: 'metafields',
  },
  fileCreate: {
    document:
      'mutation { fileCreate(files: [{ originalSource: "not a url", contentType: IMAGE }]) { files { id } userErrors { code } } }',
    list: 'files',
  },
  fileDelete: {
    document: 'mutation { fileDelete(fileIds: ["gid://shopify/MediaImage/1"]) { deletedFileIds userErrors { code } } }',
    list: 'deletedFileIds',
  },
  stagedUploadsCreate: {
    document:
      'mutation { stagedUploadsCreate(input: [{ resource: IMAGE, filename: " ", mimeType: "image/png" }]) { stagedTargets { url } userErrors { message } } }',
    list: 'stagedTargets',
  },
};

/** metafieldsDelete has no userErrors of its own: a metafield it cannot find is a null in its list. */
const NOTHING_DELETED =
  'mutation { metafieldsDelete(metafields: [{ ownerId: "gid://shopify/Product/1", namespace: "custom", key: "a" }]) { deletedMetafields { key } userErrors { message } } }';

describe('list fields of mutation payloads', () => {
  it('are all covered here: every mutation devstore serves whose payload has a list', () => {
    const mutations = adminSchema().getMutationType()?.getFields() ?? {};
    const withLists = catalogModules
      .flatMap((module) => Object.keys(module.mutations ?? {}))
      .filter((name) => {
        const payload = getNamedType(mutations[name]?.type);
        return (
          isObjectType(payload) &&
          Object.values(payload.getFields()).some(
            (field) =>
              field.name !== 'userErrors' && isListType(isNonNullType(field.type) ? field.type.ofType : field.type),
          )
        );
      });
    expect(withLists.sort()).toEqual([...Object.keys(REFUSED), 'metafieldsDelete'].sort());
  });

  it.each(Object.keys(REFUSED))('%s answers an empty list, not null, beside its userErrors', async (name) => {
    const { document, list } = REFUSED[name] as { document: string; list: string };
    const { status, body } = await admin(devstore, shop, document);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data[name].userErrors.length).toBeGreaterThan(0);
    expect(body.data[name][list]).toEqual([]);
  });

  it('metafieldsDelete answers a null in its list for a metafield it cannot find, not a null list', async () => {
    const { body } = await admin(devstore, shop, NOTHING_DELETED);
    expect(body.data.metafieldsDelete).toEqual({ deletedMetafields: [null], userErrors: [] });
  });
});
