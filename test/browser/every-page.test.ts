import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { readResults, REFLOW_WIDTH, RESULTS_FILE } from '../../src/accessibility/results.ts';
import { watchedPage } from '../../src/browser/chromium.ts';
import { chapterUrls, reportsWithPages } from './catalog-pages.ts';
import { sharedBrowser } from './shared-browser.ts';
import { builtHtml, builtPages, DIST, representativePages } from './site-pages.ts';

const baseUrl = inject('baseUrl');
const checks = readResults(DIST);
const pages = builtPages();
/** What a browser opens: every page, each family of generated pages by its first and largest (site-pages.ts). */
const opened = representativePages(pages);

const browser = sharedBrowser();

describe('every built page', () => {
  it('there are pages to check: home, each region, report and chapter of the catalog, methodology…', () => {
    const reports = reportsWithPages.flatMap((r) => [`/${r.region.slug}/`, `/${r.id}/`, ...chapterUrls(r, true)]);
    expect(reports.length).toBeGreaterThan(0);
    expect(pages).toEqual(expect.arrayContaining(['/', ...reports, '/methodologie/', '/glossaire/', '/mentions-legales/', '/recherche/']));
  });

  // axe-core, reflow and skip link ran in the build (scripts/accessibility.ts) on these same pages.
  it.each(opened)('%s: no WCAG 2.1 AA violation (axe-core), reflow at 320 px, skip link first, no CSP violation, no console error, no request to another origin', async (page) => {
    const checked = checks?.pages.find((p) => p.page === page);
    expect(checked, `${page} : absente de dist/${RESULTS_FILE}`).toBeDefined();
    expect(checked!.axe.violations.map((v) => `${v.id}: ${v.targets.join(', ')}`)).toEqual([]);
    expect(checked!.reflowWidth).toBeLessThanOrEqual(REFLOW_WIDTH);
    expect(checked!.skipLink).not.toBe(false);
    const { page: tab, requests, consoleErrors } = await watchedPage(browser());
    await tab.goto(`${baseUrl}${page}`, { waitUntil: 'networkidle' });
    expect(await tab.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(`${baseUrl}/`))).toEqual([]);
    await tab.context().close();
  });
});

describe('on a phone (390 px wide)', () => {
  it('no page is wider than the screen: wide tables and code scroll in their own box', async () => {
    const context = await browser().newContext({ viewport: { width: 390, height: 844 } });
    const tab = await context.newPage();
    const tooWide: string[] = [];
    for (const page of opened) {
      await tab.goto(`${baseUrl}${page}`);
      const width = await tab.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) tooWide.push(`${page}: ${width} px`);
    }
    await context.close();
    expect(tooWide).toEqual([]);
  });
});

describe('security', () => {
  it.each(pages)('%s: carries the Content-Security-Policy and no inline script', (page) => {
    const { document } = parseHTML(builtHtml(page));
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    // Data blocks (JSON, JSON-LD) are never executed.
    const inline = [...document.querySelectorAll('script:not([src])')].filter((s) => !['application/json', 'application/ld+json'].includes(s.getAttribute('type')!));
    expect(inline.map((s) => s.outerHTML.slice(0, 80))).toEqual([]);
  });
});

describe('links', () => {
  it('every internal link and anchor of every page resolves', () => {
    const broken: string[] = [];
    // Each page's ids, read once: thousands of figures link to anchors of the same provenance pages.
    const idsOf = new Map<string, Set<string>>();
    const ids = (file: string) => {
      let found = idsOf.get(file);
      if (!found) idsOf.set(file, (found = new Set([...parseHTML(readFileSync(file, 'utf8')).document.querySelectorAll('[id]')].map((e) => e.id))));
      return found;
    };
    for (const page of pages) {
      const { document } = parseHTML(builtHtml(page));
      for (const a of document.querySelectorAll('a[href]')) {
        const href = a.getAttribute('href')!;
        if (/^(https?:|mailto:)/.test(href)) continue;
        const url = new URL(href, `http://site${page}`);
        const target = url.pathname;
        const file = target.endsWith('/') ? path.join(DIST, target, 'index.html') : path.join(DIST, target);
        if (!existsSync(file)) {
          broken.push(`${page} → ${href}`);
          continue;
        }
        if (url.hash && file.endsWith('.html')) {
          const id = decodeURIComponent(url.hash.slice(1));
          if (!ids(file).has(id)) broken.push(`${page} → ${href} (ancre absente)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('INVENTORY items', () => {
  it('every dataset that holds an INVENTORY item is shown on a page of its report', async () => {
    const { loadCatalog } = await import('../../src/data/catalog.ts');
    const { datasetsByItem, inventoryItems } = await import('../../src/data/inventory.ts');
    const catalog = loadCatalog();
    const byItem = datasetsByItem(catalog);
    // Nomenclatures (kind « categories ») are shown through the labels of the tables that use them.
    const isNomenclature = (d: string) => {
      const [region, year, name] = d.split('/');
      return catalog.reports.find((r) => r.id === `${region}/${year}`)?.resources.get(name!)?.descriptor.cep?.kind === 'categories';
    };
    const shown = new Map<string, Set<string>>();
    for (const page of pages) {
      const report = page.split('/').slice(1, 3).join('/');
      const names = shown.get(report) ?? new Set<string>();
      for (const m of builtHtml(page).matchAll(/data-dataset="([a-z0-9_]+)"/g)) names.add(m[1]!);
      shown.set(report, names);
    }
    const missing = inventoryItems().flatMap((item) =>
      (byItem.get(item.id) ?? [`${item.id}: no dataset`]).filter((d) => !isNomenclature(d)).filter((d) => {
        const [region, year, name] = d.split('/');
        return !shown.get(`${region}/${year}`)?.has(name!);
      }).map((d) => `${item.id} → ${d}`),
    );
    expect(missing).toEqual([]);
  });
});
