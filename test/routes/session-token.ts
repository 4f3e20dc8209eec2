// Shopify admin session tokens as App Bridge sends them: HS256 JWTs signed with the app's secret,
// naming the shop in `dest` and the app in `aud` (shopify.dev: session token payload).
import { createHmac, randomUUID } from 'node:crypto';

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export function sessionToken(options: { shop: string; apiKey: string; secret: string; expiresIn?: number }): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(
    JSON.stringify({
      iss: `https://${options.shop}/admin`,
      dest: `https://${options.shop}`,
      aud: options.apiKey,
      sub: '42',
      exp: now + (options.expiresIn ?? 60),
      nbf: now - 5,
      iat: now - 5,
      jti: randomUUID(),
      sid: randomUUID(),
    }),
  );
  const signature = createHmac('sha256', options.secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}
