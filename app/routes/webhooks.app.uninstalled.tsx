import type { ActionFunctionArgs } from '@remix-run/node';
import { recordUninstall } from '../shops.server.ts';
import { receiveWebhook } from '../webhooks.server.ts';

export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, async ({ shop }) => {
    await recordUninstall(shop);
  });
