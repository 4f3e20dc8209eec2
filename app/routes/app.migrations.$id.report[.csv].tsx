// The migration report as a CSV download (app/migrations/report.server.ts).
import type { LoaderFunctionArgs } from '@remix-run/node';
import { reportDownload } from '../migrations/report.server.ts';
import { authenticateStaff } from '../shopify.server.ts';

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticateStaff(request);
  return reportDownload(session.shop, params.id ?? '');
};
