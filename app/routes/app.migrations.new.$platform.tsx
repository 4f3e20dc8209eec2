// Step 2 of a new migration: the source store's address and API keys, with help on where to find
// them, and optionally a WordPress user and application password (to move drafts and private pages
// and posts), checked by connecting. A store that answers becomes a saved draft (keys encrypted).
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { Banner, BlockStack, Button, Card, FormLayout, Layout, List, Text, TextField } from '@shopify/polaris';
import { AppPage } from '../components/layout/AppPage.tsx';
import { type FormEvent, useState } from 'react';
import { RouteError } from '../components/layout/RouteError.tsx';
import { createDraft, testConnection } from '../migrations/drafts.server.ts';
import { ConnectionForm, type FieldErrors, parseForm } from '../migrations/forms.ts';
import { authenticateStaff } from '../shopify.server.ts';
import { SOURCE_PLATFORMS } from '../migrations/platforms.server.ts';

function availablePlatform(id: string | undefined) {
  const platform = SOURCE_PLATFORMS.find((candidate) => candidate.id === id && candidate.available);
  if (!platform) throw new Response('Shipyard cannot move a store from this platform yet.', { status: 404 });
  return platform;
}

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  await authenticateStaff(request);
  return { platform: availablePlatform(params.platform) };
};

// Which field a connection problem is about, so its message sits beside that field.
const PROBLEM_FIELD: Record<string, string> = {
  unreachable: 'url',
  'not-the-platform': 'url',
  'api-disabled': 'url',
  'wrong-credentials': 'consumerKey',
  forbidden: 'consumerKey',
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticateStaff(request);
  const platform = availablePlatform(params.platform);
  const parsed = parseForm(ConnectionForm, await request.formData());
  if (!parsed.ok) return { errors: parsed.errors, problem: null };
  const check = await testConnection(platform.id, parsed.value);
  if (!check.ok) {
    const field = check.field ?? PROBLEM_FIELD[check.problem];
    // Beside the field it is about, or above the form when it is about the store as a whole.
    return field ? { errors: { [field]: check.message }, problem: null } : { errors: {}, problem: check.message };
  }
  const draft = await createDraft(session.shop, platform.id, parsed.value, check.description.counts);
  return redirect(`/app/migrations/${draft.id}/setup`);
};

export default function ConnectStore() {
  const { platform } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [values, setValues] = useState({ url: '', consumerKey: '', consumerSecret: '', wordpressUser: '', wordpressApplicationPassword: '' });
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  // The server's answer wins once it arrives; typing clears the message for that field.
  const errors: FieldErrors = clientErrors ?? result?.errors ?? {};
  const testing = navigation.state !== 'idle' && navigation.formMethod === 'POST';

  const change = (field: keyof typeof values) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setClientErrors((current) => ({ ...(current ?? result?.errors ?? {}), [field]: undefined }));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    const parsed = parseForm(ConnectionForm, new FormData(event.currentTarget));
    if (!parsed.ok) {
      event.preventDefault();
      setClientErrors(parsed.errors);
      return;
    }
    setClientErrors(null);
  };

  return (
    <AppPage title={`Connect your ${platform.label} store`} backAction={{ content: 'New migration', url: '/app/migrations/new' }}>
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
                <FormLayout>
                  <TextField
                    label="Store address"
                    name="url"
                    type="url"
                    autoComplete="url"
                    placeholder="https://your-store.com"
                    value={values.url}
                    onChange={change('url')}
                    error={errors.url}
                    helpText="The address shoppers visit, starting with https://"
                  />
                  <TextField
                    label="Consumer key"
                    name="consumerKey"
                    autoComplete="off"
                    placeholder="ck_…"
                    value={values.consumerKey}
                    onChange={change('consumerKey')}
                    error={errors.consumerKey}
                    monospaced
                  />
                  <TextField
                    label="Consumer secret"
                    name="consumerSecret"
                    type="password"
                    autoComplete="off"
                    placeholder="cs_…"
                    value={values.consumerSecret}
                    onChange={change('consumerSecret')}
                    error={errors.consumerSecret}
                    helpText="Stored encrypted, used only to read your store."
                    monospaced
                  />
                </FormLayout>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingSm">
                    WordPress pages and posts (optional)
                  </Text>
                  <Text as="p" tone="subdued">
                    Without these, only published pages and blog posts move. To move drafts, private pages and scheduled posts too, create an application password in WordPress
                    under Users → Profile → Application Passwords (WordPress 5.6 or later) for an Administrator or Editor, and enter it here.
                  </Text>
                  <FormLayout>
                    <TextField
                      label="WordPress username"
                      name="wordpressUser"
                      autoComplete="off"
                      value={values.wordpressUser}
                      onChange={change('wordpressUser')}
                      error={errors.wordpressUser}
                      helpText="The name you log in to WordPress with, or your email address."
                    />
                    <TextField
                      label="Application password"
                      name="wordpressApplicationPassword"
                      type="password"
                      autoComplete="off"
                      placeholder="abcd EFGH 1234 ijkl MNOP 6789"
                      value={values.wordpressApplicationPassword}
                      onChange={change('wordpressApplicationPassword')}
                      error={errors.wordpressApplicationPassword}
                      helpText="Not your WordPress login password. Stored encrypted, used only to read pages and posts; revoke it in WordPress after the move."
                      monospaced
                    />
                  </FormLayout>
                </BlockStack>
                <Button submit variant="primary" loading={testing}>
                  Test connection
                </Button>
              </BlockStack>
            </Card>
          </Form>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingSm">
                Where to find the keys
              </Text>
              <List type="number">
                <List.Item>In WordPress, open WooCommerce → Settings → Advanced → REST API.</List.Item>
                <List.Item>Choose Add key, give it a description such as “Shipyard”, and set Permissions to Read.</List.Item>
                <List.Item>Choose Generate API key, then copy the consumer key and secret here.</List.Item>
              </List>
              <Text as="p" tone="subdued">
                Shipyard only reads from your store; nothing there is changed.
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </AppPage>
  );
}

export function ErrorBoundary() {
  return <RouteError title="Connect your store" />;
}
