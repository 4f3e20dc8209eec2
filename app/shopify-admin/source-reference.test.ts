import { type OperationDefinitionNode, getVariableValues, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadAdminSchema } from '../../admin-api/schema.ts';
import { sourceReferenceDefinition } from './metafield-definitions.server.ts';
import { ENSURE_SOURCE_REFERENCE_DEFINITION } from './graphql/metafields.ts';

describe('source reference metafield definition', () => {
  it.each(['PRODUCT', 'COLLECTION', 'CUSTOMER', 'ORDER'] as const)(
    'is a valid custom-ID (id type) definition for %s',
    (ownerType) => {
      const operation = parse(ENSURE_SOURCE_REFERENCE_DEFINITION).definitions[0] as OperationDefinitionNode;
      const result = getVariableValues(
        loadAdminSchema(),
        operation.variableDefinitions ?? [],
        sourceReferenceDefinition(ownerType),
      );
      expect(result.errors?.map((error) => error.message) ?? []).toEqual([]);
    },
  );
});
