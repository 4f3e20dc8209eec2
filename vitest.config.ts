import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'build/**', 'public/build/**'],
    // One PostgreSQL for the run; every test file gets a database of its own (test/support).
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/database-per-file.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
