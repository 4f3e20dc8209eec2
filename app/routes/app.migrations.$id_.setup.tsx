// Step 3 of a new migration: the connected store's counts, what to move and how; every change is
// saved on the draft at once, so leaving or reloading loses nothing. Start reads and analyzes.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useActionData, useFetcher, useLoaderData, useNavigation } from '@remix-run/react';
import { Banner, BlockStack, Button, Card, Checkbox, InlineError, InlineStack, Layout, Page, Text } from '@shopify/polaris';
import { type FormEvent, useState } from 'react';
import { useFormatter } from '../components/format.ts';
import { RouteError } from '../components/RouteError.tsx';
import { draftCheck, saveChoices } from '../migration-drafts.server.ts';
import { CHOOSABLE, ChoicesForm, ENTITY_LABELS, type FieldErrors, parseForm } from '../migration-forms.ts';
import { ownedMigration } from '../migration-views.server.ts';
import { startMigration } from '../pipeline/lifecycle.server.ts';
import { authenticateStaff } from '../shopify.server.ts';
import { platformLabel } from '../source-platforms.server.ts';

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticateStaff(request);
  const migration = await ownedMigration(session.shop, params.id ?? '');
  if (migration.status !== 'draft') throw redirect(`/app/migrations/${migration.id}`);
  const check = await draftCheck(session.shop, migration.id);
  const options = migration.options as { redirects?: boolean; unattended?: boolean };
  return {
    id: migration.id,
    sourceLabel: platformLabel(migration.sourcePlatform),
    sourceUrl: migration.sourceUrl,
    store: check.ok ? check.description : null,
    problem: check.ok ? null : check.message,
    // Redirects are saved among the entities (they load in order) but chosen as an option.
    chosen: migration.entities.filter((entity) => entity !== 'redirects'),
    redirects: options.redirects !== false,
    review: options.unattended !== true,
  };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticateStaff(request);
  const migration = await ownedMigration(session.shop, params.id ?? '');
  const form = await request.formData();
  const parsed = parseForm(ChoicesForm, form, ['entities']);
  if (!parsed.ok) return { errors: parsed.errors };
  await saveChoices(session.shop, migration.id, parsed.value);
  if (form.get('intent') !== 'start') return { errors: {} };
  await startMigration(session.shop, migration.id);
  return redirect(`/app/migrations/${migration.id}`);
};

export default function SetupMigration() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const save = useFetcher<typeof action>();
  const navigation = useNavigation();
  const format = useFormatter();
  const [chosen, setChosen] = useState<string[]>(data.chosen);
  const [redirects, setRedirects] = useState(data.redirects);
  const [review, setReview] = useState(data.review);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const errors = clientErrors ?? result?.errors ?? {};
  const starting = navigation.state !== 'idle' && navigation.formMethod === 'POST';

  // Saved as soon as it changes: the draft is the flow's memory.
  const saveSoon = (next: { entities: string[]; redirects: boolean; review: boolean }) => {
    const body = new FormData();
    for (const entity of next.entities) body.append('entities', entity);
    if (next.redirects) body.set('redirects', 'on');
    if (next.review) body.set('review', 'on');
    const parsed = parseForm(ChoicesForm, body, ['entities']);
    setClientErrors(parsed.ok ? null : parsed.errors);
    if (parsed.ok) save.submit(body, { method: 'post' });
  };

  const toggle = (entity: string) => (checked: boolean) => {
    const entities = checked ? [...chosen, entity] : chosen.filter((candidate) => candidate !== entity);
    setChosen(entities);
    saveSoon({ entities, redirects, review });
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    const parsed = parseForm(ChoicesForm, new FormData(event.currentTarget), ['entities']);
    if (!parsed.ok) {
      event.preventDefault();
      setClientErrors(parsed.errors);
    }
  };

  const counts = (data.store?.counts ?? {}) as Partial<Record<string, number>>;
  const offered = CHOOSABLE.filter((entity) => counts[entity] !== undefined);

  return (
    <Page title={`Move from ${data.sourceLabel}`} subtitle={data.sourceUrl ?? undefined} backAction={{ content: 'Migrations', url: '/app' }}>
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
                      onChange={(checked) => {
                        setRedirects(checked);
                        saveSoon({ entities: chosen, redirects: checked, review });
                      }}
                    />
                    <Checkbox
                      name="review"
                      value="on"
                      label="Let me review the analysis before anything is written"
                      helpText="Shipyard reads your store, lists every problem it finds and what it will do about each, and waits for you."
                      checked={review}
                      onChange={(checked) => {
                        setReview(checked);
                        saveSoon({ entities: chosen, redirects, review: checked });
                      }}
                    />
                  </BlockStack>
                </Card>
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
              <p>Check the key in WooCommerce, then start a new migration with a working key.</p>
            </Banner>
          )}
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export function ErrorBoundary() {
  return <RouteError title="New migration" />;
}
