// orderCreate's `transactions` as devstore keeps them and answers them as `Order.transactions`
// (OrderCreateOrderTransactionInput, OrderTransaction): kind, status, gateway, authorization code,
// processed date and the amount in shop and presentment money.
import { gid } from '../catalog/ids.ts';
import { moneyV2 } from '../graphql/money.ts';
import type { OrderProblem } from './order-input.ts';

type Money = { amount?: unknown; currencyCode?: string } | null | undefined;

export interface TransactionInput {
  kind?: string | null;
  status?: string | null;
  gateway?: string | null;
  authorizationCode?: string | null;
  processedAt?: string | null;
  test?: boolean | null;
  amountSet: { shopMoney: Money; presentmentMoney?: Money };
}

export interface StoredTransaction {
  id: string;
  kind: string;
  status: string;
  gateway: string | null;
  authorizationCode: string | null;
  /** null: when the order was processed. */
  processedAt: string | null;
  test: boolean;
  shopAmount: string;
  presentmentAmount: string;
}

/**
 * The transactions to keep, or the userErrors for them. The schema's descriptions give no default
 * kind or status; devstore takes SALE and SUCCESS, what a payment taken at checkout is
 * (OrderTransactionKind.SALE: "An authorization and capture performed together in a single step").
 * A negative amount is refused (INVALID): a transaction moves money one way, and its kind (REFUND,
 * CHANGE) says which way; Shopify documents no error for it, so this is devstore's stricter choice.
 * A date in the future is clamped to now, as the order's own processedAt is
 * ("As of API version 2026-07, values in the future are clamped to the current time").
 */
export function transactionsFor(
  inputs: TransactionInput[] | null | undefined,
  nextId: () => string,
): { transactions: StoredTransaction[]; problems: OrderProblem[] } {
  const problems: OrderProblem[] = [];
  const transactions = (inputs ?? []).map((input, index) => {
    const shopAmount = Number(input.amountSet.shopMoney?.amount);
    const presentmentAmount = input.amountSet.presentmentMoney
      ? Number(input.amountSet.presentmentMoney.amount)
      : shopAmount;
    if (!(shopAmount >= 0) || !(presentmentAmount >= 0))
      problems.push({
        field: ['order', 'transactions', String(index), 'amountSet'],
        message: 'Amount must be greater than or equal to 0',
        code: 'INVALID',
      });
    const processedAt = input.processedAt
      ? new Date(Math.min(Date.parse(input.processedAt), Date.now())).toISOString()
      : null;
    return {
      id: nextId(),
      kind: input.kind ?? 'SALE',
      status: input.status ?? 'SUCCESS',
      gateway: input.gateway ?? null,
      authorizationCode: input.authorizationCode ?? null,
      processedAt,
      test: input.test ?? false,
      shopAmount: String(shopAmount),
      presentmentAmount: String(presentmentAmount),
    };
  });
  return { transactions, problems };
}

/** One kept transaction as an OrderTransaction; an undated one is dated with its order. */
export function transactionObject(
  transaction: StoredTransaction,
  order: { processedAt: Date; createdAt: Date; shopCurrency: string; presentmentCurrency: string },
) {
  return {
    __typename: 'OrderTransaction',
    id: gid('OrderTransaction', transaction.id),
    kind: transaction.kind,
    status: transaction.status,
    gateway: transaction.gateway,
    formattedGateway: transaction.gateway,
    authorizationCode: transaction.authorizationCode,
    processedAt: transaction.processedAt ?? order.processedAt.toISOString(),
    createdAt: order.createdAt.toISOString(),
    test: transaction.test,
    amountSet: {
      __typename: 'MoneyBag',
      shopMoney: moneyV2(transaction.shopAmount, order.shopCurrency),
      presentmentMoney: moneyV2(transaction.presentmentAmount, order.presentmentCurrency),
    },
  };
}
