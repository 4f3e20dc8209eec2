// The design's "may import" table, as enforced by eslint.config.js: one import that breaks each rule
// must fail `npm run lint`, and the imports the table allows must pass (decisions/0034).
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('..', import.meta.url)) });

/** The import-rule messages ESLint gives `import '<source>'` written in the file at `filePath`. */
async function restrictions(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import '${source}';\n`, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe("the design's import rules", () => {
  it.each([
    ['connectors/example/connector.ts', '../../app/db/db.server.ts', 'know nothing about the app'],
    ['connectors/example/connector.test.ts', '../../app/shopify-admin/regions.server.ts', 'know nothing about the app'],
    ['connectors/example/fake/server.ts', '../../../devstore/server.ts', 'knows nothing about Shopify'],
    ['connectors/registry.ts', '../jobs/task-list.ts', 'never the other way round'],
    ['connectors/example/connector.ts', '../../cli/shipyard.ts', 'never the other way round'],
    ['devstore/server.ts', '../app/shopify-admin/client.server.ts', 'know nothing about the app'],
    ['devstore/catalog/products.ts', '../../connectors/model.ts', 'knows nothing about any source platform'],
    ['devstore/server.test.ts', '../cli/shipyard.ts', 'never the other way round'],
    ['app/pipeline/steps/extract.server.ts', '../../../connectors/woocommerce/client.ts', 'only through the registry'],
    ['app/migrations/forms.ts', '../../connectors/example/credentials.ts', 'only through the registry'],
    ['jobs/migration-extract.ts', '../connectors/woocommerce/connector.ts', 'only through the registry'],
    ['cli/shipyard.ts', '../connectors/woocommerce/credentials.ts', 'only through the registry'],
    ['app/components/layout/format.ts', '../../routes/app.tsx', 'never from routes or pipeline internals'],
    [
      'app/components/migrations/DryRunCard.tsx',
      '../../pipeline/steps/dry-run.server.ts',
      'never from routes or pipeline internals',
    ],
    ['app/components/migrations/DryRunCard.tsx', '../../connectors/woocommerce/text.ts', 'only through the registry'],
    ['app/routes/app.migrations.$id.tsx', '../pipeline/steps/undo.server.ts', 'Routes stay thin'],
    ['app/shopify-admin/writer.server.ts', '../pipeline/staging/outcomes.server.ts', 'knows nothing about migrations'],
    ['app/shopify-admin/limits/options.server.ts', '../../migrations/forms.ts', 'knows nothing about migrations'],
    ['app/shopify-admin/limits/options.server.ts', '../../../connectors/model.ts', 'knows nothing about migrations'],
    ['admin-api/schema.ts', '../devstore/schema.ts', 'imports none of them'],
    ['admin-api/version.ts', '../app/shopify-admin/api-version.ts', 'imports none of them'],
  ])('%s may not import %s', async (filePath, source, reason) => {
    const messages = await restrictions(filePath, source);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(reason);
  });

  it.each([
    ['app/pipeline/steps/extract.server.ts', '../../../connectors/registry.server.ts'],
    ['app/migrations/forms.ts', '../../connectors/platform.ts'],
    ['jobs/migration-load.ts', '../connectors/model.ts'],
    ['cli/shipyard.ts', '../connectors/source-connector.ts'],
    ['app/components/migrations/DryRunCard.tsx', '../../migrations/views.ts'],
    ['app/routes/app.migrations.$id.tsx', '../migrations/views.server.ts'],
    ['app/shopify-admin/writer.server.ts', '../../admin-api/version.ts'],
    ['devstore/schema.ts', '../admin-api/version.ts'],
    ['connectors/example/connector.ts', '../model.ts'],
    ['connectors/example/connector.test.ts', './fake/server.ts'],
    // Tests reach across the app's rooms: a migration test drives a platform's fake server.
    ['test/migration/crash.test.ts', '../../connectors/woocommerce/fake/server.ts'],
    ['app/pipeline/entities/products/made-variant.test.ts', '../../../../connectors/woocommerce/fake/catalog.ts'],
  ])('%s may import %s', async (filePath, source) => {
    expect(await restrictions(filePath, source)).toEqual([]);
  });
});
