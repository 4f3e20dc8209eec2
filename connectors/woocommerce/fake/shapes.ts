// The JSON shapes the WooCommerce test server answers with, as in WooCommerce's REST API v3
// documentation (see /work/shared/reference/woocommerce-rest-v3-examples), plus builders that
// fill every documented field so tests only spell out what matters to them.

export interface WooImage {
  id: number;
  date_created: string;
  date_created_gmt: string;
  date_modified: string;
  date_modified_gmt: string;
  src: string;
  name: string;
  alt: string;
}

export interface WooMeta {
  id: number;
  key: string;
  value: unknown;
}

export interface WooProductAttribute {
  id: number;
  name: string;
  position: number;
  visible: boolean;
  variation: boolean;
  options: string[];
}

export interface WooTermRef {
  id: number;
  name: string;
  slug: string;
}

/** Fields shared by products and variations. */
export interface WooSellable {
  id: number;
  date_created: string;
  date_created_gmt: string;
  date_modified: string;
  date_modified_gmt: string;
  description: string;
  permalink: string;
  sku: string;
  global_unique_id: string;
  price: string;
  regular_price: string;
  sale_price: string;
  date_on_sale_from: string | null;
  date_on_sale_from_gmt: string | null;
  date_on_sale_to: string | null;
  date_on_sale_to_gmt: string | null;
  on_sale: boolean;
  status: string;
  purchasable: boolean;
  virtual: boolean;
  downloadable: boolean;
  downloads: { id: string; name: string; file: string }[];
  download_limit: number;
  download_expiry: number;
  tax_status: string;
  tax_class: string;
  manage_stock: boolean | 'parent';
  stock_quantity: number | null;
  stock_status: string;
  backorders: 'no' | 'notify' | 'yes';
  backorders_allowed: boolean;
  backordered: boolean;
  weight: string;
  dimensions: { length: string; width: string; height: string };
  shipping_class: string;
  shipping_class_id: number;
  menu_order: number;
  meta_data: WooMeta[];
}

export interface WooProduct extends WooSellable {
  name: string;
  slug: string;
  type: 'simple' | 'variable' | 'grouped' | 'external';
  featured: boolean;
  catalog_visibility: string;
  short_description: string;
  price_html: string;
  total_sales: number;
  external_url: string;
  button_text: string;
  sold_individually: boolean;
  shipping_required: boolean;
  shipping_taxable: boolean;
  reviews_allowed: boolean;
  average_rating: string;
  rating_count: number;
  related_ids: number[];
  upsell_ids: number[];
  cross_sell_ids: number[];
  parent_id: number;
  purchase_note: string;
  categories: WooTermRef[];
  tags: WooTermRef[];
  images: WooImage[];
  attributes: WooProductAttribute[];
  default_attributes: { id: number; name: string; option: string }[];
  variations: number[];
  grouped_products: number[];
}

export interface WooVariation extends WooSellable {
  image: WooImage | null;
  attributes: { id: number; name: string; option: string }[];
}

export interface WooCategory {
  id: number;
  name: string;
  slug: string;
  parent: number;
  description: string;
  display: string;
  image: WooImage | null;
  menu_order: number;
  count: number;
}

/** A date as WordPress sends it: "2024-01-01T10:00:00", no zone. */
export function wpDate(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/** The store's local time and GMT, the pair WooCommerce sends for every date. */
export function datePair(gmt: Date, offsetMinutes: number): { local: string; gmt: string } {
  return { local: wpDate(new Date(gmt.getTime() + offsetMinutes * 60_000)), gmt: wpDate(gmt) };
}

export function image(id: number, src: string, alt: string, at: Date, offsetMinutes: number): WooImage {
  const date = datePair(at, offsetMinutes);
  const name = src.slice(src.lastIndexOf('/') + 1).replace(/\.\w+$/, '');
  return {
    id,
    date_created: date.local,
    date_created_gmt: date.gmt,
    date_modified: date.local,
    date_modified_gmt: date.gmt,
    src,
    name,
    alt,
  };
}

export function sellable(id: number, created: Date, modified: Date, offsetMinutes: number): WooSellable {
  const createdAt = datePair(created, offsetMinutes);
  const modifiedAt = datePair(modified, offsetMinutes);
  return {
    id,
    date_created: createdAt.local,
    date_created_gmt: createdAt.gmt,
    date_modified: modifiedAt.local,
    date_modified_gmt: modifiedAt.gmt,
    description: '',
    permalink: '',
    sku: '',
    global_unique_id: '',
    price: '',
    regular_price: '',
    sale_price: '',
    date_on_sale_from: null,
    date_on_sale_from_gmt: null,
    date_on_sale_to: null,
    date_on_sale_to_gmt: null,
    on_sale: false,
    status: 'publish',
    purchasable: true,
    virtual: false,
    downloadable: false,
    downloads: [],
    download_limit: -1,
    download_expiry: -1,
    tax_status: 'taxable',
    tax_class: '',
    manage_stock: false,
    stock_quantity: null,
    stock_status: 'instock',
    backorders: 'no',
    backorders_allowed: false,
    backordered: false,
    weight: '',
    dimensions: { length: '', width: '', height: '' },
    shipping_class: '',
    shipping_class_id: 0,
    menu_order: 0,
    meta_data: [],
  };
}

export function product(
  base: WooSellable,
  fields: Partial<WooProduct> & Pick<WooProduct, 'name' | 'slug' | 'type'>,
): WooProduct {
  return {
    ...base,
    featured: false,
    catalog_visibility: 'visible',
    short_description: '',
    price_html: '',
    total_sales: 0,
    external_url: '',
    button_text: '',
    sold_individually: false,
    shipping_required: true,
    shipping_taxable: true,
    reviews_allowed: true,
    average_rating: '0.00',
    rating_count: 0,
    related_ids: [],
    upsell_ids: [],
    cross_sell_ids: [],
    parent_id: 0,
    purchase_note: '',
    categories: [],
    tags: [],
    images: [],
    attributes: [],
    default_attributes: [],
    variations: [],
    grouped_products: [],
    ...fields,
  };
}

/** What WooCommerce derives from regular and sale price: the current price and whether a sale runs. */
export function withPrices<T extends WooSellable>(item: T, regular: string, sale: string, now: Date): T {
  const from = item.date_on_sale_from_gmt ? new Date(`${item.date_on_sale_from_gmt}Z`) : null;
  const to = item.date_on_sale_to_gmt ? new Date(`${item.date_on_sale_to_gmt}Z`) : null;
  const onSale = sale !== '' && (!from || from <= now) && (!to || to >= now);
  return { ...item, regular_price: regular, sale_price: sale, price: onSale ? sale : regular, on_sale: onSale };
}
