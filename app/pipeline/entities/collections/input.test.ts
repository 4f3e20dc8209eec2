import { type OperationDefinitionNode, getVariableValues, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { Collection } from '../../../../connectors/model.ts';
import { loadAdminSchema } from '../../../../admin-api/schema.ts';
import { toCollectionVariables } from './input.server.ts';
import { redirectPath, redirectTarget } from '../redirects/input.server.ts';
import { CREATE_COLLECTION, UPDATE_COLLECTION } from '../../../shopify-admin/graphql/collections.ts';

const schema = loadAdminSchema();
const errorsFor = (document: string, variables: Record<string, unknown>) => {
  const operation = parse(document).definitions[0] as OperationDefinitionNode;
  return (
    getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors?.map((error) => error.message) ??
    []
  );
};

const hoodies = Collection.parse({
  sourceId: '15',
  title: 'Hoodies',
  handle: 'hoodies',
  descriptionHtml: '<p>Warm things</p>',
  parentSourceId: '9',
  image: { sourceId: 'i', url: 'https://old.example.com/cat.jpg', alt: 'Hoodies', position: 0 },
  seo: { title: 'Hoodies | North Sails', description: null },
});

describe('collection → Shopify', () => {
  it('creates with the new collection input and its source reference, and keeps the parent’s name', () => {
    const variables = toCollectionVariables(hoodies, 'woocommerce', 'Clothing', null);
    expect(errorsFor(CREATE_COLLECTION, variables)).toEqual([]);
    expect(variables.collection).toMatchObject({
      title: 'Hoodies',
      handle: 'hoodies',
      image: { src: 'https://old.example.com/cat.jpg', altText: 'Hoodies' },
      seo: { title: 'Hoodies | North Sails' },
    });
    // Membership goes with each product (productSet's collections): collectionCreate would add products after answering.
    expect(variables.collection).not.toHaveProperty('products');
    expect(variables.collection.metafields).toEqual([
      { namespace: 'shipyard', key: 'source_reference', type: 'id', value: 'woocommerce:15' },
      { namespace: 'shipyard', key: 'parent_collection', type: 'single_line_text_field', value: 'Clothing' },
    ]);
  });

  it('keeps a unicode slug as the handle, and leaves one Shopify would change to Shopify', () => {
    expect(
      toCollectionVariables({ ...hoodies, handle: 'толстовки' }, 'woocommerce', null, null).collection,
    ).toHaveProperty('handle', 'толстовки');
    expect(
      toCollectionVariables({ ...hoodies, handle: 'Hoodies & More' }, 'woocommerce', null, null).collection,
    ).not.toHaveProperty('handle');
  });

  it('updates by id on a re-run', () => {
    const variables = toCollectionVariables(hoodies, 'woocommerce', null, 'gid://shopify/Collection/5');
    expect(errorsFor(UPDATE_COLLECTION, variables)).toEqual([]);
    expect(variables.collection).toMatchObject({ id: 'gid://shopify/Collection/5' });
  });
});

describe('redirects', () => {
  it.each([
    ['/product/blue-mug/', '/product/blue-mug'],
    ['https://old.example.com/product-category/mugs/?orderby=price', '/product-category/mugs?orderby=price'],
    ['product/caf%C3%A9-mug/', '/product/caf%C3%A9-mug'],
    ['/', '/'],
  ])('stores %s as %s', (source, path) => {
    expect(redirectPath(source)).toBe(path);
  });

  it('points at the new Shopify URL', () => {
    expect(redirectTarget('products', 'blue-mug')).toBe('/products/blue-mug');
    expect(redirectTarget('collections', 'mugs')).toBe('/collections/mugs');
  });
});
