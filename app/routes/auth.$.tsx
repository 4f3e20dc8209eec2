// OAuth and the other /auth/* steps Shopify's library handles (callback, exit-iframe, session-token).
import type { LoaderFunctionArgs } from '@remix-run/node';
import { authenticate } from '../shopify.server.ts';

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return null;
};
