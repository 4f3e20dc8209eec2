// The WooCommerce REST v3 and WordPress routes the test server answers, with the query parameters
// WooCommerce documents for them (type, status, modified_after with dates_are_gmt, orderby, order).
import type { Catalog } from './catalog.ts';
import { GLOBAL_ATTRIBUTES } from './catalog.ts';
import type { JsonReply } from './pagination.ts';
import { listReply, pageReply, readPage, wooError } from './pagination.ts';
import { orderRefunds, reviewStatusFilter } from './real-orders.ts';

type Dated = { date_modified?: unknown; date_modified_gmt?: unknown };

/** WooCommerce's modified_after: local store time unless dates_are_gmt=true. */
function modifiedFilter(url: URL): ((record: Dated) => boolean) | JsonReply | null {
  const value = url.searchParams.get('modified_after');
  if (value === null) return null;
  const after = Date.parse(`${value.slice(0, 19)}Z`);
  if (Number.isNaN(after))
    return wooError(400, 'rest_invalid_param', 'Invalid parameter(s): modified_after', {
      params: { modified_after: 'Invalid date.' },
    });
  const gmt = ['1', 'true'].includes(url.searchParams.get('dates_are_gmt') ?? '');
  return (record) => Date.parse(`${String(gmt ? record.date_modified_gmt : record.date_modified)}Z`) > after;
}

/** Indexes 1..count in the requested order; records were created in index order, so date and id agree. */
function ordered(count: number, keep: ((index: number) => boolean) | null, descending: boolean): number[] | null {
  if (!keep) return null;
  const indexes: number[] = [];
  for (let index = 1; index <= count; index++) if (keep(index)) indexes.push(index);
  return descending ? indexes.reverse() : indexes;
}

function indexedReply(
  url: URL,
  count: number,
  keep: ((index: number) => boolean) | null,
  build: (index: number) => unknown,
): JsonReply {
  const request = readPage(url);
  if (!('page' in request)) return request;
  const descending = (url.searchParams.get('order') ?? 'desc') === 'desc';
  const indexes = ordered(count, keep, descending);
  const total = indexes ? indexes.length : count;
  return pageReply(url, request, total, (offset, size) =>
    Array.from({ length: size }, (_, k) => {
      const position = offset + k;
      const index = indexes ? (indexes[position] ?? 0) : descending ? count - position : position + 1;
      return build(index);
    }),
  );
}

function links(catalog: Catalog, path: string, id: number): Record<string, { href: string }[]> {
  const base = `${catalog.store.siteUrl}/wp-json/wc/v3/${path}`;
  return { self: [{ href: `${base}/${id}` }], collection: [{ href: base }] };
}

function products(catalog: Catalog, url: URL): JsonReply {
  const modified = modifiedFilter(url);
  if (modified && typeof modified !== 'function') return modified;
  const type = url.searchParams.get('type');
  const status = url.searchParams.get('status') ?? 'any';
  const filtered = modified !== null || type !== null || status !== 'any';
  const keep = filtered
    ? (index: number) => {
        const { product } = catalog.productAt(index);
        return (
          (!type || product.type === type) &&
          (status === 'any' || product.status === status) &&
          (!modified || modified(product))
        );
      }
    : null;
  return indexedReply(url, catalog.productCount, keep, (index) => {
    const { product } = catalog.productAt(index);
    return { ...product, _links: links(catalog, 'products', product.id) };
  });
}

