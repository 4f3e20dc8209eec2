// The canonical model: what every connector turns its platform's records into, and all the
// migration pipeline ever reads. Nothing here knows about Shopify or any one source platform.
import { z } from 'zod';

/** A money amount as a decimal string ("19.99"), never a float. */
export const Money = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal amount such as 19.99');
const Timestamp = z.iso.datetime({ offset: true });
const Email = z.string().trim().toLowerCase();

export const Image = z.object({
  sourceId: z.string(),
  url: z.url(),
  alt: z.string().default(''),
  position: z.number().int().nonnegative(),
});

/** A product option (variation axis) and its values, in the source's order. */
export const Option = z.object({
  name: z.string().min(1),
  values: z.array(z.string().min(1)).min(1),
});

export const Variant = z.object({
  sourceId: z.string(),
  sku: z.string().nullable(),
  barcode: z.string().nullable().default(null),
  /** What the shopper pays now: the sale price while a sale runs, else the regular price. */
  price: Money,
  /** The regular price when a sale makes it higher than `price`. */
  compareAtPrice: Money.nullable().default(null),
  /** The sale's schedule, when the source has one. */
  saleStartsAt: Timestamp.nullable().default(null),
  saleEndsAt: Timestamp.nullable().default(null),
  optionValues: z.array(z.object({ option: z.string(), value: z.string() })),
  /** null: the source does not track stock for this variant. */
  inventoryQuantity: z.number().int().nullable(),
  /** Whether shoppers may order when it is out of stock (backorders). */
  continueSellingWhenOutOfStock: z.boolean().default(false),
  weight: z
    .object({ value: z.number().nonnegative(), unit: z.enum(['g', 'kg', 'lb', 'oz']) })
    .nullable()
    .default(null),
  dimensions: z
    .object({ length: z.number(), width: z.number(), height: z.number(), unit: z.enum(['mm', 'cm', 'm', 'in', 'yd']) })
    .nullable()
    .default(null),
  taxable: z.boolean().default(true),
  requiresShipping: z.boolean().default(true),
  imageSourceId: z.string().nullable().default(null),
  /**
   * Set only when the source sold one item in any value of some options (WooCommerce: a variation
   * left "any Size"), and this variant is one of those made from it: the source item and the options
   * it left open. Its stock is the source item's, shared out (see the connector).
   */
  madeFrom: z.object({ sourceId: z.string(), open: z.array(z.string()).min(1) }).optional(),
});

/**
 * An old listing page that showed the record: a tag's page (`tag` named; WooCommerce
 * /product-tag/organic/, WordPress /tag/linen/ or /category/journal/) or the whole catalog or blog
 * (`tag` null; WooCommerce's shop page), for a redirect to the target's listing of the same.
 */
export const Listing = z.object({ path: z.string().startsWith('/'), tag: z.string().min(1).nullable() });

/**
 * What a metafield's value is, in the source's terms: one line of text, several lines, a list of
 * one-line texts (a JSON array of strings), a whole or decimal number, true or false, a date
 * (2025-01-31), a date and time (ISO 8601), a web address, or JSON. The target names its own types.
 */
export const MetafieldKind = z.enum([
  'text',
  'multiLineText',
  'textList',
  'integer',
  'decimal',
  'boolean',
  'date',
  'dateTime',
  'url',
  'json',
]);
export type MetafieldKind = z.infer<typeof MetafieldKind>;

/**
 * Records staged before decision 0031 named the kind in the target's metafield types (the only two
 * a connector wrote); read them the same.
 */
const KIND_OF_STAGED_TYPE: Record<string, MetafieldKind> = {
  'list.single_line_text_field': 'textList',
  multi_line_text_field: 'multiLineText',
};

function withKind(field: unknown): unknown {
  if (typeof field !== 'object' || field === null || !('type' in field) || 'kind' in field) return field;
  const { type, ...rest } = field as { type: unknown };
  return typeof type === 'string' && type in KIND_OF_STAGED_TYPE ? { ...rest, kind: KIND_OF_STAGED_TYPE[type] } : field;
}

