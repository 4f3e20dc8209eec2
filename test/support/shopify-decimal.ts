// How Shopify writes a `Decimal` (a MoneyV2 amount) in its answers: no trailing zeros, but at least
// one decimal place ("40.6", "30.0"). Tests compare what Shopify read back with the source through it.
export function shopifyDecimal(amount: string | number): string {
  const value = Number(amount);
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}
