// Writes a product and everything under it in one transaction, with few round trips: the shared
// back end of productSet, productCreate, productUpdate and the variant bulk mutations.
import type { PoolClient } from 'pg';
import { setLevel } from './inventory.ts';
import { writeMetafields, type MetafieldInput } from './metafields.ts';
import type { ProductOption, ProductRow, SelectedOption, VariantRow } from './product-rows.ts';

export interface ProductFields {
  title?: string;
  handle?: string;
  descriptionHtml?: string;
  vendor?: string;
  productType?: string;
  status?: string;
  tags?: string[];
  seoTitle?: string | null;
  seoDescription?: string | null;
  options?: ProductOption[];
}

export interface VariantPlan {
  /** Set when the variant already exists and is kept. */
  id?: string;
  /** Where it goes; by default its place in the list written. */
  position?: number;
  selectedOptions: SelectedOption[];
  price?: string | null;
  compareAtPrice?: string | null;
  sku?: string | null;
  barcode?: string | null;
  taxable?: boolean | null;
  inventoryPolicy?: string | null;
  tracked?: boolean | null;
  requiresShipping?: boolean | null;
  inventoryQuantities?: { locationId: string; name: string; quantity: number }[];
  metafields?: MetafieldInput[];
}

/** Ids from devstore's one sequence, for options and option values, in one query. */
export async function allocateIds(client: PoolClient, count: number): Promise<string[]> {
  if (count === 0) return [];
  const { rows } = await client.query<{ id: string }>(
    "SELECT nextval('devstore.object_ids')::text AS id FROM generate_series(1, $1)",
    [count],
  );
  return rows.map((row) => row.id);
}

