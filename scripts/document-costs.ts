// What each document Shipyard writes with (and the verification's reads) costs, for a typical record of
// each entity: the real documents (app/shopify-admin/graphql/*), the variables from the real input
// builders, sent to a devstore, which prices them by Shopify's documented rules. `npm run costs`
// prints them; scripts/costs.test.ts checks it prints a line per document.
import { BlogPost, Collection, Customer, Discount, Order, Page, Product, Review } from '../connectors/model.ts';
import type { Devstore } from '../devstore/server.ts';
import { type TestShop, admin } from '../devstore/testing.ts';
import { toCollectionVariables } from '../app/pipeline/entities/collections/input.server.ts';
import {
  checkContact,
  customerMetafields,
  emailConsentVariables,
  toCustomerSetVariables,
} from '../app/pipeline/entities/customers/input.server.ts';
import { toDiscountInput } from '../app/pipeline/entities/discounts/input.server.ts';
import { OrderOptions, toOrderCreateVariables } from '../app/pipeline/entities/orders/input.server.ts';
import { contentSearch, toPageInput } from '../app/pipeline/entities/pages/input.server.ts';
import { BLOG, toArticleInput } from '../app/pipeline/entities/pages/post-input.server.ts';
import { toProductSetVariables } from '../app/pipeline/entities/products/input.server.ts';
import { redirectPath, redirectTarget } from '../app/pipeline/entities/redirects/input.server.ts';
import { PRODUCTS_PER_CALL } from '../app/pipeline/entities/reviews/write.server.ts';
import { productReviewMetafields } from '../app/pipeline/entities/reviews/input.server.ts';
import { sourceReferenceDefinition } from '../app/shopify-admin/metafield-definitions.server.ts';
import { customIdentifier } from '../app/shopify-admin/source-reference.server.ts';
import {
  COLLECTION_BY_REFERENCE,
  CREATE_COLLECTION,
  UPDATE_COLLECTION,
} from '../app/shopify-admin/graphql/collections.ts';
import {
  CREATE_ARTICLE,
  CREATE_BLOG,
  CREATE_PAGE,
  FIND_ARTICLES,
  FIND_BLOG,
  FIND_PAGES,
} from '../app/shopify-admin/graphql/content.ts';
import { CUSTOMER_BY_REFERENCE, CUSTOMER_EMAIL_CONSENT, CUSTOMER_SET } from '../app/shopify-admin/graphql/customers.ts';
import { DISCOUNT_BASIC_CREATE, DISCOUNT_BY_CODE } from '../app/shopify-admin/graphql/discounts.ts';
import {
  CUSTOMER_METAFIELDS,
  ENSURE_SOURCE_REFERENCE_DEFINITION,
  PRODUCT_REVIEWS_SET,
} from '../app/shopify-admin/graphql/metafields.ts';
import { FIND_NODES } from '../app/shopify-admin/graphql/nodes.ts';
import { ORDER_BY_REFERENCE, ORDER_CREATE } from '../app/shopify-admin/graphql/orders.ts';
import { PRODUCT_SET, VERIFY_PRODUCT } from '../app/shopify-admin/graphql/products.ts';
import { PUBLISH, VERIFY_PUBLISHED } from '../app/shopify-admin/graphql/publications.ts';
import { BULK_OPERATION_STATUS } from '../app/shopify-admin/bulk-operations.server.ts';
import {
  CREATE_REDIRECT,
  CREATE_REDIRECT_IMPORT,
  EXPORT_REDIRECTS,
  FIND_REDIRECT,
  NEWEST_REDIRECT,
  REDIRECTS_PAGE,
  REDIRECT_IMPORT_STATUS,
  STAGE_REDIRECT_FILE,
  SUBMIT_REDIRECT_IMPORT,
} from '../app/shopify-admin/graphql/redirects.ts';
import { redirectsCsv } from '../app/pipeline/entities/redirects/import.server.ts';
import { REDIRECT_BATCH } from '../app/pipeline/entities/redirects/write.server.ts';

type Parameter = { name: string; value: string };

export interface DocumentCost {
  operation: string;
  requested: number;
  actual: number;
  purpose: string;
}

const PLATFORM = 'woocommerce';

