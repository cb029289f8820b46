/**
 * The explorer's controls as a reader uses them: checkbox filters with counts, the search of a
 * long list, the pager only when there are pages, the phone layout, download names, and the page
 * without JavaScript (its <noscript> files, its controls hidden). Views come from the catalog.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { watchedPage } from '../../src/browser/chromium.ts';
import { loadCatalog } from '../../src/data/catalog.ts';
import { labelMatches } from '../../src/explorer/filter-list.ts';
import { PAGE_SIZE } from '../../src/explorer/query.ts';
import { explorerViews, type ViewData } from '../../src/explorer/views.ts';
import { sharedBrowser } from './shared-browser.ts';
import { builtPages } from './site-pages.ts';

const baseUrl = inject('baseUrl');
const pages = builtPages();
const catalog = loadCatalog();
const published = catalog.reports.filter((r) => pages.includes(`/${r.id}/`));
const viewData = explorerViews(catalog, published);
const browser = sharedBrowser();
// One context for the pages with JavaScript: DuckDB-WASM is fetched and compiled once, from its cache after.
let context: BrowserContext;
beforeAll(async () => {
  context = await browser().newContext();
});
async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return { page, errors };
}

/** A facet's values in a view, with their labels and numbers of rows. */
function facet(d: ViewData, name: string): { value: string; label: string; count: number }[] {
  const field = d.view.fields.find((f) => f.name === name)!;
  const values = new Map<string, { value: string; label: string; count: number }>();
  for (const row of d.rows.filter((r) => r[name] !== null && r[name] !== undefined)) {
    const value = String(row[name]);
    const entry = values.get(value) ?? { value, label: String(field.label ? row[field.label] : value), count: 0 };
    entry.count++;
    values.set(value, entry);
  }
  return [...values.values()];
}
const facetsOf = (d: ViewData) => d.view.fields.filter((f) => f.role === 'facet' && facet(d, f.name).length > 1);

async function open(page: Page, search = ''): Promise<void> {
  await page.goto(`${baseUrl}/donnees/${search}`);
  await page.waitForSelector('#explorateur[data-ready], #explorateur [data-role="error"]:not([hidden])');
  expect(await page.locator('[data-role="error"]').isVisible()).toBe(false);
}
const ready = (page: Page) => page.waitForSelector('#explorateur[data-ready]');
const count = (page: Page) => page.locator('[data-role="count"]').textContent();

