// The redirects this migration made: each old URL, the new Shopify URL it sends visitors to, and
// whether Shopify accepted it (with Shopify's reason when it did not).
import { useSearchParams } from '@remix-run/react';
import { Badge, BlockStack, Card, DataTable, InlineStack, Pagination, Text } from '@shopify/polaris';
import type { RedirectRow } from '../../migrations/views.ts';
import { useFormatter } from '../layout/format.ts';

const STATUS: Record<string, { words: string; tone?: 'success' | 'critical' }> = {
  written: { words: 'Live', tone: 'success' },
  unchanged: { words: 'Live', tone: 'success' },
  failed: { words: 'Refused', tone: 'critical' },
  staged: { words: 'Waiting' },
  skipped: { words: 'Skipped' },
  removed: { words: 'Removed by the undo' },
};

export function RedirectsCard({ rows, total, pageSize }: { rows: RedirectRow[]; total: number; pageSize: number }) {
  const format = useFormatter();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('redirectsPage') ?? '1') || 1);
  const go = (next: number) => {
    const changed = new URLSearchParams(params);
    changed.set('redirectsPage', String(next));
    setParams(changed, { replace: true, preventScrollReset: true });
  };
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Redirects ({format.number(total)})
        </Text>
        <DataTable
          columnContentTypes={['text', 'text', 'text']}
          headings={['Old URL', 'New URL', 'Status']}
          rows={rows.map((row) => [
            row.path,
            row.target ?? '—',
            <BlockStack gap="050" key={row.id}>
              <Badge tone={STATUS[row.status]?.tone}>{STATUS[row.status]?.words ?? row.status}</Badge>
              {row.reason ? (
                <Text as="span" variant="bodySm" tone="subdued">
                  {row.reason}
                </Text>
              ) : null}
            </BlockStack>,
          ])}
        />
        {total > pageSize ? (
          <InlineStack align="center">
            <Pagination
              hasPrevious={page > 1}
              onPrevious={() => go(page - 1)}
              hasNext={page * pageSize < total}
              onNext={() => go(page + 1)}
            />
          </InlineStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}
