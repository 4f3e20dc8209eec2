// Progress per entity: a bar, the counts, and while records are moving the rate and time left.
import { BlockStack, Card, InlineStack, ProgressBar, Text } from '@shopify/polaris';
import { ENTITY_LABELS } from '../../migrations/forms.ts';
import { entityTally, isWriting, pacedRate, secondsLeft, tallyParts } from '../../migrations/progress.ts';
import type { ProgressSnapshot } from '../../migrations/views.ts';
import { useFormatter } from '../layout/format.ts';
import type { LiveMode } from './useLiveProgress.ts';

const PHASE_WORDS: Record<string, string> = {
  draft: 'Not started',
  extracting: 'Reading your store',
  analyzing: 'Checking every record',
  ready: 'Waiting for your review',
  loading: 'Writing to Shopify',
  verifying: 'Checking Shopify against your store',
  done: 'Finished',
};

export function MigrationProgress({
  snapshot,
  rates,
  mode,
}: {
  snapshot: ProgressSnapshot;
  rates: Record<string, number | null>;
  mode: LiveMode;
}) {
  const format = useFormatter();
  const moving = snapshot.status === 'running';
  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {PHASE_WORDS[snapshot.phase] ?? snapshot.phase}
          </Text>
          <Text as="span" variant="bodySm" tone="subdued">
            {mode === 'live' ? 'Live' : mode === 'polling' ? 'Updating every few seconds' : ''}
          </Text>
        </InlineStack>
        {snapshot.entities.map((entity) => {
          const stage = entityTally(entity, snapshot.phase);
          const label = ENTITY_LABELS[entity.entity as keyof typeof ENTITY_LABELS] ?? entity.entity;
          const rate = moving ? (rates[entity.entity] ?? null) : null;
          const writing = isWriting(snapshot.phase);
          const left =
            stage.total === null || !moving
              ? null
              : secondsLeft(
                  stage.done,
                  stage.total,
                  writing ? pacedRate(entity.entity, rate, snapshot.ordersPerMinute) : rate,
                );
          const complete = stage.total !== null && stage.done >= stage.total;
          const of = stage.total === null ? '' : ` of ${format.number(stage.total)}`;
          // Redirects are made from what was written, so before writing there is nothing to count.
          const summary =
            entity.entity === 'redirects' && !writing
              ? 'Made once products and collections are written'
              : [
                  `${format.number(stage.moved)}${of} ${stage.verb}`,
                  ...tallyParts(stage, writing).map((part) => `${format.number(part.count)} ${part.words}`),
                ].join(' · ');
          return (
            <BlockStack gap="100" key={entity.entity}>
              <InlineStack align="space-between">
                <Text as="h3" variant="bodyMd" fontWeight="semibold" id={`progress-${entity.entity}`}>
                  {label}
                </Text>
                <Text as="span" variant="bodySm" tone="subdued">
                  {summary}
                  {rate ? ` · ${format.number(Math.round(rate * 60))} a minute` : ''}
                  {left ? ` · about ${format.duration(left)} left` : ''}
                </Text>
              </InlineStack>
              <ProgressBar
                progress={stage.total ? Math.min(100, (stage.done / stage.total) * 100) : 0}
                tone={complete ? 'success' : 'highlight'}
                size="small"
                animated={moving}
                ariaLabelledBy={`progress-${entity.entity}`}
              />
            </BlockStack>
          );
        })}
      </BlockStack>
    </Card>
  );
}