describe('explorer controls', () => {
  it('filters with a checkbox list giving each value’s rows, sets the URL, and clears', async () => {
    const d = viewData[0]!;
    const field = facetsOf(d)[0]!;
    const value = facet(d, field.name)[0]!;
    const { page, errors } = await newPage();
    await open(page);
    const list = page.locator(`fieldset.filter[data-filter="${field.name}"]`);
    expect(await list.locator('legend').textContent()).toBe(field.title);
    const box = list.locator(`input[data-control="filter"][value="${value.value}"]`);
    // `has` is matched inside each label: the inner locator must start from the page, not from `list`.
    const label = list.locator('label', { has: page.locator(`input[data-control="filter"][value="${value.value}"]`) });
    expect((await label.textContent())!.replace(/\s+/g, ' ').trim()).toBe(`${value.label} (${value.count} ${value.count > 1 ? 'lignes' : 'ligne'})`);
    await box.check();
    await page.waitForURL((u) => u.searchParams.get(`f.${field.name}`) === value.value);
    await ready(page);
    expect(await count(page)).toBe(`Lignes 1 à ${Math.min(PAGE_SIZE, value.count)} sur ${value.count}`);
    await list.locator('[data-control="clear-filter"]').click();
    await page.waitForURL((u) => !u.searchParams.has(`f.${field.name}`));
    await ready(page);
    expect(await box.isChecked()).toBe(false);
    expect(await list.locator('[data-control="clear-filter"]').isVisible()).toBe(false);
    expect(await count(page)).toBe(`Lignes 1 à ${Math.min(PAGE_SIZE, d.rows.length)} sur ${d.rows.length}`);
    expect(errors).toEqual([]);
  });

  it('narrows a long list by its search field, without case or accents', async ({ skip }) => {
    const found = viewData.flatMap((d) => facetsOf(d).map((f) => ({ d, f, values: facet(d, f.name) }))).find((x) => x.values.length >= 9);
    if (!found) return skip('no view has a filter of nine values or more');
    const { d, f, values } = found;
    const word = values[0]!.label.split(/\s+/).find((w) => w.length >= 3) ?? values[0]!.label;
    const query = word.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
    const page = (await newPage()).page;
    await open(page, `?vue=${d.view.id}`);
    const list = page.locator(`fieldset.filter[data-filter="${f.name}"]`);
    await list.locator('input[data-control="filter-search"]').fill(query);
    const shown = await list.locator('.filter-values li:visible .filter-label').allTextContents();
    expect(shown).toContain(values[0]!.label);
    expect(shown.sort()).toEqual(values.filter((v) => labelMatches(v.label, word)).map((v) => v.label).sort());
    expect(shown.length).toBeLessThan(values.length);
    await list.locator('input[data-control="filter-search"]').fill('zzzz-aucune-valeur');
    expect(await list.locator('.filter-values li:visible').count()).toBe(0);
    expect(await list.locator('[data-role="filter-none"]').isVisible()).toBe(true);
  });

  it('has no pager on a one-page result, and « Page n sur N » with previous and next on a longer one', async ({ skip }) => {
    const page = (await newPage()).page;
    const short = viewData.find((d) => d.rows.length <= PAGE_SIZE);
    const long = viewData.find((d) => d.rows.length > PAGE_SIZE);
    if (!short || !long) return skip('the catalog has no view of one page, or none of several');
    await open(page, `?vue=${short.view.id}`);
    expect(await page.locator('[data-role="pager"]').isVisible()).toBe(false);
    expect(await page.locator('[data-control="next"], [data-control="previous"]').count()).toBe(0);
    await open(page, `?vue=${long.view.id}`);
    const pages = Math.ceil(long.rows.length / PAGE_SIZE);
    const pager = page.locator('[data-role="pager"]');
    expect(await pager.locator('.pager-text').textContent()).toBe(`Page 1 sur ${pages}`);
    expect(await pager.locator('[data-control="previous"]').isDisabled()).toBe(true);
    await pager.locator('[data-control="next"]').click();
    await page.waitForURL((u) => u.searchParams.get('page') === '2');
    await ready(page);
    expect(await pager.locator('.pager-text').textContent()).toBe(`Page 2 sur ${pages}`);
    expect(await pager.locator('[data-control="previous"]').isEnabled()).toBe(true);
  });

  it('fits a phone: no page-level overflow, the table scrolls in its region, a long label once per group', async () => {
    const { page } = await newPage();
    await page.setViewportSize({ width: 390, height: 800 });
    const widest = [...viewData].sort((a, b) => b.columns.length - a.columns.length)[0]!;
    for (const d of [viewData[0]!, widest]) {
      await open(page, `?vue=${d.view.id}`);
      const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(scrollWidth, d.view.id).toBeLessThanOrEqual(clientWidth);
    }
    // The default view across reports: each report's table title heads its rows, once.
    await open(page);
    const titles = await page.locator('[data-role="result"] tbody [data-column="dataset"]').allTextContents();
    const rows = await page.locator('[data-role="result"] tbody tr:not(.group)').count();
    if (titles.length) {
      expect(titles.length).toBeLessThan(rows);
      expect(new Set(titles).size).toBe(titles.length);
    }
    const first = page.locator('[data-role="result"] tbody th[scope="row"]').first();
    expect(await first.evaluate((th) => getComputedStyle(th).position)).toBe('sticky');
  });

  it('names downloads after what they hold', async () => {
    const report = published[0]!;
    const own = viewData.find((d) => d.view.report === report.id && facetsOf(d).length > 0)!;
    const across = viewData[0]!;
    const field = facetsOf(across)[0]!;
    const value = facet(across, field.name)[0]!.value;
    const page = (await newPage()).page;
    const saved = async (format: 'csv' | 'excel') => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-control="download"][data-format="${format}"]`)]);
      return file.suggestedFilename();
    };
    await open(page, `?vue=${own.view.id}`);
    const dataset = own.view.id.split('--')[1]!.replaceAll('_', '-');
    expect(await saved('csv')).toBe(`${report.id.replace('/', '-')}-v${report.edition.number}-${dataset}.csv`);
    await open(page, `?vue=${across.view.id}&f.${field.name}=${encodeURIComponent(value)}`);
    const suffix = value.length <= 32 ? value.toLowerCase().replace(/[^a-z0-9]+/g, '-') : 'filtre';
    expect(await saved('excel')).toBe(`tous-les-rapports-${across.view.id.slice('tous--'.length)}-${suffix}-excel.csv`);
  });

  it('without JavaScript: says what needs it, links every view’s CSV and Excel CSV (all served), hides the controls', async () => {
    const { page } = await watchedPage(browser(), { javaScriptEnabled: false });
    await page.goto(`${baseUrl}/donnees/`);
    expect(await page.locator('.explorer-noscript').textContent()).toMatch(/Sans JavaScript, l’explorateur ne peut ni filtrer/);
    const links = await page.locator('.explorer-noscript a').evaluateAll((as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, name: a.getAttribute('download') })));
    for (const { view } of viewData) {
      expect(links.map((l) => new URL(l.href).pathname), view.id).toEqual(expect.arrayContaining([`/donnees/explorateur/${view.id}.csv`, `/donnees/explorateur/excel/${view.id}.csv`]));
    }
    for (const link of links) {
      const response = await fetch(link.href);
      expect(response.status, link.href).toBe(200);
      // The byte order mark from the bytes: a text decoder drops it.
      const bytes = new Uint8Array(await response.arrayBuffer());
      const text = new TextDecoder().decode(bytes);
      if (link.href.includes('/excel/')) expect([...bytes.subarray(0, 3)].join(',') === '239,187,191' && text.split('\r\n')[0]!.includes(';'), link.href).toBe(true);
      expect(link.name, link.href).toMatch(/^[a-z0-9-]+\.csv$/);
    }
    for (const role of ['controls', 'status', 'pager']) expect(await page.locator(`[data-role="${role}"]`).isVisible(), role).toBe(false);
    expect(await page.locator('.explorer-modes').isVisible()).toBe(false);
    expect(await page.locator('[data-control="download"]').first().isVisible()).toBe(false);
    expect(await page.locator('[data-role="result"] tbody tr').first().isVisible()).toBe(true);
    expect(await page.locator('[data-role="result"] button.sort:enabled').count()).toBe(0);
  });
});
