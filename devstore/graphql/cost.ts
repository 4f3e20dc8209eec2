// Shopify's calculated query cost: requested (before running, from the document) and actual (from
// the data returned). Scalars and enums 0, objects 1, connections 2 + page size × one node's cost,
// mutations 10 or their documented dynamic cost (mutation-costs.ts) plus what their payload's
// objects hold. https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits
import {
  GraphQLInt,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  valueFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { mutationFieldCost } from './mutation-costs.ts';

export const MAX_QUERY_COST = 1000;

type Variables = Record<string, unknown>;
type Fragments = Record<string, FragmentDefinitionNode>;

interface Walk {
  schema: GraphQLSchema;
  fragments: Fragments;
  variables: Variables;
}

function isConnection(type: GraphQLNamedType): boolean {
  return isObjectType(type) && type.name.endsWith('Connection') && 'pageInfo' in type.getFields();
}

function fieldDefinition(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

function argument(walk: Walk, field: GraphQLField<unknown, unknown>, node: FieldNode, name: string): unknown {
  const argNode = node.arguments?.find((arg) => arg.name.value === name);
  const definition = field.args.find((arg) => arg.name === name);
  if (!argNode || !definition) return undefined;
  return valueFromAST(argNode.value, definition.type, walk.variables);
}

function pageSize(walk: Walk, node: FieldNode): number {
  const argOf = (name: string) => {
    const argNode = node.arguments?.find((arg) => arg.name.value === name);
    return argNode ? valueFromAST(argNode.value, GraphQLInt, walk.variables) : undefined;
  };
  const size = argOf('first') ?? argOf('last');
  return typeof size === 'number' ? size : 0;
}

/**
 * One selection set's fields, with fragments on the parent's own type merged in and fragments on
 * other (possible) types kept apart, since only one of them applies to a given object.
 */
function split(
  walk: Walk,
  parent: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
): { own: FieldNode[]; byType: Map<string, FieldNode[]> } {
  const own: FieldNode[] = [];
  const byType = new Map<string, FieldNode[]>();
  const visit = (set: SelectionSetNode, typeName: string | undefined) => {
    for (const selection of set.selections) {
      if (selection.kind === 'Field') {
        if (!typeName || typeName === parent.name) own.push(selection);
        else byType.set(typeName, [...(byType.get(typeName) ?? []), selection]);
      } else if (selection.kind === 'InlineFragment') {
        visit(selection.selectionSet, selection.typeCondition?.name.value ?? typeName);
      } else {
        const fragment = walk.fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet, fragment.typeCondition.name.value);
      }
    }
  };
  visit(selectionSet, undefined);
  return { own, byType };
}

function typeNamed(walk: Walk, name: string, fallback: GraphQLCompositeType): GraphQLCompositeType {
  const type = walk.schema.getType(name);
  return type && isCompositeType(type) ? type : fallback;
}

/** Cost of the fields under one object. `data` (when given) is the object as returned. */
function selectionCost(
  walk: Walk,
  parent: GraphQLCompositeType,
  set: SelectionSetNode,
  data: unknown,
  payload: boolean,
): number {
  const { own, byType } = split(walk, parent, set);
  const record = data && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
  let total = fieldsCost(walk, parent, own, record, data !== undefined, payload);
  let largest = 0;
  for (const [typeName, fields] of byType) {
    const type = typeNamed(walk, typeName, parent);
    if (record && typeof record.__typename === 'string' && record.__typename !== typeName && !isInterfaceType(type))
      continue;
    largest = Math.max(largest, fieldsCost(walk, type, fields, record, data !== undefined, payload));
  }
  total += largest;
  return total;
}

function fieldsCost(
  walk: Walk,
  parent: GraphQLCompositeType,
  fields: FieldNode[],
  record: Record<string, unknown> | undefined,
  actual: boolean,
  payload: boolean,
): number {
  let total = 0;
  for (const node of fields) {
    if (node.name.value === '__typename') continue;
    const field = fieldDefinition(parent, node.name.value);
    if (!field) continue;
    const type = getNamedType(field.type);
    const selectionSet = node.selectionSet;
    if (!isCompositeType(type) || !selectionSet) continue;
    const value = actual ? record?.[node.alias?.value ?? node.name.value] : undefined;
    if (isConnection(type)) {
      total += connectionCost(walk, type as GraphQLCompositeType, node, field, value, actual);
    } else {
      // The objects a payload returns are part of the mutation's price; what they hold is priced as usual.
      const own = payload ? 0 : 1;
      if (actual && (value === null || value === undefined)) total += own;
      else if (actual && Array.isArray(value))
        total +=
          own + value.reduce<number>((sum, item) => sum + selectionCost(walk, type, selectionSet, item, false), 0);
      else total += own + selectionCost(walk, type, selectionSet, actual ? value : undefined, false);
    }
  }
  return total;
}

function connectionCost(
  walk: Walk,
  connection: GraphQLCompositeType,
  node: FieldNode,
  field: GraphQLField<unknown, unknown>,
  value: unknown,
  actual: boolean,
): number {
  const { own } = split(walk, connection, node.selectionSet as SelectionSetNode);
  const record = value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  const nodeType = getNamedType(fieldDefinition(connection, 'nodes')?.type ?? field.type) as GraphQLCompositeType;
  const perNodeSets: SelectionSetNode[] = [];
  for (const child of own) {
    if (child.name.value === 'nodes' && child.selectionSet) perNodeSets.push(child.selectionSet);
    if (child.name.value === 'edges' && child.selectionSet) {
      for (const edgeField of split(walk, connection, child.selectionSet).own) {
        if (edgeField.name.value === 'node' && edgeField.selectionSet) perNodeSets.push(edgeField.selectionSet);
      }
    }
  }
  if (!actual) {
    const oneNode = 1 + perNodeSets.reduce((sum, set) => sum + selectionCost(walk, nodeType, set, undefined, false), 0);
    return 2 + pageSize(walk, node) * oneNode;
  }
  if (!record) return 2;
  // The nodes actually returned, found under `nodes` or `edges { node }` whatever their aliases.
  const returned = returnedNodes(walk, connection, node, record);
  return (
    2 +
    returned.reduce<number>(
      (sum, item) =>
        sum + 1 + perNodeSets.reduce((inner, set) => inner + selectionCost(walk, nodeType, set, item, false), 0),
      0,
    )
  );
}

function returnedNodes(
  walk: Walk,
  connection: GraphQLCompositeType,
  node: FieldNode,
  record: Record<string, unknown>,
): unknown[] {
  for (const child of split(walk, connection, node.selectionSet as SelectionSetNode).own) {
    const list = record[child.alias?.value ?? child.name.value];
    if (!Array.isArray(list)) continue;
    if (child.name.value === 'nodes') return list;
    if (child.name.value === 'edges' && child.selectionSet) {
      const nodeField = split(walk, connection, child.selectionSet).own.find((f) => f.name.value === 'node');
      const key = nodeField ? (nodeField.alias?.value ?? 'node') : undefined;
      return list.map((edge) =>
        key && edge && typeof edge === 'object' ? (edge as Record<string, unknown>)[key] : undefined,
      );
    }
  }
  return [];
}

/** The mutation field's arguments as the resolver will get them, for its dynamic cost. */
function argumentsOf(walk: Walk, field: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const definition of field.args) {
    const value = argument(walk, field, node, definition.name);
    if (value !== undefined) args[definition.name] = value;
  }
  return args;
}

