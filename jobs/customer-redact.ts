// customers/redact: a store owner asked for a customer's data to be erased.
import type { Task } from 'graphile-worker';
import { redactCustomer } from '../app/shopify-app/compliance.server.ts';
import { CustomerRedactPayload } from './payloads.ts';

const customerRedact: Task = async (payload, helpers) => {
  const { shop, customer, orderIds } = CustomerRedactPayload.parse(payload);
  const deleted = await redactCustomer(shop, { ...customer, orderIds });
  helpers.logger.info(`redacted customer ${customer.id} of ${shop}: ${JSON.stringify(deleted)}`);
};

export default customerRedact;
