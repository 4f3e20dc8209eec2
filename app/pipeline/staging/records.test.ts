// A staged record is read through the model's schema on its way out of staging, so a migration staged
// by an older Shipyard is written as its records meant (decision 0031); a record that no longer parses
// goes on as it was stored (Shopify's answer then keeps it with its reason, as the writers' tests show).
import { describe, expect, it } from 'vitest';
import { stagedRecord } from './records.server.ts';

describe('stagedRecord', () => {
  it('reads a coupon staged before allowedCustomers: still limited to its addresses and patterns', () => {
    const row = {
      data: {
        sourceId: '7',
        code: 'VIP',
        sourceType: 'percent',
        value: { kind: 'percentage', percent: 10 },
        allowedEmails: ['vip@example.com', '*@studio.example'],
      },
    };
    expect(stagedRecord('discounts', row).allowedCustomers).toEqual([
      { kind: 'email', value: 'vip@example.com' },
      { kind: 'pattern', value: '*@studio.example' },
    ]);
  });

  it('reads a record that no longer parses as it was stored, so the write goes on and Shopify decides', () => {
    const stored = { sourceId: '8', code: 'X' };
    expect(stagedRecord('discounts', { data: stored })).toBe(stored);
  });
});
