// How each kind of Shopify object Shipyard writes is deleted, chosen by the object's GID type
// (gid://shopify/<Type>/<id>) rather than by entity name, so an entity another loader adds (pages,
// discounts, reviews as metaobjects) is undone without a change here when its type is listed.
import type { AdminClient } from './client.server.ts';
import { type UserError, describeUserErrors } from './user-errors.server.ts';

interface Deleter {
  mutation: string;
  variables: (id: string) => Record<string, unknown>;
  /** The payload's name and the field that holds the deleted object's id. */
  payload: string;
  deletedField: string;
}

const byInput = (id: string) => ({ input: { id } });
const byId = (id: string) => ({ id });

export const DELETERS: Record<string, Deleter> = {
  UrlRedirect: {
    mutation: `#graphql
      mutation UndoRedirect($id: ID!) { urlRedirectDelete(id: $id) { deletedUrlRedirectId userErrors { field message } } }`,
    variables: byId,
    payload: 'urlRedirectDelete',
    deletedField: 'deletedUrlRedirectId',
  },
  Metaobject: {
    mutation: `#graphql
      mutation UndoMetaobject($id: ID!) { metaobjectDelete(id: $id) { deletedId userErrors { field message code } } }`,
    variables: byId,
    payload: 'metaobjectDelete',
    deletedField: 'deletedId',
  },
  DiscountCodeNode: {
    mutation: `#graphql
      mutation UndoDiscountCode($id: ID!) { discountCodeDelete(id: $id) { deletedCodeDiscountId userErrors { field message code } } }`,
    variables: byId,
    payload: 'discountCodeDelete',
    deletedField: 'deletedCodeDiscountId',
  },
  DiscountAutomaticNode: {
    mutation: `#graphql
      mutation UndoAutomaticDiscount($id: ID!) { discountAutomaticDelete(id: $id) { deletedAutomaticDiscountId userErrors { field message code } } }`,
    variables: byId,
    payload: 'discountAutomaticDelete',
    deletedField: 'deletedAutomaticDiscountId',
  },
  Article: {
    mutation: `#graphql
      mutation UndoArticle($id: ID!) { articleDelete(id: $id) { deletedArticleId userErrors { field message code } } }`,
    variables: byId,
    payload: 'articleDelete',
    deletedField: 'deletedArticleId',
  },
  Blog: {
    mutation: `#graphql
      mutation UndoBlog($id: ID!) { blogDelete(id: $id) { deletedBlogId userErrors { field message code } } }`,
    variables: byId,
    payload: 'blogDelete',
    deletedField: 'deletedBlogId',
  },
  // Images from pages' and posts' bodies (the pipeline's entities/pages/body-images.server.ts).
  MediaImage: {
    mutation: `#graphql
      mutation UndoFile($fileIds: [ID!]!) { fileDelete(fileIds: $fileIds) { deletedFileIds userErrors { field message code } } }`,
    variables: (id) => ({ fileIds: [id] }),
    payload: 'fileDelete',
    deletedField: 'deletedFileIds',
  },
  Page: {
    mutation: `#graphql
      mutation UndoPage($id: ID!) { pageDelete(id: $id) { deletedPageId userErrors { field message code } } }`,
    variables: byId,
    payload: 'pageDelete',
    deletedField: 'deletedPageId',
  },
  Order: {
    mutation: `#graphql
      mutation UndoOrder($orderId: ID!) { orderDelete(orderId: $orderId) { deletedId userErrors { field message code } } }`,
    variables: (id) => ({ orderId: id }),
    payload: 'orderDelete',
    deletedField: 'deletedId',
  },
  Customer: {
    mutation: `#graphql
      mutation UndoCustomer($input: CustomerDeleteInput!) { customerDelete(input: $input) { deletedCustomerId userErrors { field message } } }`,
    variables: byInput,
    payload: 'customerDelete',
    deletedField: 'deletedCustomerId',
  },
  Product: {
    mutation: `#graphql
      mutation UndoProduct($input: ProductDeleteInput!) { productDelete(input: $input) { deletedProductId userErrors { field message } } }`,
    variables: byInput,
    payload: 'productDelete',
    deletedField: 'deletedProductId',
  },
  Collection: {
    mutation: `#graphql
      mutation UndoCollection($input: CollectionDeleteInput!) { collectionDelete(input: $input) { deletedCollectionId userErrors { field message } } }`,
    variables: byInput,
    payload: 'collectionDelete',
    deletedField: 'deletedCollectionId',
  },
};

export function gidType(gid: string): string | null {
  return /^gid:\/\/shopify\/([A-Za-z]+)\//.exec(gid)?.[1] ?? null;
}

/** Shopify's words for an object that is no longer there: the merchant deleted it already. */
const GONE = /not (?:be )?found|does not exist|doesn't exist|can't be found|could not be found/i;

export type Deletion = { outcome: 'deleted' } | { outcome: 'gone' } | { outcome: 'failed'; reason: string };

export async function deleteObject(client: AdminClient, gid: string): Promise<Deletion> {
  const type = gidType(gid);
  const deleter = type ? DELETERS[type] : undefined;
  if (!deleter)
    return {
      outcome: 'failed',
      reason: `Shipyard cannot delete a ${type ?? 'record'} (${gid}); delete it in Shopify admin if it should go.`,
    };
  const { data } = await client.request<
    Record<string, { userErrors: (UserError & { code?: string | null })[] } & Record<string, unknown>>
  >(deleter.mutation, deleter.variables(gid), { estimatedCost: 10 });
  const answer = data[deleter.payload];
  if (!answer) return { outcome: 'failed', reason: 'Shopify answered without a result' };
  // An id, or a list of ids (fileDelete's deletedFileIds), which is [] beside userErrors: only a non-empty answer deleted something.
  const deleted = answer[deleter.deletedField];
  if (Array.isArray(deleted) ? deleted.length > 0 : deleted) return { outcome: 'deleted' };
  const errors = answer.userErrors;
  if (errors.length > 0 && errors.every((error) => error.code === 'NOT_FOUND' || GONE.test(error.message)))
    return { outcome: 'gone' };
  return { outcome: 'failed', reason: describeUserErrors(errors) || 'Shopify did not delete it' };
}
