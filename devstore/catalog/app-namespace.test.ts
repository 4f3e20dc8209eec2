// The app's reserved namespace: `$app` is stored and read back as the app's own `app--<id>`,
// `$app:name` as `app--<id>--name`, a metafield without a namespace lands there, and reads,
// deletes and definitions name it the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';
import { APP_CLIENT_ID } from './namespaces.ts';

let devstore: Devstore;
let shop: TestShop;
let productId: string;
beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
  productId = (
    await admin(devstore, shop, 'mutation { productSet(input: { title: "Wool Scarf" }) { product { id } } }')
  ).body.data.productSet.product.id;
});
afterAll(() => devstore.stop());

const SET =
  'mutation($metafields: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $metafields) { metafields { namespace key value } userErrors { field message code } } }';
const text = (namespace: string | undefined, key: string, value: string) => ({
  ownerId: productId,
  ...(namespace === undefined ? {} : { namespace }),
  key,
  type: 'single_line_text_field',
  value,
});

describe('the $app namespace', () => {
  it('resolves $app, $app:name and no namespace at all to the app’s own app--<id> namespaces', async () => {
    const { body } = await admin(devstore, shop, SET, {
      metafields: [
        text('$app', 'tone', 'warm'),
        text('$app:shipyard', 'description_draft', 'Soft wool'),
        text(undefined, 'origin', 'Scotland'),
      ],
    });
    expect(body.data.metafieldsSet).toEqual({
      metafields: [
        { namespace: `app--${APP_CLIENT_ID}`, key: 'tone', value: 'warm' },
        { namespace: `app--${APP_CLIENT_ID}--shipyard`, key: 'description_draft', value: 'Soft wool' },
        { namespace: `app--${APP_CLIENT_ID}`, key: 'origin', value: 'Scotland' },
      ],
      userErrors: [],
    });
  });

  it('reads by $app:name or by the resolved name alike, and deletes by $app:name', async () => {
    const read = `query($id: ID!) { product(id: $id) {
      short: metafield(namespace: "$app:shipyard", key: "description_draft") { namespace value }
      full: metafield(namespace: "app--${APP_CLIENT_ID}--shipyard", key: "description_draft") { value }
      own: metafield(key: "tone") { value }
      listed: metafields(first: 5, namespace: "$app:shipyard") { nodes { key } }
    } }`;
    const { body } = await admin(devstore, shop, read, { id: productId });
    expect(body.data.product).toEqual({
      short: { namespace: `app--${APP_CLIENT_ID}--shipyard`, value: 'Soft wool' },
      full: { value: 'Soft wool' },
      own: { value: 'warm' },
      listed: { nodes: [{ key: 'description_draft' }] },
    });
    const deleted = await admin(
      devstore,
      shop,
      'mutation($m: [MetafieldIdentifierInput!]!) { metafieldsDelete(metafields: $m) { deletedMetafields { namespace key } userErrors { message } } }',
      { m: [{ ownerId: productId, namespace: '$app:shipyard', key: 'description_draft' }] },
    );
    expect(deleted.body.data.metafieldsDelete.deletedMetafields).toEqual([
      { namespace: '$app:shipyard', key: 'description_draft' },
    ]);
    expect((await admin(devstore, shop, read, { id: productId })).body.data.product.short).toBeNull();
  });

  it('creates a definition without a namespace in the app’s own', async () => {
    const { body } = await admin(
      devstore,
      shop,
      'mutation { metafieldDefinitionCreate(definition: { name: "Tone", key: "tone", type: "single_line_text_field", ownerType: PRODUCT }) { createdDefinition { namespace key } userErrors { code } } }',
    );
    expect(body.data.metafieldDefinitionCreate).toEqual({
      createdDefinition: { namespace: `app--${APP_CLIENT_ID}`, key: 'tone' },
      userErrors: [],
    });
  });
});
