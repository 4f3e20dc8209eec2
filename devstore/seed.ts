// Fills a shop's catalog straight through SQL (not GraphQL), for benchmarks and cost tests that
// need many products: each product gets one "Size" option and `variantsPerProduct` variants.
import type { Pool } from 'pg';

export async function seedProducts(
  pool: Pool,
  shop: string,
  count: number,
  variantsPerProduct = 3,
  prefix = 'seeded',
): Promise<void> {
  const sizes = Array.from({ length: variantsPerProduct }, (_, index) => `Size ${index + 1}`);
  const options = JSON.stringify([
    {
      id: 'gid://shopify/ProductOption/1',
      name: 'Size',
      position: 1,
      values: sizes.map((name, index) => ({ id: `gid://shopify/ProductOptionValue/${index + 1}`, name })),
    },
  ]);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO devstore.products (shop, handle, title, vendor, product_type, tags, options)
       SELECT $1, $2 || '-' || n, initcap($2) || ' product ' || n, 'Seed Co', 'Seeded', ARRAY['seeded', 'batch-' || (n % 100)], $4::jsonb
       FROM generate_series(1, $3) AS n`,
      [shop, prefix, count, options],
    );
    await client.query(
      `INSERT INTO devstore.variants (shop, product_id, position, title, sku, price, selected_options)
       SELECT p.shop, p.id, s.position, s.size, p.handle || '-' || s.position, 10 + s.position, jsonb_build_array(jsonb_build_object('name', 'Size', 'value', s.size))
       FROM devstore.products p
       CROSS JOIN LATERAL unnest($3::text[]) WITH ORDINALITY AS s(size, position)
       WHERE p.shop = $1 AND p.handle LIKE $2 || '-%'`,
      [shop, prefix, sizes],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  await pool.query('ANALYZE devstore.products');
  await pool.query('ANALYZE devstore.variants');
}
