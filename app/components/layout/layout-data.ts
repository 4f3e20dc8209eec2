// What the /app layout's loader (routes/app.tsx) gives every admin page, read here by its route id so
// that components need not import the route.
import { useRouteLoaderData } from '@remix-run/react';

export interface AppLayoutData {
  apiKey: string;
  /** False in local mode (decisions/0005): no Shopify admin around the app. */
  embedded: boolean;
  shop: string;
  locale: string;
  timeZone: string;
}

export function useAppLayout(): AppLayoutData | undefined {
  return useRouteLoaderData<AppLayoutData>('routes/app');
}
