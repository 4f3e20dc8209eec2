// Builds webhook requests the way Shopify sends them: the raw JSON body signed with the app's
// secret (base64 HMAC-SHA256) and Shopify's X-Shopify-* headers.
import { createHmac, randomUUID } from 'node:crypto';
import { API_VERSION } from '../../app/shopify.server.ts';

export interface WebhookRequestOptions {
  topic: string;
  shop: string;
  body: unknown;
  secret: string;
  webhookId?: string;
  /** Sign with this instead of the real signature (to test rejection). */
  signature?: string;
  url?: string;
}

export function sign(rawBody: string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody, 'utf8').digest('base64');
}

export function webhookRequest(options: WebhookRequestOptions): Request {
  const raw = JSON.stringify(options.body);
  const path = `/webhooks/${options.topic}`;
  return new Request(options.url ?? `http://localhost:3000${path}`, {
    method: 'POST',
    body: raw,
    headers: {
      'Content-Type': 'application/json',
      'X-Shopify-Topic': options.topic,
      'X-Shopify-Hmac-Sha256': options.signature ?? sign(raw, options.secret),
      'X-Shopify-Shop-Domain': options.shop,
      'X-Shopify-API-Version': API_VERSION,
      'X-Shopify-Webhook-Id': options.webhookId ?? randomUUID(),
      'X-Shopify-Event-Id': randomUUID(),
      'X-Shopify-Triggered-At': new Date().toISOString(),
    },
  });
}
