import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptCredentials, encryptCredentials, encryptionKey } from './credentials.server.ts';

const secret = { url: 'https://old-store.example.com', consumerKey: 'ck_live_123', consumerSecret: 'cs_live_456' };

describe('source credentials at rest', () => {
  it('round-trips, and the stored form does not contain the secret', () => {
    const sealed = encryptCredentials('a.myshopify.com', secret);
    expect(sealed).not.toContain('cs_live_456');
    expect(sealed).toMatch(/^v1\./);
    expect(decryptCredentials('a.myshopify.com', sealed)).toEqual(secret);
  });

  it('is bound to the shop: another shop’s row does not decrypt', () => {
    const sealed = encryptCredentials('a.myshopify.com', secret);
    expect(() => decryptCredentials('b.myshopify.com', sealed)).toThrow(/could not be decrypted/);
  });

  it('refuses a tampered or wrongly keyed value', () => {
    const sealed = encryptCredentials('a.myshopify.com', secret);
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3] ?? '', 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() =>
      decryptCredentials('a.myshopify.com', [...parts.slice(0, 3), flipped.toString('base64url')].join('.')),
    ).toThrow(/could not be decrypted/);
    expect(() => decryptCredentials('a.myshopify.com', sealed, randomBytes(32))).toThrow(/could not be decrypted/);
  });

  it('keeps one local key across calls', () => {
    expect(encryptionKey().equals(encryptionKey())).toBe(true);
    expect(encryptionKey()).toHaveLength(32);
  });
});
