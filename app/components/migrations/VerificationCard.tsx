// The check after writing: every entity's records found again in Shopify, and a sample of products
// compared field by field with the source.
import { Banner, BlockStack, Card, DataTable, Text } from '@shopify/polaris';
import { ENTITY_LABELS } from '../../migrations/forms.ts';
import type { Verification } from '../../migrations/views.ts';
import { useFormatter } from '../layout/format.ts';

export function VerificationCard({ verification }: { verification: Verification }) {
  const format = useFormatter();
  const missing = verification.entities.reduce((sum, entity) => sum + entity.missingInShopify.length, 0);
  const clean = missing === 0 && verification.mismatches.length === 0;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Checked against Shopify
        </Text>
        <Banner tone={clean ? 'success' : 'warning'}>
          <p>
            {clean
              ? verification.sampled > 0
                ? `Everything written, now or by an earlier run, was found in Shopify, and ${format.number(verification.sampled)} sampled ${verification.sampled === 1 ? 'product matches' : 'products match'} your store field by field.`
                : 'Everything written, now or by an earlier run, was found in Shopify.'
              : `${format.number(missing)} records written, now or by an earlier run, were not found in Shopify and ${format.number(verification.mismatches.length)} fields differ in the sample and the collections.`}
          </p>
        </Banner>
        <DataTable
          columnContentTypes={['text', 'numeric', 'numeric', 'numeric', 'numeric', 'numeric', 'numeric']}
          headings={['What', 'Read', 'Written', 'Unchanged', 'Skipped', 'Not moved', 'Found in Shopify']}
          rows={verification.entities.map((entity) => [
            ENTITY_LABELS[entity.entity as keyof typeof ENTITY_LABELS] ?? entity.entity,
            format.number(entity.read),
            format.number(entity.written),
            // A check made before these were counted apart does not know them.
            entity.unchanged === undefined ? '–' : format.number(entity.unchanged),
            entity.skipped === undefined ? '–' : format.number(entity.skipped),
            format.number(entity.notMoved),
            entity.notChecked ? 'Not checked' : format.number(entity.foundInShopify),
          ])}
        />
        {verification.entities
          .filter((entity) => entity.notChecked)
          .map((entity) => (
            <Text as="p" tone="subdued" key={entity.entity}>
              {ENTITY_LABELS[entity.entity as keyof typeof ENTITY_LABELS] ?? entity.entity}: not checked.{' '}
              {entity.notChecked}
            </Text>
          ))}
        {verification.publishing ? <PublishingSummaryText publishing={verification.publishing} /> : null}
        {verification.mismatches.length > 0 ? (
          <DataTable
            columnContentTypes={['text', 'text', 'text', 'text', 'text']}
            headings={['Source id', 'Name', 'Field', 'In your store', 'In Shopify']}
            rows={verification.mismatches
              .slice(0, 50)
              .map((mismatch) => [
                mismatch.sourceId,
                mismatch.name ?? '',
                mismatch.field,
                mismatch.expected,
                mismatch.found,
              ])}
          />
        ) : null}
      </BlockStack>
    </Card>
  );
}

/** Where the catalog went: how many products and collections are published on which channels, and how many stay unpublished. */
function PublishingSummaryText({ publishing }: { publishing: NonNullable<Verification['publishing']> }) {
  const format = useFormatter();
  const count = (n: number, one: string, many: string) => `${format.number(n)} ${n === 1 ? one : many}`;
  const left = publishing.products.unpublished + publishing.collections.unpublished;
  if (publishing.channels.length === 0) {
    return (
      <Text as="p">
        No sales channel was chosen, so nothing was published: shoppers see none of the {format.number(left)} products
        and collections until you publish them in Shopify.
      </Text>
    );
  }
  const published = `${count(publishing.products.published, 'product', 'products')} and ${count(publishing.collections.published, 'collection', 'collections')}`;
  return (
    <Text as="p">
      Published on {publishing.channels.join(', ')}: {published}.
      {left > 0
        ? ` ${count(left, 'product or collection stays', 'products and collections stay')} unpublished: drafts, private or hidden in your old store. Publish them in Shopify when shoppers should see them.`
        : ''}
    </Text>
  );
}
