// Step 2 of a new migration: the connection form the platform's descriptor lays out (a store's address
// and API keys, say, and optional fields under a heading of their own), with its help on where to find
// them, checked by connecting. A store that answers becomes a saved draft
// (credentials encrypted).
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { Banner, BlockStack, Button, Card, FormLayout, Layout, List, Text, TextField } from '@shopify/polaris';
import { AppPage } from '../components/layout/AppPage.tsx';
import { type FormEvent, useState } from 'react';
import { RouteError } from '../components/layout/RouteError.tsx';
import { createDraft, testConnection } from '../migrations/drafts.server.ts';
import { type FieldErrors, connectionForm, parseForm } from '../migrations/forms.ts';
import { authenticateStaff } from '../shopify.server.ts';
import { connectablePlatform, connectionFormView } from '../migrations/platforms.server.ts';

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  await authenticateStaff(request);
  return { platform: connectionFormView(connectablePlatform(params.platform)) };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticateStaff(request);
  const platform = connectablePlatform(params.platform);
  const parsed = parseForm(platform.credentials, await request.formData());
  if (!parsed.ok) return { errors: parsed.errors, problem: null };
  const check = await testConnection(platform.id, parsed.value);
  if (!check.ok) {
    // Which field a connection problem is about, so its message sits beside that field.
    const field = check.field ?? platform.problemField[check.problem];
    // Beside the field it is about, or above the form when it is about the store as a whole.
    return field ? { errors: { [field]: check.message }, problem: null } : { errors: {}, problem: check.message };
  }
  const draft = await createDraft(session.shop, platform, parsed.value, check.description.counts);
  return redirect(`/app/migrations/${draft.id}/setup`);
};

export default function ConnectStore() {
  const { platform } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(platform.fields.map((field) => [field.name, ''])),
  );
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  // The server's answer wins once it arrives; typing clears the message for that field.
  const errors: FieldErrors = clientErrors ?? result?.errors ?? {};
  const testing = navigation.state !== 'idle' && navigation.formMethod === 'POST';

  const change = (field: string) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setClientErrors((current) => ({ ...(current ?? result?.errors ?? {}), [field]: undefined }));
  };

  const textField = (field: (typeof platform.fields)[number]) => (
    <TextField
      key={field.name}
      label={field.label}
      name={field.name}
      type={field.type}
      autoComplete={field.type === 'url' ? 'url' : 'off'}
      placeholder={field.placeholder}
      value={values[field.name] ?? ''}
      onChange={change(field.name)}
      error={errors[field.name]}
      helpText={field.helpText}
      monospaced={field.monospaced}
    />
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    const parsed = parseForm(connectionForm(platform.id), new FormData(event.currentTarget));
    if (!parsed.ok) {
      event.preventDefault();
      setClientErrors(parsed.errors);
      return;
    }
    setClientErrors(null);
  };

  return (
    <AppPage
      title={`Connect your ${platform.label} store`}
      backAction={{ content: 'New migration', url: '/app/migrations/new' }}
    >
      <Layout>
        <Layout.Section>
          <Form method="post" onSubmit={submit} noValidate>
            <Card>
              <BlockStack gap="400">
                {result?.problem && !testing ? (
                  <Banner tone="critical" title="Shipyard could not read your store">
                    <p>{result.problem}</p>
                  </Banner>
                ) : null}
                <FormLayout>{platform.fields.filter((field) => !field.group).map(textField)}</FormLayout>
                {platform.groups.map((group) => (
                  <BlockStack gap="200" key={group.id}>
                    <Text as="h2" variant="headingSm">
                      {group.heading}
                    </Text>
                    <Text as="p" tone="subdued">
                      {group.help}
                    </Text>
                    <FormLayout>
                      {platform.fields.filter((field) => field.group === group.id).map(textField)}
                    </FormLayout>
                  </BlockStack>
                ))}
                <Button submit variant="primary" loading={testing}>
                  Test connection
                </Button>
              </BlockStack>
            </Card>
          </Form>
        </Layout.Section>
        {platform.help ? (
          <Layout.Section variant="oneThird">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingSm">
                  {platform.help.heading}
                </Text>
                <List type="number">
                  {platform.help.steps.map((step) => (
                    <List.Item key={step}>{step}</List.Item>
                  ))}
                </List>
                {platform.help.note ? (
                  <Text as="p" tone="subdued">
                    {platform.help.note}
                  </Text>
                ) : null}
              </BlockStack>
            </Card>
          </Layout.Section>
        ) : null}
      </Layout>
    </AppPage>
  );
}

export function ErrorBoundary() {
  return <RouteError title="Connect your store" />;
}
