// The migration report as a CSV download: every record that did not move, with the exact reason,
// streamed from the database (app/pipeline/staging/report.server.ts).
import { ownedMigration } from './views.server.ts';
import { reportCsv } from '../pipeline/staging/report.server.ts';

export async function reportDownload(shop: string, id: string): Promise<Response> {
  const migration = await ownedMigration(shop, id);
  const day = migration.createdAt.toISOString().slice(0, 10);
  return new Response(reportCsv(migration.id), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="shipyard-report-${day}-${migration.id.slice(0, 8)}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
