// Live progress of a migration as server-sent events (app/migrations/progress-events.server.ts).
import type { LoaderFunctionArgs } from '@remix-run/node';
import { progressEvents } from '../migrations/progress-events.server.ts';
import { authenticateStaff } from '../shopify.server.ts';

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticateStaff(request);
  return progressEvents(request, session.shop, params.id ?? '');
};
