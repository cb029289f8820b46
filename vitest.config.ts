import { defineConfig } from 'vitest/config';

// No wall-clock limit on a test or a hook (0: none): on a loaded 2-core machine a build or a
// browser test takes several times longer than at rest, and a limit fails a correct suite. Tests
// wait for conditions (a process exit, a selector, a port answering); Playwright's own waits are
// unlimited too (test/browser/shared-browser.ts). CI's own time bound ends a real hang.
const NO_LIMIT = 0;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          testTimeout: NO_LIMIT,
          hookTimeout: NO_LIMIT,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // Builds the site once and serves it; the tests drive Debian's Chromium.
          globalSetup: ['test/browser/serve-built-site.ts'],
          testTimeout: NO_LIMIT,
          hookTimeout: NO_LIMIT,
          fileParallelism: false,
        },
      },
    ],
  },
});
