// The setup step's choice of where the migrated catalog is published: one checkbox per sales channel
// of the shop (the Online Store ticked until the merchant chooses), and what each choice means.
import { Banner, BlockStack, Card, Checkbox, InlineError, Text } from '@shopify/polaris';
import { channelWarnings } from '../../migrations/sales-channels.ts';
import type { SalesChannel } from '../../migrations/sales-channels.ts';

interface Props {
  channels: SalesChannel[];
  /** Why the shop's channels could not be read; the Online Store is used then. */
  problem: string | null;
  chosen: string[] | null;
  error?: string;
  onChange: (chosen: string[]) => void;
}

export function SalesChannelsCard({ channels, problem, chosen, error, onChange }: Props) {
  const toggle = (id: string) => (checked: boolean) =>
    onChange(checked ? [...(chosen ?? []), id] : (chosen ?? []).filter((candidate) => candidate !== id));
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Where shoppers see it
        </Text>
        <Text as="p" tone="subdued">
          Products and categories shoppers could see in your old store are published on the sales channels you tick.
          Drafts, private products and products hidden from your shop and its search stay unpublished until you publish
          them in Shopify.
        </Text>
        {problem || chosen === null ? (
          <Banner tone="warning" title="Shipyard could not read your sales channels">
            <p>{problem}</p>
            <p>The catalog will be published on your Online Store. Reload the page to choose other channels.</p>
          </Banner>
        ) : (
          <>
            {/* Sent with the ticked channels, so that none ticked still reaches the server as a choice. */}
            <input type="hidden" name="channels" value="" />
            {channels.map((channel) => (
              <Checkbox
                key={channel.id}
                name="channels"
                value={channel.id}
                label={channel.name}
                checked={chosen.includes(channel.id)}
                onChange={toggle(channel.id)}
              />
            ))}
            {error ? <InlineError message={error} fieldID="channels" /> : null}
            {channelWarnings(chosen, channels).map((warning) => (
              <Banner key={warning} tone="warning">
                <p>{warning}</p>
              </Banner>
            ))}
          </>
        )}
      </BlockStack>
    </Card>
  );
}
