import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

/** Where Chromium or Chrome (or Edge, a Chromium) is usually installed, per system, most likely first. */
function usualPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin')
    return ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'].flatMap((app) => [
      `/Applications/${app}`,
      ...(env.HOME ? [path.posix.join(env.HOME, 'Applications', app)] : []),
    ]);
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES ?? 'C:\\Program Files', env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', ...(env.LOCALAPPDATA ? [env.LOCALAPPDATA] : [])];
    return ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'].flatMap((exe) =>
      roots.map((root) => path.win32.join(root, exe)),
    );
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];
}

export interface ChromiumLookup {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  exists?: (file: string) => boolean;
}

/**
 * The browser that prints the PDFs and runs the browser tests: CHROMIUM_PATH when set (and
 * only it: a wrong path is an error, not a reason to pick another browser), else the first of
 * the usual paths that exists. Undefined when there is none.
 */
export function findChromium({ platform = process.platform, env = process.env, exists = existsSync }: ChromiumLookup = {}): string | undefined {
  if (env.CHROMIUM_PATH) return exists(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  return usualPaths(platform, env).find((file) => exists(file));
}

/** Why no browser was found, in French, with what to do. */
export function chromiumMissing(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH
    ? `Chromium introuvable : CHROMIUM_PATH vaut « ${env.CHROMIUM_PATH} », qui n'existe pas ; corrigez ce chemin`
    : 'Chromium introuvable aux emplacements habituels ; installez Chromium ou Google Chrome (apt-get install chromium sous Debian) ou indiquez son chemin dans CHROMIUM_PATH';
}

export interface LaunchOptions {
  /** False when the caller handles SIGINT/SIGTERM/SIGHUP itself (Playwright's handlers exit the process). */
  handleSignals?: boolean;
}

export function launch({ handleSignals = true }: LaunchOptions = {}): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) return Promise.reject(new Error(chromiumMissing()));
  return chromium.launch({
    executablePath,
    handleSIGINT: handleSignals,
    handleSIGTERM: handleSignals,
    handleSIGHUP: handleSignals,
    // No time limit (Playwright's is 30 s): a busy machine starts Chromium slowly, not wrongly.
    timeout: 0,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface Watched {
  page: Page;
  requests: string[];
  consoleErrors: string[];
}

/** A page whose requests and console errors are recorded for the assertions. */
export async function watchedPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Watched> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  // Content-Security-Policy violations, as the page itself sees them.
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { page, requests, consoleErrors };
}
