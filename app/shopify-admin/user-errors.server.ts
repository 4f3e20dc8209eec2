// Shopify's userErrors (the refusals a mutation answers with, beside its data) and how they read.
export interface UserError {
  field: string[] | null;
  message: string;
  code?: string | null;
}

export function describeUserErrors(errors: UserError[]): string {
  return errors
    .map((error) => (error.field?.length ? `${error.field.join('.')}: ${error.message}` : error.message))
    .join('; ');
}
