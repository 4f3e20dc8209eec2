// The shop's offline session for work no one has open (jobs, the CLI), through the Shopify app
// library's own path: `unauthenticated.admin` refreshes an expiring offline token within five
// minutes of its end and stores the new pair (docs/decisions/0018-expiring-offline-tokens.md).
// Shopify can refuse a token before the stored expiry says so (clocks differ, a token is rotated
// elsewhere); then the session is marked expired and the library refreshes it the same way.
import type { Session } from '@shopify/shopify-api';
import { setAbstractFetchFunc } from '@shopify/shopify-api/runtime';
import { db } from '../db/db.server.ts';
import { isLocalMode } from '../shopify-app/env.server.ts';
import { PrismaSessionStorage } from '../shopify-app/sessions.server.ts';
import { AdminApiError } from './client.server.ts';

const storage = new PrismaSessionStorage();

/** One refresh at a time per shop in this process; other processes wait on the database lock. */
const inFlight = new Map<string, Promise<Session>>();

/**
 * The shop's offline session with a token Shopify will take: refreshed first when it is about to
 * expire, or when `refused` (the token Shopify just answered 401 to) is still the stored one.
 */
export async function offlineSession(shop: string, refused?: string): Promise<Session> {
  const key = `${shop}\n${refused ?? ''}`;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = freshSession(shop, refused).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

async function freshSession(shop: string, refused: string | undefined): Promise<Session> {
  const stored = await storedOfflineSession(shop);
  // A token that expires in time and was not refused needs neither the lock nor the library's refresh.
  if (!refused && !stored.isExpired(REFRESH_WITHIN_MS)) return stored;
  if (refused && stored.accessToken !== refused) return stored; // another job already renewed it
  if (!stored.refreshToken) return stored; // a token that never expires: a refusal stands
  // The lock is held while the library refreshes, so two processes never spend one refresh token twice.
  return db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`offline-session:${shop}`}))`;
      const current = await storedOfflineSession(shop);
      if (refused && current.accessToken !== refused) return current;
      if (refused) {
        current.expires = new Date(Date.now() - 1000);
        await storage.storeSession(current);
      }
      return refreshedByTheLibrary(shop);
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
}

/** The library's own margin: it refreshes a token within five minutes of its end. */
const REFRESH_WITHIN_MS = 5 * 60_000;

async function storedOfflineSession(shop: string): Promise<Session> {
  const sessions = await storage.findSessionsByShop(shop);
  const offline = sessions.find((session) => !session.isOnline && session.accessToken);
  if (!offline)
    throw new AdminApiError('unauthorized', `${shop} has no offline access token: the app is not installed there.`);
  return offline;
}

async function refreshedByTheLibrary(shop: string): Promise<Session> {
  // Imported here, not at the top: shopify.server.ts reaches the job queue, whose tasks reach this module.
  const { default: shopify } = await import('../shopify.server.ts');
  if (isLocalMode()) routeShopRequestsToDevstore();
  try {
    const { session } = await shopify.unauthenticated.admin(shop);
    return session;
  } catch (error) {
    // The library answers a refused refresh with a bare 500 Response, whatever Shopify said; the
    // merchant's way back is the same either way: open the app, which signs in afresh.
    const detail =
      error instanceof Response
        ? `${error.status} ${error.statusText}`
        : error instanceof Error
          ? error.message
          : String(error);
    throw new AdminApiError(
      'unauthorized',
      `Shopify would not renew the app's access to ${shop} (${detail}); open Shipyard from the store's admin so it can sign in again, then resume.`,
      401,
      { cause: error },
    );
  }
}

let routed = false;

/**
 * In local mode the shop is devstore's: the library's requests to https://<shop>/… (the token
 * refresh) go to devstore's address, naming the shop as the app's own client does.
 */
function routeShopRequestsToDevstore(): void {
  if (routed) return;
  routed = true;
  setAbstractFetchFunc(async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const { devstoreUrl } = await import('./connection.server.ts');
    const target = new URL(`${url.pathname}${url.search}`, devstoreUrl());
    const headers = new Headers(init?.headers);
    headers.set('X-Devstore-Shop', url.hostname);
    return fetch(target, { ...init, headers });
  });
}
