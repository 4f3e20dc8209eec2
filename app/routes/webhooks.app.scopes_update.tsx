import type { ActionFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { updateGrantedScopes } from '../shopify-app/shops.server.ts';
import { receiveWebhook } from '../shopify-app/webhooks.server.ts';

const ScopesUpdate = z.object({ current: z.array(z.string()) });

export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, async ({ shop, payload }) => {
    const { current } = ScopesUpdate.parse(payload);
    await updateGrantedScopes(shop, current);
  });
