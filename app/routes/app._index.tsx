// The dashboard: the shop's migrations, newest first, or an empty state that explains Shipyard.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Badge, BlockStack, Card, EmptyState, IndexTable, Layout, Page, Text } from '@shopify/polaris';
import { listMigrations } from '../migrations.server.ts';
import { authenticateStaff } from '../shopify.server.ts';

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticateStaff(request);
  return { migrations: await listMigrations(session.shop) };
};

const statusTone = {
  draft: undefined,
  running: 'info',
  ready: 'attention',
  paused: 'attention',
  completed: 'success',
  failed: 'critical',
  cancelled: undefined,
} as const;

export default function Dashboard() {
  const { migrations } = useLoaderData<typeof loader>();

  if (migrations.length === 0) {
    return (
      <Page title="Migrations">
        <Layout>
          <Layout.Section>
            <Card>
              <EmptyState
                heading="Move your store to Shopify"
                action={{ content: 'Start a migration', url: '/app/migrations/new' }}
                image="/empty-migrations.svg"
              >
                <p>
                  Shipyard copies your products, collections, customers, orders, pages, blog posts and reviews from
                  WooCommerce and other platforms into this store, without duplicates, and keeps your search rankings
                  with redirects from your old URLs.
                </p>
              </EmptyState>
            </Card>
          </Layout.Section>
        </Layout>
      </Page>
    );
  }

  return (
    <Page title="Migrations" primaryAction={{ content: 'New migration', url: '/app/migrations/new' }}>
      <Card padding="0">
        <IndexTable
          resourceName={{ singular: 'migration', plural: 'migrations' }}
          itemCount={migrations.length}
          selectable={false}
          headings={[{ title: 'Source' }, { title: 'Status' }, { title: 'Last activity' }]}
        >
          {migrations.map((migration, index) => (
            <IndexTable.Row id={migration.id} key={migration.id} position={index}>
              <IndexTable.Cell>
                <BlockStack gap="050">
                  <Text as="span" variant="bodyMd" fontWeight="semibold">
                    {migration.sourceLabel}
                  </Text>
                  {migration.sourceUrl ? (
                    <Text as="span" variant="bodySm" tone="subdued">
                      {migration.sourceUrl}
                    </Text>
                  ) : null}
                </BlockStack>
              </IndexTable.Cell>
              <IndexTable.Cell>
                <Badge tone={statusTone[migration.status]}>{migration.statusLabel}</Badge>
              </IndexTable.Cell>
              <IndexTable.Cell>{new Date(migration.updatedAt).toLocaleString()}</IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      </Card>
    </Page>
  );
}
