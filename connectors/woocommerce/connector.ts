// The WooCommerce source connector: tests the connection, describes the store (version, currency,
// counts from X-WP-Total) and extracts each entity a page of 100 at a time, oldest id first, so a
// saved cursor ("page:7") resumes where a crashed job stopped. Pages and blog posts come from
// WordPress's own API (wp/v2): as a visitor (published only), or with the merchant's WordPress
// application password every status and the edit context: see wordpress-client.ts.
import { z } from 'zod';
import type { Entity, StorePage } from '../model.ts';
import type { ConnectorFactory, ConnectorOptions } from '../platform.ts';
import type {
  ConnectionCheck,
  ExtractedPage,
  ExtractOptions,
  SourceConnector,
  StoreDescription,
} from '../source-connector.ts';
import { SourceError } from '../source-connector.ts';
import { WooCommerceClient } from './client.ts';
import { WooCommerceCredentials, wordpressLogin } from './credentials.ts';
import { CategoryTree, mapCategory } from './map-collection.ts';
import { mapProduct, type StoreContext } from './map-product.ts';
import { mapPage, mapPost } from './map-content.ts';
import { mapCoupon, mapCustomer, mapOrder, mapReview } from './map-shop.ts';
import { WooCategory, WooRefund } from './responses.ts';
import { siteName, storeContext, storeCountry, storeFacts } from './store-facts.ts';
import { storePagesFromSettings } from './store-pages.ts';
import { WordPressClient } from './wordpress-client.ts';

const PER_PAGE = 100;
const VariableProduct = z.object({ id: z.number().int(), type: z.literal('variable') });
const RefundedOrder = z.object({ id: z.number().int(), refunds: z.array(z.unknown()).min(1) });

interface Source {
  endpoint: string;
  /** Whether WooCommerce filters this endpoint by modified_after (customers and reviews it does not). */
  filtersByModified: boolean;
  /** What the endpoint must be asked besides paging, to send every record that should move. */
  params?: Record<string, string>;
}

/** Where each canonical entity comes from in WooCommerce's API. */
const SOURCES: Partial<Record<Entity, Source>> = {
  products: { endpoint: 'products', filtersByModified: true },
  collections: { endpoint: 'products/categories', filtersByModified: false },
  customers: { endpoint: 'customers', filtersByModified: false },
  orders: { endpoint: 'orders', filtersByModified: true },
  discounts: { endpoint: 'coupons', filtersByModified: true },
  // WooCommerce sends only approved reviews unless asked ("status … Options: all, hold, approved, spam
  // and trash. Default is approved."); `all` is WordPress's approved and held ("awaiting moderation")
  // comments, never spam or trash (docs/decisions/0027-order-money-and-held-reviews.md).
  reviews: { endpoint: 'products/reviews', filtersByModified: false, params: { status: 'all' } },
};

/** Pages and blog posts live in WordPress (wp/v2), not in WooCommerce's API. */
const WORDPRESS_ROUTES: Partial<Record<Entity, string>> = { pages: 'pages', blogPosts: 'posts' };
/** The related objects a post carries with it, in the same request (WordPress 5.4+ names them; older ones embed all). */
const EMBED = 'author,wp:featuredmedia,wp:term';
/** What a WordPress login may read besides published items ("pending" review stays in WordPress). */
const LOGGED_IN_STATUSES = 'publish,draft,private,future';
/** An Editor or Administrator: sees everyone's drafts and private items, not just their own. */
const CONTENT_CAPABILITIES = ['edit_others_pages', 'edit_others_posts', 'read_private_pages', 'read_private_posts'];
const Me = z.object({ capabilities: z.record(z.string(), z.unknown()).optional() });

/** Products (and orders) whose variations (refunds) are fetched at the same time. */
const RELATED_CONCURRENCY = 6;

/**
 * The platform's factory, found by registry.server.ts by its name in this folder's connector.ts: the
 * credentials are checked here, so a bad form value fails with zod's message before any request.
 */
export const connect: ConnectorFactory = (credentials, options = {}) =>
  new WooCommerceConnector(WooCommerceCredentials.parse(credentials), options);

function pageFromCursor(cursor: string | null): number {
  if (cursor === null) return 1;
  const match = /^page:(\d+)$/.exec(cursor);
  if (!match) throw new Error(`"${cursor}" is not a WooCommerce cursor`);
  return Number(match[1]);
}

function asList(data: unknown, host: string, endpoint: string): unknown[] {
  if (!Array.isArray(data))
    throw new SourceError(
      'not-the-platform',
      `${host} answered /${endpoint} with something other than a list of records. Check the store address.`,
    );
  return data;
}

async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size)
    results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  return results;
}

