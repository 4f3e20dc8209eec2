// The analysis and the plan as the merchant reviews them before anything is written: each kind of
// problem with how many records it affects, examples and what Shipyard will do; the API cost and time.
import { BlockStack, Card, DataTable, Text } from '@shopify/polaris';
import { ENTITY_LABELS } from '../../migrations/forms.ts';
import type { MigrationPlan, ProblemGroup } from '../../migrations/views.ts';
import { problemTitle } from '../../migrations/problem-labels.ts';
import { useFormatter } from '../layout/format.ts';

export function ProblemsCard({ problems }: { problems: ProblemGroup[] }) {
  const format = useFormatter();
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          What the analysis found
        </Text>
        {problems.length === 0 ? (
          <Text as="p">No problems: every record can move as it is.</Text>
        ) : (
          problems.map((problem) => (
            <BlockStack gap="100" key={problem.code}>
              <Text as="h3" variant="headingSm">
                {problemTitle(problem.code)} ({format.number(problem.records)})
              </Text>
              <Text as="p">{problem.action}</Text>
              {problem.examples.length > 0 ? (
                <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
                  {/* One message per record affected, so a SKU two products share reads twice. */}
                  {[...new Set(problem.examples)].map((example) => (
                    <li key={example}>
                      <Text as="span" variant="bodySm" tone="subdued">
                        {example}
                      </Text>
                    </li>
                  ))}
                </ul>
              ) : null}
            </BlockStack>
          ))
        )}
      </BlockStack>
    </Card>
  );
}

/** `customers`: set when customers move, with whether the merchant asked for account invitations after launch. */
export function PlanCard({ plan, customers }: { plan: MigrationPlan; customers?: { invite: boolean } }) {
  const format = useFormatter();
  const rows = plan.entities.map((entity) => [
    ENTITY_LABELS[entity.entity],
    format.number(entity.records),
    format.number(entity.points),
    `${format.duration(entity.seconds)}${entity.note ? ` (${entity.note})` : ''}`,
  ]);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          The plan
        </Text>
        <Text as="p" tone="subdued">
          Your Shopify plan lets an app use {format.number(plan.restoreRate)} API points a second. Writing everything
          costs about {format.number(plan.points)} points: about {format.duration(plan.seconds)}.
        </Text>
        <DataTable
          columnContentTypes={['text', 'numeric', 'numeric', 'text']}
          headings={['What', 'Records', 'API points', 'Time']}
          rows={rows}
          totals={[
            '',
            format.number(plan.entities.reduce((sum, entity) => sum + entity.records, 0)),
            format.number(plan.points),
            format.duration(plan.seconds),
          ]}
          showTotalsInFooter
        />
        {plan.publishing ? <PublishingForecast publishing={plan.publishing} /> : null}
        {customers ? (
          <Text as="p">
            Customer passwords cannot move: your old store keeps only a scrambled form of each, which Shopify cannot
            import.{' '}
            {customers.invite
              ? 'After launch, Shipyard offers to send each customer an account invitation to set a new password.'
              : 'Customers set a new password when they first sign in to the new store (account invitations were left off in the options).'}
          </Text>
        ) : null}
      </BlockStack>
    </Card>
  );
}

/** What the merchant's shoppers will see: what is published on which channels, and what stays unpublished. */
function PublishingForecast({ publishing }: { publishing: NonNullable<MigrationPlan['publishing']> }) {
  const format = useFormatter();
  const count = (n: number, one: string, many: string) => `${format.number(n)} ${n === 1 ? one : many}`;
  const left = publishing.products.unpublished + publishing.collections.unpublished;
  if (publishing.channels.length === 0) {
    return (
      <Text as="p">
        No sales channel is chosen: the {format.number(left)} products and collections move unpublished, and shoppers
        see none of them until you publish them in Shopify.
      </Text>
    );
  }
  return (
    <Text as="p">
      Published on {publishing.channels.join(', ')}: {count(publishing.products.published, 'product', 'products')} and{' '}
      {count(publishing.collections.published, 'collection', 'collections')}.
      {left > 0
        ? ` ${count(left, 'product or collection moves', 'products and collections move')} unpublished: drafts, private or hidden in your old store.`
        : ''}
    </Text>
  );
}