/** Structured data the source keeps with the record besides the model's fields (attributes that are not options, …). */
export const Metafield = z.preprocess(
  withKind,
  z.object({
    namespace: z.string().min(1),
    key: z.string().min(1),
    kind: MetafieldKind,
    value: z.string(),
  }),
);

export const Seo = z.object({
  title: z.string().nullable().default(null),
  description: z.string().nullable().default(null),
});

export const Product = z
  .object({
    sourceId: z.string(),
    /** The source's own kind (WooCommerce: simple, variable, grouped, external…), for the report. */
    sourceType: z.string(),
    title: z.string().min(1),
    handle: z.string(),
    descriptionHtml: z.string().default(''),
    vendor: z.string().nullable().default(null),
    productType: z.string().nullable().default(null),
    /** Whether the source offers it: active (on sale), draft (not yet, or not to everyone), archived (no longer). */
    status: z.enum(['active', 'draft', 'archived']),
    tags: z.array(z.string()).default([]),
    options: z.array(Option),
    /** At least one, except for a grouped product (`groupOf`), which sells nothing itself. */
    variants: z.array(Variant),
    images: z.array(Image).default([]),
    /** Source ids of the collections (categories) the product belongs to. */
    collectionSourceIds: z.array(z.string()).default([]),
    seo: Seo.default({ title: null, description: null }),
    /** The product's path on the old store ("/product/blue-mug/"), for its redirect. */
    sourcePath: z.string().nullable().default(null),
    metafields: z.array(Metafield).default([]),
    createdAt: Timestamp.nullable().default(null),
    updatedAt: Timestamp.nullable().default(null),
    /**
     * Published at the source but kept out of its catalog and search (WooCommerce: catalog visibility
     * "hidden"); set only when true, so older records hash the same.
     */
    hidden: z.literal(true).optional(),
    /**
     * An affiliate product (WooCommerce: external): shoppers buy it on another site, through a button
     * with this text. Nobody can pay for it in the old store, so it must not become sellable. Set only then.
     */
    soldElsewhere: z.object({ url: z.string(), buttonText: z.string() }).optional(),
    /** Files a buyer may download after paying (links, never the files); set only when there are any. */
    downloads: z
      .array(z.object({ name: z.string(), url: z.string() }))
      .min(1)
      .optional(),
    /**
     * Options the source offered shoppers but no variation chose a value of (every one sold in "any").
     * Set only when there are any.
     */
    openOptions: z
      .array(z.object({ name: z.string(), values: z.array(z.string()) }))
      .min(1)
      .optional(),
    /** The listing pages that showed it at the source, for their redirects; set only when there are any. */
    listedAt: z.array(Listing).min(1).optional(),
    /**
     * A grouped product (WooCommerce: grouped): a page offering these products (source ids), each sold
     * on its own; it has no variants of its own. Set only for one.
     */
    groupOf: z.array(z.string()).optional(),
  })
  .refine((product) => product.groupOf !== undefined || product.variants.length > 0, {
    path: ['variants'],
    message: 'Too small: expected array to have >=1 items',
  });

export const Collection = z.object({
  sourceId: z.string(),
  title: z.string().min(1),
  handle: z.string(),
  descriptionHtml: z.string().default(''),
  parentSourceId: z.string().nullable().default(null),
  image: Image.nullable().default(null),
  seo: Seo.default({ title: null, description: null }),
  sourcePath: z.string().nullable().default(null),
  sortOrder: z.number().int().default(0),
  /** Hidden from shoppers at the source (WooCommerce categories never are); set only when true. */
  hidden: z.literal(true).optional(),
});

export const Address = z.object({
  firstName: z.string().nullable().default(null),
  lastName: z.string().nullable().default(null),
  company: z.string().nullable().default(null),
  address1: z.string().nullable().default(null),
  address2: z.string().nullable().default(null),
  city: z.string().nullable().default(null),
  /** The region as the source wrote it (WooCommerce sends its own state code, "JP13"). */
  province: z.string().nullable().default(null),
  /** The region as an ISO 3166-2 code ("JP-13", "US-ME"), when the connector knows the source's codes. */
  provinceCode: z.string().nullable().default(null),
  zip: z.string().nullable().default(null),
  /** ISO 3166-1 alpha-2. */
  countryCode: z.string().length(2).nullable().default(null),
  phone: z.string().nullable().default(null),
});

