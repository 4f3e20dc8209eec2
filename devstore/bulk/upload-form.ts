// The signed form behind a staged upload target (POST), as Google Cloud Storage's V4 POST policy
// works (https://cloud.google.com/storage/docs/xml-api/post-object-forms, the storage Shopify's
// targets point at): the target carries the fields Shopify's do, in their order — Content-Type,
// success_action_status, acl, key, x-goog-date, x-goog-credential, x-goog-algorithm,
// x-goog-signature, policy — and the upload must send every one of them, unchanged, before the
// file: the policy lists each as a condition and is signed, and fields after the file are ignored.
// devstore signs with the shop's app secret (HMAC, GOOG4-HMAC-SHA256) where Google signs with a key.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const ALGORITHM = 'GOOG4-HMAC-SHA256';
/** Shopify's targets are good for a day (their policy's expiration is x-goog-date + 24 h). */
const LIFETIME_MS = 24 * 60 * 60 * 1000;
const BUCKET = 'devstore';

type Condition = Record<string, string> | [string, ...unknown[]];

const stamp = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** The form fields of a POST target for `key`, signed with `secret`. */
export function signedFormFields(
  secret: string,
  shop: string,
  key: string,
  contentType: string,
  maxBytes: number,
  now: Date,
): { name: string; value: string }[] {
  const date = stamp(now);
  const fields: [string, string][] = [
    ['Content-Type', contentType],
    ['success_action_status', '201'],
    ['acl', 'private'],
    ['key', key],
    ['x-goog-date', date],
    ['x-goog-credential', `devstore@${shop}/${date.slice(0, 8)}/auto/storage/goog4_request`],
    ['x-goog-algorithm', ALGORITHM],
  ];
  const conditions: Condition[] = [
    ...fields.map(([name, value]) => ({ [name]: value })),
    ['content-length-range', 1, maxBytes],
    { bucket: BUCKET },
  ];
  const policy = Buffer.from(
    JSON.stringify({
      conditions,
      expiration: new Date(now.getTime() + LIFETIME_MS).toISOString().replace(/\.\d{3}/, ''),
    }),
  ).toString('base64');
  const signature = createHmac('sha256', secret).update(policy).digest('hex');
  return [...fields, ['x-goog-signature', signature], ['policy', policy]].map(([name, value]) => ({
    name: name as string,
    value: value as string,
  }));
}

export type FormOutcome =
  | { ok: true; key: string; contentType: string; bytes: Buffer; status: number }
  | { ok: false; status: number; code: string; message: string; details?: string };

const POLICY_FAILED = 'The content of the form does not meet the conditions specified in the policy document.';
const refused = (details: string): FormOutcome => ({
  ok: false,
  status: 400,
  code: 'InvalidPolicyDocument',
  message: POLICY_FAILED,
  details,
});

/** The shop a key was handed out for: its folder names it. */
export function shopOfKey(key: string): string | undefined {
  return /^(?:tmp|bulk)\/([a-z0-9][a-z0-9-]*\.myshopify\.com)\//.exec(key)?.[1];
}

/**
 * Checks a posted form against its signed policy. `entries` in the order sent; `secretOf` finds the
 * secret of the shop the policy's key belongs to.
 */
export async function checkForm(
  entries: [string, FormDataEntryValue][],
  secretOf: (shop: string) => Promise<string | undefined>,
  now: Date,
): Promise<FormOutcome> {
  const fileAt = entries.findIndex(([name, value]) => name === 'file' && typeof value !== 'string');
  if (fileAt < 0) return { ok: false, status: 400, code: 'InvalidArgument', message: 'The form has no file field.' };
  // Storage reads the form up to the file; whatever follows it is not part of the request.
  const fields = new Map<string, string>();
  for (const [name, value] of entries.slice(0, fileAt))
    if (typeof value === 'string' && !fields.has(name)) fields.set(name, value);
  const file = entries[fileAt]?.[1] as Blob;

  const policy = fields.get('policy');
  const signature = fields.get('x-goog-signature');
  if (!policy || !signature) return refused(`Missing ${policy ? 'x-goog-signature' : 'policy'}`);
  let document: { conditions?: Condition[]; expiration?: string };
  try {
    document = JSON.parse(Buffer.from(policy, 'base64').toString('utf8')) as typeof document;
  } catch {
    return refused('The policy is not valid base64-encoded JSON.');
  }
  const conditions = document.conditions ?? [];
  const signedKey = conditions.flatMap((condition) =>
    !Array.isArray(condition) && typeof condition.key === 'string' ? [condition.key] : [],
  )[0];
  const secret = signedKey ? await secretOf(shopOfKey(signedKey) ?? '') : undefined;
  const expected = secret ? createHmac('sha256', secret).update(policy).digest('hex') : '';
  if (
    !secret ||
    expected.length !== signature.length ||
    !timingSafeEqual(Buffer.from(expected), Buffer.from(signature))
  ) {
    return {
      ok: false,
      status: 403,
      code: 'SignatureDoesNotMatch',
      message:
        'The request signature we calculated does not match the signature you provided. Check your Google secret key and signing method.',
    };
  }
  if (!document.expiration || Date.parse(document.expiration) < now.getTime()) return refused('Policy expired.');

  const named = new Set<string>();
  for (const condition of conditions) {
    if (Array.isArray(condition)) {
      const [operator, first, second] = condition;
      if (operator === 'content-length-range') {
        if (file.size < Number(first))
          return {
            ok: false,
            status: 400,
            code: 'EntityTooSmall',
            message: 'Your proposed upload is smaller than the minimum object size specified in your Policy Document.',
          };
        if (file.size > Number(second))
          return {
            ok: false,
            status: 400,
            code: 'EntityTooLarge',
            message: 'Your proposed upload is larger than the maximum object size specified in your Policy Document.',
          };
      }
      continue;
    }
    for (const [name, value] of Object.entries(condition)) {
      if (name === 'bucket') continue;
      named.add(name);
      if (fields.get(name) !== value)
        return refused(
          `Invalid condition: ${JSON.stringify({ [name]: value })}${fields.has(name) ? '' : ` (the form has no ${name} before the file)`}`,
        );
    }
  }
  const unreferenced = [...fields.keys()].filter(
    (name) => !named.has(name) && name !== 'policy' && name !== 'x-goog-signature',
  );
  if (unreferenced.length) return refused(`Policy did not reference these fields: ${unreferenced.join(', ')}`);

  const bytes = Buffer.from(await file.arrayBuffer());
  return {
    ok: true,
    key: fields.get('key') as string,
    contentType: fields.get('Content-Type') as string,
    bytes,
    status: Number(fields.get('success_action_status') ?? 204),
  };
}

/** Storage's answer to a form it refused, as XML. */
export function errorXml(outcome: Extract<FormOutcome, { ok: false }>): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version='1.0' encoding='UTF-8'?><Error><Code>${outcome.code}</Code><Message>${escape(outcome.message)}</Message>${outcome.details ? `<Details>${escape(outcome.details)}</Details>` : ''}</Error>`;
}

/** What storage answers a stored upload with `success_action_status` 201. */
export function createdXml(location: string, key: string, bytes: Buffer): string {
  const etag = createHash('md5').update(bytes).digest('hex');
  return `<?xml version="1.0" encoding="UTF-8"?><PostResponse><Location>${location}</Location><Bucket>${BUCKET}</Bucket><Key>${key}</Key><ETag>"${etag}"</ETag></PostResponse>`;
}
