import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { watchedPage } from '../../src/browser/chromium.ts';
import { catalog, reportsWithPages } from './catalog-pages.ts';
import { sharedBrowser } from './shared-browser.ts';
import { builtHtml, builtPages } from './site-pages.ts';

const baseUrl = inject('baseUrl');
const isDuckdb = (url: string) => /duckdb|\.wasm$/.test(url);

/**
 * The first chapter (plain URL of a report's latest edition) with a chart that has a territory
 * switch; none when no chart of the catalog's reports has several territories.
 */
function chartWithSwitch() {
  for (const report of reportsWithPages)
    for (const path of builtPages().filter((p) => p.startsWith(`/${report.id}/`) && !p.startsWith(`/${report.editionId}/`))) {
      if (parseHTML(builtHtml(path)).document.querySelector('figure[data-chart-switch]')) return { report, path };
    }
  return undefined;
}
const chart = chartWithSwitch();
const NO_SWITCH = 'no chart of the catalog’s reports has a territory switch: nothing to check';

const browser = sharedBrowser();

describe('report page, JavaScript disabled', () => {
  it('shows the chart as SVG, its caption, notes and data table, a working switch (chart-switch.test.ts), and no DuckDB', async ({ skip }) => {
    if (!chart) return skip(NO_SWITCH);
    const { page, requests } = await watchedPage(browser(), { javaScriptEnabled: false });
    await page.goto(`${baseUrl}${chart.path}`);
    const svg = page.locator('figure[data-chart-switch] svg[role="img"]:visible');
    expect(await svg.isVisible()).toBe(true);
    expect((await page.locator('figure[data-chart-switch] figcaption').first().textContent())!.trim()).not.toBe('');
    const notes = await page.locator('figure[data-chart-switch] .notes:visible').first().innerText();
    expect(notes).toMatch(/Champ\s: \S/);
    expect(notes).toMatch(/Sources?\s: \S/);
    expect(await page.locator('figure[data-chart-switch] tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('figure[data-chart-switch] [data-role="switch"]').first().isVisible()).toBe(true);
    // A disagreement of the source about these figures, recorded with the data, is told here.
    const rules = await page.locator('figure[data-chart-switch] .discrepancy [data-rule]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    for (const rule of rules) expect(chart.report.discrepancies.map((d) => d.rule)).toContain(rule);
    expect(requests.filter(isDuckdb)).toEqual([]);
  });
});

describe('home page', () => {
  it('lists every published report, with a figure bound to the data when it has entries', async () => {
    const { page, requests, consoleErrors } = await watchedPage(browser());
    await page.goto(`${baseUrl}/`);
    expect(reportsWithPages.length).toBeGreaterThan(0);
    for (const report of reportsWithPages) {
      const link = page.locator(`a[href="/${report.id}/"]`);
      expect(await link.textContent()).toBe(`Rapport ${report.year}`);
      const item = await link.locator('xpath=..').innerText();
      if ((report.resources.get('cep_entries')?.table.rows.length ?? 0) > 0) expect(item, report.id).toMatch(/Nouvelles entrées en CEP\s: \d[\d\u202f]*/);
    }
    expect(await page.locator('a[href^="/"][href$="/"]').count()).toBeGreaterThanOrEqual(catalog.reports.length);
    expect(requests.filter((u) => !u.startsWith(`${baseUrl}/`))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
