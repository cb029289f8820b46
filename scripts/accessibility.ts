/**
 * npx tsx scripts/accessibility.ts [dir]: runs the automated accessibility checks (src/accessibility/
 * page-checks.ts) on the pages of a built site (every page, generated families by a sample: built-pages.ts) in headless Chromium, writes the results to
 * <dir>/accessibilite/resultats.json and into the declaration page (/accessibilite/). A page
 * that fails a check does not stop the build: the declaration shows it, the browser tests fail
 * on it. Run by `npm run build` on the staging folder, after the PDFs.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { builtPages, representativePages } from '../src/accessibility/built-pages.ts';
import { checkPage } from '../src/accessibility/page-checks.ts';
import { fillResults } from '../src/accessibility/render.ts';
import { AXE_TAGS, failuresByCheck, RESULTS_FILE, type AccessibilityResults, type PageResult } from '../src/accessibility/results.ts';
import { withServedBrowser } from '../src/browser/serve.ts';
import { basePath } from '../src/site/deploy.ts';

export interface CheckOptions {
  /** Aborted by the build on SIGINT/SIGTERM/SIGHUP: Chromium is closed, the server stopped. */
  signal?: AbortSignal;
}

async function checkAll(outDir: string, { signal }: CheckOptions): Promise<AccessibilityResults> {
  const axeSource = readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
  const axeVersion = (JSON.parse(readFileSync(path.resolve('node_modules/axe-core/package.json'), 'utf8')) as { version: string }).version;
  return withServedBrowser(outDir, signal, async (browser, siteUrl) => {
    const checkedAt = new Date().toISOString();
    const all = builtPages(outDir);
    const pages = await checkInTabs(browser, siteUrl, representativePages(outDir, all), axeSource, signal);
    return { checkedAt, tool: { name: 'axe-core', version: axeVersion, tags: AXE_TAGS }, browser: `Chromium ${browser.version()}`, siteTotal: all.length, pages };
  });
}

// A few tabs at once: each spends most of its time waiting for the network to go idle.
const TABS = 3;

/** Checks the pages in TABS tabs of their own (focus and viewport are per tab), results in page order. */
async function checkInTabs(browser: Browser, siteUrl: string, pages: string[], axeSource: string, signal?: AbortSignal): Promise<PageResult[]> {
  const results: PageResult[] = new Array(pages.length);
  let next = 0;
  const worker = async () => {
    const context = await browser.newContext();
    // No time limit: a busy machine is slow, not broken; a signal stops the build.
    context.setDefaultTimeout(0);
    context.setDefaultNavigationTimeout(0);
    const tab = await context.newPage();
    for (let i = next++; i < pages.length; i = next++) {
      signal?.throwIfAborted();
      results[i] = await checkPage(tab, `${siteUrl}${pages[i]}`, pages[i]!, axeSource);
    }
    await context.close();
  };
  await Promise.all(Array.from({ length: TABS }, worker));
  return results;
}

/** Checks every page of `outDir`, writes the results file and fills the declaration; returns the results. */
export async function checkAccessibility(outDir: string, options: CheckOptions = {}): Promise<AccessibilityResults> {
  const results = await checkAll(outDir, options);
  const file = path.join(outDir, RESULTS_FILE);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  const declaration = path.join(outDir, 'accessibilite', 'index.html');
  writeFileSync(declaration, fillResults(readFileSync(declaration, 'utf8'), results, basePath()));
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await checkAccessibility(path.resolve(process.argv[2] ?? 'dist'));
  const failed = failuresByCheck(results);
  const failing = [...new Set([...failed.axe, ...failed.reflow, ...failed.skipLink])].sort();
  console.log(`Accessibilité : ${results.pages.length} page(s) contrôlée(s), ${failing.length} en échec${failing.length ? ` (${failing.join(', ')})` : ''}.`);
}