export class WooCommerceConnector implements SourceConnector {
  readonly platform = 'woocommerce';
  private readonly credentials: WooCommerceCredentials;
  private readonly client: WooCommerceClient;
  private readonly wordpress: WordPressClient;
  private context: Promise<StoreContext> | null = null;
  private siteName: Promise<string> | null = null;
  private storeCountry: Promise<string | null> | null = null;
  private storePages: Promise<Map<number, StorePage>> | null = null;
  private readonly categories: CategoryTree;

  constructor(credentials: WooCommerceCredentials, options: ConnectorOptions = {}) {
    this.credentials = credentials;
    this.client = new WooCommerceClient(credentials, options);
    this.wordpress = new WordPressClient(credentials.url, options, wordpressLogin(credentials));
    this.categories = new CategoryTree(async (id) => {
      try {
        return (await this.client.get(`products/categories/${id}`)).data;
      } catch (error) {
        // A parent deleted since: the child is reported, the page goes on.
        if (error instanceof SourceError && error.problem === 'not-the-platform') return null;
        throw error;
      }
    });
  }

  async testConnection(): Promise<ConnectionCheck> {
    try {
      const description = await this.describeStore(false);
      await this.checkWordPressLogin();
      return { ok: true, description };
    } catch (error) {
      if (error instanceof SourceError)
        return {
          ok: false,
          problem: error.problem,
          message: error.message,
          ...(error.field ? { field: error.field } : {}),
        };
      throw error;
    }
  }

  /**
   * The WordPress user and application password, when given, are who WordPress says is logged in
   * (users/me), and may read everyone's drafts and private pages and posts.
   */
  private async checkWordPressLogin(): Promise<void> {
    const login = this.wordpress.login;
    if (!login) return;
    const me = Me.safeParse((await this.wordpress.get('users/me', { context: 'edit' }, { retry: false })).data);
    const capabilities = me.success ? (me.data.capabilities ?? {}) : {};
    const missing = CONTENT_CAPABILITIES.filter((capability) => capabilities[capability] !== true);
    if (missing.length > 0) {
      throw new SourceError(
        'forbidden',
        `The WordPress user “${login.user}” may not read other people’s drafts and private pages and posts (it lacks ${missing.join(', ')}). Use an Administrator’s or Editor’s application password, or leave both WordPress fields empty to move published pages and posts only.`,
        { field: 'wordpressUser' },
      );
    }
  }

  /** The query that makes WordPress send every status, with the edit context (a protected item's content), to a logged-in user. */
  private statusParams(): Record<string, string> {
    return this.wordpress.login ? { status: LOGGED_IN_STATUSES, context: 'edit' } : {};
  }

  describe(): Promise<StoreDescription> {
    return this.describeStore(true);
  }

  private async describeStore(retry: boolean): Promise<StoreDescription> {
    // One call first, so a store that cannot be reached fails once rather than once per entity.
    const facts = await storeFacts(this.client, this.credentials.url, retry);
    const entities = Object.entries(SOURCES) as [Entity, Source][];
    const totals = await Promise.all(
      entities.map(
        async ([, source]) =>
          (await this.client.get(source.endpoint, { per_page: 1, ...source.params }, { retry })).total ?? 0,
      ),
    );
    const content = await this.contentCounts(retry);
    return {
      platform: this.platform,
      version: facts.version,
      url: this.credentials.url,
      name: facts.name,
      currency: facts.currency,
      counts: { ...Object.fromEntries(entities.map(([entity], index) => [entity, totals[index] ?? 0])), ...content },
    };
  }

  /**
   * Published pages and posts (every status, with a WordPress login). A site whose plugins keep wp/v2
   * from visitors still connects (its WooCommerce data can move); the counts are left out, and
   * reading them says why.
   */
  private async contentCounts(retry: boolean): Promise<Partial<Record<Entity, number>>> {
    const counts: Partial<Record<Entity, number>> = {};
    for (const [entity, route] of Object.entries(WORDPRESS_ROUTES) as [Entity, string][]) {
      try {
        counts[entity] =
          (await this.wordpress.get(route, { per_page: 1, ...this.statusParams() }, { retry })).total ?? 0;
      } catch (error) {
        if (!(error instanceof SourceError) || error.retryable) throw error;
      }
    }
    return counts;
  }

  async extract(entity: Entity, cursor: string | null, options: ExtractOptions = {}): Promise<ExtractedPage> {
    const route = WORDPRESS_ROUTES[entity];
    if (route) return this.extractContent(entity, route, cursor, options);
    const source = SOURCES[entity];
    if (!source) throw new Error(`The WooCommerce connector does not extract ${entity}`);
    const page = pageFromCursor(cursor);
    const params: Record<string, string | number> = {
      page,
      per_page: PER_PAGE,
      orderby: 'id',
      order: 'asc',
      ...source.params,
    };
    if (options.modifiedAfter && source.filtersByModified) {
      params.modified_after = options.modifiedAfter.toISOString().slice(0, 19);
      // Without this WooCommerce compares against the store's local time.
      params.dates_are_gmt = 'true';
    }
    const answer = await this.client.get(source.endpoint, params);
    const rows = asList(answer.data, this.client.host, source.endpoint);
    const nextCursor = answer.totalPages !== null && page < answer.totalPages ? `page:${page + 1}` : null;
    return { records: await this.mapRows(entity, rows), nextCursor, total: answer.total };
  }

