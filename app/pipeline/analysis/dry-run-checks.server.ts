// What the dry run asks of each staged record: the variables the write would send, built by the same
// transform, checked against the pinned Admin schema (the mutation's own variable definitions), the
// input limits Shopify documents and the rules its mutations answer with userErrors, where those
// need nothing from the store. Nothing here sends anything.
import { type GraphQLSchema, type OperationDefinitionNode, getVariableValues, parse } from 'graphql';
import { loadAdminSchema } from '../../../admin-api/schema.ts';
import type {
  CollectionRecord,
  CustomerRecord,
  DiscountRecord,
  OrderRecord,
  ProductRecord,
  ReviewRecord,
} from '../../../connectors/model.ts';
import { BLOG, type BlogPostRecord, toArticleInput } from '../entities/pages/post-input.server.ts';
import { toCollectionVariables } from '../entities/collections/input.server.ts';
import {
  checkContact,
  customerLongText,
  customerMetafields,
  emailConsentVariables,
  mergeCustomers,
  toCustomerSetVariables,
} from '../entities/customers/input.server.ts';
import { allowedAddressKey, toDiscountInput } from '../entities/discounts/input.server.ts';
import { inChunks } from '../entities/discounts/chunks.server.ts';
import type { CouponCatalog } from '../entities/discounts/scope.server.ts';
import { OrderKeptBack } from '../entities/orders/money.server.ts';
import {
  type OrderCreateVariables,
  type OrderOptions,
  toOrderCreateVariables,
} from '../entities/orders/input.server.ts';
import { type PageRecord, toPageInput } from '../entities/pages/input.server.ts';
import { productLongText, toProductSetVariables } from '../entities/products/input.server.ts';
import { redirectPath } from '../entities/redirects/input.server.ts';
import { productReviewMetafields } from '../entities/reviews/input.server.ts';
import { type LongText, TEXT_LIMITS, characters } from '../../shopify-admin/limits/text-limits.server.ts';
import {
  MAX_INPUT_ARRAY,
  MAX_OPTIONS,
  MAX_REDIRECT_PATH,
  MAX_VARIANTS,
} from '../../shopify-admin/limits/input-limits.server.ts';
import { type LongTextRule, cutReport, keptBackReason } from '../entities/long-text-rule.server.ts';
import { ORDER_CREATE } from '../../shopify-admin/graphql/orders.ts';
import { PRODUCT_REVIEWS_SET, CUSTOMER_METAFIELDS } from '../../shopify-admin/graphql/metafields.ts';
import { CUSTOMER_EMAIL_CONSENT, CUSTOMER_SET } from '../../shopify-admin/graphql/customers.ts';
import { CREATE_REDIRECT } from '../../shopify-admin/graphql/redirects.ts';
import { DISCOUNT_BASIC_CREATE, DISCOUNT_FREE_SHIPPING_CREATE } from '../../shopify-admin/graphql/discounts.ts';
import { PRODUCT_SET } from '../../shopify-admin/graphql/products.ts';
import { CREATE_PAGE, CREATE_ARTICLE } from '../../shopify-admin/graphql/content.ts';
import { CREATE_COLLECTION } from '../../shopify-admin/graphql/collections.ts';

/** A product's variants (and an option's values) may reach 2,048, any other input array 250. */
const LARGER_ARRAYS: Record<string, number> = { variants: MAX_VARIANTS, values: MAX_VARIANTS };
const MAX_TITLE = 255;

let cachedSchema: GraphQLSchema | undefined;

function adminSchema(): GraphQLSchema {
  cachedSchema ??= loadAdminSchema();
  return cachedSchema;
}

const operations = new Map<string, OperationDefinitionNode>();

/** The reasons Shopify's schema would refuse these variables for this document, in its own words. */
export function schemaRefusals(document: string, variables: Record<string, unknown>): string[] {
  let operation = operations.get(document);
  if (!operation) {
    operation = parse(document).definitions[0] as OperationDefinitionNode;
    operations.set(document, operation);
  }
  const { errors } = getVariableValues(adminSchema(), operation.variableDefinitions ?? [], variables);
  return (errors ?? []).map((error) => error.message);
}

/** Input arrays longer than Shopify takes, named by where they are. */
export function limitRefusals(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) {
    const key = at.split('.').at(-1) ?? '';
    const limit = LARGER_ARRAYS[key] ?? MAX_INPUT_ARRAY;
    const own = value.length > limit ? [`${at} has ${value.length} items; Shopify takes at most ${limit}.`] : [];
    return [...own, ...value.flatMap((item, index) => limitRefusals(item, `${at}[${index}]`))];
  }
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, field]) => limitRefusals(field, at ? `${at}.${key}` : key));
  return [];
}

