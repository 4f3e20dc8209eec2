import { describe, expect, it } from 'vitest';
import { EnvError, isLocalMode, parseEnv } from './env.server.ts';

function failure(source: Record<string, string>): EnvError {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error;
    throw error;
  }
  throw new Error('expected the environment to be rejected');
}

describe('environment', () => {
  it('starts in local mode with nothing set, on port 3000 with the embedded database', () => {
    const env = parseEnv({});
    expect(isLocalMode(env)).toBe(true);
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.RUN_WORKER).toBe(true);
  });

  it('names a malformed variable and says what is wrong with it', () => {
    const error = failure({ PORT: 'eighty', DATABASE_URL: 'mysql://localhost/shop' });
    expect(error.variables).toEqual(['PORT', 'DATABASE_URL']);
    expect(error.message).toMatch(/PORT .*number/);
    expect(error.message).toContain('DATABASE_URL must be a postgresql:// URL with a database name');
    expect(error.message).toContain('.env.example');
  });

  it('names each missing Shopify credential when only some are set', () => {
    const error = failure({ SHOPIFY_API_KEY: 'key' });
    expect(error.variables).toEqual(['SHOPIFY_API_SECRET', 'SHOPIFY_APP_URL']);
    expect(error.message).toContain('SHOPIFY_API_SECRET is required when SHOPIFY_API_KEY is set');
  });

  it('never repeats a secret value in its message', () => {
    const error = failure({
      SHOPIFY_API_KEY: 'key',
      SHOPIFY_API_SECRET: 'shpss_very_secret_value',
      SHOPIFY_APP_URL: 'not a url',
      SHIPYARD_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    });
    expect(error.variables).toEqual(['SHOPIFY_APP_URL']);
    expect(error.message).not.toContain('shpss_very_secret_value');
  });

  it('leaves local mode when all Shopify credentials and the encryption key are given', () => {
    const env = parseEnv({
      SHOPIFY_API_KEY: 'key',
      SHOPIFY_API_SECRET: 'secret',
      SHOPIFY_APP_URL: 'https://shipyard.example.com',
      SHIPYARD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    });
    expect(isLocalMode(env)).toBe(false);
  });

  it('requires the encryption key for a real app, and says what it is for', () => {
    const error = failure({
      SHOPIFY_API_KEY: 'key',
      SHOPIFY_API_SECRET: 'secret',
      SHOPIFY_APP_URL: 'https://shipyard.example.com',
    });
    expect(error.variables).toEqual(['SHIPYARD_ENCRYPTION_KEY']);
    expect(error.message).toContain('encrypts the source stores’ credentials');
  });

  it('rejects an encryption key of the wrong length', () => {
    expect(failure({ SHIPYARD_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') }).variables).toEqual([
      'SHIPYARD_ENCRYPTION_KEY',
    ]);
  });

  it('treats an empty variable as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', PORT: '' }).PORT).toBe(3000);
  });
});
