import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { watchedPage } from '../../src/browser/chromium.ts';
import { sharedBrowser } from './shared-browser.ts';
import { loadCatalog } from '../../src/data/catalog.ts';
import { loadIndicators } from '../../src/indicators/catalogue.ts';
import type { IndicatorComparison } from '../../src/explorer/comparison-model.ts';
import { parseState } from '../../src/explorer/query.ts';
import { explorerViews } from '../../src/explorer/views.ts';
import { operatorName } from '../../src/data/labels.ts';
import { builtHtml, builtPages } from './site-pages.ts';

const baseUrl = inject('baseUrl');
const pages = builtPages();
const catalog = loadCatalog();
const published = catalog.reports.filter((r) => pages.includes(`/${r.id}/`));
const viewData = explorerViews(catalog, published);
const views = viewData.map((d) => d.view);

// The default view (the first), filtered on the region of a published report that has rows in it.
const defaultView = viewData[0]!;
const region = published.map((r) => r.region.code).find((code) => defaultView.rows.some((r) => r.territory === code));
const regionRows = defaultView.rows.filter((r) => r.territory === region);
const lines = (n: number) => `Lignes 1 à ${Math.min(25, n)} sur ${n}`;

// A report's own view with an operator and a share per row, filtered on one of its operators.
const shared = viewData
  .filter((d) => !d.view.id.startsWith('tous--') && ['operator', 'share'].every((f) => d.view.fields.some((x) => x.name === f)))
  .map((d) => ({ d, operator: d.rows.find((r) => r.share !== null && r.operator !== 'ensemble')?.operator as string | undefined }))
  .find((x) => x.operator !== undefined);

const browser = sharedBrowser();

async function ready(page: Page): Promise<void> {
  await page.waitForSelector('#explorateur[data-ready], #explorateur [data-role="error"]:not([hidden])');
}
const count = (page: Page) => page.locator('[data-role="count"]').textContent();
const column = (page: Page, name: string) => page.$$eval(`[data-role="result"] tbody [data-column="${name}"]`, (cells) => cells.map((c) => c.getAttribute('data-value')));

