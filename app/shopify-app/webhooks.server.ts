// The shared path of every webhook route: verify the HMAC (Shopify's library answers 401 when it
// does not match), skip a delivery already handled, act, and answer at once.
import { ZodError } from 'zod';
import { db } from '../db/db.server.ts';
import { authenticate } from '../shopify.server.ts';

export type WebhookContext = Awaited<ReturnType<typeof authenticate.webhook>>;

export async function receiveWebhook(
  request: Request,
  act: (webhook: WebhookContext) => Promise<void>,
): Promise<Response> {
  const webhook = await authenticate.webhook(request);
  const seen = await db().webhookReceipt.findUnique({ where: { webhookId: webhook.webhookId } });
  if (!seen) {
    try {
      await act(webhook);
    } catch (error) {
      if (!(error instanceof ZodError)) throw error;
      // Signed by Shopify but not in the documented shape: retrying cannot help, so say why once.
      const problems = error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
      await db().auditEntry.create({
        data: { shop: webhook.shop, action: 'webhook.rejected', detail: { topic: String(webhook.topic), problems } },
      });
      return new Response(`Webhook body not understood: ${problems.join('; ')}`, { status: 400 });
    }
    // Written after acting: a delivery that failed half-way is retried by Shopify and acted on again,
    // which every handler tolerates.
    await db().webhookReceipt.upsert({
      where: { webhookId: webhook.webhookId },
      create: { webhookId: webhook.webhookId, shop: webhook.shop, topic: String(webhook.topic) },
      update: {},
    });
  }
  return new Response(null, { status: 200 });
}
