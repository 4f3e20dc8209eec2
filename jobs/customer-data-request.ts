// customers/data_request: a customer asked the store what data is held about them.
import type { Task } from 'graphile-worker';
import { exportCustomerData } from '../app/shopify-app/compliance.server.ts';
import { CustomerDataRequestPayload } from './payloads.ts';

const customerDataRequest: Task = async (payload, helpers) => {
  const { shop, customer, orderIds, dataRequestId } = CustomerDataRequestPayload.parse(payload);
  const created = await exportCustomerData(shop, { ...customer, orderIds }, dataRequestId);
  helpers.logger.info(`gathered data of customer ${customer.id} of ${shop} into export ${created.id}`);
};

export default customerDataRequest;
