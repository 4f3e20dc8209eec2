import { describe, expect, it } from 'vitest';
import { formatExchangeRates, parseExchangeRates } from './exchange-rates.ts';

describe('exchange rates as the merchant writes them', () => {
  it('reads currencies and rates, written back the same way', () => {
    const rates = parseExchangeRates('eur = 1.0850\nGBP:1.17; chf=1.12');
    expect(rates).toEqual({ EUR: '1.0850', GBP: '1.17', CHF: '1.12' });
    expect(formatExchangeRates(rates as Record<string, string>)).toBe('EUR=1.0850, GBP=1.17, CHF=1.12');
    expect(parseExchangeRates('')).toEqual({});
  });

  it('says what is wrong with one it cannot use', () => {
    expect(parseExchangeRates('EUR=0')).toBe('EUR: A rate is more than 0.');
    expect(parseExchangeRates('EURO=1.1')).toMatch(/^“EURO=1.1” is not a rate/);
  });
});
