// Step 3 of a new migration: the connected store's counts, what to move and how, and the sales
// channels the catalog is published on; every change is saved on the draft at once, so leaving or
// reloading loses nothing. Start reads and analyzes.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useFetcher, useLoaderData, useNavigation } from '@remix-run/react';
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  ChoiceList,
  InlineError,
  InlineStack,
  Layout,
  Select,
  Text,
  TextField,
} from '@shopify/polaris';
import { AppPage } from '../components/layout/AppPage.tsx';
import { type FormEvent, useState } from 'react';
import { useFormatter } from '../components/layout/format.ts';
import { RouteError } from '../components/layout/RouteError.tsx';
import { SalesChannelsCard } from '../components/migrations/SalesChannelsCard.tsx';
import {
  CHOOSABLE,
  ChoicesForm,
  ENTITY_LABELS,
  FINANCIAL_STATUSES,
  FULFILLMENT_STATUSES,
  type FieldErrors,
  parseForm,
  statusField,
} from '../migrations/forms.ts';
import { type ChoiceState, FORM_ARRAYS, choicesForm } from '../migrations/setup-choices.ts';
import { saveSetup, setupPage } from '../migrations/setup.server.ts';
import { authenticateStaff } from '../shopify.server.ts';

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticateStaff(request);
  return setupPage(session.shop, params.id ?? '');
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticateStaff(request);
  return saveSetup(session.shop, params.id ?? '', await request.formData());
};