export interface Check {
  name: string;
  reasons: string[];
  /** What the write would cut to fit Shopify, when the merchant chose to cut (it still moves). */
  cuts?: string[];
}

/** Text too long for Shopify, by the merchant's rule: a refusal (kept back) or a cut (moves, reported). */
function longTextOutcome(items: LongText[], rule: LongTextRule): { reasons: string[]; cuts: string[] } {
  if (items.length === 0) return { reasons: [], cuts: [] };
  return rule === 'cut' ? { reasons: [], cuts: [cutReport(items)] } : { reasons: [keptBackReason(items)], cuts: [] };
}

/** A stand-in id for something written before this record (a collection, a customer, a variant): only its shape matters here. */
export const placeholder = (type: string, sourceId: string) =>
  `gid://shopify/${type}/dry-run-${encodeURIComponent(sourceId)}`;

/** Why a product a review or a coupon points at would not be in Shopify; absent when it would be. */
export type ProductFate = { status: 'invalid'; reason: string | null } | { status: 'not-in-migration' };

export interface CheckContext {
  platform: string;
  orderOptions: OrderOptions;
  /** The shop's currency when Shipyard knows it (read at install); else orders are checked in their own. */
  shopCurrency: string | null;
  collectionParents: Map<string, string | null>;
  collectionTitles: Map<string, string>;
  unreachableImages: Set<string>;
  handlesLeftToShopify: Set<string>;
  /** Whether products are part of this migration (a review's product may also come from an earlier one). */
  productsChosen: boolean;
  /** Products and collections this batch's coupons and reviews name, that would be in Shopify: by this migration or an earlier one. */
  productsInShopify: Set<string>;
  collectionsInShopify: Set<string>;
  /** Products this batch's reviews name that would not be in Shopify, and why. */
  productsLeftOut: Map<string, ProductFate>;
  /** Each discount code (lower case) of the migration, and the record that claims it first. */
  firstWithCode: Map<string, string>;
  /** Of this batch's coupons' allowed addresses (and patterns), those a customer this or an earlier migration moves has. */
  addressesWithCustomers: Set<string>;
  /** The products that would be in Shopify (placeholder ids for those this migration moves) and the category tree, for coupons with exclusions. */
  couponCatalog: CouponCatalog;
  /** Whether the merchant chose to create codes broader than their coupons (Migration.options.broaderCoupons). */
  broaderCoupons: boolean;
  /** What the merchant chose for text longer than Shopify allows (Migration.options.longText). */
  longText: LongTextRule;
  /** The customers merged into each of this batch's customers that lead a group (same email or phone), by source id. */
  mergedWith: Map<string, CustomerRecord[]>;
}

const both = (document: string, variables: Record<string, unknown>) => [
  ...schemaRefusals(document, variables),
  ...limitRefusals(variables),
];

function titleRefusals(title: string, what: string): string[] {
  if (title.trim() === '') return [`The ${what} has no title; Shopify requires one.`];
  if (title.length > MAX_TITLE) return [`The title has ${title.length} characters; Shopify allows ${MAX_TITLE}.`];
  return [];
}

function checkCollection(collection: CollectionRecord, context: CheckContext): Check {
  const parent = collection.parentSourceId ? (context.collectionTitles.get(collection.parentSourceId) ?? null) : null;
  const reasons = both(CREATE_COLLECTION, toCollectionVariables(collection, context.platform, parent, null));
  return { name: collection.title, reasons: [...reasons, ...titleRefusals(collection.title, 'collection')] };
}

function checkProduct(product: ProductRecord, context: CheckContext): Check {
  const variables = toProductSetVariables(
    product,
    {
      platform: context.platform,
      locationId: placeholder('Location', 'primary'),
      collectionIds: new Map([...context.collectionParents.keys()].map((id) => [id, placeholder('Collection', id)])),
      collectionParents: context.collectionParents,
      unreachableImages: context.unreachableImages,
      handlesLeftToShopify: context.handlesLeftToShopify,
      longText: context.longText,
    },
    null,
  );
  const long = longTextOutcome(productLongText(product), context.longText);
  // The title as it would be sent: cut when the merchant chose so, else the length is the reason above.
  const title = long.reasons.length > 0 ? [] : titleRefusals(String(variables.input.title ?? ''), 'product');
  const reasons = [...both(PRODUCT_SET, { ...variables }), ...title, ...long.reasons];
  if ((variables.input.productOptions as unknown[]).length > MAX_OPTIONS)
    reasons.push(`More than ${MAX_OPTIONS} options.`);
  return { name: product.title, reasons, cuts: long.cuts };
}

