import type { ActionFunctionArgs } from '@remix-run/node';
import { CustomersRedact } from '../shopify-app/compliance-payloads.server.ts';
import { enqueue } from '../db/jobs.server.ts';
import { receiveWebhook } from '../shopify-app/webhooks.server.ts';

export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, async ({ shop, payload }) => {
    const { customer, orders_to_redact } = CustomersRedact.parse(payload);
    await enqueue(
      'customer-redact',
      { shop, customer, orderIds: orders_to_redact },
      { jobKey: `customer-redact:${shop}:${customer.id}`, queueName: 'compliance' },
    );
  });
