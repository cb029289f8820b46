import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from '../../src/browser/chromium.ts';

/**
 * One Chromium per test file, started before its tests and closed after them. Its contexts wait
 * without a time limit (Playwright's default is 30 s per wait): a loaded machine is slow, not
 * wrong, and every wait in the tests is for a condition (vitest.config.ts).
 */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
    const newContext = browser.newContext.bind(browser);
    // Browser.newPage goes through newContext too.
    browser.newContext = async (options) => {
      const context = await newContext(options);
      context.setDefaultTimeout(0);
      context.setDefaultNavigationTimeout(0);
      return context;
    };
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}
