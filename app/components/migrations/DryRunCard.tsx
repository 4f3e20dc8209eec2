// The dry run on the review step: check every record against Shopify's rules without writing, then
// the records Shopify would refuse, with the reason, and how many pass.
import { useFetcher, useRevalidator } from '@remix-run/react';
import { BlockStack, Button, Card, DataTable, InlineStack, ProgressBar, Text } from '@shopify/polaris';
import { useEffect, useRef } from 'react';
import { ENTITY_LABELS } from '../../migrations/forms.ts';
import type { DryRunView } from '../../migrations/views.ts';
import { useFormatter } from '../layout/format.ts';
import { useNotify } from '../layout/notice.tsx';

const CHECK_EVERY_MS = 1500;

export function DryRunCard({ dryRun, canRun }: { dryRun: DryRunView | null; canRun: boolean }) {
  const format = useFormatter();
  const fetcher = useFetcher<{ error: string | null }>();
  const notify = useNotify();
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const running = dryRun?.status === 'running';
  const busy = fetcher.state !== 'idle';

  // The dry run's batches do not change the migration's phase, so the page asks for its counts while it runs.
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => revalidate.current(), CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [running]);

  // Said once for each run finished while the page is open. A small store's run can finish before the
  // page ever sees it running, so the run is known by when it started, not by having watched it run.
  const announced = useRef(dryRun?.status === 'done' ? dryRun.startedAt : null);
  useEffect(() => {
    if (dryRun?.status !== 'done' || announced.current === dryRun.startedAt) return;
    announced.current = dryRun.startedAt;
    notify('Dry run finished: nothing was written to Shopify');
  }, [dryRun?.status, dryRun?.startedAt, notify]);

  const run = () => fetcher.submit({ intent: 'dryRun' }, { method: 'post' });
  const label = dryRun ? 'Check again' : 'Check against Shopify’s rules without writing';

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Dry run
        </Text>
        <Text as="p" tone="subdued">
          Shipyard prepares every record exactly as it would write it, and the redirect each old address becomes, and
          checks them against Shopify’s rules for this API version. Nothing is sent to Shopify.
        </Text>
        <Text as="p" tone="subdued">
          What only your store can tell, such as a discount code or an old address it already has, shows when writing
          and is kept in the report with the reason.
        </Text>
        {running && dryRun ? (
          <BlockStack gap="100">
            <Text as="p" id="dry-run-progress">
              Checked {format.number(dryRun.checked)} of {format.number(dryRun.total)} records…
            </Text>
            <ProgressBar
              progress={dryRun.total ? Math.min(100, (dryRun.checked / dryRun.total) * 100) : 0}
              size="small"
              animated
              ariaLabelledBy="dry-run-progress"
            />
          </BlockStack>
        ) : null}
        {dryRun?.status === 'done' ? (
          <BlockStack gap="300">
            <Text as="p" variant="headingSm">
              {format.number(dryRun.passed)} {dryRun.passed === 1 ? 'record passes' : 'records pass'} ·{' '}
              {dryRun.refused === 0 ? 'none would be refused' : `${format.number(dryRun.refused)} would be refused`}
              {dryRun.cut > 0
                ? ` · ${format.number(dryRun.cut)} would move with text cut to fit Shopify (the full text kept)`
                : ''}
            </Text>
            {dryRun.refusals.length > 0 ? (
              <>
                <DataTable
                  columnContentTypes={['text', 'text', 'text', 'text']}
                  headings={[
                    'What',
                    'Name',
                    'Source id',
                    dryRun.cut > 0 ? 'Why Shopify would refuse it, or what is cut' : 'Why Shopify would refuse it',
                  ]}
                  rows={dryRun.refusals.map((row) => [
                    ENTITY_LABELS[row.entity as keyof typeof ENTITY_LABELS] ?? row.entity,
                    row.name,
                    row.sourceId,
                    // Shopify's reasons can be long: they wrap instead of widening the table.
                    <div key="reason" style={{ whiteSpace: 'normal', minWidth: '18rem' }}>
                      {row.kind === 'cut' ? `Moves, cut: ${row.reason}` : row.reason}
                    </div>,
                  ])}
                  verticalAlign="top"
                />
                {dryRun.refused + dryRun.cut > dryRun.refusals.length ? (
                  <Text as="p" tone="subdued">
                    The first {format.number(dryRun.refusals.length)} of {format.number(dryRun.refused + dryRun.cut)}{' '}
                    are shown.
                  </Text>
                ) : null}
              </>
            ) : null}
          </BlockStack>
        ) : null}
        {canRun ? (
          <InlineStack gap="200" blockAlign="center">
            <Button onClick={run} loading={busy} disabled={running}>
              {label}
            </Button>
            {fetcher.data?.error && !busy ? (
              <Text as="p" tone="critical">
                {fetcher.data.error}
              </Text>
            ) : null}
          </InlineStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}
