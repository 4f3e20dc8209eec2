// shop/redact: Shopify asks, 48 hours after an uninstall, that everything about the shop goes.
import type { Task } from 'graphile-worker';
import { redactShop } from '../app/shopify-app/compliance.server.ts';
import { ShopRedactPayload } from './payloads.ts';

const shopRedact: Task = async (payload, helpers) => {
  const { shop } = ShopRedactPayload.parse(payload);
  const deleted = await redactShop(shop, 'shop/redact webhook');
  helpers.logger.info(`redacted shop ${shop}: ${JSON.stringify(deleted)}`);
};

export default shopRedact;
