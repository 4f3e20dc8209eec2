// The locale and time zone the admin formats numbers and dates in: the admin's own locale (Shopify
// passes it on the embedded URL), else the browser's, and the shop's time zone so the server's
// rendering and the browser's agree.
import { db } from '../db/db.server.ts';

export interface Formatting {
  locale: string;
  timeZone: string;
}

function supported(tag: string | null | undefined): string | null {
  if (!tag) return null;
  try {
    return Intl.NumberFormat.supportedLocalesOf(tag)[0] ?? null;
  } catch {
    return null;
  }
}

export async function shopFormatting(request: Request, shop: string): Promise<Formatting> {
  const fromAdmin = new URL(request.url).searchParams.get('locale');
  const fromBrowser = request.headers.get('accept-language')?.split(',')[0]?.split(';')[0]?.trim();
  const record = await db().shop.findUnique({ where: { shop }, select: { ianaTimezone: true } });
  return {
    locale: supported(fromAdmin) ?? supported(fromBrowser) ?? 'en',
    timeZone: record?.ianaTimezone && supportedZone(record.ianaTimezone) ? record.ianaTimezone : 'UTC',
  };
}

function supportedZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