export const Customer = z.object({
  sourceId: z.string(),
  email: Email.nullable(),
  phone: z.string().nullable().default(null),
  firstName: z.string().nullable().default(null),
  lastName: z.string().nullable().default(null),
  addresses: z.array(Address.extend({ kind: z.enum(['billing', 'shipping', 'other']) })).default([]),
  defaultAddressIndex: z.number().int().nullable().default(null),
  /** The country the source store sells from (WooCommerce's base location): a phone without a country prefix and without an address country was typed there. */
  storeCountryCode: z.string().length(2).nullable().default(null),
  tags: z.array(z.string()).default([]),
  note: z.string().nullable().default(null),
  locale: z.string().nullable().default(null),
  /** Email marketing consent, in the words of the target's consent model (Shopify's CustomerEmailMarketingState and MarketingOptInLevel, lower case). */
  emailMarketing: z
    .object({
      state: z.enum(['subscribed', 'not_subscribed', 'unsubscribed']),
      optInLevel: z.enum(['single_opt_in', 'confirmed_opt_in', 'unknown']).default('unknown'),
      consentUpdatedAt: Timestamp.nullable().default(null),
    })
    .nullable()
    .default(null),
  totalSpent: Money.nullable().default(null),
  ordersCount: z.number().int().nullable().default(null),
  createdAt: Timestamp.nullable().default(null),
  updatedAt: Timestamp.nullable().default(null),
});

export const TaxLine = z.object({ title: z.string(), rate: z.number().nullable(), amount: Money });

export const LineItem = z.object({
  sourceId: z.string(),
  productSourceId: z.string().nullable(),
  variantSourceId: z.string().nullable(),
  sku: z.string().nullable().default(null),
  title: z.string(),
  quantity: z.number().int().positive(),
  /** Price of one unit before discounts. */
  price: Money,
  discount: Money.default('0'),
  taxLines: z.array(TaxLine).default([]),
  /** What the shopper chose on the line, as labels ("Size": "Large"): the values a variation sold in any value leaves to the shopper. */
  chosenOptions: z.array(z.object({ name: z.string(), value: z.string() })).default([]),
});

export const Order = z.object({
  sourceId: z.string(),
  number: z.string(),
  customerSourceId: z.string().nullable(),
  email: Email.nullable().default(null),
  currency: z.string().length(3),
  /** The source's own status word (WooCommerce: processing, completed, refunded…). */
  sourceStatus: z.string(),
  lineItems: z.array(LineItem),
  shippingLines: z
    .array(z.object({ title: z.string(), price: Money, taxLines: z.array(TaxLine).default([]) }))
    .default([]),
  /** Fees on the order besides its products and shipping ("Gift wrapping"), with their taxes; a negative one is a discount. */
  feeLines: z
    .array(z.object({ sourceId: z.string(), title: z.string(), price: Money, taxLines: z.array(TaxLine).default([]) }))
    .default([]),
  /** `freeShipping`: whether the code gave free shipping (null: the source does not say); its amount is what it took off the items, often 0 then. */
  discountCodes: z
    .array(z.object({ code: z.string(), amount: Money, freeShipping: z.boolean().nullable().default(null) }))
    .default([]),
  /** How the order was paid at the source: the gateway, as the shopper saw it, and the gateway's own id for the payment. */
  payment: z
    .object({
      gateway: z.string(),
      title: z.string().nullable().default(null),
      transactionId: z.string().nullable().default(null),
    })
    .nullable()
    .default(null),
  billingAddress: Address.nullable().default(null),
  shippingAddress: Address.nullable().default(null),
  /** The country the source store sells from (WooCommerce's base location): a phone without a country prefix and without an address country was typed there. */
  storeCountryCode: z.string().length(2).nullable().default(null),
  subtotal: Money,
  totalTax: Money,
  total: Money,
  refunds: z
    .array(
      z.object({
        sourceId: z.string(),
        amount: Money,
        reason: z.string().nullable().default(null),
        createdAt: Timestamp.nullable().default(null),
      }),
    )
    .default([]),
  notes: z
    .array(
      z.object({
        body: z.string(),
        createdAt: Timestamp.nullable().default(null),
        customerVisible: z.boolean().default(false),
      }),
    )
    .default([]),
  processedAt: Timestamp,
  updatedAt: Timestamp.nullable().default(null),
});

