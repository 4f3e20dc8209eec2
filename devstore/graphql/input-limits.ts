// Shopify refuses any input array over 250 items before running the operation; the few arrays
// documented as larger (a product's variants: 2,048) have their own ceiling.
import {
  getNullableType,
  isInputObjectType,
  isListType,
  valueFromAST,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { inputTooLarge, type ShopifyError } from './errors.ts';

export const MAX_INPUT_ARRAY = 250;
export const MAX_VARIANTS = 2048;

/** Arrays allowed past 250 items: "Type.field" for input fields, "field(argument)" for arguments. */
const LARGER_ARRAYS: Record<string, number> = {
  'ProductSetInput.variants': MAX_VARIANTS,
  // One option can carry a value per variant.
  'OptionSetInput.values': MAX_VARIANTS,
  'productVariantsBulkCreate(variants)': MAX_VARIANTS,
  'productVariantsBulkUpdate(variants)': MAX_VARIANTS,
};

function check(
  value: unknown,
  type: GraphQLInputType,
  limitKey: string,
  path: (string | number)[],
  errors: ShopifyError[],
): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (!Array.isArray(value)) return;
    const limit = LARGER_ARRAYS[limitKey] ?? MAX_INPUT_ARRAY;
    if (value.length > limit) {
      errors.push(inputTooLarge(value.length, limit, path));
      return;
    }
    value.forEach((item, index) => check(item, nullable.ofType as GraphQLInputType, '', [...path, index], errors));
    return;
  }
  if (isInputObjectType(nullable) && typeof value === 'object') {
    const fields = nullable.getFields();
    for (const [name, fieldValue] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      if (field) check(fieldValue, field.type, `${nullable.name}.${name}`, [...path, name], errors);
    }
  }
}

export function inputLimitErrors(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): ShopifyError[] {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root) return [];
  const errors: ShopifyError[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== 'Field') continue;
    const field = root.getFields()[selection.name.value];
    if (!field) continue;
    for (const argNode of selection.arguments ?? []) {
      const definition = field.args.find((arg) => arg.name === argNode.name.value);
      if (!definition) continue;
      const value = valueFromAST(argNode.value, definition.type, variables);
      check(
        value,
        definition.type,
        `${field.name}(${definition.name})`,
        [selection.alias?.value ?? field.name, definition.name],
        errors,
      );
    }
  }
  return errors;
}
