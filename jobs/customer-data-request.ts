// customers/data_request: a customer asked the store what data is held about them.
import type { Task } from 'graphile-worker';
import { z } from 'zod';
import { exportCustomerData } from '../app/shopify-app/compliance.server.ts';

export const CustomerDataRequestPayload = z.object({
  shop: z.string().min(1),
  customer: z.object({ id: z.number().int(), email: z.string().nullish(), phone: z.string().nullish() }),
  orderIds: z.array(z.number().int()).default([]),
  dataRequestId: z.string().nullable(),
});

const customerDataRequest: Task = async (payload, helpers) => {
  const { shop, customer, orderIds, dataRequestId } = CustomerDataRequestPayload.parse(payload);
  const created = await exportCustomerData(shop, { ...customer, orderIds }, dataRequestId);
  helpers.logger.info(`gathered data of customer ${customer.id} of ${shop} into export ${created.id}`);
};

export default customerDataRequest;
