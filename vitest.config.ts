import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // Upper bounds, not waits: the editor commands spawn tsx and DuckDB, slow on a busy machine.
          testTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // Builds the site once and serves it; the tests drive Debian's Chromium.
          globalSetup: ['test/browser/serve-built-site.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