  /** One page of pages or posts, oldest first, with their author, featured image and terms. */
  private async extractContent(
    entity: Entity,
    route: string,
    cursor: string | null,
    options: ExtractOptions,
  ): Promise<ExtractedPage> {
    const page = pageFromCursor(cursor);
    const params: Record<string, string | number> = {
      page,
      per_page: PER_PAGE,
      orderby: 'id',
      order: 'asc',
      _embed: EMBED,
      ...this.statusParams(),
    };
    // WordPress 5.7+ filters by it (an older one ignores it, and the content hash skips what did not change); with a zone it is not the site's local time.
    if (options.modifiedAfter) params.modified_after = options.modifiedAfter.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const answer = await this.wordpress.get(route, params);
    const rows = asList(answer.data, this.wordpress.host, `wp-json/wp/v2/${route}`);
    const nextCursor = answer.totalPages !== null && page < answer.totalPages ? `page:${page + 1}` : null;
    this.siteName ??= siteName(this.credentials.url).then((name) => name ?? this.wordpress.host);
    const context = { siteName: await this.siteName };
    if (entity === 'pages') {
      this.storePages ??= storePagesFromSettings(this.client);
      const pageContext = { ...context, storePages: await this.storePages };
      return { records: rows.map((row) => mapPage(row, pageContext)), nextCursor, total: answer.total };
    }
    return { records: rows.map((row) => mapPost(row, context)), nextCursor, total: answer.total };
  }

  private async mapRows(entity: Entity, rows: unknown[]): Promise<ExtractedPage['records']> {
    switch (entity) {
      case 'products': {
        this.context ??= storeContext(this.client, this.credentials.url, this.wordpress);
        const context = await this.context;
        return inBatches(rows, RELATED_CONCURRENCY, async (row) =>
          mapProduct(row, await this.variationsOf(row), context),
        );
      }
      case 'collections':
        return this.mapCategories(rows);
      case 'customers': {
        const country = await this.baseCountry();
        return rows.map((row) => mapCustomer(row, country));
      }
      case 'orders': {
        const country = await this.baseCountry();
        return inBatches(rows, RELATED_CONCURRENCY, async (row) => mapOrder(row, await this.refundsOf(row), country));
      }
      case 'discounts':
        return rows.map(mapCoupon);
      case 'reviews':
        return rows.map(mapReview);
      default:
        throw new Error(`The WooCommerce connector does not extract ${entity}`);
    }
  }

  /** The store's country, read once; a failed read is tried again with the next page. */
  private baseCountry(): Promise<string | null> {
    this.storeCountry ??= storeCountry(this.client).catch((error: unknown) => {
      this.storeCountry = null;
      throw error;
    });
    return this.storeCountry;
  }

  private async mapCategories(rows: unknown[]): Promise<ExtractedPage['records']> {
    // Parents on this page are known before any child asks for its path.
    for (const row of rows) {
      const parsed = WooCategory.safeParse(row);
      if (parsed.success) this.categories.remember(parsed.data);
    }
    const records = [];
    for (const row of rows) records.push(await mapCategory(row, this.categories, this.credentials.url));
    return records;
  }

  /**
   * A refunded order's refunds with their dates: the order's own `refunds` list carries only id,
   * reason and total, `orders/<id>/refunds` the rest (WooCommerce REST API, "Order refunds").
   */
  private async refundsOf(row: unknown): Promise<WooRefund[]> {
    const order = RefundedOrder.safeParse(row);
    if (!order.success) return [];
    const refunds: WooRefund[] = [];
    for (let page = 1; ; page++) {
      const endpoint = `orders/${order.data.id}/refunds`;
      const answer = await this.client.get(endpoint, { page, per_page: PER_PAGE });
      for (const item of asList(answer.data, this.client.host, endpoint)) {
        const refund = WooRefund.safeParse(item);
        if (refund.success) refunds.push(refund.data);
      }
      if (answer.totalPages === null || page >= answer.totalPages) return refunds;
    }
  }

  /** Every variation of a variable product, page by page; nothing for other products. */
  private async variationsOf(row: unknown): Promise<unknown[]> {
    const product = VariableProduct.safeParse(row);
    if (!product.success) return [];
    const variations: unknown[] = [];
    for (let page = 1; ; page++) {
      const endpoint = `products/${product.data.id}/variations`;
      const answer = await this.client.get(endpoint, { page, per_page: PER_PAGE, orderby: 'id', order: 'asc' });
      variations.push(...asList(answer.data, this.client.host, endpoint));
      if (answer.totalPages === null || page >= answer.totalPages) return variations;
    }
  }
}