/**
 * What the source platform itself uses a page for: its shop, cart, checkout and account pages, its
 * terms, or the privacy and refund policies. What becomes of each is the target's to decide.
 */
export const StorePage = z.enum(['shop', 'cart', 'checkout', 'my-account', 'terms', 'privacy', 'refund']);
export type StorePage = z.infer<typeof StorePage>;

/** Who may read a page or post at the source besides everyone: `password`, those who have its password. */
export const Access = z.enum(['password']);

/** Records staged before decision 0031 said `passwordProtected: true`: read as `access: 'password'`. */
function withAccess(record: unknown): unknown {
  if (typeof record !== 'object' || record === null || !('passwordProtected' in record)) return record;
  const { passwordProtected, ...rest } = record as { passwordProtected: unknown };
  return passwordProtected === true && !('access' in rest) ? { ...rest, access: 'password' } : rest;
}

const PageFields = z.object({
  sourceId: z.string(),
  title: z.string(),
  handle: z.string(),
  bodyHtml: z.string(),
  published: z.boolean(),
  publishedAt: Timestamp.nullable().default(null),
  sourcePath: z.string().nullable().default(null),
  seo: Seo.default({ title: null, description: null }),
  /** Who could read it at the source, when not everyone (set only then, so older records hash the same). */
  access: Access.optional(),
  /** Set only for a page the store itself uses (see StorePage), so older records hash the same. */
  storePage: StorePage.optional(),
});

export const Page = z.preprocess(withAccess, PageFields);

const BlogPostFields = z.object({
  sourceId: z.string(),
  title: z.string(),
  handle: z.string(),
  bodyHtml: z.string(),
  excerptHtml: z.string().nullable().default(null),
  author: z.string().nullable().default(null),
  tags: z.array(z.string()).default([]),
  image: Image.nullable().default(null),
  published: z.boolean(),
  publishedAt: Timestamp.nullable().default(null),
  sourcePath: z.string().nullable().default(null),
  seo: Seo.default({ title: null, description: null }),
  /** Who could read it at the source, when not everyone (set only then, so older records hash the same). */
  access: Access.optional(),
  /** Its category and tag pages at the source, for their redirects; set only when there are any. */
  listedAt: z.array(Listing).min(1).optional(),
});

export const BlogPost = z.preprocess(withAccess, BlogPostFields);

/**
 * A customer a discount is limited to, by email: an `email` address, or a `pattern` in which `*`
 * stands for any run of characters ("*@example.com": everyone with an address at example.com).
 */
export const AllowedCustomer = z.object({ kind: z.enum(['email', 'pattern']), value: z.string().min(1) });
export type AllowedCustomer = z.infer<typeof AllowedCustomer>;

