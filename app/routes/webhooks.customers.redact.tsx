import type { ActionFunctionArgs } from '@remix-run/node';
import { CustomersRedact } from '../compliance-payloads.server.ts';
import { enqueue } from '../jobs.server.ts';
import { receiveWebhook } from '../webhooks.server.ts';

export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, async ({ shop, payload }) => {
    const { customer, orders_to_redact } = CustomersRedact.parse(payload);
    await enqueue(
      'customer-redact',
      { shop, customer, orderIds: orders_to_redact },
      { jobKey: `customer-redact:${shop}:${customer.id}`, queueName: 'compliance' },
    );
  });
