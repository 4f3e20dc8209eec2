// customers/redact: a store owner asked for a customer's data to be erased.
import type { Task } from 'graphile-worker';
import { z } from 'zod';
import { redactCustomer } from '../app/shopify-app/compliance.server.ts';

export const CustomerRedactPayload = z.object({
  shop: z.string().min(1),
  customer: z.object({ id: z.number().int(), email: z.string().nullish(), phone: z.string().nullish() }),
  orderIds: z.array(z.number().int()).default([]),
});

const customerRedact: Task = async (payload, helpers) => {
  const { shop, customer, orderIds } = CustomerRedactPayload.parse(payload);
  const deleted = await redactCustomer(shop, { ...customer, orderIds });
  helpers.logger.info(`redacted customer ${customer.id} of ${shop}: ${JSON.stringify(deleted)}`);
};

export default customerRedact;