const DiscountFields = z.object({
  sourceId: z.string(),
  code: z.string().min(1),
  /** The source's own kind (WooCommerce: percent, fixed_cart, fixed_product). */
  sourceType: z.string(),
  value: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('percentage'), percent: z.number().min(0).max(100) }),
    z.object({ kind: z.literal('fixed_amount'), amount: Money, appliesOncePerOrder: z.boolean() }),
  ]),
  freeShipping: z.boolean().default(false),
  usageLimit: z.number().int().nullable().default(null),
  usageLimitPerCustomer: z.number().int().nullable().default(null),
  minimumSubtotal: Money.nullable().default(null),
  productSourceIds: z.array(z.string()).default([]),
  collectionSourceIds: z.array(z.string()).default([]),
  startsAt: Timestamp.nullable().default(null),
  endsAt: Timestamp.nullable().default(null),
  /** How often it was used on the old store, so a limited code keeps only the uses it has left. */
  timesUsed: z.number().int().nonnegative().default(0),
  /** false: it may not be used together with any other code (WooCommerce: individual use). */
  combinesWithOtherCodes: z.boolean().default(true),
  /** Restrictions some platforms have and others lack; the writer says which it could not keep. */
  excludedProductSourceIds: z.array(z.string()).default([]),
  excludedCollectionSourceIds: z.array(z.string()).default([]),
  excludesSaleItems: z.boolean().default(false),
  maximumSubtotal: Money.nullable().default(null),
  /** The customers it is limited to, by their email (see AllowedCustomer); none: anyone. */
  allowedCustomers: z.array(AllowedCustomer).default([]),
  /** At most this many items of the cart are discounted. */
  itemLimit: z.number().int().positive().nullable().default(null),
  description: z.string().default(''),
});

/**
 * Records staged before the model said which entries are patterns (decision 0031) had `allowedEmails`
 * strings, in which a `*` made a pattern: read the same, so a code limited to customers never opens up.
 */
function withAllowedCustomers(record: unknown): unknown {
  if (typeof record !== 'object' || record === null || !('allowedEmails' in record) || 'allowedCustomers' in record)
    return record;
  const { allowedEmails, ...rest } = record as { allowedEmails: unknown };
  if (!Array.isArray(allowedEmails)) return record;
  return {
    ...rest,
    allowedCustomers: allowedEmails.map((value: unknown) => ({
      kind: typeof value === 'string' && value.includes('*') ? 'pattern' : 'email',
      value,
    })),
  };
}

export const Discount = z.preprocess(withAllowedCustomers, DiscountFields);

export const Review = z.object({
  sourceId: z.string(),
  productSourceId: z.string(),
  rating: z.number().int().min(1).max(5),
  author: z.string(),
  email: Email.nullable().default(null),
  bodyHtml: z.string(),
  verified: z.boolean().default(false),
  published: z.boolean().default(true),
  createdAt: Timestamp,
});

/** An old URL that must keep working: a redirect from `path` to whatever the target record becomes. */
export const Redirect = z.object({
  sourceId: z.string(),
  path: z.string().startsWith('/'),
  target: z.object({ entity: z.enum(['products', 'collections', 'pages', 'blogPosts']), sourceId: z.string() }),
});

/**
 * Whether shoppers could see it at the source: a product published there (not a draft, pending,
 * private or scheduled one) and not hidden from the catalog nor sold on another site; a collection unless hidden.
 * What the target makes of it (published on the merchant's sales channels, or not) is the pipeline's.
 */
export function visibleAtSource(record: {
  status?: 'active' | 'draft' | 'archived';
  hidden?: true;
  soldElsewhere?: unknown;
}): boolean {
  // An affiliate product was shown, but nobody could buy it there: published, it would be sold here.
  return (
    record.hidden !== true &&
    record.soldElsewhere === undefined &&
    (record.status === undefined || record.status === 'active')
  );
}

export const ENTITY_SCHEMAS = {
  products: Product,
  collections: Collection,
  customers: Customer,
  orders: Order,
  pages: Page,
  blogPosts: BlogPost,
  discounts: Discount,
  reviews: Review,
  redirects: Redirect,
} as const;

export type Entity = keyof typeof ENTITY_SCHEMAS;
export const ENTITIES = Object.keys(ENTITY_SCHEMAS) as Entity[];
export type CanonicalRecord<E extends Entity> = z.infer<(typeof ENTITY_SCHEMAS)[E]>;
export type ProductRecord = z.infer<typeof Product>;
export type CollectionRecord = z.infer<typeof Collection>;
export type CustomerRecord = z.infer<typeof Customer>;
export type OrderRecord = z.infer<typeof Order>;
export type DiscountRecord = z.infer<typeof Discount>;
export type ReviewRecord = z.infer<typeof Review>;
