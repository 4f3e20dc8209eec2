// The admin layout: every /app page authenticates here and renders inside Polaris' AppProvider.
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { Link, Outlet, useLoaderData, useRouteError } from '@remix-run/react';
import { NavMenu } from '@shopify/app-bridge-react';
import polarisStyles from '@shopify/polaris/build/esm/styles.css';
import { AppProvider } from '@shopify/shopify-app-remix/react';
import { boundary } from '@shopify/shopify-app-remix/server';
import type { AppLayoutData } from '../components/layout/layout-data.ts';
import { LocalModeBar } from '../components/layout/LocalModeBar.tsx';
import { shopFormatting } from '../shopify-app/shop-formatting.server.ts';
import { apiKey, authenticateStaff, isLocal } from '../shopify.server.ts';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: polarisStyles }];

export const loader = async ({ request }: LoaderFunctionArgs): Promise<AppLayoutData> => {
  const { session } = await authenticateStaff(request);
  return { apiKey, embedded: !isLocal, shop: session.shop, ...(await shopFormatting(request, session.shop)) };
};

export default function AppLayout() {
  const { apiKey: key, embedded, shop } = useLoaderData<typeof loader>();
  return (
    <AppProvider isEmbeddedApp={embedded} apiKey={key}>
      {embedded ? (
        <NavMenu>
          <Link to="/app" rel="home">
            Migrations
          </Link>
          <Link to="/app/migrations/new">New migration</Link>
        </NavMenu>
      ) : (
        <LocalModeBar shop={shop} />
      )}
      <Outlet />
    </AppProvider>
  );
}

// Shopify's boundary turns its auth redirects (thrown Responses) into the right headers and pages.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