export async function insertProduct(
  client: PoolClient,
  shop: string,
  fields: ProductFields & { title: string; handle: string },
): Promise<ProductRow> {
  const { rows } = await client.query<ProductRow>(
    `INSERT INTO devstore.products (shop, handle, title, description_html, vendor, product_type, status, tags, seo_title, seo_description, options)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
    [
      shop,
      fields.handle,
      fields.title,
      fields.descriptionHtml ?? '',
      fields.vendor ?? '',
      fields.productType ?? '',
      fields.status ?? 'ACTIVE',
      fields.tags ?? [],
      fields.seoTitle ?? null,
      fields.seoDescription ?? null,
      JSON.stringify(fields.options ?? []),
    ],
  );
  return rows[0] as ProductRow;
}

export async function updateProduct(client: PoolClient, id: string, fields: ProductFields): Promise<ProductRow> {
  const { rows } = await client.query<ProductRow>(
    `UPDATE devstore.products SET
       handle = coalesce($2, handle), title = coalesce($3, title), description_html = coalesce($4, description_html),
       vendor = coalesce($5, vendor), product_type = coalesce($6, product_type), status = coalesce($7, status), tags = coalesce($8, tags),
       seo_title = CASE WHEN $9::boolean THEN $10 ELSE seo_title END, seo_description = CASE WHEN $11::boolean THEN $12 ELSE seo_description END,
       options = coalesce($13, options), updated_at = now()
     WHERE id = $1 RETURNING *`,
    [
      id,
      fields.handle ?? null,
      fields.title ?? null,
      fields.descriptionHtml ?? null,
      fields.vendor ?? null,
      fields.productType ?? null,
      fields.status ?? null,
      fields.tags ?? null,
      fields.seoTitle !== undefined,
      fields.seoTitle ?? null,
      fields.seoDescription !== undefined,
      fields.seoDescription ?? null,
      fields.options ? JSON.stringify(fields.options) : null,
    ],
  );
  return rows[0] as ProductRow;
}

export function variantTitle(selected: SelectedOption[]): string {
  return selected.length ? selected.map((option) => option.value).join(' / ') : 'Default Title';
}

/**
 * Saves variants: kept ones (with id) are updated, new ones inserted, and with `replace` every
 * other variant of the product is deleted. Positions follow the order given, after `startAt`.
 */
export async function writeVariants(
  client: PoolClient,
  shop: string,
  productId: string,
  plans: VariantPlan[],
  replace: boolean,
  startAt = 0,
): Promise<VariantRow[]> {
  if (replace) {
    const kept = plans.flatMap((plan) => (plan.id ? [plan.id] : []));
    await client.query('DELETE FROM devstore.variants WHERE product_id = $1 AND NOT (id = ANY($2::bigint[]))', [
      productId,
      kept,
    ]);
  }
  const positionOf = (plan: VariantPlan) => plan.position ?? plans.indexOf(plan) + 1 + startAt;
  const columns = (list: VariantPlan[]) => [
    list.map((plan) => positionOf(plan)),
    list.map((plan) => variantTitle(plan.selectedOptions)),
    list.map((plan) => plan.sku ?? null),
    list.map((plan) => plan.barcode ?? null),
    list.map((plan) => plan.price ?? null),
    list.map((plan) => plan.compareAtPrice ?? null),
    list.map((plan) => plan.taxable ?? null),
    list.map((plan) => plan.inventoryPolicy ?? null),
    list.map((plan) => plan.tracked ?? null),
    list.map((plan) => plan.requiresShipping ?? null),
    list.map((plan) => JSON.stringify(plan.selectedOptions)),
  ];
  const saved: VariantRow[] = [];
  const existing = plans.filter((plan) => plan.id);
  if (existing.length) {
    const { rows } = await client.query<VariantRow>(
      `UPDATE devstore.variants v SET position = u.position, title = u.title, sku = coalesce(u.sku, v.sku), barcode = coalesce(u.barcode, v.barcode),
         price = coalesce(u.price, v.price), compare_at_price = coalesce(u.compare_at_price, v.compare_at_price), taxable = coalesce(u.taxable, v.taxable),
         inventory_policy = coalesce(u.inventory_policy, v.inventory_policy), tracked = coalesce(u.tracked, v.tracked),
         requires_shipping = coalesce(u.requires_shipping, v.requires_shipping), selected_options = u.selected_options, updated_at = now()
       FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::numeric[], $8::boolean[], $9::text[], $10::boolean[], $11::boolean[], $12::jsonb[])
         AS u(id, position, title, sku, barcode, price, compare_at_price, taxable, inventory_policy, tracked, requires_shipping, selected_options)
       WHERE v.id = u.id RETURNING v.*`,
      [existing.map((plan) => plan.id), ...columns(existing)],
    );
    saved.push(...rows);
  }
  const added = plans.filter((plan) => !plan.id);
  if (added.length) {
    const { rows } = await client.query<VariantRow>(
      `INSERT INTO devstore.variants (shop, product_id, position, title, sku, barcode, price, compare_at_price, taxable, inventory_policy, tracked, requires_shipping, selected_options)
       SELECT $1, $2, u.position, u.title, u.sku, u.barcode, coalesce(u.price, 0), u.compare_at_price, coalesce(u.taxable, true),
              coalesce(u.inventory_policy, 'DENY'), coalesce(u.tracked, false), coalesce(u.requires_shipping, true), u.selected_options
       FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::numeric[], $8::numeric[], $9::boolean[], $10::text[], $11::boolean[], $12::boolean[], $13::jsonb[])
         AS u(position, title, sku, barcode, price, compare_at_price, taxable, inventory_policy, tracked, requires_shipping, selected_options)
       RETURNING *`,
      [shop, productId, ...columns(added)],
    );
    saved.push(...rows);
  }
  saved.sort((a, b) => a.position - b.position);
  for (const plan of plans) {
    const variant = saved.find((row) => row.position === positionOf(plan));
    if (!variant) continue;
    for (const level of plan.inventoryQuantities ?? []) {
      // on_hand is available + committed + reserved (https://shopify.dev/docs/apps/build/orders-fulfillment/inventory-management-apps#inventory-states);
      // nothing is ever committed or reserved in devstore, so setting one sets the other.
      await setLevel(client, variant.inventory_item_id, level.locationId, level.name, level.quantity);
      await setLevel(
        client,
        variant.inventory_item_id,
        level.locationId,
        level.name === 'on_hand' ? 'available' : 'on_hand',
        level.quantity,
      );
    }
    if (plan.metafields?.length)
      await writeMetafields(client, shop, String(variant.id), 'PRODUCTVARIANT', plan.metafields, false);
  }
  return saved;
}

/** Sets a product's collections to exactly these (productSet's list semantics). */
export async function setCollections(client: PoolClient, productId: string, collectionIds: string[]): Promise<void> {
  await client.query(
    'DELETE FROM devstore.collection_products WHERE product_id = $1 AND NOT (collection_id = ANY($2::bigint[]))',
    [productId, collectionIds],
  );
  await joinCollections(client, productId, collectionIds);
}

export async function joinCollections(client: PoolClient, productId: string, collectionIds: string[]): Promise<void> {
  if (!collectionIds.length) return;
  await client.query(
    'INSERT INTO devstore.collection_products (collection_id, product_id) SELECT unnest($2::bigint[]), $1 ON CONFLICT DO NOTHING',
    [productId, collectionIds],
  );
}

export async function inTransaction<T>(client: PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

export interface MediaInput {
  originalSource: string;
  alt?: string | null;
  contentType: string;
}

/**
 * Writes a product's media as files waiting to be fetched. With `replace`, media whose source is
 * not listed go, and listed sources already there keep their id. Returns the ids to fetch.
 */
export async function writeMedia(
  client: PoolClient,
  shop: string,
  productId: string,
  inputs: MediaInput[],
  replace: boolean,
): Promise<string[]> {
  const { rows: existing } = await client.query<{ id: string; original_source: string; position: number }>(
    'SELECT id, original_source, position FROM devstore.files WHERE product_id = $1',
    [productId],
  );
  if (replace) {
    const kept = inputs.map((input) => input.originalSource);
    await client.query('DELETE FROM devstore.files WHERE product_id = $1 AND NOT (original_source = ANY($2::text[]))', [
      productId,
      kept,
    ]);
  }
  const start = replace ? 0 : existing.reduce((max, row) => Math.max(max, row.position), 0);
  const fresh = inputs.filter(
    (input) => !replace || !existing.some((row) => row.original_source === input.originalSource),
  );
  if (replace) {
    for (const [index, input] of inputs.entries()) {
      const before = existing.find((row) => row.original_source === input.originalSource);
      if (before)
        await client.query('UPDATE devstore.files SET position = $2, alt = coalesce($3, alt) WHERE id = $1', [
          before.id,
          index + 1,
          input.alt ?? null,
        ]);
    }
  }
  if (!fresh.length) return [];
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO devstore.files (shop, product_id, position, content_type, alt, original_source)
     SELECT $1, $2, u.position, u.content_type, u.alt, u.source FROM unnest($3::int[], $4::text[], $5::text[], $6::text[]) AS u(position, content_type, alt, source)
     RETURNING id`,
    [
      shop,
      productId,
      fresh.map((input) => start + (replace ? inputs.indexOf(input) : fresh.indexOf(input)) + 1),
      fresh.map((input) => input.contentType),
      fresh.map((input) => input.alt ?? ''),
      fresh.map((input) => input.originalSource),
    ],
  );
  return rows.map((row) => String(row.id));
}