describe('explorer', () => {
  it('shows the default view’s rows without JavaScript (prerendered)', async () => {
    const { page } = await watchedPage(browser(), { javaScriptEnabled: false });
    await page.goto(`${baseUrl}/donnees/`);
    const shown = (await count(page))!.match(/^Lignes 1 à (\d+) sur (\d+)$/);
    expect(shown).not.toBeNull();
    expect(await page.locator('[data-role="result"] tbody tr:not(.group)').count()).toBe(Number(shown![1]));
    expect(Number(shown![1])).toBe(Math.min(25, Number(shown![2])));
  });

  it('filters, groups and sorts with DuckDB-WASM, and keeps the state in the URL', async ({ skip }) => {
    if (!region || !defaultView.view.fields.some((f) => f.name === 'operator')) return skip('the default view has no region’s rows by operator: nothing to filter');
    const { page, requests, consoleErrors } = await watchedPage(browser());
    await page.goto(`${baseUrl}/donnees/`);
    await ready(page);
    await page.locator(`input[data-control="filter"][data-field="territory"][value="${region}"]`).check();
    await page.waitForURL(new RegExp(`f\\.territory=${region}`));
    await ready(page);
    expect(await count(page)).toBe(lines(regionRows.length));
    expect(new Set(await column(page, 'territory'))).toEqual(new Set([region]));

    await page.locator('input[data-control="group"][value="operator"]').check();
    await page.waitForURL(/grouper=operator/);
    await ready(page);
    const entries = (await column(page, 'entries')).map(Number);
    // The operators and their total, summed by operator: the same sum as the rows'.
    expect(entries.reduce((a, b) => a + b, 0)).toBe(regionRows.reduce((a, r) => a + Number(r.entries ?? 0), 0));
    const operators = new Set(regionRows.map((r) => r.operator)).size;
    expect(await page.locator('[data-role="chart"] svg[role="img"]:visible rect').count()).toBe(operators); // drawn by Plot in the browser
    await page.locator('button[data-sort="entries"]').click();
    await page.waitForURL((u) => decodeURIComponent(u.search).includes('tri=entries:asc'));
    await ready(page);
    const sorted = (await column(page, 'entries')).map(Number);
    expect(sorted).toEqual([...sorted].sort((a, b) => a - b));

    // Back: the URL and the table come back to the ungrouped filter.
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('tri='));
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('grouper='));
    await ready(page);
    expect(await count(page)).toBe(lines(regionRows.length));
    expect(requests.filter((u) => !u.startsWith(`${baseUrl}/`))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('opens a shared link in the state it describes', async ({ skip }) => {
    if (!shared) return skip('no report’s own view has an operator and a share per row');
    const { d, operator } = shared;
    const { page } = await watchedPage(browser());
    await page.goto(`${baseUrl}/donnees/?vue=${d.view.id}&f.operator=${operator}&tri=share:desc`);
    await ready(page);
    expect(await page.locator('select[data-control="view"]').inputValue()).toBe(d.view.id);
    const report = published.find((r) => d.view.id.startsWith(`${r.id.replace('/', '-')}--`))!;
    expect(await page.locator('label:has(input[data-field="operator"]:checked) .filter-label').allTextContents()).toEqual([operatorName(catalog, report, operator!)]);
    const shares = (await column(page, 'share')).map(Number);
    expect(shares[0]).toBe(Math.max(...d.rows.filter((r) => r.operator === operator && r.share !== null).map((r) => Number(r.share))));
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
  });

  it('computes every indicator of every report as the report pages show it', async () => {
    // Values written at build time in the reports' pages, with what they were computed for.
    const shown = pages
      .filter((p) => published.some((r) => p.startsWith(`/${r.id}/`)))
      .flatMap((p) =>
        [...parseHTML(builtHtml(p)).document.querySelectorAll('data[data-indicator]')].map((d) => ({
          report: published.find((r) => p.startsWith(`/${r.id}/`))!,
          indicator: d.getAttribute('data-indicator')!,
          params: JSON.parse(d.getAttribute('data-params')!) as Record<string, string>,
          value: d.getAttribute('value')!,
        })),
      )
      .filter((v) => v.params.territory === v.report.region.code);
    expect(shown.length).toBeGreaterThan(0);
    const used = loadIndicators().indicators.filter((i) => shown.some((v) => v.indicator === i.id));
    // The explorer's comparisons (computed at build time) hold each of them, from that report.
    const { page } = await watchedPage(browser());
    await page.goto(`${baseUrl}/donnees/`);
    for (const indicator of used) {
      const comparison = (await page.evaluate(async (url) => (await fetch(url)).json(), `${baseUrl}/donnees/indicateurs/${indicator.id}.json`)) as IndicatorComparison;
      for (const v of shown.filter((s) => s.indicator === indicator.id)) {
        const row = comparison.rows.find(
          (r) => r.territory === v.params.territory && String(r.year ?? '') === String(v.params.year ?? '') && Object.entries(r.dimensions).every(([d, code]) => String(code) === String(v.params[d])),
        );
        expect(String(row?.value ?? ''), `${v.report.id} ${indicator.id} ${JSON.stringify(v.params)}`).toBe(v.value);
        expect(comparison.sources[row!.source]!.report).toBe(v.report.id);
      }
    }
  });

  it('turns a hostile link into an error or an empty result, and runs nothing of it', async () => {
    const { page, requests } = await watchedPage(browser());
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    const hostile = [
      `?vue=${encodeURIComponent("tous--cep-entries-by-operator'; DROP TABLE x; --")}`,
      `?f.${encodeURIComponent('territory" OR 1=1 --')}=28`,
      `?tri=${encodeURIComponent('entries; SELECT 1')}`,
      `?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`,
      `?f.territory=${encodeURIComponent("28' OR '1'='1")}`,
      `?q=${'a'.repeat(5000)}`,
      `?indicateur=${encodeURIComponent('<script>alert(1)</script>')}`,
    ];
    for (const search of hostile) {
      await page.goto(`${baseUrl}/donnees/${search}`);
      await ready(page);
      const error = await page.locator('[data-role="error"]').isVisible();
      const rows = await page.locator('[data-role="result"] tbody tr:has([data-column])').count();
      expect(error || rows === 0, search).toBe(true);
    }
    expect(dialogs).toEqual([]);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(requests.filter((u) => !u.startsWith(`${baseUrl}/`))).toEqual([]);
  });

  it('refuses a page number not written in digits (1e3 would read as page 1000)', async () => {
    const page = await browser().newPage();
    for (const number of ['1e3', '0x10', '2.0']) {
      await page.goto(`${baseUrl}/donnees/?page=${number}`);
      await ready(page);
      expect(await page.locator('[data-role="error"]').innerText(), number).toBe('Ce lien d’exploration n’est pas valide (page invalide). Revenir à la vue par défaut.');
    }
    await page.close();
  });

  it('every « Explorer ces données » link of the reports opens a valid state', () => {
    const links = pages.flatMap((p) => [...parseHTML(builtHtml(p)).document.querySelectorAll('a[href^="/donnees/?"]')].map((a) => a.getAttribute('href')!));
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) expect(() => parseState(link.slice('/donnees/'.length), views, loadIndicators().indicators.map((i) => i.id), views[0]!.id), link).not.toThrow();
  });
});
