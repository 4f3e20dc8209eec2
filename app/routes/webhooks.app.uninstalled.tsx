import type { ActionFunctionArgs } from '@remix-run/node';
import { recordUninstall } from '../shopify-app/shops.server.ts';
import { receiveWebhook } from '../shopify-app/webhooks.server.ts';

export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, async ({ shop }) => {
    await recordUninstall(shop);
  });