function rootCost(walk: Walk, operation: OperationDefinitionNode, data: Record<string, unknown> | undefined): number {
  const actual = data !== undefined;
  if (operation.operation === 'mutation') {
    const root = walk.schema.getMutationType();
    if (!root) return 0;
    let total = 0;
    for (const node of split(walk, root, operation.selectionSet).own) {
      const field = root.getFields()[node.name.value];
      if (!field) continue;
      const payloadType = getNamedType(field.type);
      const payload = actual ? data?.[node.alias?.value ?? node.name.value] : undefined;
      // The payload's own objects (the product, userErrors) are part of the mutation's price; objects
      // and connections inside them add their cost. Shopify's answers on record: productCreate reading
      // product { variants(first: 1) { … } } back, 13 (10 + 2 + 1); stagedUploadsCreate reading
      // stagedTargets { parameters { name value } }, 11 (10 + 1).
      const nested =
        node.selectionSet && isCompositeType(payloadType)
          ? selectionCost(walk, payloadType, node.selectionSet, actual ? (payload ?? null) : undefined, true)
          : 0;
      total += mutationFieldCost(field.name, argumentsOf(walk, field, node)) + nested;
    }
    return total;
  }
  const root = walk.schema.getQueryType();
  return root ? selectionCost(walk, root, operation.selectionSet, data, false) : 0;
}

export function requestedQueryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Fragments,
  variables: Variables,
): number {
  return rootCost({ schema, fragments, variables }, operation, undefined);
}

export function actualQueryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Fragments,
  variables: Variables,
  data: Record<string, unknown>,
): number {
  return rootCost({ schema, fragments, variables }, operation, data);
}