function checkCustomer(record: CustomerRecord, context: CheckContext): Check {
  // A customer who leads a group is written merged, so its notes are checked joined.
  const customer = mergeCustomers(record, context.mergedWith.get(record.sourceId) ?? []);
  const contact = checkContact(customer);
  const variables = toCustomerSetVariables(customer, contact, null, context.longText);
  const owner = placeholder('Customer', customer.sourceId);
  const consent = emailConsentVariables(owner, customer);
  const tooLong = customerLongText(customer, contact);
  const long = longTextOutcome(tooLong, context.longText);
  const reasons = [
    ...both(CUSTOMER_SET, { ...variables }),
    ...both(CUSTOMER_METAFIELDS, {
      metafields: customerMetafields(owner, context.platform, customer, context.longText === 'cut' ? tooLong : []),
    }),
    ...(consent ? both(CUSTOMER_EMAIL_CONSENT, consent) : []),
    ...long.reasons,
  ];
  if (!contact.email && !contact.phone && !customer.firstName && !customer.lastName)
    reasons.push('The customer has no name, no valid email and no valid phone; Shopify needs at least one.');
  const name =
    [customer.firstName, customer.lastName].filter(Boolean).join(' ') ||
    customer.email ||
    customer.phone ||
    customer.sourceId;
  return { name, reasons, cuts: long.cuts };
}

function checkOrder(order: OrderRecord, context: CheckContext): Check {
  // Customers and variants are written before orders; an order links to them by their Shopify ids.
  const ids = (type: string, sourceIds: (string | null)[]) =>
    new Map(sourceIds.flatMap((id) => (id ? [[id, placeholder(type, id)] as const] : [])));
  let variables: OrderCreateVariables;
  try {
    ({ variables } = toOrderCreateVariables(order, {
      platform: context.platform,
      options: context.orderOptions,
      shopCurrency: context.shopCurrency ?? order.currency,
      customerIds: ids('Customer', [order.customerSourceId]),
      variantIds: ids(
        'ProductVariant',
        order.lineItems.flatMap((line) => [line.variantSourceId, line.productSourceId]),
      ),
    }));
  } catch (error) {
    if (error instanceof OrderKeptBack) return { name: `#${order.number}`, reasons: [error.message] };
    throw error;
  }
  const reasons = both(ORDER_CREATE, { ...variables });
  if (order.lineItems.length === 0) reasons.push('The order has no line items; Shopify needs at least one.');
  // Order.note: "The maximum length is 5000 characters". Orders follow no cutting rule: Shopify would refuse it.
  const note = (variables.order as { note?: string }).note;
  if (note && characters(note) > TEXT_LIMITS.note)
    reasons.push(
      `The order's note has ${characters(note).toLocaleString('en-US')} characters; Shopify allows ${TEXT_LIMITS.note.toLocaleString('en-US')}.`,
    );
  return { name: `#${order.number}`, reasons };
}

function checkPage(page: PageRecord, context: CheckContext): Check {
  const reasons = [
    ...both(CREATE_PAGE, { page: toPageInput(page, context.platform) }),
    ...titleRefusals(page.title, 'page'),
  ];
  return { name: page.title || page.handle || page.sourceId, reasons };
}

function checkBlogPost(post: BlogPostRecord, context: CheckContext): Check {
  const article = toArticleInput(post, context.platform, {
    blogId: placeholder('Blog', BLOG.handle),
    withImage: !post.image || !context.unreachableImages.has(post.image.url),
  });
  const reasons = [...both(CREATE_ARTICLE, { article }), ...titleRefusals(post.title, 'post')];
  return { name: post.title || post.handle || post.sourceId, reasons };
}

