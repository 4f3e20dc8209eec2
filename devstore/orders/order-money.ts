// The currencies of an orderCreate input, checked as Shopify describes them. Every MoneyBagInput's
// `shopMoney` is "Amount in shop currency" and its `presentmentMoney` "Amount in presentment
// currency. If this isn't given then we assume that the presentment currency is the same as the
// shop's currency."; the order's `currency` is "The shop-facing currency for the order. If not
// specified, then the shop's default currency is used.", and its `presentmentCurrency` "The
// presentment currency that was used to display prices to the customer. This must be specified if
// any presentment currencies are used in the order." (MoneyBagInput, OrderCreateOrderInput).
//
// Shopify documents no userError for money in another currency than these. devstore takes the
// strict reading and refuses it (INVALID, on the money's path), so an app cannot label one
// currency's amounts as another's: shop money in the shop's currency (an order's `currency` must be
// the shop's), presentment money in the order's presentment currency, and presentment money on
// every amount once that currency is not the shop's.
import type { OrderProblem } from './order-input.ts';

export interface OrderCurrencies {
  shop: string;
  presentment: string;
}

type Money = { amount?: unknown; currencyCode?: unknown } | null | undefined;
type Bag = { shopMoney?: Money; presentmentMoney?: Money };

/** Every MoneyBagInput in the input (what has a `shopMoney`), with its path. */
function* moneyBags(value: unknown, path: string[]): Generator<[Bag, string[]]> {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* moneyBags(item, [...path, String(index)]);
    return;
  }
  if (!value || typeof value !== 'object') return;
  if ('shopMoney' in value) {
    yield [value as Bag, path];
    return;
  }
  for (const [key, item] of Object.entries(value)) yield* moneyBags(item, [...path, key]);
}

const problem = (field: string[], message: string): OrderProblem => ({ field, message, code: 'INVALID' });

export function checkCurrencies(
  input: { currency?: string | null; presentmentCurrency?: string | null },
  shopCurrency: string,
): { currencies: OrderCurrencies; problems: OrderProblem[] } {
  const problems: OrderProblem[] = [];
  const presentment = input.presentmentCurrency ?? shopCurrency;
  if (input.currency && input.currency !== shopCurrency) {
    problems.push(
      problem(
        ['order', 'currency'],
        `Currency ${input.currency} is not the shop's currency (${shopCurrency}); an order's shop money is in the shop's currency.`,
      ),
    );
  }
  for (const [bag, path] of moneyBags(input, ['order'])) {
    const shopCode = bag.shopMoney?.currencyCode;
    if (shopCode !== shopCurrency)
      problems.push(
        problem(
          [...path, 'shopMoney', 'currencyCode'],
          `Shop money must be in the shop's currency (${shopCurrency}), not ${String(shopCode)}.`,
        ),
      );
    const presentmentCode = bag.presentmentMoney?.currencyCode;
    if (bag.presentmentMoney && presentmentCode !== presentment) {
      problems.push(
        problem(
          [...path, 'presentmentMoney', 'currencyCode'],
          `Presentment money must be in the order's presentment currency (${presentment}), not ${String(presentmentCode)}.`,
        ),
      );
    }
    if (!bag.presentmentMoney && presentment !== shopCurrency) {
      problems.push(
        problem(
          [...path, 'presentmentMoney'],
          `Presentment money is required: the order's presentment currency (${presentment}) is not the shop's (${shopCurrency}).`,
        ),
      );
    }
  }
  return { currencies: { shop: shopCurrency, presentment }, problems };
}
