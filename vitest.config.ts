import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'build/**', 'public/build/**'],
    // One PostgreSQL for the run; every test file gets a database of its own (test/support).
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/database-per-file.ts'],
    // Test files spend most of their time waiting on HTTP, PostgreSQL and Chromium, so three run side
    // by side on a 2-core machine (vitest's default there is one): the suite took 744 s with one, 398 s with three.
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
