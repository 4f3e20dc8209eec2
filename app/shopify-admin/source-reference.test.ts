import { type OperationDefinitionNode, getVariableValues, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadAdminSchema } from '../../test/support/admin-schema.ts';
import { API_VERSION } from './api-version.ts';
import { ENSURE_SOURCE_REFERENCE_DEFINITION, sourceReferenceDefinition } from './source-reference.server.ts';

describe('source reference metafield definition', () => {
  it.each(['PRODUCT', 'COLLECTION', 'CUSTOMER', 'ORDER'] as const)('is a valid custom-ID (id type) definition for %s', (ownerType) => {
    const operation = parse(ENSURE_SOURCE_REFERENCE_DEFINITION).definitions[0] as OperationDefinitionNode;
    const result = getVariableValues(loadAdminSchema(API_VERSION), operation.variableDefinitions ?? [], sourceReferenceDefinition(ownerType));
    expect(result.errors?.map((error) => error.message) ?? []).toEqual([]);
  });
});
