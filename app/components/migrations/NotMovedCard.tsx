// The report in the admin: every record that did not move with its reason, filtered by what it is
// and why, searched by name, id or reason, and downloadable as CSV.
import { useSearchParams } from '@remix-run/react';
import {
  BlockStack,
  Button,
  Card,
  DataTable,
  InlineStack,
  Pagination,
  Select,
  Text,
  TextField,
} from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { ENTITY_LABELS } from '../../migrations/forms.ts';
import type { NotMovedRow } from '../../migrations/views.ts';
import { useFormatter } from '../layout/format.ts';

const STATUS_WORDS = { invalid: 'Could not be read', failed: 'Shopify refused it', skipped: 'Skipped' } as const;

interface Props {
  migrationId: string;
  rows: NotMovedRow[];
  total: number;
  pageSize: number;
  byEntity: { entity: string; records: number }[];
}

const label = (entity: string) => ENTITY_LABELS[entity as keyof typeof ENTITY_LABELS] ?? entity;

/** Fetches with the admin's session (App Bridge adds the token to fetch), then saves the file. */
async function download(url: string) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The report could not be downloaded (${response.status}).`);
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'shipyard-report.csv';
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Polaris tables keep cells on one line; names and reasons are sentences and need to wrap. */
function Wrapped({ text, wide }: { text: string; wide?: boolean }) {
  return <div style={{ whiteSpace: 'normal', minWidth: wide ? '18rem' : '8rem' }}>{text}</div>;
}

export function NotMovedCard({ migrationId, rows, total, pageSize, byEntity }: Props) {
  const format = useFormatter();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const all = byEntity.reduce((sum, entity) => sum + entity.records, 0);

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true, preventScrollReset: true });
  };

  // Searching waits for a pause in typing, so each keystroke does not reload the page.
  useEffect(() => {
    if (search === (params.get('q') ?? '')) return;
    const timer = setTimeout(() => update({ q: search }), 300);
    return () => clearTimeout(timer);
  });

  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {/* The progress counts skipped and not moved apart; this list holds both, each with its status. */}
            Skipped or not moved ({format.number(all)})
          </Text>
          <Button
            loading={downloading}
            disabled={all === 0}
            onClick={() => {
              setDownloading(true);
              setDownloadError(null);
              download(`/app/migrations/${migrationId}/report.csv`)
                .catch((error: unknown) => setDownloadError(error instanceof Error ? error.message : String(error)))
                .finally(() => setDownloading(false));
            }}
          >
            Download CSV
          </Button>
        </InlineStack>
        {downloadError ? (
          <Text as="p" tone="critical">
            {downloadError}
          </Text>
        ) : null}
        <InlineStack gap="300" wrap>
          <Select
            label="What"
            options={[
              { label: 'Everything', value: '' },
              ...byEntity.map((entity) => ({
                label: `${label(entity.entity)} (${format.number(entity.records)})`,
                value: entity.entity,
              })),
            ]}
            value={params.get('entity') ?? ''}
            onChange={(value) => update({ entity: value })}
          />
          <Select
            label="Why"
            options={[
              { label: 'Any reason', value: '' },
              ...Object.entries(STATUS_WORDS).map(([value, words]) => ({ label: words, value })),
            ]}
            value={params.get('status') ?? ''}
            onChange={(value) => update({ status: value })}
          />
          <div style={{ minWidth: '16rem', flexGrow: 1 }}>
            <TextField
              label="Search"
              value={search}
              onChange={setSearch}
              placeholder="Name, source id or reason"
              autoComplete="off"
              clearButton
              onClearButtonClick={() => setSearch('')}
            />
          </div>
        </InlineStack>
        {rows.length === 0 ? (
          <Text as="p" tone="subdued">
            {all === 0 ? 'Every record read so far has moved or is waiting to.' : 'No record matches these filters.'}
          </Text>
        ) : (
          <DataTable
            columnContentTypes={['text', 'text', 'text', 'text', 'text']}
            headings={['What', 'Source id', 'Name', 'Why', 'Reason']}
            rows={rows.map((row) => [
              label(row.entity),
              row.sourceId,
              <Wrapped key="name" text={row.name} />,
              STATUS_WORDS[row.status],
              <Wrapped key="reason" text={row.reason} wide />,
            ])}
            verticalAlign="top"
          />
        )}
        {total > pageSize ? (
          <InlineStack align="center">
            <Pagination
              hasPrevious={page > 1}
              onPrevious={() => update({ page: String(page - 1) })}
              hasNext={page * pageSize < total}
              onNext={() => update({ page: String(page + 1) })}
              label={`${format.number((page - 1) * pageSize + 1)}–${format.number(Math.min(total, page * pageSize))} of ${format.number(total)}`}
            />
          </InlineStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}
