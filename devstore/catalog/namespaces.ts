// The app's reserved metafield namespace. `$app` is the installed app's own `app--<API client id>`,
// `$app:name` is `app--<id>--name`, and a metafield or definition given no namespace lands in `$app`;
// the resolved name is what is stored and read back.
// https://shopify.dev/docs/apps/build/custom-data/ownership ("Create metafield definitions with reserved namespaces")

/** The API client id of the one app devstore has installed on every shop: the app under test. */
export const APP_CLIENT_ID = '7200001';

export const APP_NAMESPACE = '$app';

export function resolveNamespace(namespace: string | null | undefined): string {
  const given = namespace ?? APP_NAMESPACE;
  if (given === APP_NAMESPACE) return `app--${APP_CLIENT_ID}`;
  if (given.startsWith(`${APP_NAMESPACE}:`)) return `app--${APP_CLIENT_ID}--${given.slice(APP_NAMESPACE.length + 1)}`;
  return given;
}
