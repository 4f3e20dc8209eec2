import { describe, expect, it } from 'vitest';
import { decimalString, moneyV2 } from './money.ts';

describe('money as Shopify writes it', () => {
  it('writes a Decimal without trailing zeros but with one decimal place', () => {
    expect(
      ['40.60', '30.00', '0.00', '6.5', '119.60', '885.95', '-20.70', '-0.00', '29.999'].map(decimalString),
    ).toEqual(['40.6', '30.0', '0.0', '6.5', '119.6', '885.95', '-20.7', '0.0', '29.999']);
    expect([40.6, 30, 0, 0.1 + 0.2, -0].map(decimalString)).toEqual(['40.6', '30.0', '0.0', '0.3', '0.0']);
  });

  it('makes a MoneyV2 of an amount and its currency', () => {
    expect(moneyV2('65.00', 'EUR')).toEqual({ __typename: 'MoneyV2', amount: '65.0', currencyCode: 'EUR' });
  });
});
