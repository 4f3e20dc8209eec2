// The analysis and the plan as the merchant reviews them before anything is written: each kind of
// problem with how many records it affects, examples and what Shipyard will do; the API cost and time.
import { BlockStack, Card, DataTable, Text } from '@shopify/polaris';
import { ENTITY_LABELS } from '../migration-forms.ts';
import type { ProblemGroup } from '../pipeline/analyze.server.ts';
import type { MigrationPlan } from '../pipeline/plan.server.ts';
import { useFormatter } from './format.ts';

// The analysis' problem codes (app/pipeline/analyze.server.ts) as headings a merchant reads.
const PROBLEM_TITLES: Record<string, string> = {
  'unreadable-record': 'Records that could not be read',
  'too-many-options': 'Products with more than 3 options',
  'too-many-variants': 'Products with more than 2,048 variants',
  'missing-sku': 'Variants without a SKU',
  'invalid-handle': 'URL slugs Shopify would change',
  'broken-html': 'Descriptions with broken HTML',
  'image-unreachable': 'Images that cannot be fetched',
  'duplicate-sku': 'SKUs used more than once',
  'duplicate-handle': 'URL slugs used by several products',
  'source-limit': 'What the old store does not let Shipyard read',
  'image-not-moved': 'Images Shopify could not download',
  'handle-taken': 'Addresses already used in your Shopify store',
  'password-protected': 'Password-protected pages and posts, moved hidden',
  'customer-email-invalid': 'Customers with an email address that is not valid',
  'customer-phone-invalid': 'Customers with a phone number that is not valid',
  'customer-phone-taken': 'Phone numbers another customer already has',
  'customer-merged': 'Customers who signed up more than once',
  'order-total-differs': 'Orders whose total Shopify computes differently',
  'order-product-missing': 'Orders for products that no longer exist',
  'discount-restriction-not-kept': 'Coupon rules Shopify discount codes cannot hold',
  'discount-free-shipping-not-kept': 'Coupons giving free shipping beside a discount',
  'discount-limit-changed': 'Coupons with uses already made',
  'discount-products-missing': 'Coupons for products that did not move',
  'discount-customers-missing': 'Coupons for customers not in Shopify',
  'customer-data-access': 'Customers and orders Shopify has not approved Shipyard to use',
  'text-too-long': 'Text longer than Shopify allows',
  'stays-unpublished': 'Products that move unpublished',
  'store-page-not-moved': 'WooCommerce’s own pages, replaced by Shopify’s',
  'store-page-policy': 'Policy pages Shopify keeps as policies',
  'link-not-moved': 'Links to pages or products that did not move',
  'body-image-not-moved': 'Images in pages and posts Shopify could not download',
};

/** A heading for a problem kind without its own words yet: "some-code" reads "Some code". */
function problemTitle(code: string): string {
  return PROBLEM_TITLES[code] ?? code.charAt(0).toUpperCase() + code.slice(1).replace(/-/g, ' ');
}

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
          Your Shopify plan lets an app use {format.number(plan.restoreRate)} API points a second. Writing everything costs about{' '}
          {format.number(plan.points)} points: about {format.duration(plan.seconds)}.
        </Text>
        <DataTable
          columnContentTypes={['text', 'numeric', 'numeric', 'text']}
          headings={['What', 'Records', 'API points', 'Time']}
          rows={rows}
          totals={['', format.number(plan.entities.reduce((sum, entity) => sum + entity.records, 0)), format.number(plan.points), format.duration(plan.seconds)]}
          showTotalsInFooter
        />
        {plan.publishing ? <PublishingForecast publishing={plan.publishing} /> : null}
        {customers ? (
          <Text as="p">
            Customer passwords cannot move: your old store keeps only a scrambled form of each, which Shopify cannot import.{' '}
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
    return <Text as="p">No sales channel is chosen: the {format.number(left)} products and collections move unpublished, and shoppers see none of them until you publish them in Shopify.</Text>;
  }
  return (
    <Text as="p">
      Published on {publishing.channels.join(', ')}: {count(publishing.products.published, 'product', 'products')} and {count(publishing.collections.published, 'collection', 'collections')}.
      {left > 0 ? ` ${count(left, 'product or collection moves', 'products and collections move')} unpublished: drafts, private or hidden in your old store.` : ''}
    </Text>
  );
}
