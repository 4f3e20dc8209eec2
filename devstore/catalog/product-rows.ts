// Reading products and variants from devstore's tables, as rows the output objects are built from.
import type { Pool, PoolClient } from 'pg';

export interface OptionValue {
  id: string;
  name: string;
}

export interface ProductOption {
  id: string;
  name: string;
  position: number;
  values: OptionValue[];
}

export interface ProductRow {
  id: string;
  shop: string;
  handle: string;
  title: string;
  description_html: string;
  vendor: string;
  product_type: string;
  status: string;
  tags: string[];
  seo_title: string | null;
  seo_description: string | null;
  options: ProductOption[];
  created_at: Date;
  updated_at: Date;
}

export interface SelectedOption {
  name: string;
  value: string;
}

export interface VariantRow {
  id: string;
  shop: string;
  product_id: string;
  inventory_item_id: string;
  position: number;
  title: string;
  sku: string | null;
  barcode: string | null;
  price: string;
  compare_at_price: string | null;
  taxable: boolean;
  inventory_policy: string;
  tracked: boolean;
  requires_shipping: boolean;
  selected_options: SelectedOption[];
  created_at: Date;
  updated_at: Date;
}

type Db = Pool | PoolClient;

export async function productsByIds(db: Db, shop: string, ids: string[]): Promise<Map<string, ProductRow>> {
  if (!ids.length) return new Map();
  const { rows } = await db.query<ProductRow>(
    'SELECT * FROM devstore.products WHERE shop = $1 AND id = ANY($2::bigint[])',
    [shop, ids],
  );
  return new Map(rows.map((row) => [String(row.id), row]));
}

export async function productById(db: Db, shop: string, id: string): Promise<ProductRow | undefined> {
  return (await productsByIds(db, shop, [id])).get(id);
}

export async function productByHandle(db: Db, shop: string, handle: string): Promise<ProductRow | undefined> {
  const { rows } = await db.query<ProductRow>('SELECT * FROM devstore.products WHERE shop = $1 AND handle = $2', [
    shop,
    handle,
  ]);
  return rows[0];
}

export async function variantsByProducts(
  db: Db,
  shop: string,
  productIds: string[],
): Promise<Map<string, VariantRow[]>> {
  const found = new Map<string, VariantRow[]>(productIds.map((id) => [id, []]));
  if (!productIds.length) return found;
  const { rows } = await db.query<VariantRow>(
    'SELECT * FROM devstore.variants WHERE shop = $1 AND product_id = ANY($2::bigint[]) ORDER BY product_id, position',
    [shop, productIds],
  );
  for (const row of rows) found.get(String(row.product_id))?.push(row);
  return found;
}

export async function variantsByIds(db: Db, shop: string, ids: string[]): Promise<Map<string, VariantRow>> {
  if (!ids.length) return new Map();
  const { rows } = await db.query<VariantRow>(
    'SELECT * FROM devstore.variants WHERE shop = $1 AND id = ANY($2::bigint[])',
    [shop, ids],
  );
  return new Map(rows.map((row) => [String(row.id), row]));
}
