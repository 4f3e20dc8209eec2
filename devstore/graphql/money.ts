// Money as Shopify's Admin API writes it: a MoneyV2 amount is a `Decimal`, which Shopify serialises
// with no trailing zeros but at least one decimal place ("40.6", "30.0", "0.0"), not as a price
// with two decimals. (The `Money` scalar of ProductVariant.price is another type and keeps "30.00".)
//
// The schema's own description of Decimal: "A signed decimal number, which supports arbitrary
// precision and is serialized as a string. Example values: "29.99", "29.999"." Shopify's answers
// show the rest: the REST Transaction resource's examples (shopify.dev/docs/api/admin-rest/latest/
// resources/transaction) carry "total_unsettled_set": {"shop_money": {"amount": "0.0"}}, while a
// ProductVariant's `price` (the Money scalar) comes back as "1.90".

/** A Decimal as Shopify serialises it: the shortest form that keeps one decimal place. */
export function decimalString(amount: string | number): string {
  const text = typeof amount === 'number' ? String(Math.round(amount * 100) / 100 || 0) : amount.trim();
  const [whole = '0', fraction = ''] = text.split('.');
  const kept = fraction.replace(/0+$/, '');
  return `${whole === '-0' ? '0' : whole}.${kept || '0'}`;
}

/** A MoneyV2 object: the amount as a Decimal and its currency. */
export function moneyV2(amount: string | number, currencyCode: string) {
  return { __typename: 'MoneyV2', amount: decimalString(amount), currencyCode };
}
