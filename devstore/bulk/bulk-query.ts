// Bulk query exports (`bulkOperationRunQuery`): the query's one top-level connection is read 250 at
// a time, its nested connections whole, and every node becomes a JSONL line — nested nodes on lines
// of their own with `__parentId`, as Shopify writes them.
import {
  Kind,
  getNamedType,
  isObjectType,
  parse,
  print,
  type DocumentNode,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { unboundedPages } from '../catalog/connection.ts';
import type { RequestContext } from '../graphql/context.ts';
import type { Executor } from '../graphql/execute.ts';
import { parseAndValidate } from '../graphql/execute.ts';
import { adminSchema } from '../schema.ts';

const PAGE_SIZE = 250;
const MAX_CONNECTIONS = 5;
const MAX_DEPTH = 2;
const CURSOR_VARIABLE = 'devstoreBulkCursor';
const PAGE_ALIAS = 'devstoreBulkPage';

export interface PreparedQuery {
  document: string;
  rootKey: string;
}

const isConnectionType = (type: unknown): type is GraphQLObjectType =>
  isObjectType(type) && type.name.endsWith('Connection') && 'pageInfo' in type.getFields();

/** Connection fields under a selection, with how deep each sits (1 = the top-level one). */
function connections(
  schema: GraphQLSchema,
  parent: GraphQLObjectType,
  set: SelectionSetNode,
  depth: number,
  found: { field: FieldNode; depth: number }[],
): void {
  for (const selection of set.selections) {
    if (selection.kind !== Kind.FIELD || !selection.selectionSet) continue;
    const definition = parent.getFields()[selection.name.value];
    const type = definition ? getNamedType(definition.type) : undefined;
    if (!type || !isObjectType(type)) continue;
    const connection = isConnectionType(type);
    if (connection) found.push({ field: selection, depth });
    connections(schema, type, selection.selectionSet, connection ? depth + 1 : depth, found);
  }
}

/** Checks the query against Shopify's bulk rules and rewrites its top-level connection to page. */
export function prepareBulkQuery(query: string): PreparedQuery | { error: string } {
  const parsed = parseAndValidate(query);
  if (parsed.errors) return { error: parsed.errors[0]?.message ?? 'Invalid query' };
  const operations = parsed.document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operations[0];
  if (operations.length !== 1 || !operation || operation.operation !== 'query')
    return { error: 'A bulk query must be one query operation.' };
  const schema = adminSchema();
  const root = schema.getQueryType() as GraphQLObjectType;
  const top = operation.selectionSet.selections.filter(
    (selection): selection is FieldNode => selection.kind === Kind.FIELD,
  );
  const field = top[0];
  const definition = field ? root.getFields()[field.name.value] : undefined;
  if (top.length !== 1 || !field || !definition || !isConnectionType(getNamedType(definition.type))) {
    return { error: 'Bulk queries must contain at least one connection, as their one top-level field.' };
  }
  const found: { field: FieldNode; depth: number }[] = [];
  connections(schema, root, operation.selectionSet, 1, found);
  if (found.length > MAX_CONNECTIONS)
    return { error: `Bulk queries cannot contain more than ${MAX_CONNECTIONS} connections.` };
  if (found.some((item) => item.depth > MAX_DEPTH))
    return { error: `Bulk queries cannot nest connections more than ${MAX_DEPTH} levels deep.` };
  for (const item of found.filter((entry) => entry.depth === 1 && found.some((inner) => inner.depth === 2))) {
    const nodeSelections = nodeSelection(item.field);
    if (
      nodeSelections &&
      !nodeSelections.selections.some(
        (selection) => selection.kind === Kind.FIELD && selection.name.value === 'id' && !selection.alias,
      )
    ) {
      return { error: "The parent 'id' field must be selected on nodes that have nested connections." };
    }
  }
  return {
    document: print(rewrite(parsed.document, operation, field)),
    rootKey: field.alias?.value ?? field.name.value,
  };
}

function nodeSelection(connection: FieldNode): SelectionSetNode | undefined {
  for (const selection of connection.selectionSet?.selections ?? []) {
    if (selection.kind !== Kind.FIELD) continue;
    if (selection.name.value === 'nodes') return selection.selectionSet;
    if (selection.name.value === 'edges') {
      const node = selection.selectionSet?.selections.find(
        (inner) => inner.kind === Kind.FIELD && inner.name.value === 'node',
      );
      if (node?.kind === Kind.FIELD) return node.selectionSet;
    }
  }
  return undefined;
}

/** The same document with the top-level connection taking `first: 250, after: $cursor` and reporting pageInfo. */
function rewrite(document: DocumentNode, operation: OperationDefinitionNode, field: FieldNode): DocumentNode {
  const name = (value: string) => ({ kind: Kind.NAME, value }) as const;
  const paged: FieldNode = {
    ...field,
    arguments: [
      ...(field.arguments ?? []).filter(
        (argument) => !['first', 'last', 'after', 'before'].includes(argument.name.value),
      ),
      { kind: Kind.ARGUMENT, name: name('first'), value: { kind: Kind.INT, value: String(PAGE_SIZE) } },
      { kind: Kind.ARGUMENT, name: name('after'), value: { kind: Kind.VARIABLE, name: name(CURSOR_VARIABLE) } },
    ],
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: [
        ...(field.selectionSet?.selections ?? []),
        parse(`{ ${PAGE_ALIAS}: pageInfo { hasNextPage endCursor } }`).definitions.flatMap((definition) =>
          definition.kind === Kind.OPERATION_DEFINITION ? definition.selectionSet.selections : [],
        )[0] as FieldNode,
      ],
    },
  };
  const rewritten: OperationDefinitionNode = {
    ...operation,
    variableDefinitions: [
      ...(operation.variableDefinitions ?? []),
      {
        kind: Kind.VARIABLE_DEFINITION,
        variable: { kind: Kind.VARIABLE, name: name(CURSOR_VARIABLE) },
        type: { kind: Kind.NAMED_TYPE, name: name('String') },
      },
    ],
    selectionSet: { kind: Kind.SELECTION_SET, selections: [paged] },
  };
  return {
    ...document,
    definitions: document.definitions.map((definition) => (definition === operation ? rewritten : definition)),
  };
}

