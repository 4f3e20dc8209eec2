import type { ActionFunctionArgs } from '@remix-run/node';
import { CustomersDataRequest } from '../shopify-app/compliance-payloads.server.ts';
import { enqueue } from '../db/jobs.server.ts';
import { receiveWebhook } from '../shopify-app/webhooks.server.ts';

export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, async ({ shop, payload }) => {
    const { customer, orders_requested, data_request } = CustomersDataRequest.parse(payload);
    const dataRequestId = data_request ? String(data_request.id) : null;
    await enqueue(
      'customer-data-request',
      { shop, customer, orderIds: orders_requested, dataRequestId },
      { jobKey: `customer-data-request:${shop}:${dataRequestId ?? customer.id}`, queueName: 'compliance' },
    );
  });