/** The bench's product (scripts/bench-migration.ts seeds 3 variants and 2 images a product). */
export function typicalProduct(sourceId: string) {
  const images = [0, 1].map((index) => ({
    sourceId: `${sourceId}-img-${index}`,
    url: `https://old.example.com/${sourceId}-${index}.jpg`,
    alt: '',
    position: index,
  }));
  return Product.parse({
    sourceId,
    sourceType: 'variable',
    title: `Linen shirt ${sourceId}`,
    handle: `linen-shirt-${sourceId}`,
    descriptionHtml: '<p>Cool in summer.</p>',
    status: 'active',
    options: [{ name: 'Size', values: ['S', 'M', 'L'] }],
    variants: ['S', 'M', 'L'].map((size, index) => ({
      sourceId: `${sourceId}-${size}`,
      sku: `LS-${sourceId}-${size}`,
      price: '39.00',
      optionValues: [{ option: 'Size', value: size }],
      inventoryQuantity: 5,
      imageSourceId: images[index % 2]?.sourceId ?? null,
    })),
    images,
    collectionSourceIds: ['15'],
  });
}

const operationName = (document: string) => /(?:mutation|query)\s+(\w+)/.exec(document)?.[1] ?? '(unnamed)';

/** Sends every document once, in the order a migration does, and returns each one's price. */
export async function measureDocumentCosts(devstore: Devstore, shop: TestShop): Promise<DocumentCost[]> {
  const costs: DocumentCost[] = [];
  async function send<T = Record<string, unknown>>(
    document: string,
    variables: Record<string, unknown>,
    purpose: string,
  ): Promise<T> {
    const { body } = await admin(devstore, shop, document, variables);
    // Priced before it runs, so its line stands even where devstore does not carry it out.
    const notImplemented = body.errors?.every(
      (error: { extensions?: { code?: string } }) => error.extensions?.code === 'NOT_IMPLEMENTED_BY_DEVSTORE',
    );
    if (notImplemented && body.extensions?.cost) {
      const { requestedQueryCost, actualQueryCost } = body.extensions.cost;
      costs.push({
        operation: operationName(document),
        requested: requestedQueryCost,
        actual: actualQueryCost,
        purpose: `${purpose} (not carried out by devstore)`,
      });
      return {} as T;
    }
    if (body.errors) throw new Error(`${operationName(document)}: ${JSON.stringify(body.errors)}`);
    const root = Object.values(body.data as Record<string, { userErrors?: unknown[] } | null>)[0];
    if (root?.userErrors?.length)
      throw new Error(`${operationName(document)} refused: ${JSON.stringify(root.userErrors)}`);
    const { requestedQueryCost, actualQueryCost } = body.extensions.cost;
    costs.push({ operation: operationName(document), requested: requestedQueryCost, actual: actualQueryCost, purpose });
    return body.data as T;
  }

  for (const ownerType of ['PRODUCT', 'COLLECTION', 'CUSTOMER', 'ORDER'] as const) {
    await send(
      ENSURE_SOURCE_REFERENCE_DEFINITION,
      sourceReferenceDefinition(ownerType),
      'the source-reference definition, once per owner type a shop',
    );
    if (ownerType !== 'PRODUCT') costs.pop();
  }

  const collection = Collection.parse({
    sourceId: '15',
    title: 'Shirts',
    handle: 'shirts',
    descriptionHtml: '<p>All shirts</p>',
  });
  const createdCollection = await send<{ collectionCreate: { collection: { id: string } } }>(
    CREATE_COLLECTION,
    toCollectionVariables(collection, PLATFORM, null, null),
    'a collection',
  );
  const collectionId = createdCollection.collectionCreate.collection.id;
  await send(
    COLLECTION_BY_REFERENCE,
    { identifier: customIdentifier(PLATFORM, '15') },
    'finding a collection again by its source reference',
  );
  await send(
    UPDATE_COLLECTION,
    toCollectionVariables(collection, PLATFORM, null, collectionId),
    'a collection, re-synced',
  );

  const { locations } = await send<{ locations: { nodes: { id: string }[] } }>(
    'query ShopLocations { locations(first: 1) { nodes { id } } }',
    {},
    '(the shop’s location, for stock; not a Shipyard document)',
  );
  costs.pop();
  const context = {
    platform: PLATFORM,
    locationId: locations.nodes[0]?.id ?? '',
    collectionIds: new Map([['15', collectionId]]),
    collectionParents: new Map<string, string | null>([['15', null]]),
    unreachableImages: new Set<string>(),
    handlesLeftToShopify: new Set<string>(),
  };
  const productIds: string[] = [];
  const variantIds: string[] = [];
  for (let index = 0; index < PRODUCTS_PER_CALL; index++) {
    const written = await send<{
      productSet: { product: { id: string; variants: { nodes: { id: string }[] } } };
    }>(
      PRODUCT_SET,
      { ...toProductSetVariables(typicalProduct(String(101 + index)), context, null) },
      'a product: 3 variants, 2 images, in a collection (as the bench seeds it)',
    );
    productIds.push(written.productSet.product.id);
    variantIds.push(...written.productSet.product.variants.nodes.map((variant) => variant.id));
    // One line for the bench's product is enough; the others are the reviews' owners below.
    if (index > 0) costs.pop();
  }
  await send(
    PRODUCT_SET,
    { ...toProductSetVariables(typicalProduct('101'), context, productIds[0] ?? null) },
    'the same product, re-synced',
  );
  await send(VERIFY_PRODUCT, { id: productIds[0] }, 'verification: a product as written');
  await send(
    FIND_NODES,
    { ids: [productIds[0], collectionId] },
    'verification: records still in Shopify (2 here; up to 250 a call)',
  );
  const { publications } = await send<{ publications: { nodes: { id: string }[] } }>(
    'query Channels { publications(first: 1) { nodes { id } } }',
    {},
    '(the sales channel; not a Shipyard document)',
  );
  costs.pop();
  const publicationId = publications.nodes[0]?.id ?? '';
  await send(
    PUBLISH,
    { id: collectionId, input: [{ publicationId }] },
    'a collection on a sales channel (products go by bulk operation)',
  );
  await send(
    VERIFY_PUBLISHED,
    { ids: [productIds[0], collectionId], publicationId },
    'verification: published on the channel',
  );

  const customer = Customer.parse({
    sourceId: '5001',
    email: 'anna@example.com',
    firstName: 'Anna',
    lastName: 'Schmidt',
    totalSpent: '120.50',
    ordersCount: 3,
    addresses: [
      {
        firstName: 'Anna',
        lastName: 'Schmidt',
        address1: '1 Market Street',
        city: 'Berlin',
        zip: '10115',
        countryCode: 'DE',
        kind: 'billing',
      },
    ],
    emailMarketing: { state: 'subscribed', optInLevel: 'confirmed_opt_in', consentUpdatedAt: '2024-03-01T10:00:00Z' },
  });
  const { customerSet } = await send<{ customerSet: { customer: { id: string } } }>(
    CUSTOMER_SET,
    { ...toCustomerSetVariables(customer, checkContact(customer), null) },
    'a customer with an address',
  );
  const customerId = customerSet.customer.id;
  await send(
    CUSTOMER_METAFIELDS,
    { metafields: customerMetafields(customerId, PLATFORM, customer) },
    'the customer’s source reference and totals',
  );
  await send(
    CUSTOMER_EMAIL_CONSENT,
    { ...emailConsentVariables(customerId, customer) },
    'the customer’s recorded email consent',
  );
  await send(
    CUSTOMER_BY_REFERENCE,
    { identifier: customIdentifier(PLATFORM, '5001') },
    'finding a customer again by its source reference',
  );

  const order = Order.parse({
    sourceId: '9001',
    number: '9001',
    customerSourceId: '5001',
    email: 'anna@example.com',
    currency: 'USD',
    sourceStatus: 'completed',
    processedAt: '2025-05-01T10:00:00.000Z',
    subtotal: '117.00',
    totalTax: '0.00',
    lineItems: [
      {
        sourceId: 'l1',
        productSourceId: '101',
        variantSourceId: '101-S',
        sku: 'LS-101-S',
        title: 'Linen shirt - S',
        quantity: 2,
        price: '39.00',
      },
      {
        sourceId: 'l2',
        productSourceId: '102',
        variantSourceId: '102-M',
        sku: 'LS-102-M',
        title: 'Linen shirt - M',
        quantity: 1,
        price: '39.00',
      },
    ],
    total: '117.00',
  });
  const { variables: orderVariables } = toOrderCreateVariables(order, {
    platform: PLATFORM,
    options: OrderOptions.parse({}),
    shopCurrency: 'USD',
    customerIds: new Map([['5001', customerId]]),
    variantIds: new Map([
      ['101-S', variantIds[0] ?? ''],
      ['102-M', variantIds[4] ?? ''],
    ]),
  });
  await send(ORDER_CREATE, { ...orderVariables }, 'an order with 2 lines');
  await send(
    ORDER_BY_REFERENCE,
    { identifier: customIdentifier(PLATFORM, '9001') },
    'finding an order again by its source reference',
  );

  const page = Page.parse({
    sourceId: '7',
    title: 'Shipping',
    handle: 'shipping',
    bodyHtml: '<p>We ship.</p>',
    published: true,
    publishedAt: '2024-03-01T10:00:00.000Z',
    sourcePath: '/shipping/',
  });
  await send(CREATE_PAGE, { page: toPageInput(page, PLATFORM) }, 'a page');
  await send(FIND_PAGES, { query: contentSearch(page) }, 'finding a page again');
  await send(FIND_BLOG, { query: `handle:${BLOG.handle}` }, 'finding the blog, once');
  const { blogCreate } = await send<{ blogCreate: { blog: { id: string } } }>(
    CREATE_BLOG,
    { blog: { title: 'News', handle: 'news' } },
    'the blog, once',
  );
  const post = BlogPost.parse({
    sourceId: '8',
    title: 'Linen care',
    handle: 'linen-care',
    bodyHtml: '<p>Wash cold.</p>',
    excerptHtml: '<p>Short.</p>',
    published: true,
    publishedAt: '2024-03-01T10:00:00.000Z',
    sourcePath: '/linen-care/',
    tags: ['Linen'],
  });
  await send(
    CREATE_ARTICLE,
    { article: toArticleInput(post, PLATFORM, { blogId: blogCreate.blog.id }) },
    'a blog post',
  );
  await send(FIND_ARTICLES, { query: contentSearch(post) }, 'finding a blog post again');

  const plan = toDiscountInput(
    Discount.parse({
      sourceId: '7001',
      code: 'welcome10',
      sourceType: 'percent',
      value: { kind: 'percentage', percent: 10 },
      startsAt: '2025-06-02T00:00:00.000Z',
    }),
    {
      platform: PLATFORM,
      productIds: new Map(),
      collectionIds: new Map(),
      customersFor: new Map(),
      catalog: { products: new Map(), categoryParents: new Map() },
      broaderCoupons: false,
    },
  );
  if (!('discount' in plan)) throw new Error(`the typical discount was not written: ${plan.reason}`);
  await send(DISCOUNT_BASIC_CREATE, { discount: plan.discount }, 'a discount code');
  await send(DISCOUNT_BY_CODE, { code: 'welcome10' }, 'finding a discount code again');

  const reviews = [1, 2].map((index) =>
    Review.parse({
      sourceId: String(index),
      productSourceId: '101',
      rating: 4 + (index % 2),
      author: 'Ada',
      bodyHtml: 'Fits well.',
      createdAt: '2026-01-02T10:00:00.000Z',
    }),
  );
  const oneProduct = productReviewMetafields(productIds[0] ?? '', reviews).metafields;
  await send(PRODUCT_REVIEWS_SET, { metafields: oneProduct }, 'one product’s reviews alone');
  const fullCall = productIds.flatMap((id) => productReviewMetafields(id, reviews).metafields);
  await send(
    PRODUCT_REVIEWS_SET,
    { metafields: fullCall },
    `${productIds.length} products’ reviews in one call (as the load groups them)`,
  );

  const path = redirectPath('/product/linen-shirt-101/');
  await send(
    CREATE_REDIRECT,
    { urlRedirect: { path, target: redirectTarget('products', 'linen-shirt-101') } },
    'a redirect, one by one',
  );
  await send(FIND_REDIRECT, { query: `path:${path}` }, 'finding a redirect again by its path');

  // A batch of redirects by Shopify's CSV import (decision 0035), as the load sends it.
  const batch = Array.from({ length: REDIRECT_BATCH }, (_, index) => ({
    path: redirectPath(`/product/typical-${index}/`),
    target: redirectTarget('products', `typical-${index}`),
  }));
  const newest = await send<{ urlRedirects: { nodes: { id: string }[] } }>(
    NEWEST_REDIRECT,
    {},
    'the store’s newest redirect, once a batch',
  );
  const lookup = batch.slice(0, 50).map((redirect) => `path:"${redirect.path}"`);
  await send(
    REDIRECTS_PAGE,
    { query: lookup.join(' OR '), first: lookup.length, after: null },
    'looking up 50 of a batch’s paths the store may redirect already (a store with redirects)',
  );
  const csv = redirectsCsv(batch);
  const staged = await send<{
    stagedUploadsCreate: { stagedTargets: { url: string; resourceUrl: string; parameters: Parameter[] }[] };
  }>(
    STAGE_REDIRECT_FILE,
    {
      input: [
        {
          resource: 'URL_REDIRECT_IMPORT',
          filename: 'redirects.csv',
          mimeType: 'text/csv',
          httpMethod: 'POST',
          fileSize: String(Buffer.byteLength(csv)),
        },
      ],
    },
    `staging the file of a batch (${REDIRECT_BATCH} redirects)`,
  );
  const target = staged.stagedUploadsCreate.stagedTargets[0];
  if (!target) throw new Error('no upload target for the redirects file');
  const form = new FormData();
  for (const parameter of target.parameters) form.append(parameter.name, parameter.value);
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'redirects.csv');
  if (!(await fetch(target.url, { method: 'POST', body: form })).ok) throw new Error('the redirects file was refused');
  const created = await send<{ urlRedirectImportCreate: { urlRedirectImport: { id: string } } }>(
    CREATE_REDIRECT_IMPORT,
    { url: target.resourceUrl },
    'the import of the file',
  );
  const importId = created.urlRedirectImportCreate.urlRedirectImport.id;
  await send(SUBMIT_REDIRECT_IMPORT, { id: importId }, 'starting the import');
  for (;;) {
    const status = await admin(devstore, shop, REDIRECT_IMPORT_STATUS, { id: importId });
    if (status.body.data?.urlRedirectImport?.finished) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await send(REDIRECT_IMPORT_STATUS, { id: importId }, 'asking whether the import has finished (every 0.5 s)');
  const newestId = newest.urlRedirects.nodes[0]?.id.split('/').pop();
  await send(
    REDIRECTS_PAGE,
    { query: newestId ? `id:>${newestId}` : null, first: 250, after: null },
    'reading back 250 of the redirects the import made (Plus: by pages)',
  );
  const exported = await send<{ bulkOperationRunQuery: { bulkOperation: { id: string } } }>(
    EXPORT_REDIRECTS,
    { query: `{ urlRedirects(query: "id:>${newestId ?? 0}", sortKey: ID) { edges { node { id path target } } } }` },
    'reading back all the redirects the import made by one bulk query (plans below Plus)',
  );
  await send(
    BULK_OPERATION_STATUS,
    { id: exported.bulkOperationRunQuery.bulkOperation.id },
    'asking whether a bulk operation has finished (every 2 s for products, 0.5 s for redirects)',
  );
  return costs;
}

