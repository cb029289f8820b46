import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { watchedPage } from '../../src/browser/chromium.ts';
import { catalog, reportsWithPages } from './catalog-pages.ts';
import { sharedBrowser } from './shared-browser.ts';
import { builtHtml, builtPages } from './site-pages.ts';

const baseUrl = inject('baseUrl');
const isDuckdb = (url: string) => /duckdb|\.wasm$/.test(url);

/**
 * The first chapter (plain URL of a report's latest edition) with a chart that has a territory
 * switch, and the switch's territories as the build wrote them; none when no chart of the
 * catalog's reports has several territories.
 */
function chartWithSwitch() {
  for (const report of reportsWithPages)
    for (const path of builtPages().filter((p) => p.startsWith(`/${report.id}/`) && !p.startsWith(`/${report.editionId}/`))) {
      const figure = parseHTML(builtHtml(path)).document.querySelector('figure[data-chart-switch]');
      if (!figure) continue;
      const territories = [...figure.querySelectorAll('[data-role="switch"] input[type="radio"]')].map((input) => ({
        code: input.getAttribute('value')!,
        label: input.closest('label')!.textContent!.trim(),
      }));
      return { report, path, territories };
    }
  return undefined;
}
const chart = chartWithSwitch();
const NO_SWITCH = 'no chart of the catalog’s reports has a territory switch: nothing to check';

const browser = sharedBrowser();

describe('report page, JavaScript disabled', () => {
  it('shows the chart as SVG, its caption, notes and data table, the switch hidden, and no DuckDB', async ({ skip }) => {
    if (!chart) return skip(NO_SWITCH);
    const { page, requests } = await watchedPage(browser(), { javaScriptEnabled: false });
    await page.goto(`${baseUrl}${chart.path}`);
    const svg = page.locator('figure[data-chart-switch] svg[role="img"]:visible');
    expect(await svg.isVisible()).toBe(true);
    expect((await page.locator('figure[data-chart-switch] figcaption').first().textContent())!.trim()).not.toBe('');
    const notes = await page.locator('figure[data-chart-switch] .notes').first().innerText();
    expect(notes).toMatch(/Champ\s: \S/);
    expect(notes).toMatch(/Sources?\s: \S/);
    expect(await page.locator('figure[data-chart-switch] tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('figure[data-chart-switch] [data-role="switch"]').first().isVisible()).toBe(false);
    // A disagreement of the source about these figures, recorded with the data, is told here.
    const rules = await page.locator('figure[data-chart-switch] .discrepancy [data-rule]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    for (const rule of rules) expect(chart.report.discrepancies.map((d) => d.rule)).toContain(rule);
    expect(requests.filter(isDuckdb)).toEqual([]);
  });
});

/** Count and share per operator written at build time in the « Voir les données » table. */
function buildTimeValues(page: Page, territory: string): Promise<string[]> {
  return page.$$eval(`figure[data-chart-switch] tbody tr`, (rows, t) =>
    rows.map((row) => {
      const cell = (m: string) => row.querySelector(`td[data-territory="${t}"][data-measure="${m}"]`)!.textContent;
      return `${row.querySelector('th')!.textContent} : ${cell('numerator')} entrées, ${cell('value')}`;
    }).sort(), territory);
}

/** The same, as drawn in the chart now on screen (the bars' titles, in the size shown). */
async function drawnValues(page: Page): Promise<string[]> {
  return (await page.locator('figure[data-chart-switch] svg:visible rect title').allTextContents()).sort();
}

async function switchTo(page: Page, territory: { code: string; label: string }): Promise<void> {
  await page.locator('figure[data-chart-switch]').first().getByLabel(territory.label, { exact: true }).check();
  await page.waitForFunction((code) => document.querySelector('figure[data-chart-switch]')?.getAttribute('data-territory') === code, territory.code);
}

describe('report page, territory switch', () => {
  it('loads nothing of DuckDB before the reader asks, then recomputes the build-time values in the browser', async ({ skip }) => {
    if (!chart) return skip(NO_SWITCH);
    expect(chart.territories.length).toBeGreaterThan(1);
    const [first, other] = chart.territories as [{ code: string; label: string }, { code: string; label: string }];
    const { page, requests, consoleErrors } = await watchedPage(browser());
    await page.goto(`${baseUrl}${chart.path}`);
    await page.waitForLoadState('networkidle');
    expect(requests.filter(isDuckdb)).toEqual([]);

    const buildTime = await buildTimeValues(page, other.code);
    expect(buildTime.length).toBeGreaterThan(0);
    const altBefore = await page.locator('figure[data-chart-switch] [data-role="alt"]').first().textContent();

    await switchTo(page, other);
    expect(requests.some((u) => u.endsWith('.wasm'))).toBe(true);
    expect(await drawnValues(page)).toEqual(buildTime);
    expect(await page.locator('figure[data-chart-switch] figcaption').first().textContent()).toContain(other.label);
    expect(await page.locator('figure[data-chart-switch] [data-role="alt"]').first().textContent()).not.toBe(altBefore);

    // Back to the first territory: the browser's values equal the build-time ones there too.
    await switchTo(page, first);
    expect(await drawnValues(page)).toEqual(await buildTimeValues(page, first.code));

    expect(requests.filter((u) => !u.startsWith(`${baseUrl}/`))).toEqual([]);
    expect(consoleErrors).toEqual([]);
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