function variations(catalog: Catalog, url: URL, productId: number): JsonReply {
  const index = catalog.indexOfProduct(productId);
  if (index === null) return wooError(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
  const seeded = catalog.productAt(index);
  const request = readPage(url);
  if (!('page' in request)) return request;
  return pageReply(url, request, seeded.variationCount, (offset, count) =>
    Array.from({ length: count }, (_, k) => {
      const variation = seeded.variation(offset + k);
      return {
        ...variation,
        _links: {
          ...links(catalog, `products/${productId}/variations`, variation.id),
          up: [{ href: `${catalog.store.siteUrl}/wp-json/wc/v3/products/${productId}` }],
        },
      };
    }),
  );
}

function terms<T extends { id: number; name: string }>(url: URL, items: T[]): JsonReply {
  // WordPress lists terms by name unless asked otherwise.
  const orderby = url.searchParams.get('orderby') ?? 'name';
  const sorted = [...items].sort((a, b) => (orderby === 'id' ? a.id - b.id : a.name.localeCompare(b.name)));
  if ((url.searchParams.get('order') ?? 'asc') === 'desc') sorted.reverse();
  return listReply(url, sorted);
}

function dated(
  url: URL,
  count: number,
  build: (index: number) => Record<string, unknown>,
  supportsModified: boolean,
): JsonReply {
  const modified = supportsModified ? modifiedFilter(url) : null;
  if (modified && typeof modified !== 'function') return modified;
  return indexedReply(url, count, modified ? (index) => modified(build(index)) : null, build);
}

function systemStatus(catalog: Catalog): JsonReply {
  const { settings, store } = catalog;
  return {
    status: 200,
    body: {
      environment: {
        home_url: store.siteUrl,
        site_url: store.siteUrl,
        version: settings.version,
        wp_version: '6.7.1',
        wp_multisite: false,
        language: 'de_DE',
        server_info: 'nginx',
        php_version: '8.2.0',
        default_timezone: 'UTC',
      },
      database: { wc_database_version: settings.version },
      active_plugins: [],
      theme: { name: 'Storefront', version: '4.6.0' },
      settings: {
        api_enabled: true,
        force_ssl: false,
        currency: settings.currency,
        currency_symbol: '&euro;',
        currency_position: 'right_space',
        thousand_separator: '.',
        decimal_separator: ',',
        number_of_decimals: 2,
        geolocation_enabled: false,
        taxonomies: {},
      },
      security: { secure_connection: store.siteUrl.startsWith('https:'), hide_errors: true },
      pages: catalog.storePages(),
    },
  };
}

function productSettings(catalog: Catalog): JsonReply {
  const setting = (id: string, label: string, value: string, options: Record<string, string>) => ({
    id,
    label,
    description: '',
    type: 'select',
    default: Object.keys(options)[0],
    options,
    tip: '',
    value,
  });
  return {
    status: 200,
    body: [
      setting('woocommerce_weight_unit', 'Weight unit', catalog.settings.weightUnit, {
        kg: 'kg',
        g: 'g',
        lbs: 'lbs',
        oz: 'oz',
      }),
      setting('woocommerce_dimension_unit', 'Dimensions unit', catalog.settings.dimensionUnit, {
        m: 'm',
        cm: 'cm',
        mm: 'mm',
        in: 'in',
        yd: 'yd',
      }),
    ],
  };
}

/** General settings: only the base location, the option Shipyard reads (WooCommerce REST API v3, GET /settings/general). */
function generalSettings(catalog: Catalog): JsonReply {
  const option = {
    id: 'woocommerce_default_country',
    label: 'Country / State',
    description: '',
    type: 'single_select_country',
    default: 'US:CA',
    tip: '',
    value: catalog.settings.baseLocation,
  };
  return { status: 200, body: [option] };
}

/** The answer for a WooCommerce route (path after /wp-json/wc/v3), or null when there is none. */
export function wooRoute(catalog: Catalog, route: string, url: URL): JsonReply | null {
  const variationsOf = /^\/products\/(\d+)\/variations$/.exec(route);
  if (variationsOf) return variations(catalog, url, Number(variationsOf[1]));
  switch (route) {
    case '':
    case '/':
      return { status: 200, body: { namespace: 'wc/v3', routes: {} } };
    case '/system_status':
      return systemStatus(catalog);
    case '/settings/products':
      return productSettings(catalog);
    case '/settings/general':
      return generalSettings(catalog);
    case '/products':
      return products(catalog, url);
    case '/products/categories':
      return terms(
        url,
        catalog
          .categories()
          .map((category) => ({ ...category, _links: links(catalog, 'products/categories', category.id) })),
      );
    case '/products/tags':
      return terms(
        url,
        catalog.store.tags.map((tag) => ({ ...tag, _links: links(catalog, 'products/tags', tag.id) })),
      );
    case '/products/attributes':
      return {
        status: 200,
        body: GLOBAL_ATTRIBUTES.map((attribute) => ({
          ...attribute,
          _links: links(catalog, 'products/attributes', attribute.id),
        })),
      };
    case '/customers':
      return dated(url, catalog.counts.customers, (index) => catalog.customerAt(index), false);
    case '/orders':
      return dated(url, catalog.counts.orders, (index) => catalog.orderAt(index), true);
    case '/coupons':
      return dated(url, catalog.counts.coupons, (index) => catalog.couponAt(index), true);
    case '/products/reviews': {
      const status = reviewStatusFilter(url, (index) => catalog.reviewAt(index));
      return typeof status === 'function'
        ? indexedReply(url, catalog.counts.reviews, status, (index) => catalog.reviewAt(index))
        : status;
    }
  }
  const refundsOf = /^\/orders\/(\d+)\/refunds$/.exec(route);
  if (refundsOf) return orderRefunds(catalog, url, Number(refundsOf[1]));
  const category = /^\/products\/categories\/(\d+)$/.exec(route);
  if (category) {
    const found = catalog.categories().find((candidate) => candidate.id === Number(category[1]));
    return found
      ? { status: 200, body: { ...found, _links: links(catalog, 'products/categories', found.id) } }
      : wooError(404, 'woocommerce_rest_term_invalid', 'Resource does not exist.');
  }
  return null;
}

/** WordPress's own index at /wp-json/: the site's name and the namespaces it serves. */
export function wordpressIndex(catalog: Catalog, wooEnabled: boolean): JsonReply {
  const { siteUrl } = catalog.store;
  return {
    status: 200,
    body: {
      name: catalog.settings.name,
      description: 'Slow fashion from the north',
      url: siteUrl,
      home: siteUrl,
      gmt_offset: catalog.store.offsetMinutes / 60,
      timezone_string: '',
      namespaces: ['oembed/1.0', 'wp/v2', ...(wooEnabled ? ['wc/v3', 'wc/v2', 'wc/v1'] : [])],
      authentication: [],
      routes: {},
    },
  };
}
