// The app's front door. Shopify opens the app with ?shop=…, which goes straight to the admin UI;
// in local mode there is only the demo shop; anyone else is asked for their store's domain.
import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { platformsInWords } from '../migrations/platforms.server.ts';
import { isLocal } from '../shopify.server.ts';
import landingStyles from '../styles/landing.css';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: landingStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (isLocal || url.searchParams.get('shop')) {
    const query = url.searchParams.toString();
    throw redirect(query ? `/app?${query}` : '/app');
  }
  return { platforms: platformsInWords() };
};

export default function Landing() {
  const { platforms } = useLoaderData<typeof loader>();
  return (
    <main className="landing">
      <h1>Shipyard</h1>
      <p>
        Move your store from {platforms.available} into Shopify, then launch it.
        {platforms.coming ? ` Coming soon: ${platforms.coming}.` : ''}
      </p>
      <Form method="post" action="/auth/login" className="landing-form">
        <label htmlFor="shop">Your Shopify store</label>
        <input id="shop" type="text" name="shop" placeholder="example.myshopify.com" autoComplete="on" />
        <button type="submit">Open Shipyard</button>
      </Form>
    </main>
  );
}
