// The old store's privacy, refund and terms pages written as the shop's policies (Settings →
// Policies, linked from checkout) when the merchant chose so (Migration.options.policies =
// 'policies'), instead of plain pages. Whatever policy the shop had is kept first (RecordBefore,
// entity "policies"), so an undo puts it back exactly, or clears it when there was none. The page is
// linked to the policy without being "created" by the migration: undo restores, never deletes.
import { db } from '../../../db/db.server.ts';
import type { AdminClient } from '../../../shopify-admin/client.server.ts';
import type { PageRecord } from '../pages/input.server.ts';
import type { policyFor } from './store-pages.server.ts';
import { type UserError, describeUserErrors } from '../../../shopify-admin/user-errors.server.ts';
import type { Writer } from '../../../shopify-admin/writer.server.ts';
import { SHOP_POLICIES, UPDATE_POLICY } from '../../../shopify-admin/graphql/shop.ts';

interface PolicyBefore {
  type: string;
  body: string;
}

type Policy = NonNullable<ReturnType<typeof policyFor>>;

/** Writes the page as the policy; the policy's id and URL, or Shopify's reason. */
export async function writePolicy(
  migrationId: string,
  shop: string,
  writer: Writer,
  page: PageRecord,
  bodyHtml: string,
  policy: Policy,
): Promise<{ id: string; url: string } | { error: string }> {
  const { data: current } = await writer.client.request<{
    shop: { shopPolicies: { id: string; type: string; body: string }[] };
  }>(SHOP_POLICIES, {}, { estimatedCost: 2 });
  const had = current.shop.shopPolicies.find((candidate) => candidate.type === policy.type);
  const before: PolicyBefore = { type: policy.type, body: had?.body ?? '' };
  const { data } = await writer.client.request<{
    shopPolicyUpdate: { shopPolicy: { id: string; url: string } | null; userErrors: UserError[] };
  }>(UPDATE_POLICY, { shopPolicy: { type: policy.type, body: bodyHtml } }, { estimatedCost: 10 });
  const written = data.shopPolicyUpdate.shopPolicy;
  if (!written)
    return {
      error: `Shopify would not take “${page.title}” as the shop’s ${policy.name}: ${describeUserErrors(data.shopPolicyUpdate.userErrors) || 'no policy returned'}`,
    };
  // The first migration to write the policy keeps the original; a re-sync leaves it.
  await db().recordBefore.createMany({
    data: [{ shop, migrationId, entity: 'policies', shopifyGid: written.id, before: before as object }],
    skipDuplicates: true,
  });
  return { id: written.id, url: written.url };
}

/** Puts a policy back as it was before the migration wrote it (an empty body: the shop had none). */
export async function putPolicyBack(client: AdminClient, before: unknown): Promise<string | null> {
  const policy = before as PolicyBefore;
  const { data } = await client.request<{
    shopPolicyUpdate: { shopPolicy: { id: string } | null; userErrors: UserError[] };
  }>(UPDATE_POLICY, { shopPolicy: { type: policy.type, body: policy.body } }, { estimatedCost: 10 });
  return data.shopPolicyUpdate.shopPolicy
    ? null
    : describeUserErrors(data.shopPolicyUpdate.userErrors) || 'Shopify did not update the policy';
}
