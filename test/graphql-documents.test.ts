// Every GraphQL document Shipyard sends is named, tagged #graphql, and valid against Shopify's
// published Admin schema for the pinned API version, so a field Shopify would reject fails here.
import fs from 'node:fs';
import path from 'node:path';
import { type DocumentNode, Kind, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { API_VERSION } from '../app/shopify.server.ts';
import { loadAdminSchema } from '../admin-api/schema.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCE_FOLDERS = ['app', 'jobs', 'connectors', 'cli'];

function sourceFiles(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.includes(`${path.sep}generated${path.sep}`));
}

interface FoundDocument {
  where: string;
  text: string;
}

function findDocuments(): FoundDocument[] {
  const found: FoundDocument[] = [];
  for (const file of SOURCE_FOLDERS.flatMap((folder) => sourceFiles(path.join(ROOT, folder)))) {
    const source = fs.readFileSync(file, 'utf8');
    for (const match of source.matchAll(/`#graphql([\s\S]*?)`/g)) {
      const line = source.slice(0, match.index).split('\n').length;
      found.push({ where: `${path.relative(ROOT, file)}:${line}`, text: match[1] ?? '' });
    }
  }
  return found;
}

describe(`GraphQL documents against the Admin API ${API_VERSION} schema`, () => {
  const schema = loadAdminSchema();
  const documents = findDocuments();

  it('finds the documents the app sends', () => {
    expect(documents.map((document) => document.where)).toContain(
      documents.find((document) => document.where.startsWith('app/shopify-admin/graphql/shop.ts'))?.where,
    );
  });

  it.each(documents.map((document) => [document.where, document] as const))(
    '%s is named, static and valid',
    (_where, document) => {
      expect(document.text, 'interpolation makes a document impossible to check; pass variables instead').not.toContain(
        '${',
      );
      const ast: DocumentNode = parse(document.text);
      for (const definition of ast.definitions) {
        if (definition.kind === Kind.OPERATION_DEFINITION)
          expect(definition.name?.value, 'every operation is named').toBeTruthy();
      }
      expect(validate(schema, ast).map((error) => error.message)).toEqual([]);
    },
  );

  it('shopify.app.toml subscribes to webhooks in the same API version', () => {
    const toml = fs.readFileSync(path.join(ROOT, 'shopify.app.toml'), 'utf8');
    expect(/^\s*api_version\s*=\s*"([^"]+)"/m.exec(toml)?.[1]).toBe(API_VERSION);
  });

  it('rejects a document Shopify would reject (the check has teeth)', () => {
    const errors = validate(schema, parse('query Broken { shop { name notAShopField } }'));
    expect(errors.map((error) => error.message)).toEqual([
      'Cannot query field "notAShopField" on type "Shop". Did you mean "metafield"?',
    ]);
  });
});
