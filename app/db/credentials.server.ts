// Source-platform credentials (API keys of the merchant's old store) are stored encrypted with
// AES-256-GCM under SHIPYARD_ENCRYPTION_KEY, and decrypted only in the job that uses them.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env, isLocalMode } from '../shopify-app/env.server.ts';

const VERSION = 'v1';

/** The 32-byte key: from the environment, or in local mode one generated into the data folder. */
export function encryptionKey(): Buffer {
  const config = env();
  if (config.SHIPYARD_ENCRYPTION_KEY) return Buffer.from(config.SHIPYARD_ENCRYPTION_KEY, 'base64');
  if (!isLocalMode(config)) throw new Error('SHIPYARD_ENCRYPTION_KEY is required outside local mode');
  const file = path.join(config.SHIPYARD_DATA_DIR, 'local-encryption-key');
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  } catch {
    fs.mkdirSync(config.SHIPYARD_DATA_DIR, { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch {
      // another process wrote it first; read theirs below
    }
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  }
}

/** "v1.<iv>.<tag>.<ciphertext>", base64url parts; the shop is bound in as associated data. */
export function encryptCredentials(shop: string, credentials: unknown, key: Buffer = encryptionKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(shop));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
  return [
    VERSION,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    ciphertext.toString('base64url'),
  ].join('.');
}

export function decryptCredentials(shop: string, sealed: string, key: Buffer = encryptionKey()): unknown {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || !ciphertext)
    throw new Error('stored credentials are not in a format this version can read');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(shop));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
    return JSON.parse(plain.toString('utf8'));
  } catch {
    // Wrong key, another shop's row, or tampering: all the same to the caller, and none worth detailing.
    throw new Error('stored credentials could not be decrypted (wrong SHIPYARD_ENCRYPTION_KEY, or not this shop’s)');
  }
}
