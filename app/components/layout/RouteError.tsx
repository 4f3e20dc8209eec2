// An admin page's error state: what went wrong in words, and the way back. Shopify's own auth
// responses (session token missing or expired) go on to the layout's boundary, which handles them.
import { isRouteErrorResponse, useRouteError } from '@remix-run/react';
import { Banner, Page } from '@shopify/polaris';

const OURS = [400, 404, 409];

export function RouteError({ title }: { title: string }) {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && !OURS.includes(error.status)) throw error;
  const message = isRouteErrorResponse(error)
    ? String(error.data)
    : 'Shipyard could not load this page. Reload it; if it keeps failing, the migration itself is safe and carries on in the background.';
  return (
    <Page title={title} backAction={{ content: 'Migrations', url: '/app' }}>
      <Banner
        tone="critical"
        title={isRouteErrorResponse(error) && error.status === 404 ? 'Not found' : 'Something went wrong'}
      >
        <p>{message}</p>
      </Banner>
    </Page>
  );
}
