// Deletes an uninstalled shop's data once the grace period has passed, in case shop/redact never
// comes; does nothing when the shop has been installed again in the meantime.
import type { Task } from 'graphile-worker';
import { redactShop } from '../app/shopify-app/compliance.server.ts';
import { db } from '../app/db/db.server.ts';
import { purgeDueAt } from '../app/shopify-app/shops.server.ts';
import { ShopPurgePayload } from './payloads.ts';

const shopPurge: Task = async (payload, helpers) => {
  const { shop } = ShopPurgePayload.parse(payload);
  const record = await db().shop.findUnique({ where: { shop } });
  if (!record?.uninstalledAt) {
    helpers.logger.info(`shop ${shop} is installed (or already gone); nothing to purge`);
    return;
  }
  const due = purgeDueAt(record.uninstalledAt);
  if (due.getTime() > Date.now()) {
    // Queued early (the job was re-added by hand, or the clock moved): come back when it is due.
    await helpers.addJob('shop-purge', { shop }, { runAt: due, jobKey: `shop-purge:${shop}` });
    return;
  }
  const deleted = await redactShop(shop, 'uninstall grace period ended');
  helpers.logger.info(`purged uninstalled shop ${shop}: ${JSON.stringify(deleted)}`);
};

export default shopPurge;
