// What an undo did: per kind of record, deleted from Shopify, put back as it was (the store's own
// customers a migration wrote into), already gone, or refused (with Shopify's reason); while it runs
// the page asks for the counts every few seconds.
import { useRevalidator } from '@remix-run/react';
import { BlockStack, Card, DataTable, Text } from '@shopify/polaris';
import { useEffect, useRef } from 'react';
import type { UndoReport } from '../../migrations/views.ts';
import { useFormatter } from '../layout/format.ts';

const CHECK_EVERY_MS = 2000;

/** Names for what an undo deletes: the entities, and the blog Shipyard made for the blog posts. */
export const UNDO_LABELS: Record<string, string> = {
  collections: 'Collections',
  products: 'Products (with their variants)',
  customers: 'Customers',
  guestCustomers: 'Customers Shopify made for guest orders',
  orders: 'Orders',
  pages: 'Pages',
  blogPosts: 'Blog posts',
  blogs: 'Blogs made for the blog posts',
  discounts: 'Discount codes',
  reviews: 'Product reviews',
  redirects: 'Redirects',
};

export function UndoCard({ report, undoing }: { report: UndoReport; undoing: boolean }) {
  const format = useFormatter();
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  useEffect(() => {
    if (!undoing) return;
    const timer = setInterval(() => revalidate.current(), CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [undoing]);

  const rows = Object.entries(report.entities).map(([entity, counts]) => [
    UNDO_LABELS[entity] ?? entity,
    format.number(counts.deleted),
    format.number(counts.restored ?? 0),
    format.number(counts.alreadyGone),
    format.number(counts.failed),
  ]);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {undoing ? 'Undoing this migration' : 'Undo'}
        </Text>
        <Text as="p" tone="subdued">
          {undoing
            ? 'Shipyard is deleting from this store what the migration created, newest links first.'
            : report.status === 'done'
              ? `Finished ${report.finishedAt ? format.dateTime(report.finishedAt) : ''}. What the store had before the migration was not deleted; the customers it wrote into were put back as they were.`
              : `The undo stopped${report.error ? `: ${report.error}` : ''}. Undo again to delete what is left.`}
        </Text>
        {rows.length > 0 ? (
          <DataTable
            columnContentTypes={['text', 'numeric', 'numeric', 'numeric', 'numeric']}
            headings={['What', 'Deleted', 'Put back as it was', 'Already gone', 'Could not be undone']}
            rows={rows}
          />
        ) : null}
        {report.problems.length > 0 ? (
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              What Shopify would not undo
            </Text>
            <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
              {report.problems.slice(0, 25).map((problem) => (
                <li key={problem.shopifyGid}>
                  <Text as="span" variant="bodySm">
                    {UNDO_LABELS[problem.entity] ?? problem.entity} {problem.sourceId}: {problem.reason}
                  </Text>
                </li>
              ))}
            </ul>
          </BlockStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}