/** The printed table: one line per document, then what a product costs as the bench writes it. */
export function formatDocumentCosts(costs: DocumentCost[]): string {
  const width = Math.max(...costs.map((cost) => cost.operation.length));
  const lines = costs.map(
    (cost) =>
      `${cost.operation.padEnd(width)}  requested ${String(cost.requested).padStart(3)}  actual ${String(cost.actual).padStart(3)}  ${cost.purpose}`,
  );
  const product = costs.find((cost) => cost.operation === 'MigrateProduct');
  const reviews = costs.filter((cost) => cost.operation === 'MigrateProductReviews').at(-1);
  return [
    ...lines,
    '',
    `points per product as the bench writes it (productSet; publishing goes by bulk operation): ${product?.requested ?? '?'}`,
    `points per product's reviews, ${PRODUCTS_PER_CALL} products a call: ${reviews ? (reviews.requested / PRODUCTS_PER_CALL).toFixed(2) : '?'}`,
    ...redirectSummary(costs),
  ].join('\n');
}

/**
 * What a redirect costs in a batch of REDIRECT_BATCH by the import, from the documents' actual
 * costs: the fixed calls (newest redirect, file, import, start, two polls), then the read-back by
 * pages (Plus) or by one bulk query (the other plans), and the look-ups a store with redirects of
 * its own adds.
 */
function redirectSummary(costs: DocumentCost[]): string[] {
  const actual = (operation: string, index = 0) =>
    costs.filter((cost) => cost.operation === operation)[index]?.actual ?? Number.NaN;
  const fixed =
    actual('NewestRedirect') +
    actual('StageRedirectFile') +
    actual('CreateRedirectImport') +
    actual('SubmitRedirectImport') +
    2 * actual('RedirectImportStatus');
  const pages = Math.ceil(REDIRECT_BATCH / 250) * actual('RedirectsPage', 1);
  const bulk = actual('ExportRedirects') + 2 * actual('BulkMigrationStatus');
  const fixedAndBulk = fixed + bulk;
  const lookups = Math.ceil(REDIRECT_BATCH / 50) * actual('RedirectsPage', 0);
  const per = (points: number) => (points / REDIRECT_BATCH).toFixed(2);
  return [
    `points per redirect by import, ${REDIRECT_BATCH} a batch, into a store without redirects: ${per(fixed + pages)} on Plus (read back by pages), ${per(fixedAndBulk)} on other plans (by a bulk query)`,
    `  a store with redirects of its own adds the look-ups: ${per(lookups)} a redirect`,
  ];
}
