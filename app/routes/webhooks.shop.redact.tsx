import type { ActionFunctionArgs } from '@remix-run/node';
import { ShopRedact } from '../shopify-app/compliance-payloads.server.ts';
import { enqueue } from '../db/jobs.server.ts';
import { receiveWebhook } from '../shopify-app/webhooks.server.ts';

export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, async ({ shop, payload }) => {
    ShopRedact.parse(payload);
    await enqueue('shop-redact', { shop }, { jobKey: `shop-redact:${shop}`, queueName: 'compliance' });
  });