type Json = Record<string, unknown>;

/** Nodes of a connection as returned, whether asked for as `nodes` or `edges { node }`. */
function nodesOf(connection: unknown): Json[] {
  if (!connection || typeof connection !== 'object') return [];
  const value = connection as { nodes?: Json[]; edges?: { node?: Json }[] };
  if (Array.isArray(value.nodes)) return value.nodes;
  if (Array.isArray(value.edges)) return value.edges.flatMap((edge) => (edge.node ? [edge.node] : []));
  return [];
}

const looksLikeConnection = (value: unknown) =>
  Boolean(value && typeof value === 'object' && !Array.isArray(value) && ('nodes' in value || 'edges' in value));

/** One node's line, and the lines of its nested connections' nodes with `__parentId`. */
function flatten(node: Json, parentId: string | undefined, lines: string[]): void {
  const own: Json = {};
  const nested: Json[][] = [];
  for (const [key, value] of Object.entries(node)) {
    if (looksLikeConnection(value)) nested.push(nodesOf(value));
    else own[key] = value;
  }
  lines.push(JSON.stringify(parentId ? { ...own, __parentId: parentId } : own));
  for (const children of nested)
    for (const child of children) flatten(child, typeof node.id === 'string' ? node.id : undefined, lines);
}

export async function runBulkQuery(
  executor: Executor,
  context: RequestContext,
  prepared: PreparedQuery,
): Promise<{ lines: string[]; rootCount: number; error?: string }> {
  const lines: string[] = [];
  let rootCount = 0;
  let cursor: string | null = null;
  for (;;) {
    const result = await unboundedPages.run(true, () =>
      executor.runUnmetered(
        { query: prepared.document, variables: { [CURSOR_VARIABLE]: cursor }, operationName: undefined },
        context,
      ),
    );
    if (result.errors?.length) return { lines, rootCount, error: result.errors[0]?.message };
    const connection = (result.data as Json | undefined)?.[prepared.rootKey] as Json | undefined;
    for (const node of nodesOf(connection)) {
      rootCount += 1;
      flatten(node, undefined, lines);
    }
    const page = connection?.[PAGE_ALIAS] as { hasNextPage?: boolean; endCursor?: string | null } | undefined;
    if (!page?.hasNextPage || !page.endCursor) return { lines, rootCount };
    cursor = page.endCursor;
  }
}
