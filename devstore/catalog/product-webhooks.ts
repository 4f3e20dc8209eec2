// The body of products/* webhooks: Shopify sends the REST representation; devstore sends its core.
import { gid } from './ids.ts';
import type { ProductRow } from './product-rows.ts';

export function productWebhookPayload(row: ProductRow) {
  return {
    id: Number(row.id),
    admin_graphql_api_id: gid('Product', row.id),
    title: row.title,
    handle: row.handle,
    body_html: row.description_html,
    vendor: row.vendor,
    product_type: row.product_type,
    status: row.status.toLowerCase(),
    tags: row.tags.join(', '),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
