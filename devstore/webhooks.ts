// Webhooks to the shop's app, signed with the app secret the way Shopify signs them, so the app's
// own verification (@shopify/shopify-api) accepts them unchanged.
import { createHmac, randomUUID } from 'node:crypto';
import { ADMIN_API_VERSION } from '../admin-api/version.ts';
import type { Shop } from './shops.ts';

export interface Delivery {
  id: string;
  topic: string;
  url: string;
  status: number | null;
  error: string | null;
  at: string;
}

const KEPT_DELIVERIES = 100;

export function signature(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('base64');
}

export class Webhooks {
  private readonly deliveries = new Map<string, Delivery[]>();
  private readonly inFlight = new Set<Promise<void>>();

  /** Shopify posts to the subscription's URI; the app's routes are /webhooks/<topic>. */
  static urlFor(shop: Shop, topic: string): string | undefined {
    if (!shop.appUrl || !shop.webhookTopics.includes(topic)) return undefined;
    return `${shop.appUrl.replace(/\/$/, '')}/webhooks/${topic}`;
  }

  send(shop: Shop, topic: string, payload: unknown): void {
    const url = Webhooks.urlFor(shop, topic);
    if (!url || !shop.appSecret) return;
    const body = JSON.stringify(payload);
    const id = randomUUID();
    const headers = {
      'Content-Type': 'application/json',
      'X-Shopify-Topic': topic,
      'X-Shopify-Hmac-Sha256': signature(body, shop.appSecret),
      'X-Shopify-Shop-Domain': shop.domain,
      'X-Shopify-API-Version': ADMIN_API_VERSION,
      'X-Shopify-Webhook-Id': id,
      'X-Shopify-Event-Id': randomUUID(),
      'X-Shopify-Triggered-At': new Date().toISOString(),
    };
    const record: Delivery = { id, topic, url, status: null, error: null, at: headers['X-Shopify-Triggered-At'] };
    const log = this.deliveries.get(shop.domain) ?? [];
    log.push(record);
    if (log.length > KEPT_DELIVERIES) log.shift();
    this.deliveries.set(shop.domain, log);
    const attempt = fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(5000) })
      .then(async (response) => {
        record.status = response.status;
        await response.arrayBuffer();
      })
      .catch((error: unknown) => {
        record.error = error instanceof Error ? error.message : String(error);
      })
      .finally(() => this.inFlight.delete(attempt));
    this.inFlight.add(attempt);
  }

  log(domain: string): Delivery[] {
    return [...(this.deliveries.get(domain) ?? [])];
  }

  forget(domain: string): void {
    this.deliveries.delete(domain);
  }

  /** Waits for deliveries under way (tests, and a clean stop). */
  async settle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }
}
