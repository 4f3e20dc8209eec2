// The exchange rates a merchant gives for orders in another currency than their Shopify store's:
// one unit of each source currency in the shop's currency, written "EUR=1.0850, GBP=1.17" on the
// setup page and as --exchange-rate EUR=1.0850 on the command line. Shared by the browser, the
// server and the CLI, so each checks them the same way.
import { z } from 'zod';

export const ExchangeRates = z.record(
  z.string().regex(/^[A-Z]{3}$/, 'A currency is a three-letter code such as EUR'),
  z
    .string()
    .regex(/^\d{1,9}(\.\d{1,9})?$/, 'A rate is a number such as 1.0850')
    .refine((rate) => Number(rate) > 0, 'A rate is more than 0'),
);
export type ExchangeRates = z.infer<typeof ExchangeRates>;

const ENTRY = /^([A-Za-z]{3})\s*[=:]\s*(\S+)$/;

/** "EUR=1.0850, GBP=1.17" (commas, semicolons or new lines between) → the rates; a string says what is wrong. */
export function parseExchangeRates(text: string): ExchangeRates | string {
  const rates: Record<string, string> = {};
  for (const entry of text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = ENTRY.exec(entry);
    if (!match?.[1] || !match[2])
      return `“${entry}” is not a rate: write the currency, =, and what one unit is worth in your store's currency (EUR=1.0850).`;
    const currency = match[1].toUpperCase();
    const rate = match[2];
    const checked = ExchangeRates.safeParse({ [currency]: rate });
    if (!checked.success) return `${currency}: ${checked.error.issues[0]?.message ?? 'not a rate'}.`;
    rates[currency] = rate;
  }
  return rates;
}

export function formatExchangeRates(rates: ExchangeRates): string {
  return Object.entries(rates)
    .map(([currency, rate]) => `${currency}=${rate}`)
    .join(', ');
}
