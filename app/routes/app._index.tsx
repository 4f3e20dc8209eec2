// The dashboard: the shop's migrations, newest first, or an empty state that explains Shipyard.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Badge, BlockStack, Card, EmptyState, IndexTable, Layout, ProgressBar, Text } from '@shopify/polaris';
import { AppPage } from '../components/layout/AppPage.tsx';
import { useFormatter } from '../components/layout/format.ts';
import { RouteError } from '../components/layout/RouteError.tsx';
import { STATUS_TONE, migrationHref } from '../components/migrations/status.ts';
import { listMigrations } from '../migrations/list.server.ts';
import { platformsInWords } from '../migrations/platforms.server.ts';
import { authenticateStaff } from '../shopify.server.ts';

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticateStaff(request);
  return { migrations: await listMigrations(session.shop), platforms: platformsInWords() };
};

export default function Dashboard() {
  const { migrations, platforms } = useLoaderData<typeof loader>();
  const format = useFormatter();

  if (migrations.length === 0) {
    return (
      <AppPage title="Migrations">
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
                  {` ${platforms.available} `}into this store, without duplicates, and keeps your search rankings with
                  redirects from your old URLs.
                </p>
              </EmptyState>
            </Card>
          </Layout.Section>
        </Layout>
      </AppPage>
    );
  }

  return (
    <AppPage title="Migrations" primaryAction={{ content: 'New migration', url: '/app/migrations/new' }}>
      <Card padding="0">
        <IndexTable
          resourceName={{ singular: 'migration', plural: 'migrations' }}
          itemCount={migrations.length}
          selectable={false}
          headings={[{ title: 'Source' }, { title: 'Status' }, { title: 'Progress' }, { title: 'Last activity' }]}
        >
          {migrations.map((migration, index) => (
            <IndexTable.Row id={migration.id} key={migration.id} position={index}>
              <IndexTable.Cell>
                <BlockStack gap="050">
                  {/* Polaris makes the whole row follow its primary link; the link itself keeps it keyboard-reachable. */}
                  <Link to={migrationHref(migration)} data-primary-link style={{ color: 'inherit' }}>
                    <Text as="span" variant="bodyMd" fontWeight="semibold">
                      {migration.sourceLabel}
                    </Text>
                  </Link>
                  {migration.sourceUrl ? (
                    <Text as="span" variant="bodySm" tone="subdued">
                      {migration.sourceUrl}
                    </Text>
                  ) : null}
                </BlockStack>
              </IndexTable.Cell>
              <IndexTable.Cell>
                <Badge tone={STATUS_TONE[migration.status]}>{migration.statusLabel}</Badge>
              </IndexTable.Cell>
              <IndexTable.Cell>
                {migration.total > 0 ? (
                  <BlockStack gap="100">
                    <ProgressBar progress={Math.min(100, (migration.done / migration.total) * 100)} size="small" />
                    <Text as="span" variant="bodySm" tone="subdued">
                      {format.number(migration.done)} of {format.number(migration.total)}
                    </Text>
                  </BlockStack>
                ) : (
                  <Text as="span" tone="subdued">
                    —
                  </Text>
                )}
              </IndexTable.Cell>
              <IndexTable.Cell>{format.dateTime(migration.updatedAt)}</IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      </Card>
    </AppPage>
  );
}

export function ErrorBoundary() {
  return <RouteError title="Migrations" />;
}
