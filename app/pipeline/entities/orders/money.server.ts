// An order's amounts as Shopify records them: every amount twice, as `shopMoney` in the shop's
// currency ("Amount in shop currency", what Shopify's reports add up) and as `presentmentMoney` in
// the currency the customer paid in ("Amount in presentment currency"), with the order's
// `presentmentCurrency` (MoneyBagInput, OrderCreateOrderInput). The source gives the amounts the
// customer paid; when its currency is not the shop's, the shop's amounts take the exchange rate the
// merchant gave. Shipyard never guesses one: without it the order is kept back, and EUR amounts are
// never sent as USD. Decision 0015.
import type { ExchangeRates } from '../../../migrations/exchange-rates.ts';

export interface OrderMoney {
  shopCurrency: string;
  /** The currency the customer paid in: the order's at the source. */
  presentmentCurrency: string;
  /** One unit of it in the shop's currency ("1" when they are the same). */
  rate: string;
}

/** An order that cannot be written as it stands, kept in staging with the reason. */
export class OrderKeptBack extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'OrderKeptBack';
  }
}

/** Why orders in `currency` wait, in the merchant's words (the report's reason and the analysis'). */
export function missingRateReason(currency: string, shopCurrency: string): string {
  return `The order is in ${currency} and the shop's currency is ${shopCurrency}. Shopify records an order's amounts in the shop's currency too, and no ${currency} → ${shopCurrency} exchange rate was given, so the order was kept back (Shipyard does not guess a rate). Give the rate in the migration's options (on the setup page, or --exchange-rate ${currency}=… on the command line) and move the orders again.`;
}

/** How an order in `currency` is recorded in this shop, or OrderKeptBack when there is no rate for it. */
export function orderMoney(currency: string, shopCurrency: string, rates: ExchangeRates): OrderMoney {
  if (currency === shopCurrency) return { shopCurrency, presentmentCurrency: currency, rate: '1' };
  const rate = rates[currency];
  if (!rate) throw new OrderKeptBack(missingRateReason(currency, shopCurrency));
  return { shopCurrency, presentmentCurrency: currency, rate };
}

const decimal = (amountInCents: number) => (amountInCents / 100).toFixed(2);

/** A MoneyBagInput of an amount the customer paid (in cents of their currency). */
export function moneyBag(amountInCents: number, money: OrderMoney) {
  return {
    shopMoney: { amount: decimal(Math.round(amountInCents * Number(money.rate))), currencyCode: money.shopCurrency },
    presentmentMoney: { amount: decimal(amountInCents), currencyCode: money.presentmentCurrency },
  };
}
