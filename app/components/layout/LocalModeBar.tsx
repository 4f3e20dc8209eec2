// Outside the Shopify admin (local mode) there is no admin navigation, so the app shows its own.
import { Link } from '@remix-run/react';
import { Box, InlineStack, Text } from '@shopify/polaris';

export function LocalModeBar({ shop }: { shop: string }) {
  return (
    <Box background="bg-surface-inverse" paddingInline="400" paddingBlock="200">
      <InlineStack align="space-between" blockAlign="center" gap="400">
        <InlineStack gap="400" blockAlign="center">
          <Text as="span" variant="headingSm" tone="text-inverse">
            Shipyard
          </Text>
          <nav aria-label="Shipyard">
            <InlineStack gap="300">
              <Link to="/app" style={{ color: 'white' }}>
                Migrations
              </Link>
              <Link to="/app/migrations/new" style={{ color: 'white' }}>
                New migration
              </Link>
            </InlineStack>
          </nav>
        </InlineStack>
        <Text as="span" variant="bodySm" tone="text-inverse">
          Local mode · {shop}
        </Text>
      </InlineStack>
    </Box>
  );
}
