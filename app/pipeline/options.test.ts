import { describe, expect, it } from 'vitest';
import { migrationOptions } from './options.server.ts';

describe('migration options', () => {
  it('fills in every default when nothing was chosen', () => {
    expect(migrationOptions(null)).toEqual({
      keepOrderNumbers: true,
      orderStatusMap: {},
      exchangeRates: {},
      redirects: true,
      unattended: false,
      existingRecords: 'update',
      inviteCustomers: false,
      longText: 'keep-back',
      broaderCoupons: false,
      policies: 'pages',
    });
  });

  it('reads what was chosen, and falls back to the default for a value that does not fit', () => {
    const options = migrationOptions({
      existingRecords: 'skip',
      longText: 'cut',
      policies: 'policies',
      channels: ['gid://shopify/Publication/1'],
      modifiedAfter: '2026-01-01T00:00:00.000Z',
      bulk: true,
      unattended: true,
    });
    expect(options).toMatchObject({
      existingRecords: 'skip',
      longText: 'cut',
      policies: 'policies',
      channels: ['gid://shopify/Publication/1'],
      modifiedAfter: '2026-01-01T00:00:00.000Z',
      bulk: true,
      unattended: true,
    });
    expect(
      migrationOptions({
        longText: 'whatever',
        existingRecords: 42,
        broaderCoupons: 'yes',
        inviteCustomers: 'true',
        channels: 'online',
      }),
    ).toMatchObject({
      longText: 'keep-back',
      existingRecords: 'update',
      broaderCoupons: false,
      inviteCustomers: false,
      channels: undefined,
    });
  });

  it('keeps the order options’ own rules: a status Shopify does not have is refused', () => {
    expect(() =>
      migrationOptions({ orderStatusMap: { processing: { financialStatus: 'MAYBE', fulfillmentStatus: null } } }),
    ).toThrow();
  });
});
