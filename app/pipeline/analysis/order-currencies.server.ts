// Before orders move: which are in another currency than the shop's, and how they will be recorded.
// Shopify keeps every amount in the shop's currency and in the customer's; the shop's amounts take
// the rate the merchant gave, and without one those orders are kept back (decision 0015). The
// analysis says so once per currency, and the plan beside the orders.
import { db } from '../../db/db.server.ts';
import { shopCurrency } from '../../shopify-app/shop-details.server.ts';
import type { Finding } from './findings.server.ts';
import { migrationOptions } from '../options.server.ts';

export interface ForeignCurrency {
  currency: string;
  orders: number;
  /** One unit in the shop's currency, as the merchant gave it; null: none given, the orders wait. */
  rate: string | null;
}

export interface OrderCurrencies {
  /** Null until Shipyard has read the shop's details (at install). */
  shopCurrency: string | null;
  foreign: ForeignCurrency[];
}

export async function orderCurrencies(migrationId: string): Promise<OrderCurrencies> {
  const migration = await db().migration.findUniqueOrThrow({
    where: { id: migrationId },
    select: { shop: true, options: true },
  });
  const currency = await shopCurrency(migration.shop);
  if (!currency) return { shopCurrency: null, foreign: [] };
  const rates = migrationOptions(migration.options).exchangeRates;
  const groups = await db().$queryRaw<{ currency: string; orders: bigint }[]>`
    SELECT data->>'currency' AS currency, count(*) AS orders FROM "SourceRecord"
    WHERE "migrationId" = ${migrationId} AND entity = 'orders' AND status <> 'invalid' AND data->>'currency' <> ${currency}
    GROUP BY 1 ORDER BY 2 DESC, 1`;
  return {
    shopCurrency: currency,
    foreign: groups.map((group) => ({
      currency: group.currency,
      orders: Number(group.orders),
      rate: rates[group.currency] ?? null,
    })),
  };
}

const orders = (count: number) => `${count} order${count === 1 ? '' : 's'}`;

export function currencyFindings({ shopCurrency, foreign }: OrderCurrencies): Finding[] {
  return foreign.map(({ currency, orders: count, rate }) => ({
    entity: 'orders',
    sourceId: null,
    code: 'order-currency',
    subject: currency,
    message: `${orders(count)} ${count === 1 ? 'is' : 'are'} in ${currency}; the shop's currency is ${shopCurrency}.`,
    action: rate
      ? `Each is recorded in ${currency} as the customer paid (presentment money) and in ${shopCurrency} at the rate you gave, 1 ${currency} = ${rate} ${shopCurrency} (shop money, what Shopify's reports add up).`
      : `No ${currency} → ${shopCurrency} exchange rate was given, so these orders are kept back and listed in the report: Shipyard does not guess a rate. Give it in the migration's options (--exchange-rate ${currency}=… on the command line) and move them again.`,
  }));
}

/** The plan's word on the orders' currencies, or null when they are the shop's. */
export function currencyPlanNote({ shopCurrency, foreign }: OrderCurrencies): string | null {
  if (foreign.length === 0) return null;
  return foreign
    .map(({ currency, orders: count, rate }) =>
      rate
        ? `${orders(count)} in ${currency}: recorded in ${currency} and in ${shopCurrency} at 1 ${currency} = ${rate} ${shopCurrency}.`
        : `${orders(count)} in ${currency} wait for a ${currency} → ${shopCurrency} exchange rate.`,
    )
    .join(' ');
}