function checkDiscount(discount: DiscountRecord, context: CheckContext): Check {
  const plan = toDiscountInput(discount, {
    platform: context.platform,
    productIds: new Map(
      discount.productSourceIds
        .filter((id) => context.productsInShopify.has(id))
        .map((id) => [id, placeholder('Product', id)]),
    ),
    collectionIds: new Map(
      discount.collectionSourceIds
        .filter((id) => context.collectionsInShopify.has(id))
        .map((id) => [id, placeholder('Collection', id)]),
    ),
    customersFor: new Map(
      discount.allowedCustomers
        .map(allowedAddressKey)
        .filter((address) => context.addressesWithCustomers.has(address))
        .map((address) => [address, [placeholder('Customer', address)]]),
    ),
    catalog: context.couponCatalog,
    broaderCoupons: context.broaderCoupons,
  });
  const name = discount.code;
  // A coupon with nothing left to redeem is rightly left out: the write skips it with its reason.
  if (plan.kind === 'skip') return { name, reasons: [] };
  if (plan.kind === 'refuse' && plan.forWantOfCustomers) {
    return {
      name,
      reasons: [
        `${plan.reason} (The dry run knows the customers migrations move; one your store already has with such an address would do.)`,
      ],
    };
  }
  if (plan.kind === 'refuse') return { name, reasons: [plan.reason] };
  // The write sends a code's customers and products 250 a request; the first request is what is checked.
  const reasons = both(plan.kind === 'basic' ? DISCOUNT_BASIC_CREATE : DISCOUNT_FREE_SHIPPING_CREATE, {
    discount: inChunks(plan.discount).first,
  });
  if (discount.code.trim() === '') reasons.push('The coupon has no code; Shopify needs one.');
  const first = context.firstWithCode.get(discount.code.trim().toLowerCase());
  if (first && first !== discount.sourceId) {
    reasons.push(
      `Coupon ${first} has the same code; Shopify's codes are unique in a store whatever their case, so this one would be refused as taken.`,
    );
  }
  return { name, reasons };
}

function checkReview(review: ReviewRecord, context: CheckContext): Check {
  const name = `${review.rating}★ by ${review.author || 'an anonymous reviewer'}`;
  const product = review.productSourceId;
  const fate = context.productsLeftOut.get(product);
  if (fate?.status === 'invalid') {
    return {
      name,
      reasons: [
        `Product ${product} cannot move to Shopify (${fate.reason ?? 'its record is invalid'}), so this review has no product to go on.`,
      ],
    };
  }
  if (fate) {
    const why = context.productsChosen
      ? 'is not in this migration'
      : 'is not in Shopify and products are not part of this migration';
    return { name, reasons: [`Product ${product} ${why}, so this review has no product to go on.`] };
  }
  const { metafields } = productReviewMetafields(placeholder('Product', product), [review]);
  return { name, reasons: both(PRODUCT_REVIEWS_SET, { metafields }) };
}

/** One staged record against Shopify's rules: what it is called and every reason Shopify would refuse it. */
export function checkRecord(entity: string, data: unknown, context: CheckContext): Check {
  switch (entity) {
    case 'collections':
      return checkCollection(data as CollectionRecord, context);
    case 'products':
      return checkProduct(data as ProductRecord, context);
    case 'customers':
      return checkCustomer(data as CustomerRecord, context);
    case 'orders':
      return checkOrder(data as OrderRecord, context);
    case 'pages':
      return checkPage(data as PageRecord, context);
    case 'blogPosts':
      return checkBlogPost(data as BlogPostRecord, context);
    case 'discounts':
      return checkDiscount(data as DiscountRecord, context);
    case 'reviews':
      return checkReview(data as ReviewRecord, context);
    default:
      throw new Error(`The dry run has no check for ${entity}`);
  }
}

/**
 * The 301 a record's old URL will become, against urlRedirectCreate's rules that need no lookup (a
 * path already redirected in the store is only known by asking it). Null when the record had no URL.
 */
export function checkRedirect(data: { sourcePath?: string | null }): Check | null {
  if (!data.sourcePath?.trim()) return null;
  const from = redirectPath(data.sourcePath);
  const reasons = schemaRefusals(CREATE_REDIRECT, { urlRedirect: { path: from, target: '/' } });
  if (from === '/')
    reasons.push(`The old URL ${data.sourcePath} is the store's home page; Shopify cannot redirect it.`);
  if (from.length > MAX_REDIRECT_PATH)
    reasons.push(`The old URL has ${from.length} characters; Shopify redirects paths of at most ${MAX_REDIRECT_PATH}.`);
  if (/^\/admin(\/|$|\?)/i.test(from))
    reasons.push(`The old URL ${from} is under /admin, which Shopify keeps for its admin and never redirects.`);
  return { name: from, reasons };
}
