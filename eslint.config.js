// Lint rules for the whole repository (npm run lint).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The design's "may import" table (docs: /work/shared/DESIGN.md → README's folder table), as import
// restrictions. Each pattern matches the import as written (relative paths), and its message is the
// design's reason. ESLint replaces, not merges, a rule's options when several blocks match a file, so
// each block below lists every restriction that applies to its files. decisions/0034 says why.
const TESTS = ['**/*.test.ts', '**/*.test.tsx', 'test/**'];
const rule = (regex, message) => ({ regex, message });
const NOT_APP = rule(
  '(^|/)app/',
  'connectors/ and devstore/ know nothing about the app: data flows one way, and both meet the app only in the canonical model (connectors/model.ts) and the Admin API.',
);
const NOT_CLI_OR_JOBS = rule(
  '(^|/)(cli|jobs)/',
  'connectors/ and devstore/ are used by the command line and the jobs, never the other way round.',
);
const NOT_DEVSTORE = rule(
  '(^|/)devstore/',
  'A connector knows nothing about Shopify or its local stand-in: it describes what the source has.',
);
const NOT_CONNECTORS = rule(
  '(^|/)connectors/',
  'devstore/ stands in for Shopify and knows nothing about any source platform.',
);
const PLATFORM_THROUGH_REGISTRY = rule(
  '(^|/)connectors/[^/]+/',
  'The app, the jobs and the command line reach a source platform only through the registry (connectors/registry*.ts, model.ts, source-connector.ts, platform.ts), so a new platform is one folder and one registry line.',
);
const COMPONENT_ROOMS = rule(
  '(^|/)(routes|pipeline|db|shopify-admin|shopify-app|jobs|generated)/|(^|/)shopify\\.server',
  'Components show what the admin UI asks of a migration: they import from app/migrations/ (views, labels, forms), app/components/ and libraries, never from routes or pipeline internals.',
);
const ROUTE_ROOMS = rule(
  '(^|/)pipeline/',
  'Routes stay thin: a loader or action calls app/migrations/ or app/shopify-app/, which call the pipeline.',
);
const ADMIN_KNOWS_NO_MIGRATION = rule(
  '(^|/)(pipeline|migrations)/|(^|/)connectors/',
  'app/shopify-admin/ is everything said to the Admin API and knows nothing about migrations or source platforms, so the launch wizard can use it too.',
);
const ADMIN_API_STANDS_ALONE = rule(
  '(^|/)(app|connectors|devstore|cli|jobs)/',
  'admin-api/ (the pinned version, the Admin schema) is imported by the app, devstore and the tests alike, so it imports none of them.',
);
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['build/', 'public/build/', 'app/generated/', 'node_modules/', '.data/', '.cache/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'error',
      'no-console': 'off',
    },
  },
  {
    // TypeScript's `declare global { namespace … }` is how graphile-worker's task payloads are typed.
    files: ['jobs/payloads.ts'],
    rules: { '@typescript-eslint/no-namespace': 'off' },
  },
  { files: ['connectors/**'], rules: restrict(NOT_APP, NOT_DEVSTORE, NOT_CLI_OR_JOBS) },
  { files: ['devstore/**'], rules: restrict(NOT_APP, NOT_CONNECTORS, NOT_CLI_OR_JOBS) },
  { files: ['admin-api/**'], rules: restrict(ADMIN_API_STANDS_ALONE) },
  // Tests may reach across rooms (a platform's fake server, a pipeline step under test).
  { files: ['app/**', 'jobs/**', 'cli/**'], ignores: TESTS, rules: restrict(PLATFORM_THROUGH_REGISTRY) },
  { files: ['app/components/**'], ignores: TESTS, rules: restrict(PLATFORM_THROUGH_REGISTRY, COMPONENT_ROOMS) },
  { files: ['app/routes/**'], ignores: TESTS, rules: restrict(PLATFORM_THROUGH_REGISTRY, ROUTE_ROOMS) },
  {
    files: ['app/shopify-admin/**'],
    ignores: TESTS,
    rules: restrict(PLATFORM_THROUGH_REGISTRY, ADMIN_KNOWS_NO_MIGRATION),
  },
);