export default function SetupMigration() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const save = useFetcher<typeof action>();
  const navigation = useNavigation();
  const format = useFormatter();
  const [choices, setChoices] = useState<ChoiceState>(data.choices);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const errors = clientErrors ?? save.data?.errors ?? result?.errors ?? {};
  const starting = navigation.state !== 'idle' && navigation.formMethod === 'POST';
  const { entities: chosen, redirects, review } = choices;

  // Saved as soon as it changes: the draft is the flow's memory.
  const change = (next: Partial<ChoiceState>) => {
    const updated = { ...choices, ...next };
    setChoices(updated);
    const body = choicesForm(updated);
    const parsed = parseForm(ChoicesForm, body, FORM_ARRAYS);
    setClientErrors(parsed.ok ? null : parsed.errors);
    if (parsed.ok) save.submit(body, { method: 'post' });
  };

  const toggle = (entity: string) => (checked: boolean) => {
    change({ entities: checked ? [...chosen, entity] : chosen.filter((candidate) => candidate !== entity) });
  };

  const mapStatus = (status: string, part: 'financial' | 'fulfillment') => (value: string) => {
    const current = choices.statuses[status] ?? { financial: 'PENDING', fulfillment: 'UNFULFILLED' };
    change({ statuses: { ...choices.statuses, [status]: { ...current, [part]: value } } });
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    const parsed = parseForm(ChoicesForm, new FormData(event.currentTarget), FORM_ARRAYS);
    if (!parsed.ok) {
      event.preventDefault();
      setClientErrors(parsed.errors);
    }
  };

  const counts = (data.store?.counts ?? {}) as Partial<Record<string, number>>;
  const offered = CHOOSABLE.filter((entity) => counts[entity] !== undefined);
  const publishes = chosen.includes('products') || chosen.includes('collections');

  return (
    <AppPage
      title={`Move from ${data.sourceLabel}`}
      subtitle={data.sourceUrl ?? undefined}
      backAction={{ content: 'Migrations', url: '/app' }}
    >
      <Layout>
        <Layout.Section>
          {data.store ? (
            <Form method="post" onSubmit={submit}>
              <input type="hidden" name="intent" value="start" />
              <BlockStack gap="400">
                <Card>
                  <BlockStack gap="300">
                    <Text as="h2" variant="headingMd">
                      What to move
                    </Text>
                    <Text as="p" tone="subdued">
                      {data.store.name ?? data.sourceUrl} · {data.sourceLabel} {data.store.version ?? ''}
                      {data.store.currency ? ` · ${data.store.currency}` : ''}
                    </Text>
                    {offered.map((entity) => (
                      <Checkbox
                        key={entity}
                        name="entities"
                        value={entity}
                        label={`${ENTITY_LABELS[entity]} (${format.number(counts[entity] ?? 0)})`}
                        checked={chosen.includes(entity)}
                        disabled={(counts[entity] ?? 0) === 0}
                        onChange={toggle(entity)}
                      />
                    ))}
                    {errors.entities ? <InlineError message={errors.entities} fieldID="entities" /> : null}
                  </BlockStack>
                </Card>
                {publishes ? (
                  <SalesChannelsCard
                    channels={data.salesChannels}
                    problem={data.salesChannelsProblem}
                    chosen={choices.channels}
                    error={errors.channels}
                    onChange={(channels) => change({ channels })}
                  />
                ) : null}
                <Card>
                  <BlockStack gap="300">
                    <Text as="h2" variant="headingMd">
                      Options
                    </Text>
                    <Checkbox
                      name="redirects"
                      value="on"
                      label="Redirect old URLs to the new ones"
                      helpText="Keeps your search rankings and bookmarks: each old product and category address sends visitors to its new page."
                      checked={redirects}
                      onChange={(checked) => change({ redirects: checked })}
                    />
                    <Checkbox
                      name="review"
                      value="on"
                      label="Let me review the analysis before anything is written"
                      helpText="Shipyard reads your store, lists every problem it finds and what it will do about each, and waits for you."
                      checked={review}
                      onChange={(checked) => change({ review: checked })}
                    />
                    <ChoiceList
                      title="Records already in Shopify"
                      name="existingRecords"
                      choices={[
                        {
                          label: 'Update them with what your old store has now',
                          value: 'update',
                          helpText:
                            'A product, collection or customer an earlier migration wrote is brought up to date, and so is a customer your store already had with the same email or phone.',
                        },
                        {
                          label: 'Skip them',
                          value: 'skip',
                          helpText:
                            'What is already in Shopify stays as it is there (your edits in Shopify are kept), also a customer your store already had with the same email or phone, who still gets their orders; the report lists what was skipped.',
                        },
                      ]}
                      selected={[choices.existingRecords]}
                      onChange={(selected) => change({ existingRecords: selected[0] ?? 'update' })}
                      error={errors.existingRecords}
                    />
                    <Checkbox
                      name="cutLongText"
                      value="on"
                      label="Cut text longer than Shopify allows"
                      helpText="Shopify allows 255 characters for a product title, a tag or a customer’s name and 5,000 for a customer note. Off, a record with longer text is kept back with the reason and listed in the report. On, the text is cut at a word boundary, the full text is kept in a metafield on the record, and the analysis lists each cut."
                      checked={choices.cutLongText}
                      onChange={(checked) => change({ cutLongText: checked })}
                    />
                    {offered.includes('discounts') ? (
                      <Checkbox
                        name="broaderCoupons"
                        value="on"
                        label="Create broader discount codes"
                        helpText="Shopify’s codes have no maximum spend, no limit on the items discounted and cannot leave out sale items. Off, a coupon with such a restriction is kept back with the reason and listed in the report. On, its code is made without the restriction, so it gives more than the coupon did, and the report warns about each."
                        checked={choices.broaderCoupons}
                        onChange={(checked) => change({ broaderCoupons: checked })}
                      />
                    ) : null}
                    {offered.includes('pages') ? (
                      <Checkbox
                        name="writePolicies"
                        value="on"
                        label="Write the privacy, refund and terms pages as your shop’s policies"
                        helpText="Shopify keeps these in Settings → Policies and links them from checkout. Off, they move as plain pages. On, each becomes the shop’s policy of its kind (a policy you already wrote there is replaced, and an undo puts it back) and its old URL leads to it."
                        checked={choices.writePolicies}
                        onChange={(checked) => change({ writePolicies: checked })}
                      />
                    ) : null}
                    {offered.includes('customers') ? (
                      <Checkbox
                        name="inviteCustomers"
                        value="on"
                        label="Send account invitations to customers after launch"
                        helpText="Passwords cannot move to Shopify. With this on, Shipyard offers to email each customer an invitation to set a new password once your store is live; nothing is sent before you launch."
                        checked={choices.inviteCustomers}
                        onChange={(checked) => change({ inviteCustomers: checked })}
                      />
                    ) : null}
                  </BlockStack>
                </Card>
                {offered.includes('orders') ? (
                  <Card>
                    <BlockStack gap="300">
                      <Text as="h2" variant="headingMd">
                        Orders
                      </Text>
                      <Checkbox
                        name="keepOrderNumbers"
                        value="on"
                        label="Keep order numbers"
                        helpText="Each order keeps the number your customers know it by (#1042). Off, Shopify numbers the imported orders itself."
                        checked={choices.keepOrderNumbers}
                        onChange={(checked) => change({ keepOrderNumbers: checked })}
                      />
                      <TextField
                        name="exchangeRates"
                        label="Exchange rates for orders in another currency"
                        placeholder="EUR=1.0850"
                        autoComplete="off"
                        helpText={`Shopify records every order in your store's currency${data.shopCurrency ? ` (${data.shopCurrency})` : ''} and in the one the customer paid in. For orders in another currency, write what one unit of it is worth in yours (EUR=1.0850, GBP=1.17). Shipyard does not guess a rate: without one, those orders are kept back and listed in the report.`}
                        value={choices.exchangeRates}
                        error={errors.exchangeRates}
                        onChange={(value) => change({ exchangeRates: value })}
                      />
                      <Text as="h3" variant="headingSm" id="status-map-heading">
                        Order statuses
                      </Text>
                      <Text as="p" tone="subdued">
                        How each {data.sourceLabel} status shows in Shopify. Shopify cannot import an order as
                        cancelled: choose Voided, and it is tagged “cancelled”.
                      </Text>
                      <table aria-labelledby="status-map-heading" style={{ borderCollapse: 'collapse', width: '100%' }}>
                        <thead>
                          <tr>
                            <th scope="col" style={{ textAlign: 'start', padding: '0.25rem 0.5rem 0.25rem 0' }}>
                              <Text as="span" variant="bodySm" fontWeight="semibold">
                                {data.sourceLabel} status
                              </Text>
                            </th>
                            <th scope="col" style={{ textAlign: 'start', padding: '0.25rem 0.5rem' }}>
                              <Text as="span" variant="bodySm" fontWeight="semibold">
                                Payment in Shopify
                              </Text>
                            </th>
                            <th scope="col" style={{ textAlign: 'start', padding: '0.25rem 0 0.25rem 0.5rem' }}>
                              <Text as="span" variant="bodySm" fontWeight="semibold">
                                Fulfillment in Shopify
                              </Text>
                            </th>
                          </tr>
                        </thead>
                        <tbody>
                          {data.orderStatuses.map(({ status, label }) => {
                            const mapped = choices.statuses[status] ?? {
                              financial: 'PENDING',
                              fulfillment: 'UNFULFILLED',
                            };
                            return (
                              <tr key={status}>
                                <th
                                  scope="row"
                                  style={{
                                    textAlign: 'start',
                                    fontWeight: 'normal',
                                    padding: '0.25rem 0.5rem 0.25rem 0',
                                  }}
                                >
                                  <Text as="span">{label}</Text>
                                </th>
                                <td style={{ padding: '0.25rem 0.5rem' }}>
                                  <Select
                                    label={`Payment status for ${label} orders`}
                                    labelHidden
                                    name={statusField(status, 'financial')}
                                    options={FINANCIAL_STATUSES.map((option) => ({
                                      label: option.label,
                                      value: option.value,
                                    }))}
                                    value={mapped.financial}
                                    onChange={mapStatus(status, 'financial')}
                                    error={errors[statusField(status, 'financial')]}
                                  />
                                </td>
                                <td style={{ padding: '0.25rem 0 0.25rem 0.5rem' }}>
                                  <Select
                                    label={`Fulfillment status for ${label} orders`}
                                    labelHidden
                                    name={statusField(status, 'fulfillment')}
                                    options={FULFILLMENT_STATUSES.map((option) => ({
                                      label: option.label,
                                      value: option.value,
                                    }))}
                                    value={mapped.fulfillment}
                                    onChange={mapStatus(status, 'fulfillment')}
                                    error={errors[statusField(status, 'fulfillment')]}
                                  />
                                </td>
                              </tr>
                            );
                          })}
                        </tbody>
                      </table>
                    </BlockStack>
                  </Card>
                ) : null}
                <InlineStack align="end" gap="200">
                  <Text as="span" tone="subdued">
                    {save.state !== 'idle' ? 'Saving…' : save.data ? 'Choices saved' : ''}
                  </Text>
                  <Button submit variant="primary" loading={starting} disabled={chosen.length === 0}>
                    {review ? 'Read and analyze my store' : 'Start migration'}
                  </Button>
                </InlineStack>
              </BlockStack>
            </Form>
          ) : (
            <Banner tone="critical" title="Shipyard can no longer read this store">
              <p>{data.problem}</p>
              <p>Check the credentials in {data.sourceLabel}, then start a new migration with working ones.</p>
            </Banner>
          )}
        </Layout.Section>
      </Layout>
    </AppPage>
  );
}

export function ErrorBoundary() {
  return <RouteError title="New migration" />;
}
