// A staged record is read through the model's schema on its way out of staging, so a migration staged
// by an older Shipyard is written as its records meant (decision 0031), and a record that no longer
// fits stops with a message instead of being written half-read.
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

  it('names the record’s entity and field when the stored JSON no longer fits the model', () => {
    expect(() => stagedRecord('discounts', { data: { sourceId: '8', code: 'X' } })).toThrow(
      /A staged discounts record no longer fits Shipyard's model \(.*value/,
    );
  });
});
