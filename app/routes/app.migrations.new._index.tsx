// Start of a new migration: choose where the store is moving from. Platforms without a connector
// yet are shown as coming, so a merchant knows they are planned rather than missing.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Badge, BlockStack, Button, Card, InlineStack, Layout, Text } from '@shopify/polaris';
import { AppPage } from '../components/layout/AppPage.tsx';
import { RouteError } from '../components/layout/RouteError.tsx';
import { authenticateStaff } from '../shopify.server.ts';
import { platformChoices } from '../migrations/platforms.server.ts';

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticateStaff(request);
  return { platforms: platformChoices() };
};

export default function NewMigration() {
  const { platforms } = useLoaderData<typeof loader>();
  return (
    <AppPage title="New migration" backAction={{ content: 'Migrations', url: '/app' }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Text as="p" variant="bodyMd">
              Where is your store today?
            </Text>
            {platforms.map((platform) => (
              <Card key={platform.id}>
                <InlineStack align="space-between" blockAlign="center" gap="400" wrap={false}>
                  <BlockStack gap="200">
                    <InlineStack gap="200" blockAlign="center">
                      <Text as="h2" variant="headingMd">
                        {platform.label}
                      </Text>
                      {platform.available ? null : <Badge>Coming soon</Badge>}
                    </InlineStack>
                    <Text as="p" tone="subdued">
                      {platform.description}
                    </Text>
                  </BlockStack>
                  {platform.available ? (
                    <Button
                      variant="primary"
                      url={`/app/migrations/new/${platform.id}`}
                      accessibilityLabel={`Move from ${platform.label}`}
                    >
                      Connect
                    </Button>
                  ) : (
                    <Button disabled accessibilityLabel={`${platform.label} is coming soon`}>
                      Connect
                    </Button>
                  )}
                </InlineStack>
              </Card>
            ))}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </AppPage>
  );
}

export function ErrorBoundary() {
  return <RouteError title="New migration" />;
}
